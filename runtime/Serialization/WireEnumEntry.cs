using System;
using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>
/// What a generated enum struct holds: the value's kind and its text on the wire. Each documented value
/// has one shared instance, so the struct is a single reference (a nullable one is 16 bytes, not 24);
/// a value the spec does not list gets an instance of its own, of kind <c>Unknown</c>.
/// </summary>
/// <typeparam name="TKind">The generated enum of the documented values.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireEnumEntry<TKind>
    where TKind : struct, Enum
{
    /// <summary>An entry of <paramref name="kind"/> for <paramref name="wireValue"/>.</summary>
    /// <param name="kind">The documented value, or <c>Unknown</c>.</param>
    /// <param name="wireValue">The text exactly as the service sends it.</param>
    public WireEnumEntry(TKind kind, string wireValue)
    {
        Kind = kind;
        WireValue = wireValue ?? throw new ArgumentNullException(nameof(wireValue));
    }

    /// <summary>The documented value, or <c>Unknown</c>.</summary>
    public TKind Kind { get; }

    /// <summary>The text exactly as the service sends it.</summary>
    public string WireValue { get; }
}
