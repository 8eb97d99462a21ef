using Bindings.Import.Planning;
using Bindings.Import.Sources;
using Bindings.Import.Specs;
using Bindings.Import.Yaml;

namespace Bindings.Import.Overlay;

/// <summary>
/// The overlay: a YAML file beside the specs with the decisions people made that the source does not
/// carry. It has the shape of a spec (the keys of specs/README.md: <c>operations</c>, <c>shapes</c>,
/// <c>enums</c>, <c>namespace</c>, <c>description</c>, <c>endpoints</c>), each part merged over what the
/// importer made, key by key, plus three keys of its own: <c>from</c> (the source field an enum or
/// shape stands for), <c>translations</c> (text in other languages put before a description) and
/// <c>omit</c> (leave a member out). The overlay wins; a key set to null (<c>example: ~</c>) removes it.
/// </summary>
internal sealed class ImportOverlay
{
    private static readonly string[] TopLevelKeys = { "namespace", "description", "endpoints", "enums", "shapes", "operations" };

    private ImportOverlay(string file, YamlMap root)
    {
        File = file;
        Root = root;
    }

    public static ImportOverlay Empty { get; } = new("", new YamlMap());

    public string File { get; }

    public YamlMap Root { get; }

    public static ImportOverlay Load(string file)
    {
        YamlMap root;
        try
        {
            root = YamlReader.Read(file, System.IO.File.ReadAllText(file));
        }
        catch (YamlFormatException exception)
        {
            throw new ImportException(exception.Message);
        }

        var overlay = new ImportOverlay(file, root);
        overlay.Validate();
        return overlay;
    }

    public static ImportOverlay Parse(string file, string text)
    {
        var overlay = new ImportOverlay(file, YamlReader.Read(file, text));
        overlay.Validate();
        return overlay;
    }

    /// <summary>The names the overlay fixes before the importer names anything.</summary>
    public OverlayPins Pins()
    {
        var pins = new OverlayPins();
        foreach (var shape in Root.Map("shapes")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
        {
            // A shape without 'from' patches the imported shape of that name, or is a new one (OverlayApplier).
            if (shape.Value is YamlMap map && map.Text("from") is { } from)
            {
                pins.Shapes.Add((shape.Key, from));
            }
        }

        foreach (var enumEntry in Root.Map("enums")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
        {
            var paths = new List<string>();
            switch ((enumEntry.Value as YamlMap)?["from"])
            {
                case YamlScalar { IsNull: false } single:
                    paths.Add(single.Text);
                    break;
                case YamlSequence list:
                    paths.AddRange(list.Items.OfType<YamlScalar>().Where(item => !item.IsNull).Select(item => item.Text));
                    break;
            }

            pins.Enums[enumEntry.Key] = paths;
        }

        return pins;
    }

    private void Validate()
    {
        CheckKeys(Root, TopLevelKeys, "the overlay");
        if (Root.Map("endpoints") is { } endpoints)
        {
            CheckKeys(endpoints, SpecVocabulary.EndpointKeys, "endpoints");
        }

        foreach (var (name, node) in Entries(Root, "enums"))
        {
            var map = AsMap(node, "enums." + name);
            CheckKeys(map, SpecVocabulary.EnumKeys.Concat(new[] { "from", "translations" }), "enums." + name);
            foreach (var (value, details) in Entries(map, "values"))
            {
                if (details is YamlMap valueMap)
                {
                    CheckKeys(valueMap, SpecVocabulary.EnumValueKeys.Concat(new[] { "translations" }), "enums." + name + ".values." + value);
                }
            }
        }

        foreach (var (name, node) in Entries(Root, "shapes"))
        {
            var map = AsMap(node, "shapes." + name);
            CheckKeys(map, SpecVocabulary.ShapeKeys.Concat(new[] { "from", "translations" }), "shapes." + name);
            CheckMembers(map, "members", "shapes." + name);
        }

        foreach (var (name, node) in Entries(Root, "operations"))
        {
            var map = AsMap(node, "operations." + name);
            CheckKeys(map, SpecVocabulary.OperationKeys.Concat(new[] { "translations" }), "operations." + name);
            CheckMembers(map, "request", "operations." + name);
            CheckMembers(map, "response", "operations." + name);
        }
    }

    private void CheckMembers(YamlMap owner, string key, string where)
    {
        foreach (var (member, node) in Entries(owner, key))
        {
            if (node is YamlScalar { IsNull: false })
            {
                continue; // the short form, "Name: type"
            }

            if (node is YamlMap map)
            {
                CheckKeys(map, SpecVocabulary.MemberKeys.Concat(new[] { "translations", "omit" }), where + "." + key + "." + member);
            }
        }
    }

    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMap map, string key)
    {
        if (map[key] is null or YamlScalar { IsNull: true })
        {
            yield break;
        }

        foreach (var entry in AsMap(map[key]!, key).Entries)
        {
            yield return (entry.Key, entry.Value);
        }
    }

    private YamlMap AsMap(YamlNode node, string where)
        => node as YamlMap ?? (node is YamlScalar { IsNull: true } ? new YamlMap() : throw Error(node.Line, node.Column, where + " must be a mapping"));

    private void CheckKeys(YamlMap map, IEnumerable<string> allowed, string where)
    {
        var known = allowed.ToList();
        foreach (var key in map.Keys)
        {
            if (!known.Contains(key))
            {
                var (line, column) = map.KeyPositions.TryGetValue(key, out var position) ? position : (map.Line, map.Column);
                var nearest = known.OrderBy(candidate => Distance(candidate, key)).First();
                var hint = Distance(nearest, key) <= 2 ? " (did you mean '" + nearest + "'?)" : "";
                throw Error(line, column, "'" + key + "' is not a key of " + where + hint + "; expected one of " + string.Join(", ", known));
            }
        }
    }

    private ImportException Error(int line, int column, string message) => new(File + "(" + line + "," + column + "): " + message);

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
