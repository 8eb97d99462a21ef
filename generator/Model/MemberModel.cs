namespace Bindings.Generator.Model;

/// <summary>
/// One request parameter or response field, resolved and ready to emit: for a request parameter also how it
/// goes on the wire (<paramref name="Style"/>, <paramref name="InBody"/>) and the service's default; for any
/// member the text of its <c>[Obsolete]</c> when the spec deprecates it.
/// </summary>
internal sealed record MemberModel(
    string WireName,
    string PropertyName,
    MemberType Type,
    bool Required,
    string? Description,
    string? Example,
    string? DocumentedType,
    Constraints Constraints,
    bool IsIdempotencyToken,
    WireStyle Style = WireStyle.None,
    string? Default = null,
    string? Deprecated = null,
    bool InBody = false);
