namespace Bindings.Generator.Model;

/// <summary>One request parameter or response field, resolved and ready to emit.</summary>
internal sealed record MemberModel(
    string WireName,
    string PropertyName,
    MemberType Type,
    bool Required,
    string? Description,
    string? Example,
    string? DocumentedType,
    Constraints Constraints,
    bool IsIdempotencyToken);
