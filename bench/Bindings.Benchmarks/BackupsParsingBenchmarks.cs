using BenchmarkDotNet.Attributes;
using Bindings.Benchmarks.Alternatives;
using Bindings.Benchmarks.Payloads;
using Bindings.Rds;

namespace Bindings.Benchmarks;

/// <summary>DescribeBackups with 100 backup sets (the widest response of the backup workflow), JSON and XML.</summary>
[MemoryDiagnoser]
public class BackupsParsingBenchmarks
{
    private byte[] _json = Array.Empty<byte>();
    private byte[] _xml = Array.Empty<byte>();

    /// <summary>Loads the payload and warms every parser up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _json = BackupsPayload.Items100.JsonUtf8;
        _xml = BackupsPayload.Items100.XmlUtf8;
        WarmUp.Once(nameof(BackupsParsingBenchmarks), () =>
        {
            for (var i = 0; i < 10; i++)
            {
                GeneratedJson();
                StjSourceGenerated();
                BareJsonReader();
                GeneratedXml();
                XmlSerializer();
                BareXmlReader();
                BareXmlReaderWithValues();
            }
        });
    }

    /// <summary>The generated JSON parser.</summary>
    [Benchmark(Baseline = true, Description = "Generated ParseJson")]
    public DescribeBackupsResponse GeneratedJson() => DescribeBackupsResponse.ParseJson(_json);

    /// <summary>System.Text.Json, source-generated metadata.</summary>
    [Benchmark(Description = "STJ source generator")]
    public PlainBackupsResponse? StjSourceGenerated() => BackupsAlternatives.ParseSourceGenerated(_json);

    /// <summary>The JSON floor.</summary>
    [Benchmark(Description = "Bare Utf8JsonReader loop (floor)")]
    public int BareJsonReader() => BareReaders.ReadAllJsonTokens(_json);

    /// <summary>The generated XML parser.</summary>
    [Benchmark(Description = "Generated ParseXml")]
    public DescribeBackupsResponse GeneratedXml() => DescribeBackupsResponse.ParseXml(new MemoryStream(_xml, writable: false));

    /// <summary>XmlSerializer over the annotated classes.</summary>
    [Benchmark(Description = "XmlSerializer")]
    public PlainBackupsResponse? XmlSerializer() => BackupsAlternatives.ParseXmlSerializer(new MemoryStream(_xml, writable: false));

    /// <summary>The XML floor.</summary>
    [Benchmark(Description = "Bare XmlReader loop (floor)")]
    public int BareXmlReader() => BareReaders.ReadAllXmlNodes(new MemoryStream(_xml, writable: false));

    /// <summary>The XML floor plus every text value.</summary>
    [Benchmark(Description = "XmlReader loop + every text Value (reference)")]
    public int BareXmlReaderWithValues() => BareReaders.ReadAllXmlNodesAndValues(new MemoryStream(_xml, writable: false));
}
