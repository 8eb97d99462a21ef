using System.Text;
using System.Text.RegularExpressions;

namespace Bindings.Import.Text;

/// <summary>
/// Alibaba's documentation Markdown as one line of plain text, for a spec's <c>description</c> (the
/// generator writes it into an XML doc comment, where line breaks become spaces anyway). The rules,
/// also in the tool's README:
/// <list type="bullet">
/// <item>Paragraphs, headings and notes follow each other separated by a space; a heading ends with a
/// colon when a list follows it and with a full stop otherwise; a note (<c>&gt; text</c>) starts with "Note: ".</item>
/// <item>A list (<c>*</c>, <c>-</c>, <c>+</c> or <c>1.</c> items, nested by indentation) becomes its items
/// joined with ", " when every item is a bare value (at most four words, no colon, comma or full stop),
/// with "; " otherwise, ended by a full stop; a nested list follows its item after a colon.</item>
/// <item>Emphasis (<c>**x**</c>, <c>__x__</c>) and code spans lose their markers; a link keeps its text
/// (<c>[DescribeRegions](https://...)</c> is "DescribeRegions"), an empty link (<c>[](#)</c>) and a
/// document reference (<c>(~~610399~~)</c>) disappear; a backslash before punctuation is dropped.</item>
/// <item>White space runs become one space. The sentence "This parameter is required." that main.dara
/// adds to every required parameter is dropped when the member is marked required anyway.</item>
/// </list>
/// </summary>
internal static class MarkdownText
{
    private const string RequiredSentence = "This parameter is required.";

