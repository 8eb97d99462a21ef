namespace Bindings;

/// <summary>
/// A field the service sent that the spec does not describe. Parsers keep it instead of dropping it,
/// so that nothing the service said is lost and a newer field can still be read.
/// </summary>
public sealed class UnknownMember : System.IEquatable<UnknownMember>
{
    /// <summary>Creates an unknown member.</summary>
    /// <param name="name">The wire name; a dotted path when it was found inside a list wrapper.</param>
    /// <param name="rawValue">The value as it stood in the document.</param>
    /// <param name="format">The format of <paramref name="rawValue"/>.</param>
    public UnknownMember(string name, string rawValue, WireFormat format)
    {
        Name = name;
        RawValue = rawValue;
        Format = format;
    }

    /// <summary>The wire name of the field, or element.</summary>
    public string Name { get; }

    /// <summary>The value's text exactly as sent: JSON text for JSON, the element's outer XML for XML.</summary>
    public string RawValue { get; }

    /// <summary>The format <see cref="RawValue"/> is written in.</summary>
    public WireFormat Format { get; }

    /// <inheritdoc />
    public bool Equals(UnknownMember? other)
        => other is not null && Name == other.Name && RawValue == other.RawValue && Format == other.Format;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as UnknownMember);

    /// <inheritdoc />
    public override int GetHashCode() => (Name.GetHashCode() * 31) ^ RawValue.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Name + " = " + RawValue;
}
