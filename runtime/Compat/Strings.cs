using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Bindings.Compat;

/// <summary>
/// String and UTF-8 helpers for both targets: the span overloads of <see cref="Encoding"/>,
/// <c>char.IsAsciiLetter</c> (.NET 7) and <c>StringSplitOptions.TrimEntries</c> (.NET 5) do not exist
/// in netstandard2.0.
/// </summary>
internal static class Strings
{
    /// <summary>
    /// <see cref="string.IsNullOrEmpty"/>, annotated: netstandard2.0 has no nullable annotations, so
    /// there the compiler would not learn that the value is not null after a false result.
    /// </summary>
    public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

    /// <summary><see cref="string.IsNullOrWhiteSpace"/>, annotated (see <see cref="IsNullOrEmpty"/>).</summary>
    public static bool IsNullOrWhiteSpace([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Whether <paramref name="c"/> is <c>A-Z</c> or <c>a-z</c>.</summary>
    public static bool IsAsciiLetter(char c)
    {
#if NET
        return char.IsAsciiLetter(c);
#else
        return c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');
#endif
    }

    /// <summary>
    /// Encodes <paramref name="chars"/> as UTF-8 into <paramref name="bytes"/> (a lone surrogate
    /// becomes U+FFFD) and returns the number of bytes written.
    /// </summary>
    /// <remarks><paramref name="bytes"/> must hold <c>Encoding.UTF8.GetMaxByteCount(chars.Length)</c>.</remarks>
    public static int GetUtf8Bytes(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
#if NET
        return Encoding.UTF8.GetBytes(chars, bytes);
#else
        // The pointer overload is the only span-like one in netstandard2.0 (as in WireText.FromUtf8).
        unsafe
        {
            fixed (char* source = chars)
            fixed (byte* destination = bytes)
            {
                return Encoding.UTF8.GetBytes(source, chars.Length, destination, bytes.Length);
            }
        }
#endif
    }

    /// <summary>Splits at <paramref name="separator"/> and trims white space off every part, keeping empty parts.</summary>
    public static string[] SplitAndTrim(string value, char separator)
    {
#if NET
        return value.Split(separator, StringSplitOptions.TrimEntries);
#else
        var parts = value.Split(separator);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim();
        }

        return parts;
#endif
    }
}
