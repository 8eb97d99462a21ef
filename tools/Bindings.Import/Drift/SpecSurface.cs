using Bindings.Import.Specs;
using Bindings.Import.Yaml;

namespace Bindings.Import.Drift;

/// <summary>What one member puts on the wire or reads from it, for comparing two versions of a spec.</summary>
internal sealed record MemberSurface(string Type, bool Required, string? Style, string? Position, string? ItemName, string? Format)
{
    public override string ToString() => Type;
}

/// <summary>
/// The wire surface of the operations of a set of spec files: per operation, every request parameter
/// and response field by its path of wire names (<c>Items[].BackupJobId</c>: <c>[]</c> after a list,
/// members of shapes followed), with its type (shape names left out: a renamed shape is no change on the
/// wire; enums by their value sets), required flag, style, position, item name and date format.
/// </summary>
internal sealed class SpecSurface
{
    public Dictionary<string, (SortedDictionary<string, MemberSurface> Request, SortedDictionary<string, MemberSurface> Response)> Operations { get; } = new(StringComparer.Ordinal);

    public static SpecSurface Of(IEnumerable<YamlMap> documents)
    {
        var list = documents.ToList();
        var enums = new Dictionary<string, YamlMap>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, YamlMap>(StringComparer.Ordinal);
        foreach (var document in list)
        {
            foreach (var entry in document.Map("enums")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                enums[entry.Key] = entry.Value as YamlMap ?? new YamlMap();
            }

            foreach (var entry in document.Map("shapes")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                shapes[entry.Key] = entry.Value as YamlMap ?? new YamlMap();
            }
        }

        var surface = new SpecSurface();
        foreach (var document in list)
        {
            foreach (var operation in document.Map("operations")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                var request = new SortedDictionary<string, MemberSurface>(StringComparer.Ordinal);
                var response = new SortedDictionary<string, MemberSurface>(StringComparer.Ordinal);
                if (operation.Value is YamlMap map)
                {
                    Walk(map.Map("request"), "", request, enums, shapes, new HashSet<string>(StringComparer.Ordinal));
                    Walk(map.Map("response"), "", response, enums, shapes, new HashSet<string>(StringComparer.Ordinal));
                }

                surface.Operations[operation.Key] = (request, response);
            }
        }

        return surface;
    }

    private static void Walk(YamlMap? members, string prefix, SortedDictionary<string, MemberSurface> into, Dictionary<string, YamlMap> enums, Dictionary<string, YamlMap> shapes, HashSet<string> visiting)
    {
        foreach (var entry in members?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
        {
            var member = entry.Value switch
            {
                YamlMap map => map,
                YamlScalar { IsNull: false } shortForm => new YamlMap().Add("type", shortForm.Text),
                _ => new YamlMap(),
            };

            var path = prefix + entry.Key;
            var type = member.Text("type") ?? "?";
            var items = member.Text("items");
            var described = type switch
            {
                SpecTypes.List => "list of " + Describe(items ?? "?", enums, shapes),
                SpecTypes.Map => "map of " + Describe(items ?? "?", enums, shapes),
                _ => Describe(type, enums, shapes),
            };

            into[path] = new MemberSurface(
                described,
                member.Text("required") == "true",
                member.Text("style"),
                member.Text("position"),
                type == SpecTypes.List ? member.Text("itemName") : null,
                member.Text("format"));

            var shapeName = type is SpecTypes.List or SpecTypes.Map ? items : type;
            if (shapeName is not null && shapes.TryGetValue(shapeName, out var shape) && visiting.Add(shapeName))
            {
                Walk(shape.Map("members"), path + (type == SpecTypes.List ? "[]." : type == SpecTypes.Map ? "{}." : "."), into, enums, shapes, visiting);
                visiting.Remove(shapeName);
            }
        }
    }

    private static string Describe(string type, Dictionary<string, YamlMap> enums, Dictionary<string, YamlMap> shapes)
    {
        if (enums.TryGetValue(type, out var enumMap))
        {
            return "enum (" + string.Join(", ", enumMap.Map("values")?.Keys ?? Enumerable.Empty<string>()) + ")";
        }

        return shapes.ContainsKey(type) ? "object" : type;
    }
}
