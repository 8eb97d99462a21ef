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
    public long MaxDocumentSize { get; set; } = 64L * 1024 * 1024;
}
