using System.Collections.Generic;
using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>Value equality for the lists and maps in generated types.</summary>
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
    /// <summary>
    /// True when both maps hold the same keys with equal values. The order of the entries plays no part:
    /// it is kept for reading, but two maps with the same entries are the same map.
    /// </summary>
    public static bool MapEquals<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right)
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
        foreach (var entry in left)
        {
            if (!right.TryGetValue(entry.Key, out var other) || !comparer.Equals(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a map's hash (<see cref="MapHash{T}"/>) to <paramref name="hash"/>.</summary>
    public static int HashMap<T>(int hash, IReadOnlyDictionary<string, T>? map) => unchecked((hash * 31) + MapHash(map));

    /// <summary>A hash of a map's entries that does not depend on their order, as <see cref="MapEquals{T}"/> does not.</summary>
    public static int MapHash<T>(IReadOnlyDictionary<string, T>? map)
    {
        if (map is null)
        {
            return 0;
        }

        var hash = map.Count;
        var comparer = EqualityComparer<T>.Default;
        foreach (var entry in map)
        {
            // A sum is the same in any order; the key's hash is ordinal, as the map compares keys.
            hash = unchecked(hash + (System.StringComparer.Ordinal.GetHashCode(entry.Key) ^ (entry.Value is { } value ? comparer.GetHashCode(value) : 0)));
        }

        return hash;
    }
}
