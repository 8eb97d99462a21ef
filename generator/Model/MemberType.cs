namespace Bindings.Generator.Model;

/// <summary>
/// A member's resolved type: the kind of each value, the enum or shape name for named kinds, and for
/// lists the name that wraps each item on the wire (<c>"Items": {"BackupJob": [...]}</c>). A map (string keys)
/// holds values of the kind; a datetime carries its wire format (the runtime's <c>DateTimeWireFormat</c> name,
/// null for the default).
/// </summary>
internal sealed record MemberType(ValueKind Kind, string? NamedType, bool IsList, string? ItemWireName, bool IsMap = false, string? DateFormat = null)
{
    public bool IsValueType => Kind switch
    {
        ValueKind.Enum => true,
        ValueKind.Shape => false,
        _ => BuiltIn!.IsValueType,
    };

    /// <summary>The built-in type of the values; null for an enum or a shape.</summary>
    public BuiltInType? BuiltIn => BuiltInTypes.Of(Kind);
}
