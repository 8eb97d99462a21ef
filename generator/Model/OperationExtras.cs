namespace Bindings.Generator.Model;

/// <summary>A value as written in a spec, with where it stands, for the diagnostics the resolver may raise.</summary>
internal sealed record SpecText(string Value, SpecLocation Location);

/// <summary>
/// The wire options a member may carry (<c>style</c>, <c>format</c>, <c>default</c>, <c>deprecated</c>,
/// <c>position</c>), as written; the resolver checks them against the member's type.
/// </summary>
internal sealed record DeclaredMemberOptions(SpecText? Style, SpecText? Format, SpecText? Default, string? Deprecated, SpecText? Position)
{
    public static readonly DeclaredMemberOptions None = new(null, null, null, null, null);
}

/// <summary>An operation's <c>pagination</c> as written: wire names of members of its request and response.</summary>
internal sealed record DeclaredPagination(
    SpecLocation Location,
    SpecText? Items,
    SpecText? PageNumber,
    SpecText? PageSize,
    SpecText? TotalCount,
    SpecText? InputToken,
    SpecText? OutputToken,
    SpecText? MaxResults);

/// <summary>A waiter as written (<c>waiters.&lt;Name&gt;</c>).</summary>
internal sealed record DeclaredWaiter(
    SpecText Name,
    string? Description,
    int MinDelay,
    int MaxDelay,
    int MaxWait,
    EquatableArray<DeclaredAcceptor> Acceptors);

/// <summary>One acceptor as written: its state, its path (none for <c>error</c>), its matcher and the values it takes.</summary>
internal sealed record DeclaredAcceptor(
    SpecText State,
    SpecText? Path,
    SpecText Matcher,
    EquatableArray<SpecText> Values);

/// <summary>
/// A pager, resolved: property names and C# types of the members it reads and replaces. Page numbers when
/// <see cref="PageNumberWire"/> is set, tokens when <see cref="InputTokenWire"/> is set (both: tokens once the
/// caller sets the token or <c>MaxResults</c>).
/// </summary>
internal sealed record PaginationModel(
    string ItemsProperty,
    string ItemType,
    string? PageNumberWire,
    string? PageNumberProperty,
    string? PageSizeWire,
    string? PageSizeProperty,
    int? PageSizeDefault,
    string? TotalCountProperty,
    string? InputTokenWire,
    string? InputTokenProperty,
    string? OutputTokenProperty,
    string? MaxResultsProperty);

/// <summary>What an acceptor compares.</summary>
internal enum AcceptorMatcher
{
    EqualTo,
    AnyEqual,
    AllEqual,
    Exists,
    Error,
}

/// <summary>
/// An acceptor, resolved: the C# access of the value it looks at (<see cref="Target"/> on the response for a
/// plain path; for a projection <see cref="Target"/> is the list and <see cref="Selector"/> the item's
/// value, both as wire text for comparisons), and the expected wire values.
/// </summary>
internal sealed record AcceptorModel(
    string State,
    AcceptorMatcher Matcher,
    string PathText,
    string? Target,
    string? ItemType,
    string? Selector,
    EquatableArray<string> Values,
    bool Exists);

/// <summary>A waiter, resolved.</summary>
internal sealed record WaiterModel(
    string Name,
    string? Description,
    int MinDelay,
    int MaxDelay,
    int MaxWait,
    EquatableArray<AcceptorModel> Acceptors);
