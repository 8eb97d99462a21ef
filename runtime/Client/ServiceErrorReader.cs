using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Bindings.Client;

/// <summary>The fields of an Alibaba Cloud error body.</summary>
internal sealed class ServiceError
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? RequestId { get; set; }

    public string? HostId { get; set; }

    public string? Recommend { get; set; }
}

/// <summary>
/// Reads an error body in either format, whatever was asked for (gateways answer some errors in
/// their own format): <c>&lt;Error&gt;&lt;Code&gt;...</c> or <c>{"Code": ...}</c>, fields in any
/// order and any letter case. Anything else (HTML, empty, cut off, no <c>Code</c>) is not an error body.
/// </summary>
internal static class ServiceErrorReader
{
    public static ServiceError? TryRead(byte[] body, int length)
    {
        var start = ContentStart(body, length);
        if (start >= length)
        {
            return null;
        }

        var error = body[start] switch
        {
            (byte)'{' => TryReadJson(new ReadOnlySpan<byte>(body, start, length - start)),
            (byte)'<' => TryReadXml(body, start, length - start),
            _ => null,
        };
        return error is { Code: { Length: > 0 } } ? error : null;
    }

    /// <summary>Where a body's first character is, past a byte order mark and white space; its length when there is none.</summary>
    public static int ContentStart(byte[] body, int length)
    {
        var start = 0;
        if (length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            start = 3;
        }

        while (start < length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start;
    }

    /// <summary>The safe settings for reading an error body: no DTD, no resolver, a size cap.</summary>
    public static XmlReaderSettings XmlSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 1 << 20,
    };

    private static ServiceError? TryReadJson(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var error = new ServiceError();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                string? value = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        value = reader.GetString();
                        break;
                    case JsonTokenType.Number:
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        value = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        reader.Skip();
                        break;
                }

                Assign(error, name, value);
            }

            // The object must close, and nothing but white space may follow: a cut-off body is no error body.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }

            return error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ServiceError? TryReadXml(byte[] body, int start, int count)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, start, count, writable: false), XmlSettings());
            // Loading the whole (size-capped) document proves it complete: a cut-off body is no error body.
            var root = XDocument.Load(reader).Root;
            if (root is null)
            {
                return null;
            }

            var error = new ServiceError();
            foreach (var field in root.Elements())
            {
                if (!field.HasElements)
                {
                    Assign(error, field.Name.LocalName, field.Value);
                }
            }

            return error;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Assign(ServiceError error, string? name, string? value)
    {
        if (name is null || value is null)
        {
            return;
        }

        if (Is(name, "Code"))
        {
            error.Code ??= value.Trim();
        }
        else if (Is(name, "Message"))
        {
            error.Message ??= value;
        }
        else if (Is(name, "RequestId"))
        {
            error.RequestId ??= value.Trim();
        }
        else if (Is(name, "HostId"))
        {
            error.HostId ??= value.Trim();
        }
        else if (Is(name, "Recommend"))
        {
            error.Recommend ??= value.Trim();
        }
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
