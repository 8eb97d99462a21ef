using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Emitting;

namespace Bindings.Generator.Model;

/// <summary>
/// What every spec file declares, joined: one <see cref="ApiDeclarations"/> per product and version. It holds
/// names and kinds, not members or descriptions, so editing a description or a member leaves it equal and
/// the other files' resolution cached; only a change to a declaration re-resolves the files of its API.
/// The one exception is <see cref="WaiterShapes"/>: the members of the shapes that a waiter's path walks
/// through in another file than the waiter's, so that only an edit of such a shape's members reaches the
/// files with waiters (and no other file).
/// </summary>
internal sealed record DeclarationTable(EquatableArray<ApiDeclarations> Apis, SpecSettings Settings, EquatableArray<ShapeOutline> WaiterShapes)
{
    /// <summary>The outlines a file's waiters may walk: of its API's shapes declared in other files; none for a file without waiters.</summary>
    public EquatableArray<ShapeOutline> WaiterShapesFor(SpecDocument document)
    {
        if (document.Api is not { } api || WaiterShapes.Count == 0 || !document.Operations.Any(operation => operation.Waiters.Count > 0))
        {
            return EquatableArray<ShapeOutline>.Empty;
        }

        return WaiterShapes
            .Where(shape => shape.Product == api.Product && shape.Version == api.Version && shape.OwnerFile != document.FilePath)
            .ToEquatableArray();
    }

    public ApiDeclarations? ApiOf(DeclaredApi api)
    {
        foreach (var candidate in Apis)
        {
            if (candidate.Product == api.Product && candidate.Version == api.Version)
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>What kind of generated type a name stands for.</summary>
internal enum DeclarationKind
{
    Enum,

    /// <summary>The C# enum <c>XKind</c> of an enum <c>X</c>.</summary>
    EnumKind,
    Shape,
    Request,
    Response,

    /// <summary>The product's client, and its registration class.</summary>
    Client,
}

/// <summary>Where a declaration stands in its file: which section, and the how-manieth entry of it.</summary>
internal enum DeclarationSection
{
    /// <summary>The file's header: the product's client.</summary>
    Header,
    Enums,
    Shapes,
    Operations,
}

/// <summary>
/// One generated type of an API: its name and kind, the declaration that owns it (the first in file order;
/// a later one of the same name is BND004 in its own file), the suffix its file name needs when another
/// differs only in case, and why it cannot be generated, if it cannot. The owner is named by its file,
/// section and index there, not by line: an edit above it (a new enum value) must leave the table equal.
/// </summary>
internal sealed record TypeDeclaration(
    string Name,
    DeclarationKind Kind,
    string OwnerFile,
    DeclarationSection OwnerSection,
    int OwnerIndex,
    string HintSuffix,
    string? Problem)
{
    public bool IsOwnedBy(string filePath, DeclarationSection section, int index)
        => OwnerFile == filePath && OwnerSection == section && OwnerIndex == index;

    /// <summary>An enum or a shape (a response too) can be a member's type; a request or the client cannot.</summary>
    public ValueKind? MemberKind => Kind switch
    {
        DeclarationKind.Enum => ValueKind.Enum,
        DeclarationKind.Shape or DeclarationKind.Response => ValueKind.Shape,
        _ => null,
    };
}

/// <summary>A setting of an API that its files must agree on, with the file it was first set in.</summary>
internal sealed record ApiSetting<T>(T Value, string FilePath);

/// <summary>
/// The declarations of one product and version: its namespace (or why it has none), the settings its files
/// share, and its generated types sorted by name. The same instance serves every file of the API.
/// </summary>
internal sealed class ApiDeclarations : IEquatable<ApiDeclarations>
{
    private Dictionary<string, TypeDeclaration>? _byName;

    public ApiDeclarations(
        string product,
        string version,
        string firstFile,
        string @namespace,
        string? sharedNamespaceWith,
        string? reservedNamespaceOwner,
        ApiSetting<string>? explicitNamespace,
        ApiSetting<EndpointsModel>? endpoints,
        ApiSetting<string>? description,
        EquatableArray<TypeDeclaration> types,
        bool hasOperations)
    {
        Product = product;
        Version = version;
        FirstFile = firstFile;
        Namespace = @namespace;
        SharedNamespaceWith = sharedNamespaceWith;
        ReservedNamespaceOwner = reservedNamespaceOwner;
        ExplicitNamespace = explicitNamespace;
        Endpoints = endpoints;
        Description = description;
        Types = types;
        HasOperations = hasOperations;
    }

    public string Product { get; }

    public string Version { get; }

    public string Name => Product + " " + Version;

    /// <summary>The API's first spec file in path order: its header holds the client's names and the API-wide diagnostics.</summary>
    public string FirstFile { get; }

    /// <summary>Where the API's types go.</summary>
    public string Namespace { get; }

    /// <summary>The older version of the product that set the same namespace: then nothing of this one is generated.</summary>
    public string? SharedNamespaceWith { get; }

    /// <summary>Whose the namespace is when it is the runtime's or the framework's: then nothing is generated.</summary>
    public string? ReservedNamespaceOwner { get; }

    /// <summary>True when the API's types can be generated.</summary>
    public bool IsGenerated => SharedNamespaceWith is null && ReservedNamespaceOwner is null;

    public ApiSetting<string>? ExplicitNamespace { get; }

    public ApiSetting<EndpointsModel>? Endpoints { get; }

    public ApiSetting<string>? Description { get; }

    public EquatableArray<TypeDeclaration> Types { get; }

    /// <summary>True when a file declares an operation: the API has a client.</summary>
    public bool HasOperations { get; }

    /// <summary>
    /// True when the API's client is generated: it has operations and owns every name of the client
    /// (<see cref="TypeSurfaces.Client.TypeNames"/>); each operation's file then adds its method to it.
    /// </summary>
    public bool HasClient => IsGenerated && HasOperations
        && TypeSurfaces.Client.TypeNames(Product).All(name => Find(name) is { Problem: null } client && client.OwnerFile == FirstFile);

    public TypeDeclaration? Find(string name)
    {
        _byName ??= Types.ToDictionary(type => type.Name, StringComparer.Ordinal);
        return _byName.TryGetValue(name, out var type) ? type : null;
    }

    public bool Equals(ApiDeclarations? other)
        => other is not null
           && (ReferenceEquals(this, other)
               || (Product == other.Product && Version == other.Version && FirstFile == other.FirstFile && Namespace == other.Namespace
                   && SharedNamespaceWith == other.SharedNamespaceWith && ReservedNamespaceOwner == other.ReservedNamespaceOwner
                   && Equals(ExplicitNamespace, other.ExplicitNamespace) && Equals(Endpoints, other.Endpoints) && Equals(Description, other.Description)
                   && HasOperations == other.HasOperations && Types == other.Types));

    public override bool Equals(object? obj) => Equals(obj as ApiDeclarations);

    public override int GetHashCode() => (Product, Version, Namespace, Types.Count).GetHashCode();
}
