using BenchmarkDotNet.Attributes;
using Bindings.Benchmarks.Alternatives;
using Bindings.Benchmarks.Payloads;
using Bindings.Rds;

namespace Bindings.Benchmarks;

/// <summary>DescribeBackupTasks responses from a stream of UTF-8 XML, every way there is.</summary>
[MemoryDiagnoser]
public class XmlParsingBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    /// <summary>Which payload.</summary>
    [ParamsAllValues]
    public PayloadSize Payload { get; set; }

    /// <summary>Loads the payload; the first time in a process, warms every parser up on every payload.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Payload.Get(Payload).XmlUtf8;
        WarmUp.Once(nameof(XmlParsingBenchmarks), static () =>
        {
            foreach (var size in Enum.GetValues<PayloadSize>())
            {
                var warm = new XmlParsingBenchmarks { Payload = size };
                warm._utf8 = Payloads.Payload.Get(size).XmlUtf8;
                for (var i = 0; i < (size == PayloadSize.Jobs10000 ? 1 : 10); i++)
                {
                    warm.Generated();
                    warm.GeneratedBeforeIssue9();
                    warm.XmlSerializer();
                    warm.XDocument();
                    warm.BareReader();
                    warm.BareReaderWithValues();
                }
            }
        });
    }

    /// <summary>The generated parser.</summary>
    [Benchmark(Baseline = true, Description = "Generated ParseXml")]
    public DescribeBackupTasksResponse Generated() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(_utf8, writable: false));

    /// <summary>
    /// The generated parser as it was before issue 9 moved the entry points into the runtime
    /// (<c>Baseline/</c>), to show in the same run that thinner generated code parses as fast.
    /// </summary>
    [Benchmark(Description = "Generated ParseXml, before issue 9")]
    public Baseline.DescribeBackupTasksResponse GeneratedBeforeIssue9() => Baseline.DescribeBackupTasksResponse.ParseXml(new MemoryStream(_utf8, writable: false));

    /// <summary>XmlSerializer over the annotated classes.</summary>
    [Benchmark(Description = "XmlSerializer")]
    public PlainResponse? XmlSerializer() => XmlAlternatives.ParseXmlSerializer(new MemoryStream(_utf8, writable: false));

    /// <summary>XDocument, then LINQ to XML.</summary>
    [Benchmark(Description = "XDocument + LINQ")]
    public PlainResponse XDocument() => XmlAlternatives.ParseXDocument(new MemoryStream(_utf8, writable: false));

    /// <summary>The floor: every node read, nothing built.</summary>
    [Benchmark(Description = "Bare XmlReader loop (floor)")]
    public int BareReader() => BareReaders.ReadAllXmlNodes(new MemoryStream(_utf8, writable: false));

    /// <summary>
    /// Not a parser: the floor plus the text of every text node. XmlReader skips text it is not asked
    /// for, so this is the least that reading the values costs.
    /// </summary>
    [Benchmark(Description = "XmlReader loop + every text Value (reference)")]
    public int BareReaderWithValues() => BareReaders.ReadAllXmlNodesAndValues(new MemoryStream(_utf8, writable: false));
}
