using System;
#if NET
using System.Buffers;
using System.Text;
#endif

namespace Bindings.Compat;

/// <summary>
/// A fixed set of ASCII characters to search text and UTF-8 for: vectorized
/// <see cref="T:System.Buffers.SearchValues`1"/> on .NET (8+), a 128-entry table on netstandard2.0.
/// </summary>
internal sealed class AsciiSet
{
#if NET
    private readonly SearchValues<char> chars;
    private readonly SearchValues<byte> bytes;
#else
    private readonly bool[] members = new bool[128];
#endif

    /// <summary>Creates the set of the characters in <paramref name="characters"/>, all ASCII.</summary>
    public AsciiSet(string characters)
    {
        foreach (var c in characters)
        {
            if (c > 0x7F)
            {
                throw new ArgumentException("Only ASCII characters are supported.", nameof(characters));
            }
        }

#if NET
        chars = SearchValues.Create(characters);
        bytes = SearchValues.Create(Encoding.ASCII.GetBytes(characters));
#else
        foreach (var c in characters)
        {
            members[c] = true;
        }
#endif
    }

    /// <summary>Whether the UTF-8 byte <paramref name="value"/> is one of the characters.</summary>
    public bool Contains(byte value)
    {
#if NET
        return bytes.Contains(value);
#else
        return value < 0x80 && members[value];
#endif
    }

    /// <summary>The index of the first character of <paramref name="text"/> not in the set, or -1.</summary>
    public int IndexOfAnyExcept(ReadOnlySpan<char> text)
    {
#if NET
        return text.IndexOfAnyExcept(chars);
#else
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x80 || !members[text[i]])
            {
                return i;
            }
        }

        return -1;
#endif
    }
}
