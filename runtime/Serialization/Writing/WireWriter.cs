using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>
/// Where a request's members go: the flat parameters (<see cref="RpcParameterWriter"/>: <c>Tag.1.Key=...</c>)
/// or JSON text (<c>{"Key":...}</c>). Generated code calls the same methods for both; unset members
/// (null) are never written, in any form.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class WireWriter
{
    private protected WireWriter()
    {
    }

    /// <summary>A scalar; nothing when it is absent.</summary>
    public abstract void Member(string name, WireScalar value);

    /// <summary>A string member.</summary>
    public void Member(string name, string? value) => Member(name, WireScalar.String(value));

    /// <summary>An integer member.</summary>
    public void Member(string name, int? value) => Member(name, value.HasValue ? WireScalar.From(value.Value) : default);

    /// <summary>A long integer member.</summary>
    public void Member(string name, long? value) => Member(name, value.HasValue ? WireScalar.From(value.Value) : default);

    /// <summary>A boolean member.</summary>
    public void Member(string name, bool? value) => Member(name, value.HasValue ? WireScalar.From(value.Value) : default);

    /// <summary>A double member.</summary>
    public void Member(string name, double? value) => Member(name, value.HasValue ? WireScalar.From(value.Value) : default);

    /// <summary>A decimal member.</summary>
    public void Member(string name, decimal? value) => Member(name, value.HasValue ? WireScalar.From(value.Value) : default);

    /// <summary>A date and time member in its wire format.</summary>
    public void Member(string name, DateTimeOffset? value, DateTimeWireFormat format)
        => Member(name, value.HasValue ? WireScalar.From(value.Value, format) : default);

    /// <summary>A raw JSON member.</summary>
    public void Member(string name, RawValue? value) => Member(name, WireScalar.Json(value));

    /// <summary>A nested structure: flat (<c>Name.Member=</c>) or a JSON object.</summary>
    public abstract void Shape(string name, IWireShape? value);

    /// <summary>A list of scalars: a repeat list (<c>Name.1=</c>, <c>Name.2=</c>) or a JSON array.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="items">The elements; an absent element is skipped but keeps its index, as in the official SDK.</param>
    /// <param name="toScalar">Turns an element into its wire scalar.</param>
    public abstract void List<T>(string name, IEnumerable<T>? items, Func<T, WireScalar> toScalar);

    /// <summary>A list of structures: <c>Name.1.Member=</c> or a JSON array of objects; a null element keeps its index.</summary>
    public abstract void ShapeList<T>(string name, IEnumerable<T?>? items)
        where T : class, IWireShape;

    /// <summary>A map of scalars by string key: <c>Name.key=</c> or a JSON object, in enumeration order.</summary>
    public abstract void Map<T>(string name, IEnumerable<KeyValuePair<string, T>>? entries, Func<T, WireScalar> toScalar);

    /// <summary>A map of structures by string key: <c>Name.key.Member=</c> or a JSON object of objects.</summary>
    public abstract void ShapeMap<T>(string name, IEnumerable<KeyValuePair<string, T?>>? entries)
        where T : class, IWireShape;
}
