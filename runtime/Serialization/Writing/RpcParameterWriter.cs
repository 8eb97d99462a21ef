using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Bindings.Serialization;

/// <summary>
/// Writes a request's parameters as the official SDK's <c>OpenApiUtil.query</c> and
/// <c>arrayToStringWithSpecifiedStyle</c> do: scalars by name; structures flat
/// (<c>Name.Member=</c>); lists as repeat lists counting from 1 (<c>Name.1=</c>, <c>Name.1.Member=</c>);
/// maps flat (<c>Name.key=</c>); and, for the <c>json</c>, <c>simple</c> and delimited styles, one
/// parameter holding JSON text or the joined elements.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RpcParameterWriter : WireWriter
{
    private readonly ICollection<KeyValuePair<string, string>> _parameters;
    private readonly string _prefix;

    /// <summary>Writes top-level parameters into <paramref name="parameters"/>.</summary>
    public RpcParameterWriter(ICollection<KeyValuePair<string, string>> parameters)
        : this(parameters ?? throw new ArgumentNullException(nameof(parameters)), string.Empty)
    {
    }

    private RpcParameterWriter(ICollection<KeyValuePair<string, string>> parameters, string prefix)
    {
        _parameters = parameters;
        _prefix = prefix;
    }

    /// <inheritdoc />
    public override void Member(string name, WireScalar value)
    {
        if (value.Kind != WireScalarKind.Absent)
        {
            _parameters.Add(new KeyValuePair<string, string>(_prefix + name, value.Text!));
        }
    }

    /// <inheritdoc />
    public override void Shape(string name, IWireShape? value) => value?.WriteMembers(Nested(name));

    /// <inheritdoc />
    public override void List<T>(string name, IEnumerable<T>? items, Func<T, WireScalar> toScalar)
    {
        if (items is null)
        {
            return;
        }

        var index = 0;
        foreach (var item in items)
        {
            index++;
            if (item is not null)
            {
                Member(Index(name, index), toScalar(item));
            }
        }
    }

    /// <inheritdoc />
    public override void ShapeList<T>(string name, IEnumerable<T?>? items)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        var index = 0;
        foreach (var item in items)
        {
            index++;
            item?.WriteMembers(Nested(Index(name, index)));
        }
    }

    /// <inheritdoc />
    public override void Map<T>(string name, IEnumerable<KeyValuePair<string, T>>? entries, Func<T, WireScalar> toScalar)
    {
        if (entries is null)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Value is not null)
            {
                Member(name + "." + entry.Key, toScalar(entry.Value));
            }
        }
    }

    /// <inheritdoc />
    public override void ShapeMap<T>(string name, IEnumerable<KeyValuePair<string, T?>>? entries)
        where T : class
    {
        if (entries is null)
        {
            return;
        }

        foreach (var entry in entries)
        {
            entry.Value?.WriteMembers(Nested(name + "." + entry.Key));
        }
    }

    /// <summary>A structure sent as one parameter holding its JSON text (<c>style: json</c>).</summary>
    public void Json(string name, IWireShape? value)
    {
        if (value is not null)
        {
            var json = new JsonTextBuilder();
            JsonWireWriter.WriteShape(json, value);
            Text(name, json);
        }
    }

    /// <summary>A list of scalars sent as one JSON array (<c>style: json</c>); an empty list is <c>[]</c>.</summary>
    public void JsonList<T>(string name, IEnumerable<T>? items, Func<T, WireScalar> toScalar)
    {
        if (items is not null)
        {
            var json = new JsonTextBuilder();
            JsonWireWriter.WriteList(json, items, toScalar);
            Text(name, json);
        }
    }

    /// <summary>A list of structures sent as one JSON array (<c>style: json</c>).</summary>
    public void JsonShapeList<T>(string name, IEnumerable<T?>? items)
        where T : class, IWireShape
    {
        if (items is not null)
        {
            var json = new JsonTextBuilder();
            JsonWireWriter.WriteShapeList(json, items);
            Text(name, json);
        }
    }

    /// <summary>A map of scalars sent as one JSON object (<c>style: json</c>).</summary>
    public void JsonMap<T>(string name, IEnumerable<KeyValuePair<string, T>>? entries, Func<T, WireScalar> toScalar)
    {
        if (entries is not null)
        {
            var json = new JsonTextBuilder();
            JsonWireWriter.WriteMap(json, entries, toScalar);
            Text(name, json);
        }
    }

    /// <summary>A map of structures sent as one JSON object (<c>style: json</c>).</summary>
    public void JsonShapeMap<T>(string name, IEnumerable<KeyValuePair<string, T?>>? entries)
        where T : class, IWireShape
    {
        if (entries is not null)
        {
            var json = new JsonTextBuilder();
            JsonWireWriter.WriteShapeMap(json, entries);
            Text(name, json);
        }
    }

    /// <summary>
    /// A list of scalars sent as one parameter, its elements joined: <c>','</c> for <c>style: simple</c>,
    /// <c>' '</c> for <c>spaceDelimited</c>, <c>'|'</c> for <c>pipeDelimited</c>. An absent element is an
    /// empty string between separators and an empty list an empty value, as JavaScript's <c>join</c> makes them.
    /// </summary>
    public void Joined<T>(string name, IEnumerable<T>? items, Func<T, WireScalar> toScalar, char separator)
    {
        if (items is null)
        {
            return;
        }

        var text = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(separator);
            }

            first = false;
            if (item is not null)
            {
                text.Append(toScalar(item).Text);
            }
        }

        _parameters.Add(new KeyValuePair<string, string>(_prefix + name, text.ToString()));
    }

    private static string Index(string name, int index) => name + "." + index.ToString(CultureInfo.InvariantCulture);

    private RpcParameterWriter Nested(string name) => new RpcParameterWriter(_parameters, _prefix + name + ".");

    private void Text(string name, JsonTextBuilder json)
        => _parameters.Add(new KeyValuePair<string, string>(_prefix + name, json.ToString()));
}
