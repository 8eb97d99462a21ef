namespace Bindings.Generator.Model;

/// <summary>
/// One spec file as read, before names are resolved across the files of its API. Type references are
/// still text, with their locations kept for the diagnostics the resolver may raise.
/// </summary>
internal sealed record SpecDocument(
    string FilePath,
    DeclaredApi? Api,
    EquatableArray<DeclaredEnum> Enums,
    EquatableArray<DeclaredShape> Shapes,
    EquatableArray<DeclaredOperation> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>An additional file that is no spec (its name does not end in .yaml or .yml): nothing to read.</summary>
    public static SpecDocument NotASpec(string filePath) => new(
        filePath, null, EquatableArray<DeclaredEnum>.Empty, EquatableArray<DeclaredShape>.Empty, EquatableArray<DeclaredOperation>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}

/// <summary>
/// The API header of a file. <see cref="Namespace"/> is the file's own <c>namespace</c> key (null when it
/// leaves it to another file); an MSBuild override applies later, in the declaration table.
/// </summary>
internal sealed record DeclaredApi(
    string Product,
    string Version,
    string? Namespace,
    string? Description,
    EndpointsModel? Endpoints,
    SpecLocation Location,
    SpecLocation? NamespaceLocation);

internal sealed record DeclaredEnum(EnumModel Model, SpecLocation Location);

internal sealed record DeclaredShape(string Name, string? Description, EquatableArray<DeclaredMember> Members, SpecLocation Location);

internal sealed record DeclaredOperation(
    string Name,
    string? Description,
    bool ReadOnly,
    EquatableArray<DeclaredMember> Request,
    EquatableArray<DeclaredMember> Response,
    SpecLocation Location,
    bool Anonymous = false,
    EquatableArray<string> RetryableErrors = default,
    string? Deprecated = null,
    DeclaredPagination? Pagination = null,
    EquatableArray<DeclaredWaiter> Waiters = default);

/// <summary>A member as written: the type is a name still to resolve (<c>list</c> with its <c>items</c>).</summary>
internal sealed record DeclaredMember(
    string WireName,
    string PropertyName,
    string TypeName,
    string? ItemTypeName,
    string? ItemWireName,
    bool Required,
    string? Description,
    string? Example,
    string? DocumentedType,
    Constraints Constraints,
    bool IsIdempotencyToken,
    SpecLocation NameLocation,
    SpecLocation TypeLocation,
    DeclaredMemberOptions Options,
    SpecLocation WireNameLocation);
