using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bindings.Import.Yaml;

/// <summary>
/// Writes a <see cref="YamlMap"/> as block YAML, the same way every time: two-space indentation,
/// <c>\n</c> line ends, keys in the tree's order, a blank line between the entries of the top-level
/// sections, strings plain when YAML reads them back as the same string, double-quoted otherwise, and
/// long single-line text folded (<c>&gt;-</c>) at <see cref="Width"/> columns.
/// </summary>
internal static class YamlWriter
{
    public const int Width = 100;

    /// <summary>Top-level keys whose entries are separated by a blank line.</summary>
    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal) { "enums", "shapes", "operations" };

    // What YAML 1.1 or 1.2 would read as something other than a string: null, booleans, numbers,
    // dates and times, the merge key.
    private static readonly Regex NotAString = new(
        @"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<|=)$"
        + @"|^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"
        + @"|^[-+]?0(x[0-9a-fA-F_]+|o?[0-7_]+|b[01_]+)$"
        + @"|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"
        + @"|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"
        + @"|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
        RegexOptions.CultureInvariant);

    public static string Write(YamlMap document, IEnumerable<string>? headerComments = null)
    {
        var builder = new StringBuilder();
        foreach (var comment in headerComments ?? Array.Empty<string>())
        {
            builder.Append(comment.Length == 0 ? "#" : "# " + comment).Append('\n');
        }

        var first = true;
        foreach (var entry in document.Entries)
        {
            var section = Sections.Contains(entry.Key) && entry.Value is YamlMap { Count: > 0 };
            if (section && !first)
            {
                builder.Append('\n');
            }

            if (section)
            {
                builder.Append(Key(entry.Key)).Append(":\n");
                var firstItem = true;
                foreach (var item in ((YamlMap)entry.Value).Entries)
                {
                    if (!firstItem)
                    {
                        builder.Append('\n');
                    }

                    WriteEntry(builder, item.Key, item.Value, 1);
                    firstItem = false;
                }
            }
            else
            {
                WriteEntry(builder, entry.Key, entry.Value, 0);
            }

            first = false;
        }

        return builder.ToString();
    }

    private static void WriteEntry(StringBuilder builder, string key, YamlNode value, int depth)
    {
        var indent = new string(' ', depth * 2);
        builder.Append(indent).Append(Key(key)).Append(':');
        switch (value)
        {
            case YamlScalar { IsNull: true }:
                builder.Append('\n');
                break;
            case YamlScalar scalar:
                builder.Append(' ');
                WriteScalar(builder, scalar, indent.Length + 2, indent.Length + Key(key).Length + 2);
                break;
            case YamlMap { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlMap map:
                builder.Append('\n');
                foreach (var child in map.Entries)
                {
                    WriteEntry(builder, child.Key, child.Value, depth + 1);
                }

                break;
            case YamlSequence { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YamlSequence sequence:
                builder.Append('\n');
                WriteSequence(builder, sequence, depth + 1);
                break;
        }
    }

    private static void WriteSequence(StringBuilder builder, YamlSequence sequence, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var item in sequence.Items)
        {
            switch (item)
            {
                case YamlMap { Count: > 0 } map:
                    // "- key: value" then the other keys under the first.
                    var text = new StringBuilder();
                    foreach (var child in map.Entries)
                    {
                        WriteEntry(text, child.Key, child.Value, depth + 1);
                    }

                    builder.Append(indent).Append("- ").Append(text.ToString().Substring(indent.Length + 2));
                    break;
                case YamlScalar scalar:
                    builder.Append(indent).Append("- ");
                    WriteScalar(builder, scalar, indent.Length + 2, indent.Length + 2);
                    break;
                default:
                    builder.Append(indent).Append("- {}\n");
                    break;
            }
        }
    }

    private static void WriteScalar(StringBuilder builder, YamlScalar scalar, int blockIndent, int column)
    {
        if (scalar.Kind is ScalarKind.Number or ScalarKind.Boolean)
        {
            builder.Append(scalar.Text).Append('\n');
            return;
        }

        var text = scalar.Text;
        var plain = IsPlain(text);
        if ((column + text.Length > Width || !plain) && CanFold(text))
        {
            builder.Append(">-\n");
            var indent = new string(' ', blockIndent);
            foreach (var line in Wrap(text, Width - blockIndent))
            {
                builder.Append(indent).Append(line).Append('\n');
            }

            return;
        }

        builder.Append(plain ? text : Quote(text)).Append('\n');
    }

    /// <summary>A key as written: plain when safe, double-quoted otherwise.</summary>
    public static string Key(string key) => IsPlain(key) ? key : Quote(key);

    /// <summary>True when <paramref name="text"/> written plain reads back as the same string.</summary>
    public static bool IsPlain(string text)
    {
        if (text.Length == 0 || text != text.Trim() || NotAString.IsMatch(text))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0]) >= 0)
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || c is '\t')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Folding keeps the text only when it is one line of printable words between single spaces: a
    /// folded line that started with a space would keep its line break.
    /// </summary>
    private static bool CanFold(string text)
    {
        if (text.Length == 0 || text != text.Trim() || text.Contains("  ", StringComparison.Ordinal) || text.IndexOf(' ') <= 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\u00A0' || (char.IsWhiteSpace(c) && c != ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var words = text.Split(' ');
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
