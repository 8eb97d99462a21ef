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
    /// <summary>
    /// Reads a whole stream into a pooled buffer; the caller returns it to <see cref="ArrayPool{T}.Shared"/>.
    /// A document over the size limit fails with a <see cref="ResponseParseException"/> of
    /// <paramref name="format"/> that names <paramref name="typeName"/>.
    /// </summary>
    public static byte[] ReadAll(Stream stream, ResponseParseOptions options, WireFormat format, string? typeName, out int length)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var limit = ByteLimit(options, format);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize(stream));
        length = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                buffer = GrowIfFull(buffer, length, limit, options, format, typeName);
            }

            return buffer;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Reads a whole stream asynchronously into a pooled buffer; the caller returns it. A document over the
    /// size limit fails with a <see cref="ResponseParseException"/> of <paramref name="format"/> that names
    /// <paramref name="typeName"/>.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, ResponseParseOptions options, WireFormat format, string? typeName, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var limit = ByteLimit(options, format);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize(stream));
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                buffer = GrowIfFull(buffer, length, limit, options, format, typeName);
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    // JSON's limit is in bytes. XML's is in characters, which the XmlReader counts once the bytes are
    // decoded; no encoding it reads takes more than 4 bytes a character, so buffering stops only at
    // 4 bytes a character and the reader applies the exact limit, as it does for the other entry points.
    private static long ByteLimit(ResponseParseOptions options, WireFormat format)
    {
        var limit = options.MaxDocumentSize;
        if (limit <= 0 || format != WireFormat.Xml)
        {
            return limit;
        }

        return limit > long.MaxValue / 4 ? long.MaxValue : limit * 4;
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

    private static byte[] GrowIfFull(byte[] buffer, int length, long limit, ResponseParseOptions options, WireFormat format, string? typeName)
    {
        if (limit > 0 && length > limit)
        {
            // The caller's catch returns the buffer to the pool.
            var unit = format == WireFormat.Xml ? " characters" : " bytes";
            var failure = new ResponseParseException(format, "the document is larger than the limit of " + options.MaxDocumentSize.ToString(CultureInfo.InvariantCulture) + unit);
            throw typeName is null ? failure : failure.ForType(typeName);
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
