namespace Bindings.Import.Sources.Darabonba;

internal enum DaraTokenKind
{
    /// <summary>A word: an identifier or a keyword (<c>model</c>, <c>string</c>, <c>true</c>); may contain '-'.</summary>
    Word,

    /// <summary>A module variable, <c>@endpointMap</c>.</summary>
    Variable,

    /// <summary>A quoted string; <see cref="DaraToken.Text"/> is its value with the escapes resolved.</summary>
    String,

    /// <summary>A number, <c>1</c>, <c>-3</c>, <c>2.5</c>, <c>10L</c>; the text as written.</summary>
    Number,

    /// <summary>A <c>/** ... */</c> comment: the documentation of what follows it.</summary>
    Annotation,

    /// <summary>A piece of a backtick template string (only skipped over: models never use them).</summary>
    Template,

    /// <summary>One character of punctuation or an operator (<c>&amp;&amp;</c> and <c>||</c> are one token).</summary>
    Punctuation,

    End,
}

/// <summary>One token of a Darabonba file, with where it starts (1-based line and column).</summary>
internal readonly record struct DaraToken(DaraTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(DaraTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsPunctuation(string text) => Is(DaraTokenKind.Punctuation, text);

    public bool IsWord(string text) => Is(DaraTokenKind.Word, text);

    public override string ToString() => Kind switch
    {
        DaraTokenKind.End => "the end of the file",
        DaraTokenKind.String => "a string",
        DaraTokenKind.Annotation => "a comment",
        _ => "'" + Text + "'",
    };
}

/// <summary>A Darabonba file that is not what the reader understands, with the file, line and column.</summary>
internal sealed class DaraSyntaxException : Exception
{
    public DaraSyntaxException(string file, int line, int column, string message)
        : base(file + "(" + line + "," + column + "): " + message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }
}
