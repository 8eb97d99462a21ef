using System.Text;
using System.Text.RegularExpressions;

namespace Bindings.Import.Sources.Darabonba;

/// <summary>
/// The tags of a <c>/** ... */</c> comment: <c>@summary</c>, <c>@description</c>, <c>@deprecated</c> (the
/// others are dropped). The comment's <c>*</c> margin is removed; a tag may also start in the middle of a
/// line after <c> * </c>, as the generated RDS file has it (<c>@deprecated ...  * @param request ...</c>).
/// </summary>
internal sealed record DaraAnnotation(string? Summary, string? Description, string? Deprecated, bool IsDeprecated)
{
    private static readonly Regex InlineTag = new(@"\s+\*\s+(?=@[a-z]+\b)", RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"^@([a-z]+)\b ?", RegexOptions.CultureInvariant);

    public static DaraAnnotation Parse(string? comment)
    {
        if (comment is null)
        {
            return new DaraAnnotation(null, null, null, false);
        }

        var body = comment;
        if (body.StartsWith("/**", StringComparison.Ordinal))
        {
            body = body.Substring(3);
        }
        else if (body.StartsWith("/*", StringComparison.Ordinal))
        {
            body = body.Substring(2);
        }

        if (body.EndsWith("*/", StringComparison.Ordinal))
        {
            body = body.Substring(0, body.Length - 2);
        }

        var lines = new List<string>();
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimStart();
            if (line.StartsWith('*'))
            {
                line = line.Substring(1);
                if (line.StartsWith(' '))
                {
                    line = line.Substring(1);
                }
            }

            lines.AddRange(InlineTag.Replace(line.TrimEnd(), "\n").Split('\n'));
        }

        var tags = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        StringBuilder? current = null;
        foreach (var line in lines)
        {
            var match = Tag.Match(line);
            if (match.Success)
            {
                var name = match.Groups[1].Value;
                if (!tags.TryGetValue(name, out current))
                {
                    current = tags[name] = new StringBuilder();
                }
                else
                {
                    current.Append('\n');
                }

                current.Append(line.Substring(match.Length));
                continue;
            }

            current?.Append('\n').Append(line);
        }

        string? Text(string name) => tags.TryGetValue(name, out var text) && text.ToString().Trim() is { Length: > 0 } trimmed ? trimmed : null;
        return new DaraAnnotation(Text("summary"), Text("description"), Text("deprecated"), tags.ContainsKey("deprecated"));
    }
}
