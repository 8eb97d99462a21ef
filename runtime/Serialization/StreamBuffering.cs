using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Serialization;

/// <summary>
/// Reads a response stream into one buffer, so that parsers run over a single span and keep unknown
/// members' raw text without copying token by token. Memory is bounded by
/// <see cref="ResponseParseOptions.MaxDocumentSize"/>, whatever the stream claims.
/// </summary>
/// <remarks>
/// <para>A stream's <c>Length</c> is a hint, believed up to <see cref="TrustedLengthHint"/> bytes: a stream
/// that claims 1 GiB and holds 112 bytes gets a small buffer that grows as bytes come.</para>
/// <para>The buffer grows by doubling (pooled arrays) and its last step is exactly the limit, never the
/// next power of two past it: the buffer is never larger than <c>MaxDocumentSize</c> (nor than
/// <see cref="TrustedLengthHint"/> beyond what was read), and a stream that goes on past the limit is
/// refused after one more byte. While it grows, the previous buffer is held for the copy.</para>
/// <para>Exceptions of the stream (I/O errors, a disposed stream, cancellation) propagate as they are.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamBuffering
{
    /// <summary>The largest <c>Length</c> believed for the first buffer: 1 MiB.</summary>
    public const int TrustedLengthHint = 1 << 20;

    private const int DefaultInitialSize = 16 * 1024;

    // Arrays of these lengths are rented from and returned to ArrayPool<byte>.Shared; any other length
    // (the exact-limit last step) is allocated and left to the GC.
    private const int MaxPooledLength = 1 << 30;

    /// <summary>
    /// Reads a whole stream into a buffer; the caller gives it back with <see cref="Return"/>. A document over
    /// the size limit fails with a <see cref="ResponseParseException"/> of <paramref name="format"/> that names
    /// <paramref name="typeName"/>.
    /// </summary>
    public static byte[] ReadAll(Stream stream, ResponseParseOptions options, WireFormat format, string? typeName, out int length)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (stream is BufferedDocumentStream buffered && buffered.TryTake(out var taken, out length))
        {
            return WithinLimit(taken, length, options, format, typeName);
        }

        var limit = Capacity(options);
        var buffer = Rent(InitialSize(stream, limit), limit);
        length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        // Full at the limit: one more byte says whether the document goes on.
                        if (stream.ReadByte() < 0)
                        {
                            return buffer;
                        }

                        throw TooLarge(options, format, typeName);
                    }

                    buffer = Grow(buffer, length, limit);
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read <= 0)
                {
                    return buffer;
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Reads a whole stream asynchronously into a buffer; the caller gives it back with <see cref="Return"/>.
    /// A document over the size limit fails with a <see cref="ResponseParseException"/> of
    /// <paramref name="format"/> that names <paramref name="typeName"/>.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, ResponseParseOptions options, WireFormat format, string? typeName, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (stream is BufferedDocumentStream buffered && buffered.TryTake(out var taken, out var takenLength))
        {
            return (WithinLimit(taken, takenLength, options, format, typeName), takenLength);
        }

        var limit = Capacity(options);
        var buffer = Rent(InitialSize(stream, limit), limit);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false) <= 0)
                        {
                            return (buffer, length);
                        }

                        throw TooLarge(options, format, typeName);
                    }

                    buffer = Grow(buffer, length, limit);
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read <= 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    private static byte[] WithinLimit(byte[] buffer, int length, ResponseParseOptions options, WireFormat format, string? typeName)
    {
        if (options.MaxDocumentSize > 0 && length > options.MaxDocumentSize)
        {
            Return(buffer);
            throw TooLarge(options, format, typeName);
        }

        return buffer;
    }

    /// <summary>Gives back a buffer from <see cref="ReadAll"/> or <see cref="ReadAllAsync"/>.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer is not null && IsPoolable(buffer.Length))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The exception for a document over the limit, the same for every entry point and both formats.</summary>
    internal static ResponseParseException TooLarge(ResponseParseOptions options, WireFormat format, string? typeName = null)
    {
        var failure = new ResponseParseException(format, "the document is larger than the limit of "
            + options.MaxDocumentSize.ToString(CultureInfo.InvariantCulture) + " bytes (ResponseParseOptions.MaxDocumentSize)");
        return typeName is null ? failure : failure.ForType(typeName);
    }

    // The largest buffer: the limit in bytes, or what an array can hold when there is none.
    private static int Capacity(ResponseParseOptions options)
    {
        var limit = options.MaxDocumentSize;
        const int MaxArrayLength = 0x7FFFFFC7;
        return limit <= 0 || limit > MaxArrayLength ? MaxArrayLength : (int)limit;
    }

    private static int InitialSize(Stream stream, int limit)
    {
        var size = DefaultInitialSize;
        if (stream.CanSeek)
        {
            long remaining;
            try
            {
                remaining = stream.Length - stream.Position;
            }
            catch (NotSupportedException)
            {
                remaining = -1;
            }

            // One byte more than announced, so that reading to the end needs no second buffer.
            if (remaining >= 0)
            {
                size = (int)Math.Min(remaining + 1, TrustedLengthHint);
            }
        }

        return Math.Max(1, Math.Min(size, limit));
    }

    private static byte[] Grow(byte[] buffer, int length, int limit)
    {
        var larger = Rent((int)Math.Min((long)buffer.Length * 2, limit), limit);
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        Return(buffer);
        return larger;
    }

    // A pooled array when its rounded-up length stays within the limit; the exact size otherwise.
    private static byte[] Rent(int size, int limit)
    {
        var rounded = RoundUpToPowerOfTwo(size);
        if (rounded <= limit && rounded <= MaxPooledLength)
        {
            var rented = ArrayPool<byte>.Shared.Rent((int)rounded);
            if (rented.Length == rounded)
            {
                return rented;
            }

            // A pool that hands out other sizes: do not keep it, and do not let it set the size.
            ArrayPool<byte>.Shared.Return(rented);
        }

        return new byte[size];
    }

    private static bool IsPoolable(int length) => length >= 16 && length <= MaxPooledLength && (length & (length - 1)) == 0;

    private static long RoundUpToPowerOfTwo(int size)
    {
        long rounded = 16;
        while (rounded < size)
        {
            rounded <<= 1;
        }

        return rounded;
    }
}
