using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Client;

/// <summary>Reading response bodies, the same way on every target framework.</summary>
internal static class HttpContentReading
{
    public static Task<Stream> ReadAsStreamAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return content.ReadAsStreamAsync(cancellationToken);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync();
#endif
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes; <c>Truncated</c> is set when the body goes on past
    /// the limit. A body that breaks off (the connection ends before the announced length) throws the
    /// <see cref="IOException"/> or <see cref="HttpRequestException"/> of the read: what came is not the answer.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length, bool Truncated)> ReadLimitedAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (Array.Empty<byte>(), 0, false);
        }

        var buffer = new byte[Math.Min(limit, 8192)];
        var length = 0;
        using var stream = await ReadAsStreamAsync(content, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    // One more byte tells whether there was more.
                    var probe = new byte[1];
                    var more = await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false);
                    return (buffer, length, more > 0);
                }

                Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
            }

            var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer, length, false);
            }

            length += read;
        }
    }
}
