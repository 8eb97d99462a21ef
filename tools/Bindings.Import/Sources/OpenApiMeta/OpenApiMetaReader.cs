using System.Text.Json;

namespace Bindings.Import.Sources.OpenApiMeta;

/// <summary>
/// Reads the request metadata of aliyun/aliyun-openapi-meta (<c>metadatas/&lt;product&gt;/&lt;Op&gt;.json</c>):
/// for each operation, the parameters it marks <c>"type": "RepeatList"</c> (a list sent as
/// <c>Name.1.Sub=</c>, <c>Name.2.Sub=</c>). It has no responses; the importer uses it only to check the
/// style main.dara gives a list.
/// </summary>
internal static class OpenApiMetaReader
{
    /// <summary>Operation name to the wire names of its RepeatList parameters, for every file of the folder.</summary>
    public static Dictionary<string, HashSet<string>> ReadFolder(string folder)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (!root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var repeatLists = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    if (parameter.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "RepeatList"
                        && parameter.TryGetProperty("name", out var parameterName) && parameterName.ValueKind == JsonValueKind.String)
                    {
                        repeatLists.Add(parameterName.GetString()!);
                    }
                }
            }

            result[name.GetString()!] = repeatLists;
        }

        return result;
    }
}
