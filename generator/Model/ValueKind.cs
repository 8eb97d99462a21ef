namespace Bindings.Generator.Model;

/// <summary>The kinds of value a member can hold; a list member holds many values of one kind.</summary>
internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Boolean,
    Double,
    Decimal,
    DateTime,
    Enum,
    Shape,

    /// <summary><c>any</c>: a value kept as it was sent (<c>Bindings.RawValue</c>).</summary>
    Raw,
}
