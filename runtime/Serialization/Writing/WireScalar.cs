using System;
using System.ComponentModel;
using System.Globalization;

namespace Bindings.Serialization;

/// <summary>How a scalar is written inside JSON text; in flat parameters every kind is plain text.</summary>
public enum WireScalarKind
{
    /// <summary>Nothing: the member is not set and is not sent.</summary>
    Absent,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number (its text is already in JavaScript's form).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>JSON text kept as the caller gave it (<see cref="RawValue"/>).</summary>
    Json,
}

/// <summary>
/// One scalar on its way to the wire: its text as the official SDK would write it, and whether JSON
/// quotes it. Generated request writers create these; <c>default</c> is <see cref="WireScalarKind.Absent"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct WireScalar
{
    private WireScalar(WireScalarKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The kind; <see cref="WireScalarKind.Absent"/> for an unset value.</summary>
    public WireScalarKind Kind { get; }

    /// <summary>The text (null when absent).</summary>
    public string? Text { get; }

    /// <summary>A string; null is absent.</summary>
    public static WireScalar String(string? value) => value is null ? default : new WireScalar(WireScalarKind.String, value);

    /// <summary>An enum's wire value; null, or the empty text of an unset (<c>default</c>) value, is absent.</summary>
    public static WireScalar Enum(string? wireValue) => string.IsNullOrEmpty(wireValue) ? default : new WireScalar(WireScalarKind.String, wireValue!);

    /// <summary>An integer.</summary>
    public static WireScalar From(int value) => new WireScalar(WireScalarKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A long integer.</summary>
    public static WireScalar From(long value) => new WireScalar(WireScalarKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean: <c>true</c> or <c>false</c>.</summary>
    public static WireScalar From(bool value) => new WireScalar(WireScalarKind.Boolean, value ? "true" : "false");

    /// <summary>A double, as JavaScript prints it (<c>0.1</c>, <c>1e+21</c>).</summary>
    public static WireScalar From(double value) => new WireScalar(WireScalarKind.Number, JsNumberText.Format(value));

    /// <summary>A decimal, its exact digits without trailing zeros (<c>0.50</c> is <c>0.5</c>).</summary>
    public static WireScalar From(decimal value) => new WireScalar(WireScalarKind.Number, JsNumberText.Format(value));

    /// <summary>A date and time in a wire format: a JSON number in Unix time, a JSON string otherwise.</summary>
    public static WireScalar From(DateTimeOffset value, DateTimeWireFormat format) => new WireScalar(
        format is DateTimeWireFormat.UnixSeconds or DateTimeWireFormat.UnixMilliseconds ? WireScalarKind.Number : WireScalarKind.String,
        DateTimeText.Format(value, format));

    /// <summary>A raw JSON value; null is absent.</summary>
    /// <exception cref="ArgumentException">The value was read from XML, which cannot be sent.</exception>
    public static WireScalar Json(RawValue? value)
    {
        if (value is null)
        {
            return default;
        }

        if (value.Format != WireFormat.Json)
        {
            throw new ArgumentException("Only a JSON value can be sent; this one was read from XML.", nameof(value));
        }

        return new WireScalar(WireScalarKind.Json, value.Text);
    }
}
