using System;
using System.Text;

namespace Bindings.Generator.Emitting;

/// <summary>Writes indented C# text; every emitter goes through it so generated files look alike.</summary>
internal sealed class SourceWriter
{
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

    /// <summary>Writes a summary of XML doc text the emitter composed itself, wrapped.</summary>
    public SourceWriter Doc(string xml)
    {
        Line("/// <summary>");
        foreach (var line in Wrap(xml.Trim()))
        {
            Line("/// " + line);
        }

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

    private static string[] Wrap(string text)
    {
        // Descriptions come folded from YAML; break long ones at spaces so the comment stays readable.
        const int Width = 100;
        var words = text.Replace("\r", string.Empty).Replace('\n', ' ').Split(' ');
        var lines = new System.Collections.Generic.List<string>();
        var current = new StringBuilder();
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (current.Length > 0 && current.Length + 1 + word.Length > Width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines.ToArray();
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.CloseBlock();
    }
}
