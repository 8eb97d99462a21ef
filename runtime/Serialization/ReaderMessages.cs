using System.Text;

namespace Bindings.Serialization;

/// <summary>
/// Keeps the messages of <see cref="System.Text.Json.JsonException"/> and <see cref="System.Xml.XmlException"/>
/// short before they go into a <see cref="ResponseParseException"/>: the readers quote what they found
/// (System.Text.Json quoted more than 1,000 bytes of a damaged literal), and a message must never carry a
/// value of the document, which may be a password, into a log.
/// </summary>
internal static class ReaderMessages
{
    /// <summary>Characters kept of each quoted run: enough for a quoted character or a short name.</summary>
    private const int QuoteKept = 12;

    /// <summary>The longest message passed on; the readers' own are well below it.</summary>
    private const int MaxLength = 240;

    /// <summary>The longest name or path segment shown (an unknown member's name comes from the document).</summary>
    public const int MaxNameLength = 64;

    public static string Shorten(string message)
    {
        var builder = new StringBuilder(message.Length < MaxLength ? message.Length : MaxLength);
        var i = 0;
        while (i < message.Length && builder.Length < MaxLength)
        {
            var open = message.IndexOf('\'', i);
            if (open < 0)
            {
                builder.Append(message, i, message.Length - i);
                break;
            }

            builder.Append(message, i, open - i + 1);
            var close = message.IndexOf('\'', open + 1);
            var end = close < 0 ? message.Length : close;
            var length = end - open - 1;
            builder.Append(message, open + 1, length > QuoteKept ? QuoteKept : length);
            if (length > QuoteKept)
            {
                builder.Append('…');
            }

            if (close < 0)
            {
                break;
            }

            builder.Append('\'');
            i = close + 1;
        }

        if (builder.Length > MaxLength)
        {
            builder.Length = MaxLength;
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>A name from the document, cut to <see cref="MaxNameLength"/> characters.</summary>
    public static string Name(string name)
        => name.Length <= MaxNameLength ? name : name.Substring(0, MaxNameLength) + "…";
}
