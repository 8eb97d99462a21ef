using BenchmarkDotNet.Attributes;
using Bindings.Benchmarks.Alternatives;
using Bindings.Benchmarks.Payloads;
using Bindings.Rds;

namespace Bindings.Benchmarks;

/// <summary>DescribeBackupTasks responses from UTF-8 JSON bytes, every way there is.</summary>
[MemoryDiagnoser]
public class JsonParsingBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    /// <summary>Which payload.</summary>
    [ParamsAllValues]
    public PayloadSize Payload { get; set; }

    /// <summary>Loads the payload; the first time in a process, warms every parser up on every payload.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Payload.Get(Payload).JsonUtf8;
        WarmUp.Once(nameof(JsonParsingBenchmarks), static () =>
        {
            foreach (var size in Enum.GetValues<PayloadSize>())
            {
                var warm = new JsonParsingBenchmarks { Payload = size };
                warm._utf8 = Payloads.Payload.Get(size).JsonUtf8;
                for (var i = 0; i < (size == PayloadSize.Jobs10000 ? 1 : 10); i++)
                {
                    warm.Generated();
                    warm.GeneratedBeforeIssue9();
                    warm.StjSourceGenerated();
                    warm.StjReflection();
                    warm.BareReader();
                }
            }
        });
    }

    /// <summary>The generated parser.</summary>
    [Benchmark(Baseline = true, Description = "Generated ParseJson")]
    public DescribeBackupTasksResponse Generated() => DescribeBackupTasksResponse.ParseJson(_utf8);

    /// <summary>
    /// The generated parser as it was before issue 9 moved the entry points into the runtime
    /// (<c>Baseline/</c>), to show in the same run that thinner generated code parses as fast.
    /// </summary>
    [Benchmark(Description = "Generated ParseJson, before issue 9")]
    public Baseline.DescribeBackupTasksResponse GeneratedBeforeIssue9() => Baseline.DescribeBackupTasksResponse.ParseJson(_utf8);

    /// <summary>System.Text.Json, source-generated metadata.</summary>
    [Benchmark(Description = "STJ source generator")]
    public PlainResponse? StjSourceGenerated() => SystemTextJsonAlternatives.ParseSourceGenerated(_utf8);

    /// <summary>System.Text.Json, reflection metadata.</summary>
    [Benchmark(Description = "STJ reflection")]
    public PlainResponse? StjReflection() => SystemTextJsonAlternatives.ParseReflection(_utf8);

    /// <summary>Newtonsoft into dictionaries, then reflection: the official SDK's way.</summary>
    [Benchmark(Description = "Newtonsoft+dictionary+reflection (SDK-style)")]
    public PlainResponse? SdkStyle() => SdkStyleJson.Parse<PlainResponse>(_utf8);

    /// <summary>The floor: every token read, nothing built.</summary>
    [Benchmark(Description = "Bare Utf8JsonReader loop (floor)")]
    public int BareReader() => BareReaders.ReadAllJsonTokens(_utf8);
}
