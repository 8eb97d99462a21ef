using System;
#if NET
using System.Buffers;
#endif

namespace Bindings.Compat;

/// <summary>
/// Hex text for both targets: <c>Convert.ToHexStringLower</c> (.NET 9) and the span overload of
/// <c>Convert.FromHexString</c> (.NET 9) do not exist in netstandard2.0.
/// </summary>
internal static class Hex
{
#if !NET
    private const string LowerDigits = "0123456789abcdef";
#endif

    /// <summary>Formats <paramref name="bytes"/> as lower-case hex, two characters a byte.</summary>
    public static string ToLower(ReadOnlySpan<byte> bytes)
    {
#if NET
        return Convert.ToHexStringLower(bytes);
#else
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = LowerDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = LowerDigits[bytes[i] & 0xF];
        }

        return new string(chars);
#endif
    }

    /// <summary>
    /// Decodes hex text (either case) into <paramref name="destination"/>.
    /// </summary>
    /// <returns>
    /// True only when the whole text was decoded: an even number of hex digits that fit in
    /// <paramref name="destination"/> (what <c>OperationStatus.Done</c> means on .NET).
    /// </returns>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
#if NET
        return Convert.FromHexString(text, destination, out _, out bytesWritten) == OperationStatus.Done;
#else
        bytesWritten = 0;
        if (text.Length % 2 != 0 || destination.Length < text.Length / 2)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i += 2)
        {
            var high = Digit(text[i]);
            var low = Digit(text[i + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[bytesWritten++] = (byte)((high << 4) | low);
        }

        return true;
#endif
    }

#if !NET
    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
#endif
}
