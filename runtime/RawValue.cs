using System;
using System.Text;
using System.Text.Json;

namespace Bindings;

/// <summary>
/// A value kept exactly as written, for the few members a spec types <c>any</c> (Alibaba's
/// <c>any</c> and <c>map[string]any</c>): JSON text, or an element's outer XML when read from XML.
/// </summary>
public sealed class RawValue : IEquatable<RawValue>
{
    private RawValue(string text, WireFormat format)
    {
        Text = text;
        Format = format;
    }

    /// <summary>The value's text: JSON text, or outer XML.</summary>
    public string Text { get; }

    /// <summary>The format <see cref="Text"/> is written in.</summary>
    public WireFormat Format { get; }

    /// <summary>A JSON value, checked to be exactly one well-formed JSON value (no comments, no trailing commas).</summary>
    /// <param name="json">The JSON text, e.g. <c>{"name":"Jack"}</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one well-formed JSON value.</exception>
    public static RawValue FromJson(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || !reader.TrySkip() || reader.Read())
            {
                throw new ArgumentException("The text is not exactly one JSON value.", nameof(json));
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException("The text is not well-formed JSON: " + exception.Message, nameof(json), exception);
        }

        return new RawValue(json, WireFormat.Json);
    }

    /// <summary>A value read from a response, kept as it stood.</summary>
    /// <param name="text">JSON text or outer XML.</param>
    /// <param name="format">Which of the two.</param>
    public static RawValue FromResponse(string text, WireFormat format)
        => new RawValue(text ?? throw new ArgumentNullException(nameof(text)), format);

    /// <inheritdoc />
    public bool Equals(RawValue? other) => other is not null && Text == other.Text && Format == other.Format;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RawValue);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode();

    /// <summary>The text.</summary>
    public override string ToString() => Text;
}
