using System;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Bindings.Serialization;

/// <summary>
/// Reads one object of a generated type from the JSON reader positioned on its first token; null for a
/// JSON <c>null</c>. <paramref name="json"/> is the whole document, for keeping unknown members' raw text.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <param name="reader">The reader; afterwards on the object's last token.</param>
/// <param name="json">The whole document.</param>
/// <returns>The object read, or null.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T? JsonObjectReader<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    where T : class;

/// <summary>
/// Reads one object of a generated type from the element the reader is on, and moves past it; null for an
/// element marked <c>xsi:nil</c>.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <param name="reader">The reader, on the element's start tag.</param>
/// <param name="options">The depth limit.</param>
/// <returns>The object read, or null.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T? XmlElementReader<T>(XmlReader reader, ResponseParseOptions options)
    where T : class;

/// <summary>
/// The parse entry points of one generated response or structure type, written once here instead of in
/// every generated type: the type hands over its name and its two readers (as System.Text.Json's generated
/// code hands its metadata to <c>JsonMetadataServices</c>), and its public <c>ParseJson</c>,
/// <c>ParseXml</c> and <c>...Async</c> methods forward to an instance of this class.
/// </summary>
/// <remarks>
/// Every entry point applies <see cref="ResponseParseOptions"/>, skips a byte order mark, reads streams
/// into one buffer bounded by <see cref="ResponseParseOptions.MaxDocumentSize"/> (<see cref="StreamBuffering"/>),
/// and lets nothing but a <see cref="ResponseParseException"/> naming the type escape for a document it
/// cannot read. The stream's own exceptions (I/O errors, a disposed stream, cancellation) propagate as
/// they are: they are not the document's fault. An XML document of an operation's response must be
/// rooted at <c>&lt;ActionResponse&gt;</c>.
/// </remarks>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResponseParser<T>
    where T : class
{
    private readonly string _typeName;
    private readonly JsonObjectReader<T> _readJson;
    private readonly XmlElementReader<T> _readXml;
    private readonly string? _xmlRoot;

    /// <summary>The entry points of the type named <paramref name="typeName"/>, over its readers.</summary>
    /// <param name="typeName">The C# name of the type, for the messages of parse errors.</param>
    /// <param name="readJson">The generated JSON reader of one object.</param>
    /// <param name="readXml">The generated XML reader of one element.</param>
    /// <param name="xmlRoot">
    /// The root element an XML document must have (<c>DescribeBackupTasksResponse</c> for an operation's
    /// response: another root, an XHTML page or an <c>&lt;Error&gt;</c> document, is refused); null for a
    /// structure, whose element is named by the member that holds it, so any root is taken.
    /// </param>
    public ResponseParser(string typeName, JsonObjectReader<T> readJson, XmlElementReader<T> readXml, string? xmlRoot)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _readJson = readJson ?? throw new ArgumentNullException(nameof(readJson));
        _readXml = readXml ?? throw new ArgumentNullException(nameof(readXml));
        _xmlRoot = xmlRoot;
    }

    /// <summary>Parses UTF-8 JSON; a byte order mark is allowed.</summary>
    /// <param name="utf8Json">The whole document.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ResponseParseException">The document is malformed or a value has the wrong kind.</exception>
    public T ParseJson(ReadOnlySpan<byte> utf8Json, ResponseParseOptions? options)
    {
        var json = JsonParsing.SkipBom(utf8Json);
        try
        {
            var reader = JsonParsing.CreateReader(json, options ?? ResponseParseOptions.Default);
            JsonParsing.ReadDocumentStart(ref reader);
            var result = _readJson(ref reader, json) ?? throw JsonParsing.Unexpected(ref reader, "an object");
            JsonParsing.ReadDocumentEnd(ref reader);
            return result;
        }
        catch (Exception exception) when (JsonParsing.IsReadError(exception))
        {
            throw JsonParsing.Fail(exception, json, _typeName);
        }
    }

    /// <summary>Parses JSON text.</summary>
    /// <param name="json">The whole document.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ResponseParseException">The document is malformed or a value has the wrong kind.</exception>
    public T ParseJson(string json, ResponseParseOptions? options)
        => ParseJson(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), options);

    /// <summary>Parses a stream of UTF-8 JSON, read to its end; the stream is not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ResponseParseException">The document is too large, malformed, or a value has the wrong kind.</exception>
    public T ParseJson(Stream utf8Json, ResponseParseOptions? options)
    {
        var effective = options ?? ResponseParseOptions.Default;
        var buffer = StreamBuffering.ReadAll(utf8Json, effective, WireFormat.Json, _typeName, out var length);
        try
        {
            return ParseJson(new ReadOnlySpan<byte>(buffer, 0, length), effective);
        }
        finally
        {
            StreamBuffering.Return(buffer);
        }
    }

    /// <summary>Parses a stream of UTF-8 JSON, read asynchronously to its end; the stream is not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ResponseParseException">The document is too large, malformed, or a value has the wrong kind.</exception>
    public async Task<T> ParseJsonAsync(Stream utf8Json, ResponseParseOptions? options, CancellationToken cancellationToken)
    {
        var effective = options ?? ResponseParseOptions.Default;
        var (buffer, length) = await StreamBuffering.ReadAllAsync(utf8Json, effective, WireFormat.Json, _typeName, cancellationToken).ConfigureAwait(false);
        try
        {
            return ParseJson(new ReadOnlySpan<byte>(buffer, 0, length), effective);
        }
        finally
        {
            StreamBuffering.Return(buffer);
        }
    }

    /// <summary>Parses an XML stream; the encoding comes from its byte order mark or declaration. The stream is not closed.</summary>
    /// <param name="xml">The stream.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ResponseParseException">The document is malformed, has a DTD, or a value has the wrong kind.</exception>
    public T ParseXml(Stream xml, ResponseParseOptions? options)
    {
        var effective = options ?? ResponseParseOptions.Default;
        var buffer = StreamBuffering.ReadAll(xml, effective, WireFormat.Xml, _typeName, out var length);
        return ParseXml(buffer, length, effective);
    }

    /// <summary>Parses XML text.</summary>
    /// <param name="xml">The whole document.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is null.</exception>
    /// <exception cref="ResponseParseException">The document is malformed, has a DTD, or a value has the wrong kind.</exception>
    public T ParseXml(string xml, ResponseParseOptions? options)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        var effective = options ?? ResponseParseOptions.Default;
        try
        {
            using var reader = XmlParsing.CreateReader(xml, effective);
            return ReadXmlDocument(reader, effective);
        }
        catch (Exception exception) when (XmlParsing.IsReadError(exception))
        {
            throw XmlParsing.Fail(exception, _typeName);
        }
    }

    /// <summary>Parses an XML stream, read asynchronously to its end first; the stream is not closed.</summary>
    /// <param name="xml">The stream.</param>
    /// <param name="options">Limits on depth and size; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The object the document holds.</returns>
    /// <exception cref="ResponseParseException">The document is too large, malformed, has a DTD, or a value has the wrong kind.</exception>
    public async Task<T> ParseXmlAsync(Stream xml, ResponseParseOptions? options, CancellationToken cancellationToken)
    {
        var effective = options ?? ResponseParseOptions.Default;
        var (buffer, length) = await StreamBuffering.ReadAllAsync(xml, effective, WireFormat.Xml, _typeName, cancellationToken).ConfigureAwait(false);
        return ParseXml(buffer, length, effective);
    }

    // Parses what a stream entry point read (the read itself is outside the try, so that the stream's own
    // exceptions reach the caller as they are), and gives the buffer back.
    private T ParseXml(byte[] buffer, int length, ResponseParseOptions options)
    {
        try
        {
            using var reader = XmlParsing.CreateReader(buffer, length, options);
            return ReadXmlDocument(reader, options);
        }
        catch (Exception exception) when (XmlParsing.IsReadError(exception))
        {
            throw XmlParsing.Fail(exception, _typeName);
        }
        finally
        {
            StreamBuffering.Return(buffer);
        }
    }

    private T ReadXmlDocument(XmlReader reader, ResponseParseOptions options)
    {
        XmlParsing.MoveToRoot(reader, _xmlRoot);
        // MoveToRoot refuses a root marked xsi:nil, so the reader returns an object.
        var result = _readXml(reader, options)!;
        XmlParsing.ReadDocumentEnd(reader);
        return result;
    }
}
