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
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The API header of a file. <see cref="Namespace"/> is null when the file leaves it to another file.</summary>
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
    EquatableArray<string> RetryableErrors = default);

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
    SpecLocation TypeLocation);
