using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bindings.StandIn;

/// <summary>
/// A value of a response body before it is written as the service's JSON or XML: text, a number, a
/// boolean, an object (members in order) or an array. Strings, integers, decimals and booleans
/// convert implicitly, so a body reads like the documented example:
/// <code>
/// new StandInObject { { "TotalCount", 2 }, { "Items", new StandInObject { { "Widget", new StandInArray { ... } } } } }
/// </code>
/// </summary>
/// <remarks>
/// In XML an array becomes a run of elements named after the member that holds it, as the service
/// writes lists: <c>{"Items":{"Widget":[a,b]}}</c> is <c>&lt;Items&gt;&lt;Widget&gt;a&lt;/Widget&gt;&lt;Widget&gt;b&lt;/Widget&gt;&lt;/Items&gt;</c>.
/// </remarks>
public abstract class StandInValue
{
    private protected StandInValue()
    {
    }

    /// <summary>Text (a JSON string); null stays null (see <see cref="StandInObject.AddIfPresent"/>).</summary>
    /// <param name="value">The text.</param>
    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator StandInValue?(string? value) => value is null ? null : new StandInText(value);

    /// <summary>An integer (a bare JSON number).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator StandInValue(long value) => new StandInNumber(value);

    /// <summary>An integer (a bare JSON number).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator StandInValue(int value) => new StandInNumber(value);

    /// <summary>A decimal number (a bare JSON number, invariant culture).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator StandInValue(decimal value) => new StandInNumber(value);

    /// <summary>A boolean (JSON <c>true</c>/<c>false</c>).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator StandInValue(bool value) => new StandInBoolean(value);
}

/// <summary>Text: a JSON string, XML character data.</summary>
public sealed class StandInText : StandInValue
{
    /// <summary>Creates text.</summary>
    /// <param name="value">The text.</param>
    public StandInText(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The text.</summary>
    public string Value { get; }
}

/// <summary>A number: a bare JSON number, its invariant text in XML.</summary>
public sealed class StandInNumber : StandInValue
{
    /// <summary>An integer.</summary>
    /// <param name="value">The number.</param>
    public StandInNumber(long value) => Literal = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal number.</summary>
    /// <param name="value">The number.</param>
    public StandInNumber(decimal value) => Literal = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number as written, in the invariant culture.</summary>
    public string Literal { get; }
}

/// <summary>A boolean: JSON <c>true</c>/<c>false</c>, <c>true</c>/<c>false</c> in XML.</summary>
public sealed class StandInBoolean : StandInValue
{
    /// <summary>Creates a boolean.</summary>
    /// <param name="value">The value.</param>
    public StandInBoolean(bool value) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }
}

/// <summary>An object whose members keep the order they were added in.</summary>
public sealed class StandInObject : StandInValue, IEnumerable<KeyValuePair<string, StandInValue>>
{
    private readonly List<KeyValuePair<string, StandInValue>> _members = [];

    /// <summary>The members, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, StandInValue>> Members => _members;

    /// <summary>Adds a member.</summary>
    /// <param name="name">The member's wire name.</param>
    /// <param name="value">Its value.</param>
    /// <exception cref="ArgumentException">The name is empty or already used in this object.</exception>
    public void Add(string name, StandInValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var member in _members)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The object already has a member {name}.", nameof(name));
            }
        }

        _members.Add(new(name, value));
    }

    /// <summary>Adds a member when the value is not null (the service leaves absent fields out).</summary>
    /// <param name="name">The member's wire name.</param>
    /// <param name="value">Its value, or null to add nothing.</param>
    public void AddIfPresent(string name, StandInValue? value)
    {
        if (value is not null)
        {
            Add(name, value);
        }
    }

    /// <summary>Whether a member of that name exists.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>True when it exists.</returns>
    public bool Contains(string name) => _members.Exists(m => string.Equals(m.Key, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, StandInValue>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list: a JSON array; in XML a run of elements named after the member that holds it.</summary>
public sealed class StandInArray : StandInValue, IEnumerable<StandInValue>
{
    private readonly List<StandInValue> _items = [];

    /// <summary>Creates an empty list.</summary>
    public StandInArray()
    {
    }

    /// <summary>Creates a list of the given items.</summary>
    /// <param name="items">The items.</param>
    public StandInArray(IEnumerable<StandInValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<StandInValue> Items => _items;

    /// <summary>Adds an item.</summary>
    /// <param name="item">The item.</param>
    public void Add(StandInValue item) => _items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    /// <inheritdoc />
    public IEnumerator<StandInValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
