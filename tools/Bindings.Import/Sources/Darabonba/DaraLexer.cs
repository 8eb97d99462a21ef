using System.Text;

namespace Bindings.Import.Sources.Darabonba;

/// <summary>
/// Splits a Darabonba file into tokens, following the language's own lexer (aliyun/darabonba,
/// lib/lexer.js): <c>//</c> line comments are dropped, <c>/** */</c> comments are kept as annotations,
/// strings are single- or double-quoted with the escapes \0 \b \t \n \v \f \r \' \" \\ (any other is an
/// error), words may contain '-', numbers take an optional sign, fraction and L/f/d suffix.
/// </summary>
internal sealed class DaraLexer
{
    private readonly string _file;
    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _column = 1;
    private int _templateDepth;

    private DaraLexer(string file, string text)
    {
        _file = file;
        _text = text;
    }

    public static List<DaraToken> Tokenize(string file, string text)
    {
        var lexer = new DaraLexer(file, text);
        var tokens = new List<DaraToken>();
        DaraToken token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != DaraTokenKind.End);

        return tokens;
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }

    private DaraSyntaxException Error(string message) => new(_file, _line, _column, message);

    private DaraToken Next()
    {
        while (true)
        {
            while (!AtEnd && char.IsWhiteSpace(Peek()))
            {
                Advance();
            }

            if (AtEnd)
            {
                return new DaraToken(DaraTokenKind.End, "", _line, _column);
            }

            if (Peek() == '/' && Peek(1) == '/')
            {
                while (!AtEnd && Peek() != '\n')
                {
                    Advance();
                }

                continue;
            }

            break;
        }

        int line = _line, column = _column;
        var c = Peek();
        if (c == '/' && Peek(1) == '*')
        {
            return Annotation(line, column);
        }

        if (_templateDepth > 0 && c == '}')
        {
            // The end of a ${...} inside a template: the template text goes on.
            Advance();
            return Template(line, column);
        }

        if (c is '\'' or '"')
        {
            return new DaraToken(DaraTokenKind.String, ReadString(), line, column);
        }

        if (c == '`')
        {
            Advance();
            _templateDepth++;
            return Template(line, column);
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return new DaraToken(DaraTokenKind.Number, ReadNumber(), line, column);
        }

        if (char.IsLetter(c) || c is '_' or '$')
        {
            var start = _position;
            do
            {
                Advance();
            }
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '_' or '-'));

            return new DaraToken(DaraTokenKind.Word, _text.Substring(start, _position - start), line, column);
        }

        if (c == '@')
        {
            var start = _position;
            Advance();
            if (!char.IsLetter(Peek()))
            {
                throw Error("expected a letter after '@'");
            }

            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '_'))
            {
                Advance();
            }

            return new DaraToken(DaraTokenKind.Variable, _text.Substring(start, _position - start), line, column);
        }

        if ((c == '&' && Peek(1) == '&') || (c == '|' && Peek(1) == '|'))
        {
            Advance();
            Advance();
            return new DaraToken(DaraTokenKind.Punctuation, new string(c, 2), line, column);
        }

        Advance();
        return new DaraToken(DaraTokenKind.Punctuation, c.ToString(), line, column);
    }

    private DaraToken Annotation(int line, int column)
    {
        var start = _position;
        Advance();
        Advance();
        while (!(Peek() == '*' && Peek(1) == '/'))
        {
            if (AtEnd)
            {
                throw new DaraSyntaxException(_file, line, column, "a comment that is never closed");
            }

            Advance();
        }

        Advance();
        Advance();
        return new DaraToken(DaraTokenKind.Annotation, _text.Substring(start, _position - start), line, column);
    }

    private DaraToken Template(int line, int column)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new DaraSyntaxException(_file, line, column, "a template string that is never closed");
            }

            if (Peek() == '$' && Peek(1) == '{')
            {
                Advance();
                Advance();
                return new DaraToken(DaraTokenKind.Template, builder.ToString(), line, column);
            }

            if (Peek() == '`')
            {
                Advance();
                _templateDepth--;
                return new DaraToken(DaraTokenKind.Template, builder.ToString(), line, column);
            }

            builder.Append(Peek());
            Advance();
        }
    }

    private string ReadString()
    {
        int line = _line, column = _column;
        var quote = Peek();
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new DaraSyntaxException(_file, line, column, "a string that is never closed");
            }

            var c = Peek();
            if (c == quote)
            {
                Advance();
                return builder.ToString();
            }

            if (c == '\\')
            {
                int escapeLine = _line, escapeColumn = _column;
                Advance();
                builder.Append(Peek() switch
                {
                    '0' => '\0',
                    'b' => '\b',
                    't' => '\t',
                    'n' => '\n',
                    'v' => '\v',
                    'f' => '\f',
                    'r' => '\r',
                    '\'' => '\'',
                    '"' => '"',
                    '\\' => '\\',
                    _ => throw new DaraSyntaxException(_file, escapeLine, escapeColumn, "the escape '\\" + Peek() + "' is not one Darabonba knows"),
                });
                Advance();
                continue;
            }

            builder.Append(c);
            Advance();
        }
    }

    private string ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            Advance();
        }

        while (char.IsAsciiDigit(Peek()))
        {
            Advance();
        }

        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            Advance();
            while (char.IsAsciiDigit(Peek()))
            {
                Advance();
            }
        }

        var text = _text.Substring(start, _position - start);
        if (Peek() is 'L' or 'f' or 'd')
        {
            Advance();
        }

        return text;
    }
}
