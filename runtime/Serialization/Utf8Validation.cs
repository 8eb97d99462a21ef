using System;

namespace Bindings.Serialization;

/// <summary>
/// Finds the first byte of a document that is not part of a well-formed UTF-8 sequence (an overlong form,
/// a surrogate, a code point past U+10FFFF, a cut-off or stray continuation byte). Both parsers check the
/// whole document with it before reading, so invalid UTF-8 is refused the same way wherever it stands: in a
/// string, an enum value, a name or an unknown member's raw text.
/// </summary>
internal static class Utf8Validation
{
    /// <summary>The reason given for such a document, the same for JSON and XML.</summary>
    public const string Reason = "the document is not valid UTF-8 (a byte sequence that encodes no character)";

    /// <summary>The offset of the first invalid byte, or -1 when every byte belongs to a valid sequence.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> utf8)
    {
#if NET8_0_OR_GREATER
        // Vectorized: the common case costs a fraction of the parse.
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }
#endif
        var i = 0;
        while (i < utf8.Length)
        {
            var b = utf8[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                length = 2;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                length = 3;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                length = 4;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + length > utf8.Length)
            {
                return i;
            }

            var codePoint = b & (0xFF >> (length + 1));
            for (var k = 1; k < length; k++)
            {
                var next = utf8[i + k];
                if ((next & 0xC0) != 0x80)
                {
                    return i;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return i;
            }

            i += length;
        }

        return -1;
    }
}
