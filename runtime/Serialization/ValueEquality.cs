using System.Collections.Generic;
using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>Value equality for the lists in generated types.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueEquality
{
    /// <summary>True when both values are equal by <see cref="EqualityComparer{T}.Default"/>.</summary>
    public static bool Equal<T>(T left, T right) => EqualityComparer<T>.Default.Equals(left, right);

    /// <summary>Adds a value's hash (0 for null) to <paramref name="hash"/>.</summary>
    public static int Hash<T>(int hash, T value)
        => unchecked((hash * 31) + (value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(value)));

    /// <summary>Adds a list's hash (<see cref="ListHash{T}"/>) to <paramref name="hash"/>.</summary>
    public static int HashList<T>(int hash, IReadOnlyList<T>? list) => unchecked((hash * 31) + ListHash(list));

    /// <summary>True when both lists hold equal items in the same order.</summary>
    public static bool ListEquals<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of a list's length and first items; enough to spread lists, cheap for long ones.</summary>
    public static int ListHash<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return 0;
        }

        var hash = list.Count;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < list.Count && i < 8; i++)
        {
            hash = unchecked((hash * 31) + (list[i] is { } item ? comparer.GetHashCode(item) : 0));
        }

        return hash;
    }
}
