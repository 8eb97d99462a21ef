using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Bindings.Tests.Shared;

/// <summary>
/// The known answers recorded from the official TypeScript SDK (official-sdk-requests.json beside
/// this file; README.md there says how): the parameters each request carried, what OpenApiUtil
/// returns for edge cases, and the host picked per network and region.
/// </summary>
public static class OfficialSdkAnswers
{
    private static readonly JsonDocument Document = JsonDocument.Parse(File.ReadAllBytes(
        Path.Combine(System.AppContext.BaseDirectory, "OfficialSdk", "official-sdk-requests.json")));

    /// <summary>The recorded request's parameters, in the order sent, common (signing) parameters left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parameters(string request)
    {
        foreach (var recorded in Document.RootElement.GetProperty("requests").EnumerateArray())
        {
            if (recorded.GetProperty("name").GetString() == request)
            {
                var parameters = new List<KeyValuePair<string, string>>();
                foreach (var pair in recorded.GetProperty("parameters").EnumerateArray())
                {
                    parameters.Add(new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!));
                }

                return parameters;
            }
        }

        throw new KeyNotFoundException("No recorded request " + request);
    }

    /// <summary>An OpenApiUtil edge case: a string (JSON text, joined list) or an object of flat parameters.</summary>
    public static JsonElement Edge(string name) => Document.RootElement.GetProperty("edges").GetProperty(name);

    /// <summary>An edge case that is an object of flat parameters, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FlatEdge(string name)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var property in Edge(name).EnumerateObject())
        {
            parameters.Add(new KeyValuePair<string, string>(property.Name, property.Value.GetString()!));
        }

        return parameters;
    }

    /// <summary>The host the official client picked: <paramref name="network"/> is <c>default</c>, <c>vpc</c>, <c>public</c> or <c>internal</c>.</summary>
    public static string Host(string network, string region)
        => Document.RootElement.GetProperty("hosts").GetProperty(network + " " + region).GetString()!;

    /// <summary>Every recorded (network, region) pair.</summary>
    public static IEnumerable<(string Network, string Region, string Host)> Hosts()
    {
        foreach (var property in Document.RootElement.GetProperty("hosts").EnumerateObject())
        {
            var space = property.Name.IndexOf(' ');
            yield return (property.Name.Substring(0, space), property.Name.Substring(space + 1), property.Value.GetString()!);
        }
    }
}
