using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace Bindings.Serialization;

/// <summary>
/// What generated XML parsers call: one forward pass over <see cref="XmlReader"/> with DTDs refused,
/// no resolver (no file or network access), and limits on depth and size. Elements may come in any
/// order; whitespace and comments are ignored; only <see cref="ResponseParseException"/> escapes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XmlParsing
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Settings that refuse DTDs (so entity expansion and external entities cannot happen).</summary>
    public static XmlReaderSettings CreateSettings(ResponseParseOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = options.MaxDocumentSize,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    };

    /// <summary>A safe reader over a stream; the encoding comes from the BOM or the declaration, UTF-8 by default.</summary>
    public static XmlReader CreateReader(Stream stream, ResponseParseOptions options)
        => XmlReader.Create(stream ?? throw new ArgumentNullException(nameof(stream)), CreateSettings(options));

    /// <summary>A safe reader over text.</summary>
    public static XmlReader CreateReader(TextReader text, ResponseParseOptions options)
        => XmlReader.Create(text ?? throw new ArgumentNullException(nameof(text)), CreateSettings(options));

    /// <summary>Moves to the root element; the document must have one.</summary>
    public static void MoveToRoot(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw Unexpected(reader, "a root element");
        }
    }

    /// <summary>Checks that nothing but comments and white space follows the root element.</summary>
    public static void ReadDocumentEnd(XmlReader reader)
    {
        while (!reader.EOF && reader.NodeType != XmlNodeType.Element && reader.Read())
        {
        }

        if (!reader.EOF && reader.NodeType == XmlNodeType.Element)
        {
            throw Unexpected(reader, "the end of the document");
        }
    }

    /// <summary>
    /// On an element that holds members: returns true with the reader inside it, or false (having
    /// moved past it) when it is empty or <c>xsi:nil</c>.
    /// </summary>
    public static bool StartElement(XmlReader reader, ResponseParseOptions options)
    {
        if (reader.Depth > options.MaxDepth)
        {
            throw new ResponseParseException(WireFormat.Xml, "the document is nested deeper than the limit of " + options.MaxDepth.ToString(CultureInfo.InvariantCulture) + " elements")
                .At(LineOf(reader), PositionOf(reader));
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>
    /// Moves to the next child element and returns true, or consumes the parent's end tag and returns
    /// false. Stray text between child elements is skipped.
    /// </summary>
    public static bool NextChildElement(XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw Unexpected(reader, "an element or an end tag");
                default:
                    if (!reader.Read())
                    {
                        throw Unexpected(reader, "an element or an end tag");
                    }

                    break;
            }
        }
    }

    /// <summary>Keeps an element the spec does not describe, as its outer XML, and moves past it.</summary>
    public static void KeepUnknown(XmlReader reader, string name, ref ListBuilder<UnknownMember> unknownMembers)
        => unknownMembers.Add(new UnknownMember(name, ReadOuterXml(reader), WireFormat.Xml));

    /// <summary>Keeps an element the spec does not describe, as its outer XML, and moves past it.</summary>
    public static void KeepUnknown(XmlReader reader, string name, ref List<UnknownMember>? unknownMembers)
        => (unknownMembers ??= new List<UnknownMember>()).Add(new UnknownMember(name, ReadOuterXml(reader), WireFormat.Xml));

    /// <summary>
    /// Exactly what <see cref="XmlReader.ReadOuterXml"/> returns, and moves past the element the same way.
    /// That method builds a StringWriter and an XmlTextWriter for every element. An unknown field is
    /// nearly always plain: elements without attributes or namespaces, and text that needs no escaping
    /// (<c>&lt;Size&gt;1024&lt;/Size&gt;</c>, or a small structure of such elements); its outer XML is
    /// written here directly. Anything else is handed to the same writer, which gets the same calls
    /// that ReadOuterXml would have made.
    /// </summary>
    public static string ReadOuterXml(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement || !IsPlainElement(reader))
        {
            return reader.ReadOuterXml();
        }

        var name = reader.LocalName;
        var depth = reader.Depth;
        reader.Read();

        // The common case: <Name>text</Name>.
        string? text = null;
        if (reader.NodeType == XmlNodeType.Text)
        {
            text = reader.Value;
            reader.Read();
        }

        if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth && (text is null || NeedsNoEscaping(text)))
        {
            reader.Read();
            return text is null ? "<" + name + "></" + name + ">" : "<" + name + ">" + text + "</" + name + ">";
        }

        // Otherwise record the parts while they are plain, and write them at the end of the element.
        var parts = new List<(OuterXmlPart Kind, string Text)> { (OuterXmlPart.Start, name) };
        var plain = true;
        if (text is not null)
        {
            parts.Add((OuterXmlPart.Text, text));
            plain = NeedsNoEscaping(text);
        }

        var open = 1;
        while (open > 0)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when IsPlainElement(reader):
                    if (reader.IsEmptyElement)
                    {
                        parts.Add((OuterXmlPart.Empty, reader.LocalName));
                    }
                    else
                    {
                        parts.Add((OuterXmlPart.Start, reader.LocalName));
                        open++;
                    }

                    reader.Read();
                    break;
                case XmlNodeType.Text:
                    var value = reader.Value;
                    plain &= NeedsNoEscaping(value);
                    parts.Add((OuterXmlPart.Text, value));
                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    parts.Add((OuterXmlPart.End, string.Empty));
                    open--;
                    reader.Read();
                    break;
                default:
                    return WriteOuterXml(reader, parts, open);
            }
        }

        return plain ? JoinPlain(parts) : WriteOuterXml(reader, parts, 0);
    }

    private enum OuterXmlPart
    {
        Start,
        Empty,
        Text,
        End,
    }

    private static bool IsPlainElement(XmlReader reader)
        => !reader.HasAttributes && reader.Prefix.Length == 0 && reader.NamespaceURI.Length == 0;

    /// <summary>What XmlTextWriter makes of plain parts: <c>&lt;A&gt;</c>, <c>&lt;B /&gt;</c>, text as it is, <c>&lt;/A&gt;</c>.</summary>
    private static string JoinPlain(List<(OuterXmlPart Kind, string Text)> parts)
    {
        var builder = new StringBuilder();
        var names = new Stack<string>();
        foreach (var (kind, text) in parts)
        {
            switch (kind)
            {
                case OuterXmlPart.Start:
                    builder.Append('<').Append(text).Append('>');
                    names.Push(text);
                    break;
                case OuterXmlPart.Empty:
                    builder.Append('<').Append(text).Append(" />");
                    break;
                case OuterXmlPart.Text:
                    builder.Append(text);
                    break;
                default:
                    builder.Append("</").Append(names.Pop()).Append('>');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The writer ReadOuterXml uses, given the parts read so far and then, node by node, the rest of
    /// the element (<paramref name="open"/> elements are still open), as XmlWriter.WriteNode does.
    /// </summary>
    private static string WriteOuterXml(XmlReader reader, List<(OuterXmlPart Kind, string Text)> parts, int open)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new XmlTextWriter(buffer))
        {
            foreach (var (kind, text) in parts)
            {
                switch (kind)
                {
                    case OuterXmlPart.Start:
                        writer.WriteStartElement(string.Empty, text, string.Empty);
                        break;
                    case OuterXmlPart.Empty:
                        writer.WriteStartElement(string.Empty, text, string.Empty);
                        writer.WriteEndElement();
                        break;
                    case OuterXmlPart.Text:
                        writer.WriteString(text);
                        break;
                    default:
                        writer.WriteFullEndElement();
                        break;
                }
            }

            while (open > 0)
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    writer.WriteFullEndElement();
                    reader.Read();
                    open--;
                }
                else if (reader.EOF || reader.NodeType == XmlNodeType.None)
                {
                    throw Unexpected(reader, "an end tag");
                }
                else
                {
                    writer.WriteNode(reader, false);
                }
            }
        }

        return buffer.ToString();
    }

    /// <summary>True for text that XmlTextWriter writes unchanged: printable, no markup characters, no line breaks.</summary>
    private static bool NeedsNoEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || char.IsSurrogate(c) || c >= 0xFFFE)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads an element's text and moves past it: an empty element is an empty string, <c>xsi:nil</c> is null.
    /// </summary>
    public static string? ReadString(XmlReader reader)
    {
        if (IsNil(reader))
        {
            reader.Skip();
            return null;
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        reader.Read();
        string? single = null;
        StringBuilder? many = null;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (single is null)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        (many ??= new StringBuilder(single)).Append(reader.Value);
                    }

                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    throw Unexpected(reader, "text");
                default:
                    if (!reader.Read())
                    {
                        throw Unexpected(reader, "text or an end tag");
                    }

                    break;
            }
        }

        reader.Read();
        return many?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Reads the trimmed text of an element holding a number, a boolean or an enum; empty is absent.</summary>
    public static string? ReadToken(XmlReader reader)
    {
        var text = ReadString(reader)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public static int? ReadInt32(XmlReader reader)
        => Parse(reader, "a 32-bit integer", static (string text, out int value) => WireText.TryParseInt32(text, out value));

    /// <summary>Reads a 64-bit integer.</summary>
    public static long? ReadInt64(XmlReader reader)
        => Parse(reader, "a 64-bit integer", static (string text, out long value) => WireText.TryParseInt64(text, out value));

    /// <summary>Reads a decimal number.</summary>
    public static decimal? ReadDecimal(XmlReader reader)
        => Parse(reader, "a decimal number", static (string text, out decimal value) => WireText.TryParseDecimal(text, out value));

    /// <summary>Reads a double.</summary>
    public static double? ReadDouble(XmlReader reader)
        => Parse(reader, "a number", static (string text, out double value) => WireText.TryParseDouble(text, out value));

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c> in any case, or 1 and 0.</summary>
    public static bool? ReadBoolean(XmlReader reader)
        => Parse(reader, "a boolean", static (string text, out bool value) => WireText.TryParseBoolean(text, out value));

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTimeOffset? ReadDateTime(XmlReader reader)
        => Parse(reader, "an ISO 8601 date and time", static (string text, out DateTimeOffset value) => WireText.TryParseDateTime(text, out value));

    /// <summary>An exception for a node of the wrong kind, at the reader's position.</summary>
    public static ResponseParseException Unexpected(XmlReader reader, string expected)
        => new ResponseParseException(WireFormat.Xml, "expected " + expected + ", found " + Describe(reader))
            .At(LineOf(reader), PositionOf(reader));

    /// <summary>True for the exceptions an XML read can raise on bad input; generated readers catch only these.</summary>
    public static bool IsReadError(Exception exception)
        => exception is ResponseParseException or XmlException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>The documented exception for one that <see cref="IsReadError"/> accepted.</summary>
    public static ResponseParseException AsParseError(Exception exception) => exception switch
    {
        ResponseParseException parse => parse,
        XmlException xml => new ResponseParseException(WireFormat.Xml, "malformed XML: " + StripPosition(xml.Message), xml)
            .At(xml.LineNumber > 0 ? xml.LineNumber : null, xml.LinePosition > 0 ? xml.LinePosition : null),
        _ => new ResponseParseException(WireFormat.Xml, exception.Message, exception),
    };

    /// <summary>Completes the exception at the entry point with the type being parsed.</summary>
    public static ResponseParseException Fail(Exception exception, string typeName) => AsParseError(exception).ForType(typeName);

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Parse<T>(XmlReader reader, string expected, TryParse<T> tryParse)
        where T : struct
    {
        var line = LineOf(reader);
        var position = PositionOf(reader);
        var text = ReadToken(reader);
        if (text is null)
        {
            return null;
        }

        if (tryParse(text, out var value))
        {
            return value;
        }

        throw new ResponseParseException(WireFormat.Xml, "expected " + expected + ", found text that is not one (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)")
            .At(line, position);
    }

    private static bool IsNil(XmlReader reader)
        => reader.HasAttributes && reader.GetAttribute("nil", XsiNamespace) is { } nil && WireText.TryParseBoolean(nil, out var isNil) && isNil;

    private static string Describe(XmlReader reader) => reader.NodeType switch
    {
        XmlNodeType.Element => "the element <" + reader.LocalName + ">",
        XmlNodeType.EndElement => "the end tag </" + reader.LocalName + ">",
        XmlNodeType.Text or XmlNodeType.CDATA => "text",
        XmlNodeType.None => "the end of the document",
        _ => reader.NodeType.ToString(),
    };

    private static long? LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static long? PositionOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : null;

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }
}
