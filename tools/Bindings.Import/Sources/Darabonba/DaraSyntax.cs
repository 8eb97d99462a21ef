namespace Bindings.Import.Sources.Darabonba;

/// <summary>What the reader keeps of a Darabonba file: its models, functions and module variables.</summary>
internal sealed record DaraModule(
    IReadOnlyList<DaraModel> Models,
    IReadOnlyList<DaraFunction> Functions,
    IReadOnlyDictionary<string, DaraValue> Variables,
    IReadOnlyList<DaraEnum> Enums);

/// <summary><c>enum Name: string { MEMBER(value='Wire', description='...'), ... }</c>.</summary>
internal sealed record DaraEnum(string Name, DaraTypeExpression Type, IReadOnlyList<(string Name, IReadOnlyDictionary<string, DaraValue> Attributes)> Members, int Line);

/// <summary><c>model Name { ... }</c> or <c>model Name = { ... }</c>.</summary>
internal sealed record DaraModel(string Name, string? Annotation, IReadOnlyList<DaraField> Fields, int Line);

/// <summary><c>name?: type(attribute='value', ...)</c>; <see cref="Optional"/> is the <c>?</c>.</summary>
internal sealed record DaraField(
    string Name,
    bool Optional,
    DaraTypeExpression Type,
    IReadOnlyDictionary<string, DaraValue> Attributes,
    string? Annotation,
    int Line)
{
    public string? StringAttribute(string name) => Attributes.TryGetValue(name, out var value) ? value.Text : null;
}

/// <summary>A field's type: a named type, a list, an anonymous structure or a map.</summary>
internal abstract record DaraTypeExpression;

/// <summary><c>string</c>, <c>int32</c>, <c>any</c>, or a model's name (<c>Foo</c>, <c>Foo.Bar</c>).</summary>
internal sealed record DaraNamedType(string Name) : DaraTypeExpression;

/// <summary><c>[ element ]</c>.</summary>
internal sealed record DaraListType(DaraTypeExpression Element) : DaraTypeExpression;

/// <summary><c>{ fields }</c>, an anonymous structure.</summary>
internal sealed record DaraStructureType(IReadOnlyList<DaraField> Fields) : DaraTypeExpression;

/// <summary><c>map[key]value</c>.</summary>
internal sealed record DaraMapType(DaraTypeExpression Key, DaraTypeExpression Value) : DaraTypeExpression;

/// <summary><c>iterator[T]</c>, <c>asyncIterator[T]</c>: the return type of a streaming function.</summary>
internal sealed record DaraGenericType(string Name, DaraTypeExpression Element) : DaraTypeExpression;

/// <summary>A function: its documentation, parameters, return type and the string literals of its body.</summary>
internal sealed record DaraFunction(
    string Name,
    string? Annotation,
    IReadOnlyList<(string Name, DaraTypeExpression Type)> Parameters,
    DaraTypeExpression? ReturnType,
    IReadOnlyList<DaraToken> Body,
    int Line);

/// <summary>A literal: a string, number, boolean, word, or an object literal (<c>{ 'k' = 'v' }</c>).</summary>
internal sealed record DaraValue(string? Text, IReadOnlyList<KeyValuePair<string, DaraValue>>? Entries = null)
{
    public static DaraValue Of(string text) => new(text);
}
