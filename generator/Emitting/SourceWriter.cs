using System;
using System.Text;

namespace Bindings.Generator.Emitting;

/// <summary>Writes indented C# text; every emitter goes through it so generated files look alike.</summary>
internal sealed class SourceWriter
{
    /// <summary>The characters of a doc comment line after its <c>/// </c>.</summary>
    private const int Width = 100;

    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Opens a brace that will be closed by disposing the result.</summary>
    public IDisposable Block(string header)
    {
        OpenBlock(header);
        return new Closer(this);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>
    /// Writes a summary from a spec's description (escaped), or from <paramref name="fallbackXml"/>
    /// (already XML) when the spec has none.
    /// </summary>
    public SourceWriter Summary(string? specText, string? fallbackXml = null)
    {
        if (!string.IsNullOrWhiteSpace(specText))
        {
            return Doc(Escape(specText!.Trim()));
        }

        return fallbackXml is null ? this : Doc(fallbackXml);
    }

    /// <summary>
    /// Writes a summary of XML doc text the emitter composed itself: on one line when it fits, else
    /// wrapped between the tags.
    /// </summary>
    public SourceWriter Doc(string xml)
    {
        xml = xml.Trim();
        if (FitsOnOneLine(xml))
        {
            return Line("/// <summary>" + xml + "</summary>");
        }

        Line("/// <summary>");
        WriteWrapped("/// ", xml);
        Line("/// </summary>");
        return this;
    }

    /// <summary>Writes a <c>&lt;remarks&gt;</c> block of already-escaped XML doc lines.</summary>
    public SourceWriter Remarks(params string[] xmlLines)
    {
        if (xmlLines.Length == 0)
        {
            return this;
        }

        Line("/// <remarks>");
        foreach (var line in xmlLines)
        {
            Line("/// " + line);
        }

        Line("/// </remarks>");
        return this;
    }

    /// <summary>
    /// Spec text for an XML doc comment: markup escaped, and every character that C# takes for a line end
    /// (\r, \n, U+0085, U+2028, U+2029) made a space, since what follows one is no longer a comment.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
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
                    if (c < 0x20 || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4"));
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

    public override string ToString() => _text.ToString();

    /// <summary>
    /// True for text that is already one line of single-spaced words, short enough for
    /// <c>/// &lt;summary&gt;...&lt;/summary&gt;</c> within the wrapping width.
    /// </summary>
    private static bool FitsOnOneLine(string text)
    {
        const int Tags = 19; // "<summary>" and "</summary>"
        if (text.Length + Tags > Width)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' || (text[i] == ' ' && i > 0 && text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes text as lines of at most <c>Width</c> characters after the prefix, broken at spaces.
    /// Descriptions come folded from YAML: line breaks count as spaces, runs of spaces as one, and a
    /// word longer than a line gets a line of its own. Words are copied straight into the output, as
    /// this runs for every documented member of every generated type.
    /// </summary>
    private void WriteWrapped(string prefix, string text)
    {
        if (text.IndexOf('\r') >= 0)
        {
            text = text.Replace("\r", string.Empty);
        }

        var lineLength = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] is ' ' or '\n')
            {
                position++;
                continue;
            }

            var end = position;
            while (end < text.Length && text[end] is not (' ' or '\n'))
            {
                end++;
            }

            var wordLength = end - position;
            if (lineLength > 0 && lineLength + 1 + wordLength > Width)
            {
                _text.Append('\n');
                lineLength = 0;
            }

            if (lineLength == 0)
            {
                _text.Append(' ', _indent * 4).Append(prefix);
            }
            else
            {
                _text.Append(' ');
                lineLength++;
            }

            _text.Append(text, position, wordLength);
            lineLength += wordLength;
            position = end;
        }

        if (lineLength > 0)
        {
            _text.Append('\n');
        }
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.CloseBlock();
    }
}
