using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Serialization;

/// <summary>
/// Reads a response stream into one pooled buffer, so that parsers run over a single span and keep
/// unknown members' raw text without copying token by token.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamBuffering
{
    /// <summary>Reads a whole stream of JSON into a pooled buffer; the caller returns it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static byte[] ReadAll(Stream stream, ResponseParseOptions options, out int length)
        => ReadAll(stream, options, WireFormat.Json, out length);

    /// <summary>Reads a whole stream into a pooled buffer; the caller returns it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="options">The size limit.</param>
    /// <param name="format">The format of the document, for the exception when it is too large.</param>
    /// <param name="length">How many bytes of the buffer hold the document.</param>
    public static byte[] ReadAll(Stream stream, ResponseParseOptions options, WireFormat format, out int length)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize(stream));
        length = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                buffer = GrowIfFull(buffer, length, options, format);
            }

            return buffer;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Reads a whole stream of JSON asynchronously into a pooled buffer; the caller returns it.</summary>
    public static Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, ResponseParseOptions options, CancellationToken cancellationToken)
        => ReadAllAsync(stream, options, WireFormat.Json, cancellationToken);

    /// <summary>Reads a whole stream asynchronously into a pooled buffer; the caller returns it.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="options">The size limit.</param>
    /// <param name="format">The format of the document, for the exception when it is too large.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, ResponseParseOptions options, WireFormat format, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize(stream));
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                buffer = GrowIfFull(buffer, length, options, format);
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static int InitialBufferSize(Stream stream)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining is > 0 and < int.MaxValue - 1)
            {
                return (int)remaining + 1;
            }
        }

        return 16 * 1024;
    }

    private static byte[] GrowIfFull(byte[] buffer, int length, ResponseParseOptions options, WireFormat format)
    {
        if (options.MaxDocumentSize > 0 && length > options.MaxDocumentSize)
        {
            // The caller's catch returns the buffer to the pool.
            throw new ResponseParseException(format, "the document is larger than the limit of " + options.MaxDocumentSize.ToString(CultureInfo.InvariantCulture) + " bytes");
        }

        if (length < buffer.Length)
        {
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
