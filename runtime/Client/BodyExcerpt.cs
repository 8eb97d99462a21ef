using System;
using System.Text;

namespace Bindings.Client;

/// <summary>The start of a body that is not an Alibaba Cloud error, short and printable.</summary>
internal static class BodyExcerpt
{
    public const int MaxCharacters = 512;

    /// <summary>Decodes the body, hides secrets in it, and keeps its start.</summary>
    /// <remarks>Secrets are hidden before cutting, so that a secret cut in two cannot leave a fragment behind.</remarks>
    public static string Create(byte[] body, int length, bool truncatedByReader, Func<string, string?> redact)
    {
        // A cut-off UTF-8 sequence at the end becomes U+FFFD.
        var text = redact(Encoding.UTF8.GetString(body, 0, length)) ?? string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxCharacters) + 16);
        var previousWasSpace = false;
        var cut = truncatedByReader;
        foreach (var c in text)
        {
            if (builder.Length >= MaxCharacters)
            {
                cut = true;
                break;
            }

            // Line breaks and tabs fold into one space; other control characters show as \uXXXX.
            if (c is '\r' or '\n' or '\t' or ' ')
            {
                if (!previousWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
                continue;
            }

            previousWasSpace = false;
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        var excerpt = builder.ToString().TrimEnd();
        return cut ? excerpt + "…" : excerpt;
    }
}
