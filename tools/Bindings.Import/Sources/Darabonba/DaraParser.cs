namespace Bindings.Import.Sources.Darabonba;

/// <summary>
/// Parses the declarations of a Darabonba file (the language of aliyun/alibabacloud-sdk's main.dara and
/// main.tea): models with their fields, types and attributes, functions with their documentation and
/// the tokens of their bodies, and the module variables the <c>init</c> block assigns (<c>@product</c>,
/// <c>@endpointRule</c>, <c>@endpointMap</c>). Statements are not interpreted: a function body is kept as
/// tokens, balanced on braces. Anything else at the top level is an error naming the line and column.
/// </summary>
internal sealed class DaraParser
{
    /// <summary>How deep types may nest (RDS nests 6): deeper is refused, not a stack overflow.</summary>
    public const int MaxDepth = 64;

    private readonly string _file;
    private readonly List<DaraToken> _tokens;
    private int _index;
    private int _depth;

    private DaraParser(string file, List<DaraToken> tokens)
    {
        _file = file;
        _tokens = tokens;
    }

    public static DaraModule Parse(string file, string text)
        => new DaraParser(file, DaraLexer.Tokenize(file, text)).ParseModule();

    private DaraToken Current => _tokens[_index];

    private DaraToken PeekToken(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private DaraToken Take()
    {
        var token = Current;
        if (token.Kind != DaraTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private DaraSyntaxException Error(DaraToken at, string expected)
        => new(_file, at.Line, at.Column, "expected " + expected + ", found " + at);

    private DaraToken Expect(string punctuation)
    {
        if (!Current.IsPunctuation(punctuation))
        {
            throw Error(Current, "'" + punctuation + "'");
        }

        return Take();
    }

    private string ExpectWord(string what)
    {
        if (Current.Kind != DaraTokenKind.Word)
        {
            throw Error(Current, what);
        }

        return Take().Text;
    }

    private bool TakeIf(string punctuation)
    {
        if (Current.IsPunctuation(punctuation))
        {
            _index++;
            return true;
        }

        return false;
    }

    private DaraModule ParseModule()
    {
        var models = new List<DaraModel>();
        var enums = new List<DaraEnum>();
        var functions = new List<DaraFunction>();
        var variables = new Dictionary<string, DaraValue>(StringComparer.Ordinal);
        string? annotation = null;
        while (Current.Kind != DaraTokenKind.End)
        {
            var token = Current;
            if (token.Kind == DaraTokenKind.Annotation)
            {
                annotation = Take().Text;
                continue;
            }

            if (token.Kind != DaraTokenKind.Word)
            {
                throw Error(token, "a declaration (model, function, init, import, type)");
            }

            switch (token.Text)
            {
                case "import" or "extends":
                    SkipPast(";");
                    break;
                case "type":
                    Take();
                    Take(); // the @name
                    Expect("=");
                    ParseType();
                    break;
                case "const":
                    SkipPast(";");
                    break;
                case "init":
                    Take();
                    SkipBalanced("(", ")");
                    CollectAssignments(ParseBlock(), variables);
                    break;
                case "model" or "exception":
                    Take();
                    var name = ExpectWord("a model name");
                    TakeIf("=");
                    models.Add(new DaraModel(name, annotation, ParseFields(), token.Line));
                    break;
                case "enum":
                    enums.Add(ParseEnum());
                    break;
                case "async" or "static" or "function":
                    functions.Add(ParseFunction(annotation));
                    break;
                default:
                    throw Error(token, "a declaration (model, function, init, import, type)");
            }

            annotation = null;
        }

        return new DaraModule(models, functions, variables, enums);
    }

    /// <summary><c>enum Name: type { MEMBER(value='x', ...), ... }</c>.</summary>
    private DaraEnum ParseEnum()
    {
        var start = Take();
        var name = ExpectWord("an enum name");
        Expect(":");
        var type = ParseType();
        Expect("{");
        var members = new List<(string, IReadOnlyDictionary<string, DaraValue>)>();
        while (!Current.IsPunctuation("}"))
        {
            if (Current.Kind == DaraTokenKind.Annotation)
            {
                Take();
                continue;
            }

            var member = ExpectWord("an enum member or '}'");
            members.Add((member, Current.IsPunctuation("(") ? ParseAttributes() : new Dictionary<string, DaraValue>()));
            if (!TakeIf(",") && !Current.IsPunctuation("}"))
            {
                throw Error(Current, "',' or '}' after the enum member '" + member + "'");
            }
        }

        Expect("}");
        return new DaraEnum(name, type, members, start.Line);
    }

    private DaraFunction ParseFunction(string? annotation)
    {
        var start = Current;
        while (Current.IsWord("async") || Current.IsWord("static"))
        {
            Take();
        }

        if (!Current.IsWord("function"))
        {
            throw Error(Current, "'function'");
        }

        Take();
        var name = ExpectWord("a function name");
        Expect("(");
        var parameters = new List<(string, DaraTypeExpression)>();
        while (!Current.IsPunctuation(")"))
        {
            var parameter = ExpectWord("a parameter name");
            Expect(":");
            parameters.Add((parameter, ParseType()));
            if (!TakeIf(","))
            {
                break;
            }
        }

        Expect(")");
        DaraTypeExpression? returnType = null;
        if (Current.IsWord("throws"))
        {
            Take();
        }

        if (TakeIf(":"))
        {
            returnType = ParseType();
        }

        if (Current.IsWord("throws"))
        {
            Take();
        }

        IReadOnlyList<DaraToken> body = TakeIf(";") ? Array.Empty<DaraToken>() : ParseBlock();
        return new DaraFunction(name, annotation, parameters, returnType, body, start.Line);
    }

    /// <summary><c>{ field, field, ... }</c>: a model's body or an anonymous structure.</summary>
    private List<DaraField> ParseFields()
    {
        Expect("{");
        var fields = new List<DaraField>();
        string? annotation = null;
        while (!Current.IsPunctuation("}"))
        {
            if (Current.Kind == DaraTokenKind.Annotation)
            {
                annotation = Take().Text;
                continue;
            }

            var nameToken = Current;
            var name = ExpectWord("a field name or '}'");
            var optional = TakeIf("?");
            Expect(":");
            var type = ParseType();
            var attributes = Current.IsPunctuation("(") ? ParseAttributes() : new Dictionary<string, DaraValue>();
            fields.Add(new DaraField(name, optional, type, attributes, annotation, nameToken.Line));
            annotation = null;
            if (!TakeIf(","))
            {
                if (!Current.IsPunctuation("}"))
                {
                    throw Error(Current, "',' or '}' after the field '" + name + "'");
                }
            }
        }

        Expect("}");
        return fields;
    }

    private DaraTypeExpression ParseType()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Current, "types nested at most " + MaxDepth + " deep");
        }

        try
        {
            return ParseTypeInside();
        }
        finally
        {
            _depth--;
        }
    }

