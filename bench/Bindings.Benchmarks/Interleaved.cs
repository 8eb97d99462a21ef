using System.Diagnostics;
using System.Globalization;
using Bindings.Benchmarks.Payloads;

namespace Bindings.Benchmarks;

/// <summary>
/// A cross-check for a shared, busy machine: the same cases as the BenchmarkDotNet classes, run in
/// rounds that take every case in turn, keeping each case's fastest round. Another process slowing
/// the machine for a while then slows all cases of a round, not one case's whole measurement, so the
/// ratios hold better than the means of one case measured after another.
/// <c>dotnet run -c Release --project bench/Bindings.Benchmarks -- --interleaved [rounds]</c>.
/// </summary>
public static class Interleaved
{
    /// <summary>Runs every case in <paramref name="rounds"/> rounds and prints the table.</summary>
    public static void Run(int rounds)
    {
        Console.WriteLine("| Group | Case | Fastest round, per operation | Ratio | Allocated | Alloc ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var size in Enum.GetValues<PayloadSize>())
        {
            var json = new JsonParsingBenchmarks { Payload = size };
            json.Setup();
            Print("JSON " + size, rounds, OperationsFor(size), new (string, Func<object?>)[]
            {
                ("Generated ParseJson", json.Generated),
                ("STJ source generator", json.StjSourceGenerated),
                ("STJ reflection", json.StjReflection),
                ("Newtonsoft+dictionary+reflection (SDK-style)", json.SdkStyle),
                ("Bare Utf8JsonReader loop (floor)", () => json.BareReader()),
            });
        }

        foreach (var size in Enum.GetValues<PayloadSize>())
        {
            var xml = new XmlParsingBenchmarks { Payload = size };
            xml.Setup();
            Print("XML " + size, rounds, Math.Max(1, OperationsFor(size) / 4), new (string, Func<object?>)[]
            {
                ("Generated ParseXml", xml.Generated),
                ("XmlSerializer", xml.XmlSerializer),
                ("XDocument + LINQ", xml.XDocument),
                ("Bare XmlReader loop (floor)", () => xml.BareReader()),
                ("XmlReader loop + every text Value (reference)", () => xml.BareReaderWithValues()),
            });
        }

        foreach (var specs in new[] { 50, 500 })
        {
            foreach (var track in new[] { true, false })
            {
                var generator = new GeneratorBenchmarks { Specs = specs, TrackSteps = track };
                generator.Setup();
                Print("Generator " + specs + " specs" + (track ? ", steps tracked" : ", untracked"), Math.Max(3, rounds / 4), specs >= 500 ? 1 : 5, new (string, Func<object?>)[]
                {
                    ("Full run", generator.FullRun),
                    ("Rerun after editing one spec", generator.RerunAfterEdit),
                });
            }
        }
    }

    private static int OperationsFor(PayloadSize size) => size switch
    {
        PayloadSize.Documented => 4000,
        PayloadSize.Jobs100 => 100,
        _ => 2,
    };

    private static void Print(string group, int rounds, int operations, (string Name, Func<object?> Run)[] cases)
    {
        var fastest = new double[cases.Length];
        Array.Fill(fastest, double.MaxValue);
        var allocated = new long[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            for (var i = 0; i < operations; i++)
            {
                cases[c].Run();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            cases[c].Run();
            allocated[c] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                clock.Restart();
                for (var i = 0; i < operations; i++)
                {
                    cases[c].Run();
                }

                fastest[c] = Math.Min(fastest[c], clock.Elapsed.TotalMilliseconds / operations);
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {group} | {cases[c].Name} | {Time(fastest[c])} | {fastest[c] / fastest[0]:F2} | {allocated[c]:N0} B | {(allocated[0] == 0 ? 0 : (double)allocated[c] / allocated[0]):F2} |"));
        }
    }

    private static string Time(double milliseconds) => milliseconds switch
    {
        >= 1 => milliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms",
        >= 0.001 => (milliseconds * 1000).ToString("N2", CultureInfo.InvariantCulture) + " µs",
        _ => (milliseconds * 1_000_000).ToString("N0", CultureInfo.InvariantCulture) + " ns",
    };
}
