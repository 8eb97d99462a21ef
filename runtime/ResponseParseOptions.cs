namespace Bindings;

/// <summary>Limits that keep a generated parser safe on hostile input. The defaults suit real responses.</summary>
public sealed class ResponseParseOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ResponseParseOptions Default { get; } = new();

    /// <summary>The deepest nesting of objects, arrays or elements accepted. Default 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// The largest document accepted, in bytes for JSON and characters for XML. Default 64 MiB;
    /// 0 means no limit.
    /// </summary>
    /// <remarks>
    /// <c>ParseXmlAsync</c> reads the stream into memory before decoding it, so it may hold up to four
    /// bytes a character (the most any XML encoding takes) before the character limit applies.
    /// </remarks>
    public long MaxDocumentSize { get; set; } = 64L * 1024 * 1024;
}
