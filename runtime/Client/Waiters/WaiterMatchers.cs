using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Bindings.Client;

/// <summary>
/// The comparisons of waiter acceptors, on wire text (an enum's wire value, <c>true</c>/<c>false</c>,
/// invariant digits): the generator has already checked the expected values against the member's type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WaiterMatchers
{
    /// <summary><c>equals</c>: the value is set and is one of <paramref name="expected"/>.</summary>
    public static bool IsOneOf(string? value, params string[] expected) => value is not null && Array.IndexOf(expected, value) >= 0;

    /// <summary><c>anyEqual</c>: some projected value is one of <paramref name="expected"/>.</summary>
    public static bool AnyIsOneOf<TItem>(IEnumerable<TItem>? items, Func<TItem, string?> select, params string[] expected)
    {
        foreach (var item in items ?? Array.Empty<TItem>())
        {
            if (item is not null && IsOneOf(select(item), expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>allEqual</c>: there is at least one item, and every projected value is one of <paramref name="expected"/>.</summary>
    public static bool AllAreOneOf<TItem>(IEnumerable<TItem>? items, Func<TItem, string?> select, params string[] expected)
    {
        var any = false;
        foreach (var item in items ?? Array.Empty<TItem>())
        {
            if (item is null || !IsOneOf(select(item), expected))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary><c>exists</c> on a projection: some item has the value set.</summary>
    public static bool AnyExists<TItem>(IEnumerable<TItem>? items, Func<TItem, object?> select)
    {
        foreach (var item in items ?? Array.Empty<TItem>())
        {
            if (item is not null && Exists(select(item)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>exists</c>: the value is set; a list, a map or a string must also not be empty.</summary>
    public static bool Exists(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        System.Collections.ICollection collection => collection.Count > 0,
        System.Collections.IEnumerable sequence => sequence.GetEnumerator().MoveNext(),
        _ => true,
    };

    /// <summary>A boolean as the wire text acceptors compare (<c>true</c>/<c>false</c>); null when unset.</summary>
    public static string? Text(bool? value) => value is { } set ? (set ? "true" : "false") : null;

    /// <summary>An integer as the wire text acceptors compare (invariant digits); null when unset.</summary>
    public static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A long integer as the wire text acceptors compare (invariant digits); null when unset.</summary>
    public static string? Text(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