    private DaraTypeExpression ParseTypeInside()
    {
        if (TakeIf("["))
        {
            var element = ParseType();
            Expect("]");
            return new DaraListType(element);
        }

        if (Current.IsPunctuation("{"))
        {
            return new DaraStructureType(ParseFields());
        }

        if (Current.IsWord("map") && PeekToken().IsPunctuation("["))
        {
            Take();
            Expect("[");
            var key = ParseType();
            Expect("]");
            return new DaraMapType(key, ParseType());
        }

        var name = ExpectWord("a type");
        while (Current.IsPunctuation(".") && PeekToken().Kind == DaraTokenKind.Word)
        {
            Take();
            name += "." + Take().Text;
        }

        if (TakeIf("["))
        {
            // Another generic type, iterator[T] or asyncIterator[T] (streaming functions): its element.
            var element = ParseType();
            Expect("]");
            return new DaraGenericType(name, element);
        }

        return new DaraNamedType(name);
    }

    /// <summary><c>(name='X', minimum=1, deprecated=true)</c>.</summary>
    private Dictionary<string, DaraValue> ParseAttributes()
    {
        Expect("(");
        var attributes = new Dictionary<string, DaraValue>(StringComparer.Ordinal);
        while (!Current.IsPunctuation(")"))
        {
            var keyToken = Current;
            var key = ExpectWord("an attribute name");
            Expect("=");
            var value = Current;
            if (value.Kind is not (DaraTokenKind.String or DaraTokenKind.Number or DaraTokenKind.Word))
            {
                throw Error(value, "the value of the attribute '" + key + "'");
            }

            Take();
            if (!attributes.TryAdd(key, DaraValue.Of(value.Text)))
            {
                throw new DaraSyntaxException(_file, keyToken.Line, keyToken.Column, "the attribute '" + key + "' is given twice");
            }

            if (!TakeIf(","))
            {
                break;
            }
        }

        Expect(")");
        return attributes;
    }

