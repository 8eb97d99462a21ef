using Bindings.Import.Model;
using Bindings.Import.Yaml;

namespace Bindings.Import.Specs;

/// <summary>Where a member of the built specs came from, for the overlay's derived decisions.</summary>
internal sealed record MemberOrigin(ImportField Field, bool IsRequest, bool IsTopLevel, string Path);

/// <summary>
/// The spec files of one import, as trees: the shared file (product, endpoints, enums, shapes used by
/// several operations) and one file per operation, with indexes for the overlay.
/// </summary>
internal sealed class SpecDocuments
{
    public SpecDocuments(string sharedFileName, YamlMap shared)
    {
        SharedFileName = sharedFileName;
        Shared = shared;
    }

    public string SharedFileName { get; }

    public YamlMap Shared { get; }

    /// <summary>File name to document, one per operation.</summary>
    public SortedDictionary<string, YamlMap> OperationFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Operation name to its map (under <c>operations</c> in its file).</summary>
    public Dictionary<string, YamlMap> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>Operation name to its file's document.</summary>
    public Dictionary<string, YamlMap> OperationDocuments { get; } = new(StringComparer.Ordinal);

    /// <summary>Shape name to its map, and to the document it is declared in.</summary>
    public Dictionary<string, (YamlMap Shape, YamlMap Document)> Shapes { get; } = new(StringComparer.Ordinal);

    public Dictionary<YamlMap, MemberOrigin> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The comment lines at the top of every file.</summary>
    public List<string> Header { get; } = new();

    public YamlMap Enums => Shared.GetOrAddMap("enums");

    /// <summary>Every document with its file name: the shared one first.</summary>
    public IEnumerable<(string File, YamlMap Document)> Files()
    {
        yield return (SharedFileName, Shared);
        foreach (var file in OperationFiles)
        {
            yield return (file.Key, file.Value);
        }
    }

    /// <summary>Every member map of every request, response and shape, with its containing map.</summary>
    public IEnumerable<(YamlMap Member, string WireName, YamlMap Members)> AllMembers()
    {
        foreach (var (_, document) in Files())
        {
            foreach (var operation in document.Map("operations")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                foreach (var section in new[] { "request", "response" })
                {
                    if (operation.Value is YamlMap op && op.Map(section) is { } members)
                    {
                        foreach (var member in members.Entries)
                        {
                            if (member.Value is YamlMap map)
                            {
                                yield return (map, member.Key, members);
                            }
                        }
                    }
                }
            }

            foreach (var shape in document.Map("shapes")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                if (shape.Value is YamlMap map && map.Map("members") is { } members)
                {
                    foreach (var member in members.Entries)
                    {
                        if (member.Value is YamlMap memberMap)
                        {
                            yield return (memberMap, member.Key, members);
                        }
                    }
                }
            }
        }
    }

    public string Render(YamlMap document) => YamlWriter.Write(document, Header);
}
