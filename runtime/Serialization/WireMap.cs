using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Bindings.Serialization;

/// <summary>
/// What generated structures call for a member of <c>type: map</c>: the empty map a member holds until
/// the document gives one. The maps the readers build (<see cref="JsonParsing.ReadMap{T}"/>,
/// <see cref="XmlParsing.ReadMap{T}"/>) keep their entries in the order the document sent them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireMap
{
    /// <summary>The empty map, shared: it cannot be changed.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    public static IReadOnlyDictionary<string, T> Empty<T>() => OrderedMap<T>.Empty;
}

/// <summary>
/// A read-only map that enumerates in insertion order (the order the document sent), with a hash index for
/// lookups once it holds more than a few entries. Keys are compared ordinally.
/// </summary>
internal sealed class OrderedMap<T> : IReadOnlyDictionary<string, T>
{
    public static readonly OrderedMap<T> Empty = new(Array.Empty<string>(), Array.Empty<T>(), 0, null);

    private readonly string[] _keys;
    private readonly T[] _values;
    private readonly int _count;
    private readonly Dictionary<string, int>? _index;

    internal OrderedMap(string[] keys, T[] values, int count, Dictionary<string, int>? index)
    {
        _keys = keys;
        _values = values;
        _count = count;
        _index = index;
    }

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _keys[i];
            }
        }
    }

    public IEnumerable<T> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _values[i];
            }
        }
    }

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("The map has no entry with that key.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out T value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default!;
            return false;
        }

        value = _values[index];
        return true;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, T>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal int IndexOf(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        return MapIndex.Find(_keys, _count, _index, key);
    }
}

/// <summary>
/// Collects a map's entries while a reader reads them: keys in order, a duplicate found before its value is
/// read. Small maps are searched in place; from <see cref="MapIndex.IndexedFrom"/> entries on, a hash index
/// keyed with a comparer seeded per process, so a document cannot choose keys that all collide.
/// </summary>
internal struct OrderedMapBuilder<T>
{
    private string[]? _keys;
    private T[]? _values;
    private int _count;
    private Dictionary<string, int>? _index;

    public readonly bool Contains(string key) => _keys is not null && MapIndex.Find(_keys, _count, _index, key) >= 0;

    public void Add(string key, T value)
    {
        if (_keys is null || _count == _keys.Length)
        {
            var capacity = _keys is null ? 4 : _keys.Length * 2;
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
        }

        _keys[_count] = key;
        _values![_count] = value;
        if (_index is not null)
        {
            _index.Add(key, _count);
        }
        else if (_count + 1 == MapIndex.IndexedFrom)
        {
            _index = new Dictionary<string, int>(MapIndex.IndexedFrom * 2, MapIndex.Comparer);
            for (var i = 0; i <= _count; i++)
            {
                _index.Add(_keys[i], i);
            }
        }

        _count++;
    }

    /// <summary>The map, in the order added; the shared empty map when nothing was added.</summary>
    public readonly IReadOnlyDictionary<string, T> ToMap()
        => _count == 0 ? OrderedMap<T>.Empty : new OrderedMap<T>(_keys!, _values!, _count, _index);
}

internal static class MapIndex
{
    /// <summary>Up to this many entries a map is searched in place, which is faster than hashing.</summary>
    public const int IndexedFrom = 9;

    public static readonly IEqualityComparer<string> Comparer =
#if NET
        // .NET's ordinal comparer randomises its hashing as soon as a table sees many collisions.
        StringComparer.Ordinal;
#else
        new SeededOrdinalComparer();
#endif

    public static int Find(string[] keys, int count, Dictionary<string, int>? index, string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

#if !NET
    /// <summary>
    /// .NET Framework hashes strings the same way in every process: a document could send thousands of keys
    /// with one hash and make each insertion linear. This comparer mixes a per-process random seed in.
    /// </summary>
    private sealed class SeededOrdinalComparer : IEqualityComparer<string>
    {
        private static readonly uint Seed = unchecked((uint)Guid.NewGuid().GetHashCode());

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string text)
        {
            var hash = Seed ^ 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
                hash ^= hash >> 15;
            }

            return unchecked((int)hash);
        }
    }
#endif
}

/// <summary>How a value reader's result becomes a map value: null (absent) is no entry.</summary>
internal interface IMapValue<TRead, T>
{
    bool TryGet(TRead read, [MaybeNullWhen(false)] out T value);
}

/// <summary>A reference type's value: present unless null.</summary>
internal readonly struct ReferenceMapValue<T> : IMapValue<T?, T>
    where T : class
{
    public bool TryGet(T? read, [MaybeNullWhen(false)] out T value)
    {
        value = read;
        return read is not null;
    }
}

/// <summary>A value type's value, read as <c>T?</c>: present when it has a value.</summary>
internal readonly struct NullableMapValue<T> : IMapValue<T?, T>
    where T : struct
{
    public bool TryGet(T? read, out T value)
    {
        value = read.GetValueOrDefault();
        return read.HasValue;
    }
}
