using System.IO;

namespace Bindings.Serialization;

/// <summary>
/// A document already read into a buffer of <see cref="StreamBuffering"/> (the client reads a body once, to
/// check it before parsing), handed to a parser that takes a stream. <see cref="StreamBuffering"/> takes the
/// buffer over instead of copying it, so the document is held once; otherwise the stream gives it back when
/// disposed.
/// </summary>
internal sealed class BufferedDocumentStream : MemoryStream
{
    private byte[]? _buffer;
    private readonly int _length;

    public BufferedDocumentStream(byte[] buffer, int length)
        : base(buffer, 0, length, writable: false)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Hands the whole unread buffer to the caller, who gives it back with <see cref="StreamBuffering.Return"/>.</summary>
    public bool TryTake(out byte[] buffer, out int length)
    {
        if (_buffer is { } owned && Position == 0)
        {
            _buffer = null;
            buffer = owned;
            length = _length;
            Position = _length;
            return true;
        }

        buffer = null!;
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (_buffer is { } owned)
        {
            _buffer = null;
            StreamBuffering.Return(owned);
        }

        base.Dispose(disposing);
    }
}
