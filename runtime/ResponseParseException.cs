using System;
using System.Collections.Generic;
using System.Text;

namespace Bindings;

/// <summary>The wire format a response was read from.</summary>
public enum WireFormat
{
    /// <summary>JSON, read with <c>Utf8JsonReader</c>.</summary>
    Json,

    /// <summary>XML, read with <c>XmlReader</c>.</summary>
    Xml,
}

/// <summary>
/// The one exception a generated parser throws for a response it cannot read: malformed JSON or XML,
/// or a value of the wrong kind. It names the path of the offending value
/// (<c>Items.BackupJob[2].BackupJobId</c>) and where it stands in the document.
/// </summary>
/// <remarks>
/// The message never contains the offending value itself: responses of other operations carry
/// passwords and connection strings, and messages end up in logs.
/// </remarks>
public sealed class ResponseParseException : Exception
{
    // Segments are collected innermost first while the exception travels out of the nested readers.
    private readonly List<string> _reversedPath = new();
    private readonly string _reason;
    private string? _message;

    /// <summary>Creates an exception for a value that cannot be read.</summary>
    /// <param name="format">The format of the document.</param>
    /// <param name="reason">What was wrong, without the value itself.</param>
    /// <param name="innerException">The reader's own exception, if any.</param>
    public ResponseParseException(WireFormat format, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Format = format;
        _reason = reason;
    }

    /// <summary>The format of the document being read.</summary>
    public WireFormat Format { get; }

    /// <summary>What was wrong, without the path or the position.</summary>
    public string Reason => _reason;

    /// <summary>
    /// The path of the value that could not be read, with wire names: <c>Items.BackupJob[2].BackupJobId</c>.
    /// Empty when the document itself is malformed before its first member.
    /// </summary>
    public string Path
    {
        get
        {
            var builder = new StringBuilder();
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                var segment = _reversedPath[i];
                if (builder.Length > 0 && segment[0] != '[')
                {
                    builder.Append('.');
                }

                builder.Append(segment);
            }

            return builder.ToString();
        }
    }

    /// <summary>The one-based line of the offending value, when known.</summary>
    public long? LineNumber { get; private set; }

    /// <summary>
    /// The one-based position in that line, when known: a byte position for JSON, a character position for XML.
    /// </summary>
    public long? LinePosition { get; private set; }

    /// <summary>The zero-based byte offset of the offending token in a JSON document, when known.</summary>
    public long? ByteOffset { get; private set; }

    /// <summary>The name of the type being parsed when the error occurred.</summary>
    public string? TargetType { get; private set; }

    /// <inheritdoc />
    public override string Message => _message ??= ComposeMessage();

    /// <summary>Adds the segment that encloses the path found so far; generated readers call it on the way out.</summary>
    /// <param name="segment">A wire name, or an index such as <c>[2]</c>.</param>
    /// <returns>This exception, to rethrow.</returns>
    public ResponseParseException Within(string segment)
    {
        if (!string.IsNullOrEmpty(segment))
        {
            // An unknown member's name comes from the document: a damaged one can be a whole value.
            _reversedPath.Add(Serialization.ReaderMessages.Name(segment));
            _message = null;
        }

        return this;
    }

    /// <summary>Adds the list index that encloses the path found so far.</summary>
    /// <param name="index">The zero-based index of the item.</param>
    /// <returns>This exception, to rethrow.</returns>
    public ResponseParseException WithinItem(int index) => Within("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    /// <summary>Records the position, unless a more precise one is already known.</summary>
    /// <param name="lineNumber">One-based line.</param>
    /// <param name="linePosition">One-based position in the line.</param>
    /// <param name="byteOffset">Zero-based byte offset for JSON.</param>
    /// <returns>This exception.</returns>
    public ResponseParseException At(long? lineNumber, long? linePosition, long? byteOffset = null)
    {
        LineNumber ??= lineNumber;
        LinePosition ??= linePosition;
        ByteOffset ??= byteOffset;
        _message = null;
        return this;
    }

    /// <summary>Names the type being parsed; the entry points call it.</summary>
    /// <param name="typeName">The generated type's name.</param>
    /// <returns>This exception.</returns>
    public ResponseParseException ForType(string typeName)
    {
        TargetType ??= typeName;
        _message = null;
        return this;
    }

    private string ComposeMessage()
    {
        var builder = new StringBuilder("Cannot read ");
        builder.Append(TargetType ?? "the response").Append(" from ").Append(Format == WireFormat.Json ? "JSON" : "XML");
        var path = Path;
        if (path.Length > 0)
        {
            builder.Append(" at ").Append(path);
        }

        if (LineNumber is { } line)
        {
            builder.Append(" (line ").Append(line);
            if (LinePosition is { } position)
            {
                builder.Append(Format == WireFormat.Json ? ", byte " : ", column ").Append(position);
            }

            builder.Append(')');
        }
        else if (ByteOffset is { } offset)
        {
            builder.Append(" (byte ").Append(offset).Append(')');
        }

        builder.Append(": ").Append(_reason);
        return builder.ToString();
    }
}
