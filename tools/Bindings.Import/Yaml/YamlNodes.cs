using System.Globalization;

namespace Bindings.Import.Yaml;

/// <summary>
/// An ordered YAML tree: what the importer builds, what it reads an overlay or an existing spec into,
/// and what <see cref="YamlWriter"/> writes. Maps keep their insertion order (the writer adds none).
/// </summary>
internal abstract class YamlNode
{
    /// <summary>Where the node was read from (1-based), for messages about an overlay; 0 when built.</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    public abstract YamlNode Clone();
}

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string text, ScalarKind kind = ScalarKind.String)
    {
        Text = text;
        Kind = kind;
    }

    public static YamlScalar Null => new("", ScalarKind.Null);

    public string Text { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public static YamlScalar Of(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);

    public static YamlScalar Of(decimal value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number);

    public static YamlScalar Of(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number);

    public override YamlNode Clone() => new YamlScalar(Text, Kind) { Line = Line, Column = Column };

    public override string ToString() => IsNull ? "~" : Text;
}

internal sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = new();

    public override YamlNode Clone()
    {
        var copy = new YamlSequence { Line = Line, Column = Column };
        copy.Items.AddRange(Items.Select(item => item.Clone()));
        return copy;
    }
}

internal sealed class YamlMap : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = new();

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(entry => entry.Key);

    /// <summary>Where each key was read from, for messages.</summary>
    public Dictionary<string, (int Line, int Column)> KeyPositions { get; } = new(StringComparer.Ordinal);

    public YamlNode? this[string key]
    {
        get
        {
            var index = IndexOf(key);
            return index < 0 ? null : _entries[index].Value;
        }

        set
        {
            var index = IndexOf(key);
            if (value is null)
            {
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public YamlMap Add(string key, YamlNode value)
    {
        this[key] = value;
        return this;
    }

    public YamlMap Add(string key, string? value)
    {
        if (value is not null)
        {
            this[key] = new YamlScalar(value);
        }

        return this;
    }

    public YamlMap Add(string key, bool value)
    {
        this[key] = YamlScalar.Of(value);
        return this;
    }

    public YamlMap Add(string key, decimal? value)
    {
        if (value is { } number)
        {
            this[key] = YamlScalar.Of(number);
        }

        return this;
    }

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        _entries.RemoveAt(index);
        return true;
    }

    /// <summary>The map under <paramref name="key"/>, created (at the end) when there is none.</summary>
    public YamlMap GetOrAddMap(string key)
    {
        if (this[key] is YamlMap map)
        {
            return map;
        }

        map = new YamlMap();
        this[key] = map;
        return map;
    }

    public YamlMap? Map(string key) => this[key] as YamlMap;

    public string? Text(string key) => this[key] is YamlScalar { IsNull: false } scalar ? scalar.Text : null;

    /// <summary>Sorts the entries by key, ordinally.</summary>
    public void SortByKey() => _entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

    public override YamlNode Clone()
    {
        var copy = new YamlMap { Line = Line, Column = Column };
        foreach (var entry in _entries)
        {
            copy._entries.Add(new(entry.Key, entry.Value.Clone()));
        }

        foreach (var position in KeyPositions)
        {
            copy.KeyPositions[position.Key] = position.Value;
        }

        return copy;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
