using System;
using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>
/// What every generated enum struct can do, for the runtime's readers: make a value from its wire text.
/// The readers call it on <c>default(TSelf)</c> of a struct type argument, which the JIT resolves to the
/// struct's own method (no boxing, no virtual call), so reading an enum needs no code in each structure.
/// The members are implemented explicitly and take no name from the generated type.
/// </summary>
/// <typeparam name="TSelf">The generated enum struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWireEnum<TSelf>
    where TSelf : struct, IWireEnum<TSelf>
{
    /// <summary>The value for a wire string; one the spec does not list is kept as it is.</summary>
    /// <param name="wireValue">The text the service sends.</param>
    /// <returns>The value.</returns>
    TSelf FromWireValue(string wireValue);

    /// <summary>The value for UTF-8 wire text; documented values are matched without allocating.</summary>
    /// <param name="utf8">The text the service sends, as UTF-8.</param>
    /// <returns>The value.</returns>
    TSelf FromUtf8(ReadOnlySpan<byte> utf8);
}
