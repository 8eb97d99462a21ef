using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Bindings.StandIn.Protocol;

/// <summary>The response format a request asked for.</summary>
internal enum ResponseFormat
{
    Xml,
    Json,
}

/// <summary>Writes <see cref="StandInValue"/> trees as the service's JSON or XML.</summary>
internal static class WireWriter
{
    public const string JsonContentType = "application/json;charset=utf-8";
    public const string XmlContentType = "text/xml;charset=utf-8";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // The service writes '&', '+' and '<' as they are; escaping them would still be valid
        // JSON, but an answer that looks like the real one is the point of a stand-in.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
    };

    public static string ContentType(ResponseFormat format) => format == ResponseFormat.Json ? JsonContentType : XmlContentType;

    /// <summary>Serializes a body.</summary>
    /// <param name="format">JSON or XML.</param>
    /// <param name="rootName">The XML root element, for example <c>DescribeBackupTasksResponse</c> or <c>Error</c>.</param>
    /// <param name="body">The body's members.</param>
    public static byte[] Write(ResponseFormat format, string rootName, StandInObject body)
    {
        using var stream = new MemoryStream();
        if (format == ResponseFormat.Json)
        {
            using var writer = new Utf8JsonWriter(stream, JsonOptions);
            WriteJson(writer, body);
        }
        else
        {
            using var writer = XmlWriter.Create(stream, XmlSettings);
            writer.WriteStartDocument();
            writer.WriteStartElement(rootName);
            WriteXmlMembers(writer, body);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, StandInValue node)
    {
        switch (node)
        {
            case StandInText text:
                writer.WriteStringValue(text.Value);
                break;
            case StandInNumber number:
                writer.WriteRawValue(number.Literal, skipInputValidation: true);
                break;
            case StandInBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case StandInArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case StandInObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.Members)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, value);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static void WriteXmlMembers(XmlWriter writer, StandInObject obj)
    {
        foreach (var (name, value) in obj.Members)
        {
            if (value is StandInArray array)
            {
                // XML has no arrays: a list is a run of elements with the member's name.
                foreach (var item in array.Items)
                {
                    WriteXmlElement(writer, name, item);
                }
            }
            else
            {
                WriteXmlElement(writer, name, value);
            }
        }
    }

    private static void WriteXmlElement(XmlWriter writer, string name, StandInValue node)
    {
        writer.WriteStartElement(name);
        switch (node)
        {
            case StandInText text:
                writer.WriteString(text.Value);
                break;
            case StandInNumber number:
                writer.WriteString(number.Literal);
                break;
            case StandInBoolean boolean:
                writer.WriteString(boolean.Value ? "true" : "false");
                break;
            case StandInObject obj:
                WriteXmlMembers(writer, obj);
                break;
            case StandInArray array:
                // An array directly inside an array has no name of its own; the service has none.
                foreach (var item in array.Items)
                {
                    WriteXmlElement(writer, name, item);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }

        writer.WriteEndElement();
    }
}
