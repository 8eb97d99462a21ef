using System;
using System.Buffers.Text;
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

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Settings that refuse DTDs (so entity expansion and external entities cannot happen).</summary>
    public static XmlReaderSettings CreateSettings(ResponseParseOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        NameTable = new DocumentNameTable(),
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
    /// A safe reader over a whole document's bytes (what <see cref="StreamBuffering"/> read). A document in
    /// UTF-8 (the default, and what the service sends) is checked first, as JSON is, so that invalid UTF-8 is
    /// the same <see cref="ResponseParseException"/> in both formats.
    /// </summary>
    public static XmlReader CreateReader(byte[] buffer, int length, ResponseParseOptions options)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (options.MaxDocumentSize > 0 && length > options.MaxDocumentSize)
        {
            throw StreamBuffering.TooLarge(options, WireFormat.Xml);
        }

        var bytes = new ReadOnlySpan<byte>(buffer, 0, length);
        var invalid = IsUtf8(bytes) ? Utf8Validation.IndexOfInvalid(bytes) : -1;
        Stream stream = invalid < 0
            ? new MemoryStream(buffer, 0, length, writable: false)
            : new ValidPrefixStream(buffer, invalid, InvalidUtf8(bytes, invalid));
        return XmlReader.Create(stream, CreateSettings(options));
    }

    /// <summary>
    /// The bytes before the first invalid UTF-8 sequence, then the exception for it. The reader parses up to
    /// that point and asks for more inside the element that holds the bad bytes, so the exception leaves
    /// through the generated readers and gets the path of that element, as a JSON string's would.
    /// </summary>
    private sealed class ValidPrefixStream : MemoryStream
    {
        private readonly ResponseParseException _failure;

        public ValidPrefixStream(byte[] buffer, int validLength, ResponseParseException failure)
            : base(buffer, 0, validLength, writable: false)
            => _failure = failure;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 || count == 0 ? read : throw _failure;
        }
    }

    /// <summary>
    /// A safe reader over a whole document as text, held to the size limit by its UTF-8 length, as a
    /// document of bytes is. A leading U+FEFF (see <see cref="CreateReader(TextReader, ResponseParseOptions)"/>) is skipped.
    /// </summary>
    public static XmlReader CreateReader(string xml, ResponseParseOptions options)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        var limit = options.MaxDocumentSize;
        // A character takes 1 to 3 bytes in UTF-8 (a surrogate pair, 4 for 2): count only when it matters.
        if (limit > 0 && xml.Length > limit / 3 && (xml.Length > limit || System.Text.Encoding.UTF8.GetByteCount(xml) > limit))
        {
            throw StreamBuffering.TooLarge(options, WireFormat.Xml);
        }

        return CreateReader(new StringReader(xml), options);
    }

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

    /// <summary>
    /// Moves to the root element; the document must have one, with the name <paramref name="expectedRoot"/>
    /// when it is given (an operation's response is <c>&lt;ActionResponse&gt;</c>), and not <c>xsi:nil</c>.
    /// </summary>
    /// <param name="reader">The reader, at the start of the document.</param>
    /// <param name="expectedRoot">The root's local name; null for a structure, which has no name of its own.</param>
    public static void MoveToRoot(XmlReader reader, string? expectedRoot)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw Unexpected(reader, "a root element");
        }

        if (reader.NameTable is DocumentNameTable table)
        {
            table.RootNamespace = reader.NamespaceURI;
        }

        if (expectedRoot is not null && reader.LocalName != expectedRoot)
        {
            // An XHTML page, another operation's answer, or an <Error> document: none is this response.
            var found = reader.LocalName == "Error"
                ? "<Error>, an Alibaba Cloud error document"
                : "<" + ReaderMessages.Name(reader.Name) + ">";
            throw new ResponseParseException(WireFormat.Xml, "expected the root element <" + expectedRoot + ">, found " + found)
                .At(LineOf(reader), PositionOf(reader));
        }

        if (IsNil(reader))
        {
            throw new ResponseParseException(WireFormat.Xml, "expected a root element with content, found one marked xsi:nil")
                .At(LineOf(reader), PositionOf(reader));
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
    /// moved past it) when it is empty or <c>xsi:nil</c>. Its attributes are kept in
    /// <paramref name="unknownMembers"/> as <c>{attributePrefix}@{name}</c>; namespace declarations, which only
    /// bind prefixes, and <c>xsi:nil</c>, which is read, are not data.
    /// </summary>
    public static bool StartElement(XmlReader reader, ResponseParseOptions options, string attributePrefix, ref ListBuilder<UnknownMember> unknownMembers)
    {
        // The root is at depth 0: an element that holds members at depth d is the (d + 1)th level.
        if (reader.Depth >= options.MaxDepth)
        {
            throw TooDeep(reader, options.MaxDepth);
        }

        if (reader.HasAttributes)
        {
            if (IsNil(reader))
            {
                reader.Skip();
                return false;
            }

            KeepAttributes(reader, attributePrefix, ref unknownMembers);
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
    /// For a structure's element: true (having moved past it) when it is <c>xsi:nil</c>, which stands for an
    /// absent structure, as JSON's <c>null</c> does.
    /// </summary>
    public static bool SkipNil(XmlReader reader)
    {
        if (reader.HasAttributes && IsNil(reader))
        {
            reader.Skip();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Moves to the next child element that can be a member and returns true, or consumes the parent's end
    /// tag and returns false. White space and comments between elements are skipped; other text is refused,
    /// as JSON refuses a number where an object is expected. An element of another namespace than the
    /// root's (<c>&lt;x:RequestId xmlns:x="urn:other"&gt;</c>) is not a member of the spec:
    /// it is kept in <paramref name="unknownMembers"/> under <c>{unknownPrefix}{prefix:name}</c>.
    /// </summary>
    public static bool NextChildElement(XmlReader reader, ResponseParseOptions options, string unknownPrefix, ref ListBuilder<UnknownMember> unknownMembers)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (IsInDocumentNamespace(reader))
                    {
                        return true;
                    }

                    KeepUnknown(reader, unknownPrefix + reader.Name, options, ref unknownMembers);
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
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

    /// <summary>The exception for a member that the document gives twice, with the reader on its second element.</summary>
    public static ResponseParseException Duplicate(XmlReader reader)
        => new ResponseParseException(WireFormat.Xml, JsonParsing.DuplicateReason).At(LineOf(reader), PositionOf(reader));

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
        if (!EnterValue(reader, out var nil))
        {
            return nil ? null : string.Empty;
        }

        string? single = null;
        StringBuilder? many = null;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (!IsText(reader.NodeType))
            {
                SkipNonText(reader);
                continue;
            }

            if (single is null)
            {
                single = reader.Value;
            }
            else
            {
                (many ??= new StringBuilder(single)).Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        // Kept exactly, as in JSON: text is data in XML (&#xA; and a line break read the same), and the
        // white space a pretty-printer adds stands between elements, where it is skipped.
        return many?.ToString() ?? single ?? string.Empty;
    }

    // On a value's element: moves inside it and returns true, or moves past it and returns false when it is
    // xsi:nil (nil is then true) or empty. A value has no place for an attribute beside it.
    private static bool EnterValue(XmlReader reader, out bool nil)
    {
        nil = false;
        if (reader.HasAttributes)
        {
            if (IsNil(reader))
            {
                reader.Skip();
                nil = true;
                return false;
            }

            RefuseAttributes(reader);
        }

        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    private static bool IsText(XmlNodeType node)
        => node is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace;

    // Inside a value, on a node that is neither text nor its end tag: an element is refused; anything else
    // (what the settings do not already skip) is passed over.
    private static void SkipNonText(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element)
        {
            throw Unexpected(reader, "text");
        }

        if (!reader.Read())
        {
            throw Unexpected(reader, "text or an end tag");
        }
    }

    /// <summary>
    /// Reads the text of an element holding a number, a boolean or an enum, without the white space around it
    /// (the same four characters as in JSON); empty is absent.
    /// </summary>
    public static string? ReadToken(XmlReader reader)
    {
        var text = ReadString(reader);
        if (text is null)
        {
            return null;
        }

        text = WireText.TrimWhiteSpace(text);
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Reads a generated enum from an element's trimmed text: an empty element or <c>xsi:nil</c> is
    /// absent; a value the spec does not list is kept.
    /// </summary>
    /// <remarks>
    /// Unlike a number's, an enum's text is read as a string: reading it into the document's buffer and
    /// matching the characters (through their bytes and <see cref="IWireEnum{TSelf}.FromUtf8"/>, or in a
    /// small cache of texts) measured about 10% slower on a 100-job response than the string and the
    /// generated <c>switch</c>, for about 160 bytes a job.
    /// </remarks>
    /// <typeparam name="T">The generated enum struct.</typeparam>
    public static T? ReadEnum<T>(XmlReader reader)
        where T : struct, IWireEnum<T>
        => ReadToken(reader) is { } token ? default(T).FromWireValue(token) : null;

    /// <summary>Reads a 32-bit integer.</summary>
    public static int? ReadInt32(XmlReader reader)
        => (int?)ReadInteger(reader, int.MinValue, int.MaxValue, "a 32-bit integer");

    /// <summary>Reads a 64-bit integer.</summary>
    public static long? ReadInt64(XmlReader reader)
        => ReadInteger(reader, long.MinValue, long.MaxValue, "a 64-bit integer");

    /// <summary>Reads a decimal number.</summary>
    public static decimal? ReadDecimal(XmlReader reader)
    {
        GetPosition(reader, out var line, out var position);
        if (!ReadTokenChars(reader, out var token))
        {
            return null;
        }

        if (WireText.TryParsePlainDecimal(token, out var plain))
        {
            return plain;
        }

        var text = token.ToString();
        return WireText.TryParseDecimal(text, out var value) ? value : throw NotOne(text, "a decimal number", line, position);
    }

    /// <summary>Reads a double.</summary>
    public static double? ReadDouble(XmlReader reader)
        => Parse(reader, "a number", static (string text, out double value) => WireText.TryParseDouble(text, out value));

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c> in any case, or 1 and 0.</summary>
    public static bool? ReadBoolean(XmlReader reader)
    {
        GetPosition(reader, out var line, out var position);
        if (!ReadTokenChars(reader, out var token))
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[TokenBufferLength];
        if (TryNarrow(token, utf8) && WireText.TryParseBoolean(utf8.Slice(0, token.Length), out var plain))
        {
            return plain;
        }

        var text = token.ToString();
        return WireText.TryParseBoolean(text, out var value) ? value : throw NotOne(text, "a boolean", line, position);
    }

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTimeOffset? ReadDateTime(XmlReader reader) => ReadDateTime(reader, DateTimeWireFormat.Iso8601Seconds);

    /// <summary>Reads a date and time in a wire format (ISO 8601, <c>yyyy-MM-dd HH:mm:ss</c>, Unix seconds or milliseconds).</summary>
    public static DateTimeOffset? ReadDateTime(XmlReader reader, DateTimeWireFormat format)
    {
        GetPosition(reader, out var line, out var position);
        if (!ReadTokenChars(reader, out var token))
        {
            return null;
        }

        // ASCII, nearly always: read from its bytes as JSON's is, with the same result as from the text.
        Span<byte> utf8 = stackalloc byte[TokenBufferLength];
        DateTimeOffset value;
        var parsed = TryNarrow(token, utf8)
            ? DateTimeText.TryParse(utf8.Slice(0, token.Length), format, out value)
            : DateTimeText.TryParse(token.ToString(), format, out value);
        return parsed ? value : throw NotOne(token.ToString(), DateTimeText.Expected(format), line, position);
    }

    /// <summary>
    /// Reads a value of type <c>any</c> as the element's outer XML, held to the depth limit of
    /// <paramref name="options"/>, and moves past it; null for <c>xsi:nil</c>.
    /// </summary>
    public static RawValue? ReadRaw(XmlReader reader, ResponseParseOptions options)
    {
        if (IsNil(reader))
        {
            reader.Skip();
            return null;
        }

        return RawValue.FromResponse(ReadOuterXml(reader, options.MaxDepth), WireFormat.Xml);
    }

    /// <summary>
    /// Reads a member of <c>type: map</c> whose values are of a reference type: each child element is an
    /// entry, its local name the key and its content the value, in document order. Null for
    /// <c>xsi:nil</c>; an empty element is an empty map. An entry marked <c>xsi:nil</c> carries nothing and
    /// is skipped, as a list skips such an item; a key given twice is refused (a map is not a list: a
    /// repeated element would be a second value for one key). The map element's attributes and child
    /// elements of other namespaces are kept in <paramref name="unknownMembers"/> as <c>{name}@{attribute}</c>
    /// and <c>{name}.{prefix:element}</c>. The reader is on the map's start tag; afterwards past its end.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The depth limit.</param>
    /// <param name="name">The member's wire name, for the unknown members kept.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <param name="unknownMembers">The unknown members of the enclosing structure.</param>
    public static IReadOnlyDictionary<string, T>? ReadMap<T>(XmlReader reader, ResponseParseOptions options, string name, XmlValueReader<T?> readValue, ref ListBuilder<UnknownMember> unknownMembers)
        where T : class
        => ReadEntries<T?, T, ReferenceMapValue<T>>(reader, options, name, readValue, ref unknownMembers);

    /// <summary>As <see cref="ReadMap{T}"/>, for values of a value type (read as <c>T?</c>).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The depth limit.</param>
    /// <param name="name">The member's wire name, for the unknown members kept.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <param name="unknownMembers">The unknown members of the enclosing structure.</param>
    public static IReadOnlyDictionary<string, T>? ReadValueMap<T>(XmlReader reader, ResponseParseOptions options, string name, XmlValueReader<T?> readValue, ref ListBuilder<UnknownMember> unknownMembers)
        where T : struct
        => ReadEntries<T?, T, NullableMapValue<T>>(reader, options, name, readValue, ref unknownMembers);

    private static IReadOnlyDictionary<string, T>? ReadEntries<TRead, T, TValue>(XmlReader reader, ResponseParseOptions options, string name, XmlValueReader<TRead> readValue, ref ListBuilder<UnknownMember> unknownMembers)
        where TValue : struct, IMapValue<TRead, T>
    {
        if (SkipNil(reader))
        {
            return null;
        }

        var map = default(OrderedMapBuilder<T>);
        if (!StartElement(reader, options, name, ref unknownMembers))
        {
            return map.ToMap();
        }

        var key = string.Empty;
        var prefix = name + ".";
        try
        {
            // key names the entry being read, for the path of an error (Data.key); it is cleared between entries.
            for (; NextChildElement(reader, options, prefix, ref unknownMembers); key = string.Empty)
            {
                key = reader.LocalName;
                if (map.Contains(key))
                {
                    throw Duplicate(reader);
                }

                if (default(TValue).TryGet(readValue(reader, options), out var value))
                {
                    map.Add(key, value);
                }
            }
        }
        catch (Exception exception) when (IsReadError(exception))
        {
            throw AsParseError(exception).Within(key);
        }

        return map.ToMap();
    }

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
    /// What <see cref="XmlReader.ReadOuterXml"/> returns (the node-by-node copy of <c>XmlWriter.WriteNode</c>),
    /// with the depth limit checked on every element: ReadOuterXml copies any depth, so 10,000 levels inside
    /// an unknown element went unchecked. An unknown field is nearly always plain (elements without
    /// attributes or namespaces, text that needs no escaping: <c>&lt;Size&gt;1024&lt;/Size&gt;</c>, or a small
    /// structure of such elements): that is written straight into a reused builder, as the writer would
    /// write it, in a builder the document's unknown elements share. From the first node that is not plain
    /// on, an <see cref="XmlWriter"/> appends the rest to the same builder, so the text is the same either
    /// way; only then is a writer made (it costs about 12 KB of buffers, which had been most of what parsing
    /// a response allocated).
    /// </summary>
    private static string ReadOuterXml(XmlReader reader, int maxDepth)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            return reader.ReadOuterXml();
        }

        // One builder for the document's unknown elements, when the reader is one made here.
        var builder = (reader.NameTable as DocumentNameTable)?.OuterXml ?? new StringBuilder();
        try
        {
            CopyOuterXml(reader, maxDepth, builder);
            return builder.ToString();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // The writer refuses some names XmlReader lets through, such as an element <xmlns:x> (found
            // by fuzzing: XmlReader.ReadOuterXml threw the same ArgumentException before).
            throw new ResponseParseException(WireFormat.Xml, "an element that cannot be kept as XML: " + ReaderMessages.Shorten(exception.Message), exception)
                .At(LineOf(reader), PositionOf(reader));
        }
        finally
        {
            builder.Clear();
        }
    }

    // XmlTextWriter (what ReadOuterXml uses) looks up namespace scopes through every open element, so a
    // copy of n nested elements costs n squared; the writer of XmlWriter.Create keeps a scope stack whose
    // lookups do not depend on depth, and writes the same text.
    private static readonly XmlWriterSettings CopySettings = new()
    {
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        NewLineHandling = NewLineHandling.None,
        CheckCharacters = false,
        CloseOutput = false,
    };

    private static void CopyOuterXml(XmlReader reader, int maxDepth, StringBuilder output)
    {
        // Until a node that is not plain comes, the text is appended here directly and `plainOpen` counts the
        // elements so opened; after it, `writer` writes every node, and closes the plain elements still open
        // with their end tags as raw text (they declared no namespace, so the writer's scopes are the same).
        XmlWriter? writer = null;
        var plainOpen = 0;
        var depth = reader.Depth;
        try
        {
            do
            {
                var node = reader.NodeType;
                if (node == XmlNodeType.Element && reader.Depth > maxDepth)
                {
                    // An element below depth maxDepth makes its parent the (maxDepth + 1)th level that holds elements.
                    throw TooDeep(reader, maxDepth);
                }

                if (writer is null)
                {
                    switch (node)
                    {
                        case XmlNodeType.Element when !reader.HasAttributes && reader.Prefix.Length == 0 && reader.NamespaceURI.Length == 0:
                            output.Append('<').Append(reader.LocalName);
                            if (reader.IsEmptyElement)
                            {
                                output.Append(" />");
                            }
                            else
                            {
                                output.Append('>');
                                plainOpen++;
                            }

                            continue;
                        case XmlNodeType.EndElement:
                            output.Append("</").Append(reader.LocalName).Append('>');
                            plainOpen--;
                            continue;
                        case XmlNodeType.Text:
                            var value = reader.Value;
                            if (NeedsNoEscaping(value))
                            {
                                output.Append(value);
                                continue;
                            }

                            break;
                    }

                    writer = XmlWriter.Create(new StringWriter(output, CultureInfo.InvariantCulture), CopySettings);
                }

                if (node == XmlNodeType.EndElement && plainOpen > 0 && reader.Depth < depth + plainOpen)
                {
                    // The end of an element opened before the writer was: the writer never saw its start.
                    writer.WriteRaw("</" + reader.LocalName + ">");
                    plainOpen--;
                    continue;
                }

                WriteNode(reader, writer);
            }
            while (reader.Read() && (depth < reader.Depth || (depth == reader.Depth && reader.NodeType == XmlNodeType.EndElement)));
        }
        finally
        {
            writer?.Dispose();
        }
    }

    // One node as XmlWriter.WriteNode writes it, without its content.
    private static void WriteNode(XmlReader reader, XmlWriter writer)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
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

    // Text the writer writes as it is: no markup characters, no control characters (not even a line break,
    // which NewLineHandling could touch), no surrogates, no non-characters.
    private static bool NeedsNoEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || c >= 0xFFFE)
            {
                return false;
            }
        }

        return true;
    }

    private static ResponseParseException TooDeep(XmlReader reader, int maxDepth)
        => new ResponseParseException(WireFormat.Xml, "the document is nested deeper than the limit of " + maxDepth.ToString(CultureInfo.InvariantCulture) + " elements")
            .At(LineOf(reader), PositionOf(reader));

    // An integer, or an integral decimal (4762614.0) read as one, as in JSON; otherwise the true reason.
    private static long? ReadInteger(XmlReader reader, long min, long max, string expected)
    {
        GetPosition(reader, out var line, out var position);
        if (!ReadTokenChars(reader, out var token))
        {
            return null;
        }

        // Plain digits, nearly always: parsed from the characters' bytes. Whatever that parser refuses goes
        // to the general parsers below, which accept all it accepts, with the same value.
        Span<byte> utf8 = stackalloc byte[TokenBufferLength];
        if (TryNarrow(token, utf8) && Utf8Parser.TryParse(utf8.Slice(0, token.Length), out long plain, out var consumed)
            && consumed == token.Length && plain >= min && plain <= max)
        {
            return plain;
        }

        var text = token.ToString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var found = WireText.ParseIntegralDecimal(text, min, max, out value);
        if (found == IntegerText.Integer)
        {
            return value;
        }

        throw new ResponseParseException(WireFormat.Xml, "expected " + expected + ", found " + WireText.Describe(found)
                + " (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)")
            .At(line, position);
    }

    private static T? Parse<T>(XmlReader reader, string expected, TryParse<T> tryParse)
        where T : struct
    {
        GetPosition(reader, out var line, out var position);
        if (!ReadTokenChars(reader, out var token))
        {
            return null;
        }

        var text = token.ToString();
        return tryParse(text, out var value) ? value : throw NotOne(text, expected, line, position);
    }

    private static ResponseParseException NotOne(string text, string expected, long? line, long? position)
        => new ResponseParseException(WireFormat.Xml, "expected " + expected + ", found text that is not one (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)")
            .At(line, position);

    // The longest token read without a string: every documented enum value and number is shorter.
    private const int TokenBufferLength = 64;

    /// <summary>
    /// What <see cref="ReadToken"/> reads (an element's text without the white space around it; false for
    /// <c>xsi:nil</c> and for empty text), into the document's buffer when it fits, so that a number or a
    /// boolean is read without making a string that is parsed and dropped. The span is valid until the next
    /// call on the same document.
    /// </summary>
    private static bool ReadTokenChars(XmlReader reader, out ReadOnlySpan<char> token)
    {
        if (reader.NameTable is not DocumentNameTable table)
        {
            // A reader made elsewhere: its text as a string.
            var text = ReadToken(reader);
            token = text.AsSpan();
            return text is not null;
        }

        token = default;
        if (!EnterValue(reader, out _))
        {
            return false;
        }

        var buffer = table.TokenBuffer;
        var length = 0;
        StringBuilder? longer = null;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (!IsText(reader.NodeType))
            {
                SkipNonText(reader);
                continue;
            }

            if (longer is null && reader.CanReadValueChunk)
            {
                // Two free places at least: ReadValueChunk keeps a surrogate pair together. The reader made
                // here (XmlTextReaderImpl) fills the space it is given unless the value ends first, so a read
                // that leaves two places free is the whole value, and the call that would return 0 (as costly
                // as making the string) is left out; when the space is (nearly) filled, the reads go on until
                // 0. Tests pin this at the buffer's and the reader's boundaries.
                int read;
                while (buffer.Length - length >= 2 && (read = reader.ReadValueChunk(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                    if (buffer.Length - length >= 2)
                    {
                        break;
                    }
                }

                if (buffer.Length - length < 2)
                {
                    longer = new StringBuilder().Append(buffer, 0, length);
                    AppendRestOfValue(reader, longer);
                }
            }
            else if (longer is null && reader.Value is var value && value.Length <= buffer.Length - length)
            {
                value.CopyTo(0, buffer, length, value.Length);
                length += value.Length;
            }
            else
            {
                (longer ??= new StringBuilder().Append(buffer, 0, length)).Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        token = WireText.TrimWhiteSpace(longer is null ? new ReadOnlySpan<char>(buffer, 0, length) : longer.ToString().AsSpan());
        return token.Length > 0;
    }

    private static void AppendRestOfValue(XmlReader reader, StringBuilder text)
    {
        var chunk = new char[256];
        int read;
        while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, read);
        }
    }

    // ASCII text as its bytes, which are its UTF-8; false when a character is not ASCII or the text does not fit.
    private static bool TryNarrow(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        if (text.Length > bytes.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 0x7F)
            {
                return false;
            }

            bytes[i] = (byte)c;
        }

        return true;
    }

    // The position of the element about to be read, for the message if its value turns out to be wrong.
    private static void GetPosition(XmlReader reader, out long? line, out long? position)
    {
        if (reader is IXmlLineInfo info && info.HasLineInfo())
        {
            line = info.LineNumber;
            position = info.LinePosition;
        }
        else
        {
            line = null;
            position = null;
        }
    }

    // Members are elements in the root's namespace (none, in what the service sends). The readers made here
    // carry the root's namespace in their name table; names are atomized, so the test is a reference compare.
    private static bool IsInDocumentNamespace(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var root = (reader.NameTable as DocumentNameTable)?.RootNamespace ?? reader.LookupNamespace(string.Empty) ?? string.Empty;
        return (object)ns == root || ns == root;
    }

    /// <summary>
    /// The name table of a reader made here, which also remembers the namespace of the document's root, and
    /// holds the document's buffers for reading values (a thread-static buffer had cost a slow thread-local
    /// lookup for every value).
    /// </summary>
    private sealed class DocumentNameTable : NameTable
    {
        private char[]? _tokenBuffer;

        public string? RootNamespace { get; set; }

        public char[] TokenBuffer => _tokenBuffer ??= new char[TokenBufferLength];

        private StringBuilder? _outerXml;

        public StringBuilder OuterXml => _outerXml ??= new StringBuilder();
    }

    private static bool IsData(XmlReader reader)
        => reader.NamespaceURI != XmlnsNamespace && !(reader.LocalName == "nil" && reader.NamespaceURI == XsiNamespace);

    private static void KeepAttributes(XmlReader reader, string prefix, ref ListBuilder<UnknownMember> unknownMembers)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (IsData(reader))
            {
                unknownMembers.Add(new UnknownMember(prefix + "@" + reader.Name, reader.Value, WireFormat.Xml));
            }
        }

        reader.MoveToElement();
    }

    // A value (a string, a number, an enum) has no place for an attribute beside it.
    private static void RefuseAttributes(XmlReader reader)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (IsData(reader))
            {
                var name = ReaderMessages.Name(reader.Name);
                reader.MoveToElement();
                throw new ResponseParseException(WireFormat.Xml, "expected a value without attributes, found the attribute '" + name + "', which no member can hold")
                    .At(LineOf(reader), PositionOf(reader));
            }
        }

        reader.MoveToElement();
    }

    // UTF-8 unless a byte order mark or the declaration says otherwise (XML's own rule for choosing the encoding).
    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) || bytes[0] == 0 || bytes[1] == 0))
        {
            return false;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return true;
        }

        if (!bytes.StartsWith("<?xml"u8))
        {
            return true;
        }

        var end = bytes.IndexOf("?>"u8);
        var declaration = end < 0 ? bytes : bytes.Slice(0, end);
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;
        }

        var rest = declaration.Slice(at + 8);
        var quote = rest.IndexOfAny((byte)'"', (byte)'\'');
        if (quote < 0)
        {
            return true;
        }

        var value = rest.Slice(quote + 1);
        var close = value.IndexOf(rest[quote]);
        var name = WireText.FromUtf8(close < 0 ? value : value.Slice(0, close));
        return string.Equals(name, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "utf8", StringComparison.OrdinalIgnoreCase);
    }

    // Line and column of the first invalid byte, in characters as XmlReader counts them.
    private static ResponseParseException InvalidUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        long line = 1;
        long column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new ResponseParseException(WireFormat.Xml, Utf8Validation.Reason).At(line, column);
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
