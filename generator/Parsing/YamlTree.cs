using System.Collections.Generic;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// A minimal YAML node tree that remembers where every node stands, so that each diagnostic can point
/// at the exact key or value. Built from YamlDotNet's event parser by <see cref="YamlTreeBuilder"/>.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SpecLocation location) => Location = location;

    public SpecLocation Location { get; }

    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, SpecLocation location)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: only plain scalars can be <c>null</c>, booleans or numbers.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => "a scalar";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(List<KeyValuePair<YamlScalar, YamlNode>> entries, SpecLocation location)
        : base(location) => Entries = entries;

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string KindName => "a mapping";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(List<YamlNode> items, SpecLocation location)
        : base(location) => Items = items;

    public List<YamlNode> Items { get; }

    public override string KindName => "a list";
}
