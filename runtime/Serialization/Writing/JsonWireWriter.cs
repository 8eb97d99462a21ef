using System;
using System.Collections.Generic;

namespace Bindings.Serialization;

/// <summary>
/// Writes a structure's members as the properties of a JSON object, as the official SDK's
/// <c>JSON.stringify(toMap(model))</c> does for a <c>json</c>-style parameter.
/// </summary>
internal sealed class JsonWireWriter : WireWriter
{
    private readonly JsonTextBuilder _json;

    public JsonWireWriter(JsonTextBuilder json) => _json = json;

    public override void Member(string name, WireScalar value)
    {
        if (value.Kind == WireScalarKind.Absent)
        {
            return;
        }

        _json.PropertyName(name);
        WriteScalar(_json, value);
    }

    public override void Shape(string name, IWireShape? value)
    {
        if (value is null)
        {
            return;
        }

        _json.PropertyName(name);
        WriteShape(_json, value);
    }

    public override void List<T>(string name, IEnumerable<T>? items, Func<T, WireScalar> toScalar)
    {
        if (items is null)
        {
            return;
        }

        _json.PropertyName(name);
        WriteList(_json, items, toScalar);
    }

    public override void ShapeList<T>(string name, IEnumerable<T?>? items)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        _json.PropertyName(name);
        WriteShapeList(_json, items);
    }

    public override void Map<T>(string name, IEnumerable<KeyValuePair<string, T>>? entries, Func<T, WireScalar> toScalar)
    {
        if (entries is null)
        {
            return;
        }

        _json.PropertyName(name);
        WriteMap(_json, entries, toScalar);
    }

    public override void ShapeMap<T>(string name, IEnumerable<KeyValuePair<string, T?>>? entries)
        where T : class
    {
        if (entries is null)
        {
            return;
        }

        _json.PropertyName(name);
        WriteShapeMap(_json, entries);
    }

    public static void WriteShape(JsonTextBuilder json, IWireShape shape)
    {
        json.StartObject();
        shape.WriteMembers(new JsonWireWriter(json));
        json.EndObject();
    }

    public static void WriteList<T>(JsonTextBuilder json, IEnumerable<T> items, Func<T, WireScalar> toScalar)
    {
        json.StartArray();
        foreach (var item in items)
        {
            // An absent element is null in the array, as JSON.stringify writes [a, null].
            WriteScalar(json, item is null ? default : toScalar(item));
        }

        json.EndArray();
    }

    public static void WriteShapeList<T>(JsonTextBuilder json, IEnumerable<T?> items)
        where T : class, IWireShape
    {
        json.StartArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                json.Null();
            }
            else
            {
                WriteShape(json, item);
            }
        }

        json.EndArray();
    }

    public static void WriteMap<T>(JsonTextBuilder json, IEnumerable<KeyValuePair<string, T>> entries, Func<T, WireScalar> toScalar)
    {
        json.StartObject();
        foreach (var entry in entries)
        {
            json.PropertyName(entry.Key);
            WriteScalar(json, entry.Value is null ? default : toScalar(entry.Value));
        }

        json.EndObject();
    }

    public static void WriteShapeMap<T>(JsonTextBuilder json, IEnumerable<KeyValuePair<string, T?>> entries)
        where T : class, IWireShape
    {
        json.StartObject();
        foreach (var entry in entries)
        {
            json.PropertyName(entry.Key);
            if (entry.Value is null)
            {
                json.Null();
            }
            else
            {
                WriteShape(json, entry.Value);
            }
        }

        json.EndObject();
    }

    private static void WriteScalar(JsonTextBuilder json, WireScalar value)
    {
        switch (value.Kind)
        {
            case WireScalarKind.String:
                json.String(value.Text!);
                break;
            case WireScalarKind.Number:
                // NaN and the infinities are not JSON; JSON.stringify writes null for them.
                json.Literal(value.Text is "NaN" or "Infinity" or "-Infinity" ? "null" : value.Text!);
                break;
            case WireScalarKind.Boolean:
                json.Literal(value.Text!);
                break;
            case WireScalarKind.Json:
                JsonNormalizer.Write(json, value.Text!);
                break;
            default:
                json.Null();
                break;
        }
    }
}