    private static readonly Regex Heading = new(@"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"^(\s*)(?:[*+-]|\d{1,3}[.)])\s+(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Link = new(@"\[([^\]]*)\]\(([^)\s]*)\)", RegexOptions.CultureInvariant);
    private static readonly Regex DocumentReference = new(@"\(~~[0-9]+~~\)", RegexOptions.CultureInvariant);
    private static readonly Regex Strong = new(@"(\*\*|__)(.+?)\1", RegexOptions.CultureInvariant);
    private static readonly Regex Code = new(@"`+([^`]*)`+", RegexOptions.CultureInvariant);
    private static readonly Regex Escape = new(@"\\([!-/:-@\[-`{-~])", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>The plain text of <paramref name="markdown"/>, or null when nothing is left.</summary>
    public static string? Flatten(string? markdown, bool required = false, bool withoutValueList = false)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var blocks = Parse(markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'));
        if (required)
        {
            blocks.RemoveAll(block => block is Paragraph { Text: var text } && Inline(text) == RequiredSentence);
        }

        if (withoutValueList)
        {
            RemoveValueList(blocks);
        }

        var text = Render(blocks);
        return text.Length == 0 ? null : text;
    }

    private static readonly Regex ValueItem = new(@"^\*\*(?<value>[^*]+?)\*\*\s*(?:[:\uFF1A]\s*|-\s+|\((?<paren>[^)]*)\)\s*)?(?<rest>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ValuesIntroduction = new(@"(valid values|enumeration values|possible values|values)\s*(include)?\s*[:\uFF1A]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// The values of the description's list of valid values, with the text each one has: a paragraph
    /// (or heading) that ends with "Valid values:" (or "Values:", "Enumeration values:"), directly
    /// followed by a list of at least two items that each start with a bold value (<c>*   **NoStart**</c>,
    /// <c>*   **TempBackupTask**: an ad hoc task</c>). Null when the description has no such list.
    /// </summary>
    public static IReadOnlyList<(string Value, string? Description)>? ValueList(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var blocks = Parse(markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'));
        for (var index = 0; index + 1 < blocks.Count; index++)
        {
            var introduction = blocks[index] switch
            {
                Paragraph paragraph => paragraph.Text,
                HeadingBlock heading => heading.Text,
                _ => null,
            };

            if (introduction is null || !ValuesIntroduction.IsMatch(Inline(introduction)) || blocks[index + 1] is not ListBlock list || list.Items.Count < 2)
            {
                continue;
            }

            var values = new List<(string, string?)>();
            foreach (var item in list.Items)
            {
                var match = ValueItem.Match(item.Text.Trim());
                if (!match.Success)
                {
                    values = null;
                    break;
                }

                var value = Escape.Replace(match.Groups["value"].Value, m => m.Groups[1].Value).Trim();
                var text = match.Groups["paren"].Success ? match.Groups["paren"].Value + " " + match.Groups["rest"].Value : match.Groups["rest"].Value;
                var description = Inline(text);
                if (item.Children.Count > 0)
                {
                    description = (description + " " + Render(item.Children)).Trim();
                }

                values.Add((value, description.Length == 0 ? null : description));
            }

            if (values is { Count: >= 2 })
            {
                return values;
            }
        }

        return null;
    }

    private static readonly Regex DefaultValue = new(@"default value(?: is)?\s*[:\uFF1A]?\s*(?:\*\*(?<bold>[^*]+)\*\*|(?<plain>[^\s,;。]+?))(?=[\s,;。]|\.(?:\s|$)|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The value after "Default value:" in the description (<c>Default value: **30**.</c>), if there is one.</summary>
    public static string? DefaultOf(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || DefaultValue.Match(markdown) is not { Success: true } match)
        {
            return null;
        }

        var value = match.Groups["bold"].Success ? match.Groups["bold"].Value : match.Groups["plain"].Value;
        value = Escape.Replace(value, m => m.Groups[1].Value).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Drops the first list of valid values and its "Valid values:" (the enum's values say it now).</summary>
    private static void RemoveValueList(List<Block> blocks)
    {
        for (var index = 0; index + 1 < blocks.Count; index++)
        {
            if (blocks[index] is Paragraph paragraph && blocks[index + 1] is ListBlock && ValuesIntroduction.IsMatch(Inline(paragraph.Text)))
            {
                blocks.RemoveAt(index + 1);
                var rest = ValuesIntroduction.Replace(Inline(paragraph.Text), "").TrimEnd();
                if (rest.Length == 0)
                {
                    blocks.RemoveAt(index);
                }
                else
                {
                    blocks[index] = new Paragraph(rest);
                }

                return;
            }
        }
    }

    /// <summary>Inline Markdown of one line as plain text.</summary>
    public static string Inline(string text)
    {
        text = DocumentReference.Replace(text, "");
        text = Link.Replace(text, match => match.Groups[1].Value);
        text = Code.Replace(text, match => match.Groups[1].Value);
        text = Strong.Replace(text, match => match.Groups[2].Value);
        text = Escape.Replace(text, match => match.Groups[1].Value);
        return Spaces.Replace(text, " ").Trim();
    }

    private abstract record Block;

    private sealed record Paragraph(string Text) : Block;

    private sealed record HeadingBlock(string Text) : Block;

    private sealed record Note(List<Block> Blocks) : Block;

    private sealed record ListBlock(List<ListEntry> Items) : Block;

    private sealed record ListEntry(string Text, List<Block> Children);

    private static List<Block> Parse(IReadOnlyList<string> lines)
    {
        var blocks = new List<Block>();
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                i++;
                continue;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                var inner = new List<string>();
                while (i < lines.Count && lines[i].TrimStart().StartsWith('>'))
                {
                    var content = lines[i].TrimStart().Substring(1);
                    inner.Add(content.StartsWith(' ') ? content.TrimStart() : content);
                    i++;
                }

                blocks.Add(new Note(Parse(inner)));
                continue;
            }

            if (Heading.Match(line) is { Success: true } heading && line.TrimStart().StartsWith('#'))
            {
                blocks.Add(new HeadingBlock(heading.Groups[1].Value));
                i++;
                continue;
            }

            if (ListItem.IsMatch(line))
            {
                blocks.Add(ParseList(lines, ref i));
                continue;
            }

            var paragraph = new StringBuilder(line.Trim());
            i++;
            while (i < lines.Count && lines[i].Trim().Length > 0 && !ListItem.IsMatch(lines[i])
                && !lines[i].TrimStart().StartsWith('>') && !lines[i].TrimStart().StartsWith('#'))
            {
                paragraph.Append(' ').Append(lines[i].Trim());
                i++;
            }

            blocks.Add(new Paragraph(paragraph.ToString()));
        }

        return blocks;
    }

    /// <summary>A list from line <paramref name="i"/>: its items at the first item's indentation, deeper lines as children.</summary>
    private static ListBlock ParseList(IReadOnlyList<string> lines, ref int i)
    {
        var indent = Indentation(lines[i]);
        var items = new List<ListEntry>();
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                // A blank line ends the list unless the list (an item or an indented line) goes on after it.
                var next = i;
                while (next < lines.Count && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                if (next < lines.Count && Indentation(lines[next]) >= indent && (Indentation(lines[next]) > indent || ListItem.IsMatch(lines[next])))
                {
                    i = next;
                    continue;
                }

                break;
            }

            var match = ListItem.Match(line);
            if (match.Success && Indentation(line) == indent)
            {
                items.Add(new ListEntry(match.Groups[2].Value.Trim(), new List<Block>()));
                i++;
                continue;
            }

            if (Indentation(line) <= indent || items.Count == 0)
            {
                break;
            }

            // Lines indented under the last item: a continuation of its text, or a nested list.
            var children = new List<string>();
            while (i < lines.Count && (Indentation(lines[i]) > indent || (lines[i].Trim().Length == 0 && i + 1 < lines.Count && Indentation(lines[i + 1]) > indent && lines[i + 1].Trim().Length > 0)))
            {
                children.Add(lines[i]);
                i++;
            }

            var last = items[^1];
            var childBlocks = Parse(children);
            if (childBlocks.Count > 0 && childBlocks[0] is Paragraph continuation && last.Children.Count == 0)
            {
                items[^1] = last = new ListEntry(last.Text + " " + continuation.Text, last.Children);
                childBlocks.RemoveAt(0);
            }

            last.Children.AddRange(childBlocks);
        }

        return new ListBlock(items);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart().Length;

    private static string Render(List<Block> blocks)
    {
        var parts = new List<string>();
        for (var index = 0; index < blocks.Count; index++)
        {
            var text = blocks[index] switch
            {
                Paragraph paragraph => Inline(paragraph.Text),
                HeadingBlock heading => Terminate(Inline(heading.Text), index + 1 < blocks.Count && blocks[index + 1] is ListBlock ? ":" : "."),
                Note note => Render(note.Blocks) is { Length: > 0 } inner ? "Note: " + inner : "",
                ListBlock list => RenderList(list),
                _ => "",
            };

            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        return string.Join(" ", parts);
    }

    private static string RenderList(ListBlock list)
    {
        var items = new List<string>();
        var sentences = false;
        foreach (var item in list.Items)
        {
            var inline = Inline(item.Text);
            sentences |= inline.EndsWith('.') || inline.EndsWith(';');
            var text = TrimEnd(inline);
            if (item.Children.Count > 0 && TrimEnd(Render(item.Children)) is { Length: > 0 } children)
            {
                text = text.Length == 0 ? children : (text.EndsWith(':') ? text + " " : text + ": ") + children;
            }

            if (text.Length > 0)
            {
                items.Add(text);
            }
        }

        if (items.Count == 0)
        {
            return "";
        }

        // Bare values (a few words, no sentence) read best as "a, b, c"; anything longer as "a; b; c".
        var bare = !sentences && items.All(item => !item.Contains(':') && !item.Contains(". ", StringComparison.Ordinal) && !item.Contains(',') && item.Split(' ').Length <= 4);
        return string.Join(bare ? ", " : "; ", items) + ".";
    }

    private static string TrimEnd(string text) => text.TrimEnd('.', ';', ',', ' ');

    private static string Terminate(string text, string punctuation)
        => text.Length == 0 ? "" : text.EndsWith('.') || text.EndsWith(':') || text.EndsWith('?') || text.EndsWith('!') ? text : text + punctuation;
}
