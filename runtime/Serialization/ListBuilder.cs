using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Bindings.Serialization;

/// <summary>
/// Collects the items of a list while a generated parser reads them, in an array rented from
/// <see cref="ArrayPool{T}.Shared"/>, and hands them out at the end as an array of the exact length.
/// A <see cref="System.Collections.Generic.List{T}"/> would leave behind every array it outgrew and
/// keep a last one up to twice too long: for 10,000 items, about 260 KB instead of 80 KB.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local and pass it by <c>ref</c>; a copy would share the rented array.
/// If parsing fails half-way the rented array is simply dropped, and the garbage collector takes it.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ListBuilder<T>
{
    private const int FirstCapacity = 16;

    private T[]? _items;
    private T _first;
    private int _count;
    private bool _started;

    /// <summary>True once the list was seen in the document (even with no items): the member is then set.</summary>
    public readonly bool IsStarted => _started;

    /// <summary>How many items were added so far.</summary>
    public readonly int Count => _count;

    /// <summary>Marks the list as present in the document.</summary>
    public void Start() => _started = true;

    /// <summary>Adds one item.</summary>
    public void Add(T item)
    {
        _started = true;
        var items = _items;
        if (items is null)
        {
            // A list of one (an unknown member, a single item) needs no rented array.
            if (_count == 0)
            {
                _first = item;
                _count = 1;
                return;
            }

            items = Grow();
        }
        else if (_count == items.Length)
        {
            items = Grow();
        }

        items[_count++] = item;
    }

    /// <summary>The items as an array of the exact length; gives the rented array back. Call once.</summary>
    public T[] ToArray()
    {
        var items = _items;
        if (items is null)
        {
            var result = _count == 0 ? Array.Empty<T>() : new[] { _first };
            _first = default!;
            _count = 0;
            return result;
        }

        if (_count == 0)
        {
            ReturnRented();
            return Array.Empty<T>();
        }

        var all = new T[_count];
        Array.Copy(items, all, _count);
        ReturnRented();
        return all;
    }

    private T[] Grow()
    {
        var old = _items;
        var larger = ArrayPool<T>.Shared.Rent(old is null ? FirstCapacity : old.Length * 2);
        if (old is not null)
        {
            Array.Copy(old, larger, _count);
            Return(old, _count);
        }
        else if (_count == 1)
        {
            larger[0] = _first;
            _first = default!;
        }

        _items = larger;
        return larger;
    }

    private void ReturnRented()
    {
        if (_items is not null)
        {
            Return(_items, _count);
            _items = null;
        }

        _count = 0;
    }

    private static void Return(T[] items, int count)
    {
        // A pooled array must not keep parsed objects alive (netstandard2.0 cannot tell, so it always clears).
#if NET
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
#endif
        {
            Array.Clear(items, 0, count);
        }

        ArrayPool<T>.Shared.Return(items);
    }
}
