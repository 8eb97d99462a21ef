using System.Text;
using System.Text.RegularExpressions;

namespace Bindings.Generator.Tests;

/// <summary>The ways <see cref="SpecMutator"/> damages a spec.</summary>
internal enum SpecMutation
{
    DeleteLine,
    WrongIndentation,
    Tab,
    DuplicateLine,
    WrongScalarType,
    UnknownKey,
    HugeValue,
    ByteOrderMark,
    InvalidUtf8,
    OddName,
    OddText,
    AnchorsAndAliases,
    LineEndings,
    DeleteCharacters,
}

/// <summary>
/// Damages the text of a YAML spec the ways people and tools do: lines lost or doubled, indentation
/// off, tabs, values of the wrong kind, unknown keys, huge values, a BOM, bytes that were not UTF-8,
/// names that are C# keywords, not identifiers, or names the generated code itself uses.
/// </summary>
internal static partial class SpecMutator
{
    /// <summary>
    /// Names that are not identifiers, C# keywords, or names the generated types already use for their
    /// own members, locals and parameters.
    /// </summary>
    public static readonly string[] OddNames =
    {
        "class", "int", "string", "namespace", "void", "global", "var", "async", "await", "record", "value", "nameof", "dynamic",
        "@class", "1abc", "a-b", "a b", "a.b", "Tag.1", "ünïcödé", "バックアップ", "_", "__x", "x__", "\"quoted\"", "'single'", "\"\"", "~", "null",
        "Unknown", "UnknownMembers", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
        "ParseJson", "ParseXml", "ParseJsonAsync", "ParseXmlAsync", "ReadJson", "ReadXml", "ReadXmlDocument", "ReadItemsJson", "ReadItemsXml", "ReadItemsJsonItems",
        "JsonNameItems", "JsonNameRequestId", "Utf8NoStart", "Utf8Automated", "Kind", "IsKnown", "WireValue", "FromWireValue", "FromUtf8",
        "Validate", "WriteParameters", "other", "obj", "hash", "parameters", "i", "result", "reader", "json", "options", "name", "member", "token",
        "item", "items", "index", "utf8", "wireValue", "kind", "exception", "effective", "buffer", "length", "stream", "text", "xml", "cancellationToken",
        "BackupJob", "BackupStatus", "BackupStatusKind", "BackupModeKind", "DescribeBackupTasksRequest", "DescribeBackupTasksResponse", "RdsClient",
        "Rds", "Bindings", "System", "Microsoft", "Xunit", "Action", "Version", "IRpcRequest", "Object", "String", "Int32", "Task", "List",
    };

    private static readonly string[] WrongScalars =
    {
        "[1, 2]", "{a: b}", "123", "-1", "1.5", "true", "false", "null", "~", "\"\"", "''", "-", "? x", "|\n  block", ">-\n  folded",
        "!!binary AAAA", "!tag x", "!!int 12", "*nowhere", "&anchor x", "0x1F", "1e400", ".inf", ".nan", "2014-08-15", "yes", "on", "[", "{", "}", "]",
        "\"unterminated", "'unterminated", "a: b: c", "- - x", "list", "long", "Unknown", "integer\n  extra: 1",
    };

    private static readonly string[] OddTexts =
    {
        "*/ /* </summary> <remarks> & <c>", "line\nbreak", "\"quotes\" and \\backslashes\\", "\u2028 line separator \u2029 paragraph \u0085 next line",
        "tab\there", "\0 nul", "\u0001\u0002\u001F controls", "😀 𝄞 e\u0301", "{0} {1} format", "#pragma warning disable", "#endif", "\" + evil + \"",
        "]]> <![CDATA[", "\r\n crlf", "\uFFFE\uFFFF", "\uD800 lone surrogate", "<see cref=\"Nope\"/>", "&amp; &lt; &#0;", "///", "//", "\\u0041",
    };

