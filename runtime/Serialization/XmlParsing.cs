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
        // Whitespace between elements is skipped by the readers; inside an element it may be the value itself
        // (a string of spaces), which IgnoreWhitespace would turn into an empty string.
        IgnoreWhitespace = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = options.MaxDocumentSize,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    };

    /// <summary>A safe reader over a stream; the encoding comes from the BOM or the declaration, UTF-8 by default.</summary>
    public static XmlReader CreateReader(Stream stream, ResponseParseOptions options)
        => XmlReader.Create(stream ?? throw new ArgumentNullException(nameof(stream)), CreateSettings(options));

    /// <summary>
    /// A safe reader over text. A leading U+FEFF, which a byte order mark becomes when bytes are decoded
    /// without looking for one (<c>Encoding.UTF8.GetString</c>), is skipped as the stream reader skips the mark.
    /// </summary>
    public static XmlReader CreateReader(TextReader text, ResponseParseOptions options)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Peek() == '\uFEFF')
        {
            text.Read();
        }

        return XmlReader.Create(text, CreateSettings(options));
    }

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
        // The root is at depth 0: an element that holds members at depth d is the (d + 1)th level.
        if (reader.Depth >= options.MaxDepth)
        {
            throw TooDeep(reader, options.MaxDepth);
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

    /// <summary>
    /// Keeps an element the spec does not describe, as its outer XML, and moves past it. Its content is
    /// held to the depth limit of <paramref name="options"/> like the rest of the document.
    /// </summary>
    public static void KeepUnknown(XmlReader reader, string name, ResponseParseOptions options, ref ListBuilder<UnknownMember> unknownMembers)
        => unknownMembers.Add(new UnknownMember(name, ReadOuterXml(reader, options.MaxDepth), WireFormat.Xml));

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

    /// <summary>
    /// Reads a generated enum from an element's trimmed text: an empty element or <c>xsi:nil</c> is
    /// absent; a value the spec does not list is kept.
    /// </summary>
    /// <typeparam name="T">The generated enum struct.</typeparam>
    public static T? ReadEnum<T>(XmlReader reader)
        where T : struct, IWireEnum<T>
        => ReadToken(reader) is { } token ? default(T).FromWireValue(token) : null;

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
        XmlException xml => new ResponseParseException(WireFormat.Xml, "malformed XML: " + ReaderMessages.Shorten(StripPosition(xml.Message)), xml)
            .At(xml.LineNumber > 0 ? xml.LineNumber : null, xml.LinePosition > 0 ? xml.LinePosition : null),
        _ => new ResponseParseException(WireFormat.Xml, exception.Message, exception),
    };

    /// <summary>Completes the exception at the entry point with the type being parsed.</summary>
    public static ResponseParseException Fail(Exception exception, string typeName) => AsParseError(exception).ForType(typeName);

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>
    /// What <see cref="XmlReader.ReadOuterXml"/> does (the node-by-node copy of <c>XmlWriter.WriteNode</c>
    /// into the same kind of writer, so the text is the same), with the depth limit checked on every
    /// element: ReadOuterXml copies any depth, so 10,000 levels inside an unknown element went unchecked.
    /// </summary>
    private static string ReadOuterXml(XmlReader reader, int maxDepth)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            return reader.ReadOuterXml();
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            CopyOuterXml(reader, maxDepth, text);
        }
        catch (ArgumentException exception)
        {
            // XmlTextWriter refuses some names XmlReader lets through, such as an element <xmlns:x> (found
            // by fuzzing: XmlReader.ReadOuterXml threw the same ArgumentException before).
            throw new ResponseParseException(WireFormat.Xml, "an element that cannot be kept as XML: " + ReaderMessages.Shorten(exception.Message), exception)
                .At(LineOf(reader), PositionOf(reader));
        }

        return text.ToString();
    }

    private static void CopyOuterXml(XmlReader reader, int maxDepth, StringWriter text)
    {
        using (var writer = new XmlTextWriter(text))
        {
            var depth = reader.Depth;
            do
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        // An element below depth maxDepth makes its parent the (maxDepth + 1)th level that holds elements.
                        if (reader.Depth > maxDepth)
                        {
                            throw TooDeep(reader, maxDepth);
                        }

                        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                        writer.WriteAttributes(reader, defattr: false);
                        if (reader.IsEmptyElement)
                        {
                            writer.WriteEndElement();
                        }

                        break;
                    case XmlNodeType.Text:
                        writer.WriteString(reader.Value);
                        break;
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        writer.WriteWhitespace(reader.Value);
                        break;
                    case XmlNodeType.CDATA:
                        writer.WriteCData(reader.Value);
                        break;
                    case XmlNodeType.EntityReference:
                        writer.WriteEntityRef(reader.Name);
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        writer.WriteProcessingInstruction(reader.Name, reader.Value);
                        break;
                    case XmlNodeType.Comment:
                        writer.WriteComment(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        break;
                }
            }
            while (reader.Read() && (depth < reader.Depth || (depth == reader.Depth && reader.NodeType == XmlNodeType.EndElement)));
        }
    }

    private static ResponseParseException TooDeep(XmlReader reader, int maxDepth)
        => new ResponseParseException(WireFormat.Xml, "the document is nested deeper than the limit of " + maxDepth.ToString(CultureInfo.InvariantCulture) + " elements")
            .At(LineOf(reader), PositionOf(reader));

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
        XmlNodeType.Element => "the element <" + ReaderMessages.Name(reader.LocalName) + ">",
        XmlNodeType.EndElement => "the end tag </" + ReaderMessages.Name(reader.LocalName) + ">",
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
