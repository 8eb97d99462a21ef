namespace Bindings.Generator.Model;

/// <summary>
/// One self-contained piece of output. Each unit carries everything its emitter needs, so an edit to
/// one spec changes only that spec's units and every other unit stays cached.
/// </summary>
internal abstract record EmitUnit(string Namespace, string Product)
{
    /// <summary>
    /// The accessibility of the generated top-level types: <c>public</c>, or <c>internal</c> when the
    /// project sets <c>BindingsAccessibility</c> (the runtime does, for its own STS client).
    /// </summary>
    public string Accessibility { get; init; } = "public";

    /// <summary>The C# type the unit declares; also names the generated file.</summary>
    public abstract string TypeName { get; }

    /// <summary>
    /// Added to the file name when another unit's file name differs from this one's only in case
    /// (<c>.2</c>): the compiler compares file names ignoring case.
    /// </summary>
    public string HintSuffix { get; init; } = string.Empty;

    /// <summary>The name of the generated file.</summary>
    public string HintName => Namespace + "." + TypeName + HintSuffix + ".g.cs";
}

/// <summary>An enum type with its wire-value mapping.</summary>
internal sealed record EnumUnit(string Namespace, string Product, EnumModel Enum) : EmitUnit(Namespace, Product)
{
    public override string TypeName => Enum.Name;
}

/// <summary>A response structure (an operation's response or a shape) with its JSON and XML readers.</summary>
internal sealed record ShapeUnit(
    string Namespace,
    string Product,
    string Name,
    string? Description,
    EquatableArray<MemberModel> Members,
    string? OperationName) : EmitUnit(Namespace, Product)
{
    public override string TypeName => Name;

    /// <summary>
    /// The root element a document of this type must have: <c>{Action}Response</c> for an operation's
    /// response; null for a structure, whose element is named by the member that holds it.
    /// </summary>
    public string? XmlRootName => OperationName is null ? null : OperationName + Emitting.TypeSurfaces.Client.ResponseSuffix;
}

/// <summary>An operation's request type: typed parameters, validation and the wire parameters.</summary>
internal sealed record RequestUnit(
    string Namespace,
    string Product,
    string Version,
    string OperationName,
    string? Description,
    bool ReadOnly,
    EquatableArray<MemberModel> Parameters) : EmitUnit(Namespace, Product)
{
    public override string TypeName => OperationName + Emitting.TypeSurfaces.Request.TypeSuffix;

    public string ResponseTypeName => OperationName + Emitting.TypeSurfaces.Client.ResponseSuffix;
}

/// <summary>One operation of a client, as the client emitter needs it.</summary>
/// <param name="Anonymous">Sent unsigned (Alibaba's <c>authType: Anonymous</c>), like STS <c>AssumeRoleWithOIDC</c>.</param>
/// <param name="RetryableErrors">Error codes that mean the service did not execute the call: retried for this operation whatever it is.</param>
/// <param name="ResponseMembers">The wire names of the response's members: an error document with a success status is told from a response by them.</param>
internal sealed record ClientOperation(
    string Name,
    string? Description,
    bool ReadOnly,
    string? IdempotencyTokenProperty,
    string? IdempotencyTokenWireName = null,
    bool Anonymous = false,
    EquatableArray<string> RetryableErrors = default,
    EquatableArray<string> ResponseMembers = default);

/// <summary>A product's client: one method per operation of the API.</summary>
internal sealed record ClientUnit(
    string Namespace,
    string Product,
    string Version,
    string? Description,
    EndpointsModel Endpoints,
    EquatableArray<ClientOperation> Operations) : EmitUnit(Namespace, Product)
{
    public override string TypeName => Product + Emitting.TypeSurfaces.Client.TypeSuffix;
}
