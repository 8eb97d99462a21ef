using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Bindings.Serialization;

/// <summary>
/// The accessors of a generated member of a value type, stored as a plain field and one bit of a
/// <see cref="uint"/> saying whether it is set: the same nullable property, without the padding
/// <see cref="System.Nullable{T}"/> adds to each field (a <c>decimal?</c> takes 24 bytes, a
/// <c>long?</c> 16; as field and bit, 16 and 8).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PresenceFlags
{
    /// <summary>The member's value: <paramref name="field"/> when its bit is set in <paramref name="flags"/>, else null.</summary>
    /// <typeparam name="T">The member's value type.</typeparam>
    /// <param name="flags">The type's presence bits.</param>
    /// <param name="bit">The member's bit.</param>
    /// <param name="field">The member's stored value.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Get<T>(uint flags, uint bit, T field)
        where T : struct
        => (flags & bit) != 0 ? field : null;

    /// <summary>Stores <paramref name="value"/>: its value in <paramref name="field"/>, whether it has one in the member's bit.</summary>
    /// <typeparam name="T">The member's value type.</typeparam>
    /// <param name="flags">The type's presence bits.</param>
    /// <param name="bit">The member's bit.</param>
    /// <param name="field">The member's stored value.</param>
    /// <param name="value">The new value, or null.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set<T>(ref uint flags, uint bit, ref T field, T? value)
        where T : struct
    {
        field = value.GetValueOrDefault();
        flags = value.HasValue ? flags | bit : flags & ~bit;
    }
}
