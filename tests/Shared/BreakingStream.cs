namespace Bindings.Testing;

/// <summary>
/// Gives the first <c>breakAfter</c> bytes of a body, then fails the next read with the exception
/// the real stream would throw there (a connection closed early, Kestrel's body reader, ...).
/// </summary>
internal sealed class BreakingStream(byte[] body, int breakAfter, Func<Exception> failure) : Stream
{
    private int _position;

    public BreakingStream(byte[] body, Func<Exception> failure)
        : this(body, body.Length, failure)
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var end = Math.Min(breakAfter, body.Length);
        if (_position >= end)
        {
            throw failure();
        }

        var n = Math.Min(buffer.Length, end - _position);
        body.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
