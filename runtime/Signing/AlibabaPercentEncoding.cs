using System;
using System.Buffers;
using System.Text;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>
/// The percent-encoding both Alibaba Cloud signatures use: RFC 3986 over UTF-8, where only
/// <c>A-Z a-z 0-9 - _ . ~</c> stay literal and every other byte becomes <c>%XY</c> in upper-case hex.
/// </summary>
/// <remarks>
/// Neither <c>Uri.EscapeDataString</c> nor <c>WebUtility.UrlEncode</c> is used: their rules for
/// <c>*</c>, <c>~</c>, space and invalid UTF-16 differ between frameworks, and a single different
/// byte makes the server reject the signature.
/// </remarks>
public static class AlibabaPercentEncoding
{
    private const string UnreservedCharacters =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private const string HexDigits = "0123456789ABCDEF";

    // Buffers up to this size live on the stack; longer values rent from the shared pool.
    private const int StackLimit = 256;

    private static readonly AsciiSet Unreserved = new(UnreservedCharacters);

    /// <summary>Percent-encodes <paramref name="value"/>.</summary>
    /// <param name="value">Any string. A lone surrogate is encoded as U+FFFD (<c>%EF%BF%BD</c>), as
    /// <see cref="Encoding.UTF8"/> does.</param>
    /// <returns>The encoded string; <paramref name="value"/> itself when nothing needs encoding.</returns>
    public static string Encode(string value)
    {
        Guard.ThrowIfNull(value);

        // Most names and many values (ids, dates without colons) need nothing: no allocation then.
        var firstToEncode = Unreserved.IndexOfAnyExcept(value.AsSpan());
        if (firstToEncode < 0)
        {
            return value;
        }

        var tail = value.AsSpan(firstToEncode);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(tail.Length);
        byte[]? rentedBytes = null;
        Span<byte> bytes = maxBytes <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rentedBytes = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var utf8 = bytes[..Strings.GetUtf8Bytes(tail, bytes)];
            var length = firstToEncode + utf8.Length + (2 * CountBytesToEncode(utf8));
            return Build(value.AsSpan(0, firstToEncode), utf8, length);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    private static int CountBytesToEncode(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if (!Unreserved.Contains(b))
            {
                count++;
            }
        }

        return count;
    }

    private static string Build(ReadOnlySpan<char> literalPrefix, ReadOnlySpan<byte> utf8, int length)
    {
        char[]? rentedChars = null;
        Span<char> chars = length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rentedChars = ArrayPool<char>.Shared.Rent(length));
        try
        {
            literalPrefix.CopyTo(chars);
            var position = literalPrefix.Length;
            foreach (var b in utf8)
            {
                if (Unreserved.Contains(b))
                {
                    chars[position++] = (char)b;
                }
                else
                {
                    chars[position++] = '%';
                    chars[position++] = HexDigits[b >> 4];
                    chars[position++] = HexDigits[b & 0xF];
                }
            }

            return chars[..position].ToString();
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }
}
