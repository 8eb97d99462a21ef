using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bindings.Robustness.Tests.Wire;

/// <summary>The ways a test damages a valid document.</summary>
internal enum Mutation
{
    Truncate,
    DeleteBytes,
    DoubleBytes,
    ReplaceByte,
    SwapType,
    HugeNumber,
    HugeString,
    InvalidUtf8,
    DeepNesting,
    Havoc,
}

/// <summary>
/// Damages valid JSON and XML documents: byte-level (truncation, deleted, doubled or replaced bytes,
/// invalid UTF-8) and value-level (a value of another kind, a huge number or string, 10,000 levels of
/// nesting). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static partial class Mutator
{
    public const int DeepNesting = 10_000;

    private static readonly byte[] InterestingBytes =
        Encoding.ASCII.GetBytes("{}[]\":,<>/&;=?!-'\\ \t\n0e.+x").Concat(new byte[] { 0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE3, 0xED, 0xF4, 0xFF }).ToArray();

    private static readonly byte[][] InvalidUtf8Sequences =
    {
        new byte[] { 0xFF },
        new byte[] { 0xFE },
        new byte[] { 0x80 },
        new byte[] { 0xC0, 0xAF },             // overlong '/'
        new byte[] { 0xE3, 0x81 },             // truncated three-byte sequence
        new byte[] { 0xED, 0xA0, 0x80 },       // an encoded surrogate
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // above U+10FFFF
        new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
    };

    private static readonly string[] JsonReplacements =
    {
        "{}", "[]", "[1,\"a\",null]", "{\"BackupJob\":{}}", "{\"BackupJob\":[1]}", "\"str\"", "\"\"", "123", "-1.5e300", "true", "false", "null",
        "\"NaN\"", "\"Infinity\"", "\"1,5\"", "\"0x10\"", "\" 42 \"", "\"4762614\"", "[{}]", "{\"a\":{\"b\":[]}}", "\"\\ud800\"", "\"\\u0000\"",
    };

    private static readonly string[] XmlReplacements =
    {
        "<x/>", "<a><b>1</b></a>", "", " ", "&amp;", "<![CDATA[5]]>", "&#0;", "&unknown;", "&#x1F600;", "1<!-- c -->2", "<?pi x?>", "&lt;x&gt;",
        "true", "-1.5e300", "NaN", "1,5", " 42 ", "\uFFFE", "<BackupJob/>", "<Items><BackupJob/></Items>",
    };

    private static readonly string[] HugeNumbers =
    {
        "1" + new string('0', 500),
        "-" + new string('9', 400) + ".5",
        "0." + new string('0', 10_000) + "1",
        "1e999999",
        "-1E-999999",
        "9223372036854775808",
        "-9223372036854775809",
        "79228162514264337593543950336",
        "1" + new string('0', 100_000),
    };

    public static byte[] Apply(Mutation mutation, byte[] document, WireFormat format, Random random) => mutation switch
    {
        Mutation.Truncate => document.AsSpan(0, random.Next(document.Length)).ToArray(),
        Mutation.DeleteBytes => DeleteBytes(document, random),
        Mutation.DoubleBytes => DoubleBytes(document, random),
        Mutation.ReplaceByte => ReplaceByte(document, random),
        Mutation.SwapType => ReplaceValue(document, format, random, format == WireFormat.Json ? Pick(random, JsonReplacements) : Pick(random, XmlReplacements)),
        Mutation.HugeNumber => ReplaceValue(document, format, random, QuoteSometimes(Pick(random, HugeNumbers), format, random)),
        Mutation.HugeString => ReplaceValue(document, format, random, HugeString(format, random)),
        Mutation.InvalidUtf8 => InvalidUtf8(document, format, random),
        Mutation.DeepNesting => Nest(document, format, random),
        Mutation.Havoc => Havoc(document, format, random),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    private static byte[] DeleteBytes(byte[] document, Random random)
    {
        if (document.Length == 0)
        {
            return document;
        }

        var start = random.Next(document.Length);
        var count = Math.Min(document.Length - start, 1 + random.Next(4));
        return document.Take(start).Concat(document.Skip(start + count)).ToArray();
    }

    private static byte[] DoubleBytes(byte[] document, Random random)
    {
        if (document.Length == 0)
        {
            return document;
        }

        var start = random.Next(document.Length);
        var count = Math.Min(document.Length - start, 1 + random.Next(16));
        var span = document.Skip(start).Take(count);
        return document.Take(start + count).Concat(span).Concat(document.Skip(start + count)).ToArray();
    }

    private static byte[] ReplaceByte(byte[] document, Random random)
    {
        if (document.Length == 0)
        {
            return document;
        }

        var copy = (byte[])document.Clone();
        copy[random.Next(copy.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : Pick(random, InterestingBytes);
        return copy;
    }

    private static byte[] InvalidUtf8(byte[] document, WireFormat format, Random random)
    {
        // Inside a value most of the time (where a lenient reader would pass it on), anywhere otherwise.
        var values = ValueRanges(document, format);
        var at = values.Count > 0 && random.Next(4) != 0
            ? values[random.Next(values.Count)].Start + 1
            : random.Next(document.Length + 1);
        at = Math.Min(at, document.Length);
        return document.Take(at).Concat(Pick(random, InvalidUtf8Sequences)).Concat(document.Skip(at)).ToArray();
    }

    private static byte[] Havoc(byte[] document, WireFormat format, Random random)
    {
        var result = document;
        var rounds = 2 + random.Next(7);
        for (var i = 0; i < rounds; i++)
        {
            var mutation = (Mutation)random.Next((int)Mutation.HugeNumber);
            result = Apply(mutation, result, format, random);
        }

        return result;
    }

    private static string QuoteSometimes(string number, WireFormat format, Random random)
        => format == WireFormat.Json && random.Next(2) == 0 ? "\"" + number + "\"" : number;

    private static string HugeString(WireFormat format, Random random)
    {
        // Mostly 128 to 512 KiB; one in sixteen 4 MiB. Large enough to cross every buffer, small enough for CI.
        var length = random.Next(16) == 0 ? 4 * 1024 * 1024 : (1 + random.Next(4)) * 128 * 1024;
        var unit = random.Next(3) switch
        {
            0 => "a",
            1 => format == WireFormat.Json ? "\\u00e9" : "&amp;",
            _ => "備",
        };
        var builder = new StringBuilder(length + 2);
        if (format == WireFormat.Json)
        {
            builder.Append('"');
        }

        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        if (format == WireFormat.Json)
        {
            builder.Append('"');
        }

        return builder.ToString();
    }

    /// <summary>Puts 10,000 levels of nesting where a value was, or around the whole document.</summary>
    private static byte[] Nest(byte[] document, WireFormat format, Random random)
    {
        string nested;
        if (format == WireFormat.Json)
        {
            nested = random.Next(2) == 0
                ? new string('[', DeepNesting) + new string(']', DeepNesting)
                : string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting);
            if (random.Next(4) == 0)
            {
                return Encoding.UTF8.GetBytes(nested);
            }

            return ReplaceValue(document, format, random, nested);
        }

        var name = random.Next(2) == 0 ? "X" : "BackupJob";
        nested = string.Concat(Enumerable.Repeat("<" + name + ">", DeepNesting)) + string.Concat(Enumerable.Repeat("</" + name + ">", DeepNesting));
        switch (random.Next(3))
        {
            case 0:
                // An unknown element beside the described ones: skipped as a whole, so only a depth check sees it.
                var text = Encoding.UTF8.GetString(document);
                var close = text.LastIndexOf("</", StringComparison.Ordinal);
                return close < 0 ? Encoding.UTF8.GetBytes(nested) : Encoding.UTF8.GetBytes(text.Insert(close, nested));
            case 1:
                return Encoding.UTF8.GetBytes(nested);
            default:
                return ReplaceValue(document, format, random, nested);
        }
    }

    /// <summary>Replaces one value (a JSON property's value, or an XML leaf element's text) with <paramref name="replacement"/>.</summary>
    private static byte[] ReplaceValue(byte[] document, WireFormat format, Random random, string replacement)
    {
        var values = ValueRanges(document, format);
        if (values.Count == 0)
        {
            return Encoding.UTF8.GetBytes(replacement);
        }

        var (start, end) = values[random.Next(values.Count)];
        return document.Take(start).Concat(Encoding.UTF8.GetBytes(replacement)).Concat(document.Skip(end)).ToArray();
    }

    /// <summary>Where the values are: JSON property values (any kind), or the text of XML leaf elements.</summary>
    private static List<(int Start, int End)> ValueRanges(byte[] document, WireFormat format)
    {
        var ranges = new List<(int, int)>();
        if (format == WireFormat.Json)
        {
            try
            {
                var json = document.AsSpan();
                var offset = json.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
                var reader = new Utf8JsonReader(json.Slice(offset), new JsonReaderOptions { MaxDepth = 256 });
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        reader.Read();
                        var start = (int)reader.TokenStartIndex;
                        var copy = reader;
                        copy.Skip();
                        ranges.Add((offset + start, offset + (int)copy.BytesConsumed));
                    }
                }
            }
            catch (JsonException)
            {
                // A document damaged by an earlier mutation: use what was found.
            }

            return ranges;
        }

        var text = Encoding.UTF8.GetString(document);
        foreach (Match match in LeafText().Matches(text))
        {
            var group = match.Groups[1];
            var start = Encoding.UTF8.GetByteCount(text.AsSpan(0, group.Index));
            ranges.Add((start, start + Encoding.UTF8.GetByteCount(group.Value)));
        }

        return ranges;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    [GeneratedRegex(@"<[A-Za-z][^<>]*?(?<!/)>([^<]*)</")]
    private static partial Regex LeafText();
}
