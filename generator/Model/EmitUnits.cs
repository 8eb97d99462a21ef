using Bindings.Generator.Emitting;

namespace Bindings.Generator.Model;

/// <summary>
/// One self-contained piece of output, one generated file. Each unit carries everything its emitter needs,
/// so an edit to one spec changes only that spec's units and every other unit stays cached.
/// </summary>
internal abstract record EmitUnit(string Namespace, string Product)
{
    /// <summary>
    /// The accessibility of the generated top-level types: <c>public</c>, or <c>internal</c> when the
    /// project sets <c>BindingsAccessibility</c> (the runtime does, for its own STS client). Set only when
    /// the unit is emitted, so that the model and the resolver never see it.
    /// </summary>
    public string Accessibility { get; init; } = "public";

    /// <summary>The name the file is known by: the type it declares, or the operation.</summary>
    public abstract string FileName { get; }

    /// <summary>
    /// Added to the file name when another unit's file name differs from this one's only in case
    /// (<c>.2</c>): the compiler compares file names ignoring case.
    /// </summary>
    public string HintSuffix { get; init; } = string.Empty;

    /// <summary>The name of the generated file.</summary>
    public string HintName => Namespace + "." + FileName + HintSuffix + ".g.cs";
}

/// <summary>An enum type with its wire-value mapping.</summary>
internal sealed record EnumUnit(string Namespace, string Product, EnumModel Enum) : EmitUnit(Namespace, Product)
{
    public override string FileName => Enum.Name;
}

/// <summary>A structure (a shape, or an operation's response) with its JSON and XML readers.</summary>
internal sealed record ShapeUnit(
    string Namespace,
    string Product,
    string Name,
    string? Description,
    EquatableArray<MemberModel> Members,
    string? OperationName) : EmitUnit(Namespace, Product)
{
    public override string FileName => Name;

    /// <summary>
    /// The root element a document of this type must have: <c>{Action}Response</c> for an operation's
    /// response; null for a structure, whose element is named by the member that holds it.
    /// </summary>
    public string? XmlRootName => OperationName is null ? null : OperationName + TypeSurfaces.Client.ResponseSuffix;
}

/// <summary>An operation's request type: typed parameters, validation and the wire parameters.</summary>
internal sealed record RequestUnit(
    string Namespace,
    string Version,
    string OperationName,
    string? Description,
    bool ReadOnly,
    EquatableArray<MemberModel> Parameters)
{
    public string TypeName => OperationName + TypeSurfaces.Request.TypeSuffix;

    public string ResponseTypeName => OperationName + TypeSurfaces.Client.ResponseSuffix;
}

/// <summary>One operation of a client, as the client emitter needs it.</summary>
/// <param name="Anonymous">Sent unsigned (Alibaba's <c>authType: Anonymous</c>), like STS <c>AssumeRoleWithOIDC</c>.</param>
/// <param name="RetryableErrors">Error codes that mean the service did not execute the call: retried for this operation whatever it is.</param>
internal sealed record ClientOperation(
    string Name,
    string? Description,
    bool ReadOnly,
    string? IdempotencyTokenProperty,
    string? IdempotencyTokenWireName = null,
    bool Anonymous = false,
    EquatableArray<string> RetryableErrors = default)
{
    /// <summary>The text of the methods' <c>[Obsolete]</c> when the spec deprecates the operation.</summary>
    public string? Deprecated { get; init; }

    /// <summary>The pager the spec declares, which adds <c>XPagesAsync</c> and <c>XItemsAsync</c>.</summary>
    public PaginationModel? Pagination { get; init; }

    /// <summary>The waiters the spec declares, each adding <c>WaitFor&lt;Name&gt;Async</c>.</summary>
    public EquatableArray<WaiterModel> Waiters { get; init; }
}

/// <summary>
/// An operation, in one file: its request, its response, and its method on the product's client (a part of
/// the client class), so that editing one operation's spec re-emits that file alone.
/// </summary>
internal sealed record OperationUnit(
    string Namespace,
    string Product,
    RequestUnit Request,
    ShapeUnit Response,
    ClientOperation? Client) : EmitUnit(Namespace, Product)
{
    public override string FileName => Request.OperationName;

    public string ClientName => Product + TypeSurfaces.Client.TypeSuffix;
}

/// <summary>A product's client without its operations: construction, endpoints, registration.</summary>
internal sealed record ClientUnit(
    string Namespace,
    string Product,
    string Version,
    string? Description,
    EndpointsModel Endpoints) : EmitUnit(Namespace, Product)
{
    public string TypeName => Product + TypeSurfaces.Client.TypeSuffix;

    public override string FileName => TypeName;
}

/// <summary>The diagnostics of one spec file: reported, not emitted.</summary>
internal sealed record FileDiagnostics(EquatableArray<DiagnosticInfo> Diagnostics) : EmitUnit(string.Empty, string.Empty)
{
    public override string FileName => string.Empty;
}
