using System.Text.Json;
using Bindings.Import.Model;

namespace Bindings.Import.Sources.ApiInfo;

/// <summary>
/// Reads <c>api-info.json</c> (aliyun/alibabacloud-sdk, <c>&lt;product&gt;-&lt;version&gt;/api-info.json</c>):
/// product, version, the endpoint map (region to host, as the official SDK resolves hosts) and the
/// operations it lists as deprecated. It names operations but describes none of them.
/// </summary>
internal static class ApiInfoReader
{
    public static ImportApi Read(string file, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var api = new ImportApi(Text(root, "product") ?? "", Text(root, "version") ?? "");
        if (root.TryGetProperty("endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object)
        {
            foreach (var endpoint in endpoints.EnumerateObject())
            {
                if (endpoint.Value.ValueKind == JsonValueKind.String)
                {
                    api.EndpointMap.Add(new(endpoint.Name, endpoint.Value.GetString()!));
                }
            }
        }

        if (root.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in deprecated.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    api.DeprecatedOperations.Add(name.GetString()!);
                }
            }
        }

        return api;
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