    /// <summary>A <c>{ ... }</c> block: its tokens, without the outer braces.</summary>
    private List<DaraToken> ParseBlock()
    {
        var open = Expect("{");
        var tokens = new List<DaraToken>();
        var depth = 1;
        while (true)
        {
            var token = Current;
            if (token.Kind == DaraTokenKind.End)
            {
                throw new DaraSyntaxException(_file, open.Line, open.Column, "a block that is never closed");
            }

            Take();
            if (token.IsPunctuation("{"))
            {
                depth++;
            }
            else if (token.IsPunctuation("}") && --depth == 0)
            {
                return tokens;
            }

            tokens.Add(token);
        }
    }

    private void SkipBalanced(string open, string close)
    {
        var start = Expect(open);
        var depth = 1;
        while (depth > 0)
        {
            if (Current.Kind == DaraTokenKind.End)
            {
                throw new DaraSyntaxException(_file, start.Line, start.Column, "'" + open + "' is never closed");
            }

            var token = Take();
            if (token.IsPunctuation(open))
            {
                depth++;
            }
            else if (token.IsPunctuation(close))
            {
                depth--;
            }
        }
    }

    private void SkipPast(string punctuation)
    {
        while (!Current.IsPunctuation(punctuation))
        {
            if (Current.Kind == DaraTokenKind.End)
            {
                throw Error(Current, "'" + punctuation + "'");
            }

            Take();
        }

        Take();
    }

    /// <summary>
    /// The assignments <c>@name = literal;</c> and <c>@name = { 'key' = 'value', ... };</c> of an init
    /// block, at any depth, and the product ID of <c>@endpoint = getEndpoint('id', ...)</c> (as
    /// <c>getEndpoint</c>); other statements are passed over.
    /// </summary>
    private static void CollectAssignments(List<DaraToken> block, Dictionary<string, DaraValue> variables)
    {
        for (var i = 0; i + 2 < block.Count; i++)
        {
            if (block[i].Kind != DaraTokenKind.Variable || !block[i + 1].IsPunctuation("="))
            {
                continue;
            }

            var value = block[i + 2];
            if (value.IsWord("getEndpoint") && i + 4 < block.Count && block[i + 3].IsPunctuation("(") && block[i + 4].Kind == DaraTokenKind.String)
            {
                // @endpoint = getEndpoint('rds', @regionId, ...): the product ID of the host names.
                variables["getEndpoint"] = DaraValue.Of(block[i + 4].Text);
            }
            else if (value.Kind is DaraTokenKind.String or DaraTokenKind.Number
                && (i + 3 >= block.Count || block[i + 3].IsPunctuation(";")))
            {
                variables[block[i].Text] = DaraValue.Of(value.Text);
            }
            else if (value.IsPunctuation("{"))
            {
                var entries = new List<KeyValuePair<string, DaraValue>>();
                var j = i + 3;
                while (j + 2 < block.Count
                    && block[j].Kind == DaraTokenKind.String
                    && block[j + 1].IsPunctuation("=")
                    && block[j + 2].Kind is DaraTokenKind.String or DaraTokenKind.Number)
                {
                    entries.Add(new(block[j].Text, DaraValue.Of(block[j + 2].Text)));
                    j += 3;
                    if (j < block.Count && block[j].IsPunctuation(","))
                    {
                        j++;
                    }
                }

                if (j < block.Count && block[j].IsPunctuation("}"))
                {
                    variables[block[i].Text] = new DaraValue(null, entries);
                }
            }
        }
    }
}
