using System;

namespace Bindings;

/// <summary>
/// Limits that keep a generated parser safe on hostile input. The defaults suit real responses; to change
/// them, pass an instance of your own to <c>ParseJson</c> or <c>ParseXml</c>.
/// </summary>
public sealed class ResponseParseOptions
{
    private readonly bool _isReadOnly;
    private int _maxDepth = 64;
    private long _maxDocumentSize = 64L * 1024 * 1024;

    /// <summary>Creates options with the default limits, to change.</summary>
    public ResponseParseOptions()
    {
    }

    private ResponseParseOptions(bool isReadOnly) => _isReadOnly = isReadOnly;

    /// <summary>
    /// The options used when none are given. They are read-only: loosening them would loosen every parse
    /// in the process, including those of other libraries.
    /// </summary>
    public static ResponseParseOptions Default { get; } = new(isReadOnly: true);

    /// <summary>
    /// The deepest nesting accepted: of JSON objects and arrays, or of XML elements that hold elements
    /// (an element holding only text is a value). The root counts. Default 64; at least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    /// <exception cref="InvalidOperationException">These are the shared <see cref="Default"/> options.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        set
        {
            ThrowIfReadOnly();
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum depth must be at least 1.");
            }

            _maxDepth = value;
        }
    }

    /// <summary>
    /// The largest document accepted, in bytes, for both formats and every entry point (a string is
    /// measured by its UTF-8 length). Default 64 MiB; 0 means no limit.
    /// </summary>
    /// <remarks>
    /// It also bounds memory: a stream entry point holds the document in one buffer that never grows past
    /// this many bytes, whatever the stream's <c>Length</c> claims, and refuses a stream that goes on past it
    /// after one more byte. The client reads a success body against the same limit.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <exception cref="InvalidOperationException">These are the shared <see cref="Default"/> options.</exception>
    public long MaxDocumentSize
    {
        get => _maxDocumentSize;
        set
        {
            ThrowIfReadOnly();
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum document size cannot be negative; 0 means no limit.");
            }

            _maxDocumentSize = value;
        }
    }

    private void ThrowIfReadOnly()
    {
        if (_isReadOnly)
        {
            throw new InvalidOperationException("ResponseParseOptions.Default is shared and read-only; pass new ResponseParseOptions { ... } instead.");
        }
    }
}
