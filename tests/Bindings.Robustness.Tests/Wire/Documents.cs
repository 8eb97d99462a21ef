using CsCheck;

namespace Bindings.Robustness.Tests.Wire;

/// <summary>Valid documents to start from: the documented examples and random ones from the model.</summary>
internal static class Documents
{
    /// <summary>The JSON example of the reference page, with the names the translation broke restored.</summary>
    public const string DocumentedJson = global::Bindings.Testing.DocumentedExamples.Json;

    /// <summary>The XML example of the reference page.</summary>
    public const string DocumentedXml = global::Bindings.Testing.DocumentedExamples.Xml;

    /// <summary>A deterministic CsCheck seed, so that CI runs the same cases every time.</summary>
    public static string Seed(ulong value) => new PCG(1, value).ToString();

    /// <summary>Random valid responses, the same ones on every run.</summary>
    public static List<ResponseCase> RandomResponses(int count, ulong seed)
    {
        var pcg = new PCG(1, seed);
        var list = new List<ResponseCase>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ResponseGen.Response.Generate(pcg, null!, out _));
        }

        return list;
    }

    public static List<byte[]> JsonSeeds(int randomCount, ulong seed)
    {
        var random = new Random((int)seed);
        var seeds = new List<byte[]> { System.Text.Encoding.UTF8.GetBytes(DocumentedJson) };
        seeds.AddRange(RandomResponses(randomCount, seed).Select(response => WireWriter.Json(response, random)));
        return seeds;
    }

    public static List<byte[]> XmlSeeds(int randomCount, ulong seed)
    {
        var random = new Random((int)seed);
        var seeds = new List<byte[]> { System.Text.Encoding.UTF8.GetBytes(DocumentedXml) };
        seeds.AddRange(RandomResponses(randomCount, seed).Select(response => WireWriter.Utf8(WireWriter.Xml(response, random))));
        return seeds;
    }
}