    public static string Apply(SpecMutation mutation, string spec, Random random) => mutation switch
    {
        SpecMutation.DeleteLine => EditLines(spec, random, (lines, at) => lines.RemoveAt(at)),
        SpecMutation.WrongIndentation => EditLines(spec, random, (lines, at) =>
            lines[at] = random.Next(2) == 0 ? new string(' ', 1 + random.Next(3)) + lines[at] : lines[at].Substring(Math.Min(lines[at].Length - lines[at].TrimStart(' ').Length, 1 + random.Next(3)))),
        SpecMutation.Tab => EditLines(spec, random, (lines, at) =>
            lines[at] = random.Next(2) == 0 ? "\t" + lines[at].TrimStart(' ') : lines[at].Insert(random.Next(lines[at].Length + 1), "\t")),
        SpecMutation.DuplicateLine => EditLines(spec, random, (lines, at) =>
        {
            // One line (a duplicate key) or a whole block (a duplicate member, shape or enum).
            var count = random.Next(3) == 0 ? BlockLength(lines, at) : 1;
            lines.InsertRange(at + count, lines.GetRange(at, count));
        }),
        SpecMutation.WrongScalarType => ReplaceValue(spec, random, WrongScalars[random.Next(WrongScalars.Length)]),
        SpecMutation.UnknownKey => EditLines(spec, random, (lines, at) =>
            lines.Insert(at, Indentation(lines[at]) + Pick(random, "requried", "Type", "typo", "x-extension", "descripton", "values", "members", "items", "name") + ": " + Pick(random, "true", "x", "[]", "{}", "1"))),
        SpecMutation.HugeValue => ReplaceValue(spec, random, random.Next(5) switch
        {
            0 => new string('x', 100_000),
            1 => "\"" + new string('é', 50_000) + "\"",
            2 => "1" + new string('0', 400),
            3 => new string('[', 200) + new string(']', 200),
            _ => string.Concat(Enumerable.Repeat("{a: ", 200)) + "b" + new string('}', 200),
        }),
        SpecMutation.ByteOrderMark => random.Next(3) == 0 ? spec.Insert(random.Next(spec.Length + 1), "\uFEFF") : "\uFEFF" + spec,
        SpecMutation.InvalidUtf8 => InvalidUtf8(spec, random),
        SpecMutation.OddName => ReplaceName(spec, random, Pick(random, OddNames)),
        SpecMutation.OddText => ReplaceValue(spec, random, "\"" + Escape(Pick(random, OddTexts)) + "\"", textOnly: random.Next(2) == 0),
        SpecMutation.AnchorsAndAliases => AnchorsAndAliases(spec, random),
        SpecMutation.LineEndings => random.Next(2) == 0 ? spec.Replace("\n", "\r\n") : spec.Replace("\n", "\r"),
        SpecMutation.DeleteCharacters => DeleteCharacters(spec, random),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    private static string EditLines(string spec, Random random, Action<List<string>, int> edit)
    {
        var lines = spec.Split('\n').ToList();
        if (lines.Count == 0)
        {
            return spec;
        }

        edit(lines, random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private static int BlockLength(List<string> lines, int at)
    {
        var indent = Indentation(lines[at]).Length;
        var end = at + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indentation(lines[end]).Length > indent))
        {
            end++;
        }

        return end - at;
    }

    private static string Indentation(string line) => line.Substring(0, line.Length - line.TrimStart(' ').Length);

    /// <summary>Replaces the value of a random "key: value" line (or of a text key only, such as description).</summary>
    private static string ReplaceValue(string spec, Random random, string replacement, bool textOnly = false)
    {
        var matches = (textOnly ? TextValue() : KeyValue()).Matches(spec);
        if (matches.Count == 0)
        {
            return spec + "\n" + replacement;
        }

        var value = matches[random.Next(matches.Count)].Groups["value"];
        return spec.Substring(0, value.Index) + replacement + spec.Substring(value.Index + value.Length);
    }

    /// <summary>Replaces a name: a key of enums, shapes, operations, members or values, or the value of a name: key.</summary>
    private static string ReplaceName(string spec, Random random, string name)
    {
        var matches = NameKey().Matches(spec);
        if (matches.Count == 0)
        {
            return spec;
        }

        var key = matches[random.Next(matches.Count)].Groups["key"];
        var quoted = name.Any(c => c is ':' or '#' or '{' or '}' or '[' or ']' or ',' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or '~') || name.Trim() != name || name.Length == 0
            ? "\"" + Escape(name) + "\""
            : name;
        return spec.Substring(0, key.Index) + quoted + spec.Substring(key.Index + key.Length);
    }

    private static string InvalidUtf8(string spec, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(spec).ToList();
        var at = random.Next(bytes.Count + 1);
        bytes.InsertRange(at, Pick(random, new byte[] { 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE3, 0x81 }, new byte[] { 0x80, 0x80 }));

        // The compiler decodes AdditionalFiles leniently (U+FFFD); a tool might use Latin-1 instead.
        return random.Next(3) == 0 ? Encoding.Latin1.GetString(bytes.ToArray()) : Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string AnchorsAndAliases(string spec, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                // "Billion laughs" in YAML: aliases of aliases. The tree shares nodes, so nothing is expanded.
                var laughs = new StringBuilder("x-laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                for (var level = 1; level < 9; level++)
                {
                    laughs.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                        .Append(string.Join(", ", Enumerable.Repeat(level == 1 ? "*a" : "*l" + (level - 1), 9))).Append("]\n");
                }

                return spec + "\n" + laughs;
            case 1:
                // A recursive alias: an anchor used inside its own node.
                return spec + "\nx-loop: &loop\n  self: *loop\n";
            case 2:
                return ReplaceValue(spec, random, "*undefined");
            default:
                // Reuse a member definition by alias.
                return KeyValue().Replace(spec, match => "&m" + match.Index + " " + match.Value, 1) + "\n";
        }
    }

    private static string DeleteCharacters(string spec, Random random)
    {
        if (spec.Length == 0)
        {
            return spec;
        }

        var at = random.Next(spec.Length);
        return spec.Remove(at, Math.Min(spec.Length - at, 1 + random.Next(3)));
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when c < 0x20 || c is '\u0085' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("X4"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    [GeneratedRegex(@"^[ ]*[A-Za-z][A-Za-z0-9_-]*:[ ]+(?<value>[^\n#]*[^\s#])", RegexOptions.Multiline)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^[ ]*(description|example|documentedType|name|itemName|version|namespace|default|regional|vpc):[ ]+(?<value>[^\n#]*[^\s#])", RegexOptions.Multiline)]
    private static partial Regex TextValue();

    // Keys at the indentation of names (under enums, shapes, operations, values, members, request, response), or name: values.
    [GeneratedRegex(@"^(?:[ ]{2}|[ ]{6}|[ ]{8})(?<key>[A-Za-z][A-Za-z0-9_]*):[ ]*$|^[ ]*name:[ ]+(?<key>\S+)", RegexOptions.Multiline)]
    private static partial Regex NameKey();
}
