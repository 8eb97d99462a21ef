using System;

namespace Bindings.Compat;

/// <summary>
/// Base64 of spans for both targets: the span overloads of <c>Convert</c> (.NET Core 2.1) do not
/// exist in netstandard2.0, whose fallback goes through arrays.
/// </summary>
internal static class Base64
{
    /// <summary>Formats <paramref name="bytes"/> as standard Base64 with padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
#if NET
        return Convert.ToBase64String(bytes);
#else
        return Convert.ToBase64String(bytes.ToArray());
#endif
    }

    /// <summary>
    /// Decodes Base64 text into <paramref name="destination"/>; false when the text is not valid
    /// Base64 or its bytes do not fit (as <c>Convert.TryFromBase64String</c> on .NET).
    /// </summary>
    public static bool TryDecode(string text, Span<byte> destination, out int bytesWritten)
    {
#if NET
        return Convert.TryFromBase64String(text, destination, out bytesWritten);
#else
        bytesWritten = 0;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length > destination.Length)
        {
            return false;
        }

        bytes.CopyTo(destination);
        bytesWritten = bytes.Length;
        return true;
#endif
    }
}
