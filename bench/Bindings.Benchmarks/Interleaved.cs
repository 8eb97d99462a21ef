using System.Diagnostics;
using System.Globalization;
using Bindings.Benchmarks.Payloads;

namespace Bindings.Benchmarks;

/// <summary>
/// A cross-check for a shared, busy machine: the same cases as the BenchmarkDotNet classes, run in
/// rounds that take every case in turn, keeping each case's fastest round. Another process slowing
/// the machine for a while then slows all cases of a round, not one case's whole measurement, so the
/// ratios hold better than the means of one case measured after another. Each round is timed by the wall
/// clock and by the thread's CPU time (<see cref="ThreadCpuTime"/>, Linux): under heavy load the second
/// leaves out the time the thread waited for a core.
/// <c>dotnet run -c Release --project bench/Bindings.Benchmarks -- --interleaved [rounds] [--group NAME]...</c>.
/// </summary>
public static class Interleaved
{
    /// <summary>
    /// Runs every case in <paramref name="rounds"/> rounds and prints the table. With
    /// <paramref name="groups"/>, only the groups named so (ignoring case; <c>Generator*</c> names all
    /// the groups whose name starts with <c>Generator</c>).
    /// </summary>
    public static void Run(int rounds, IReadOnlyList<string> groups)
    {
        bool Wanted(string group) => groups.Count == 0 || groups.Any(wanted => wanted.EndsWith('*')
            ? group.StartsWith(wanted.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)
            : string.Equals(group, wanted, StringComparison.OrdinalIgnoreCase));

        Console.WriteLine("| Group | Case | Fastest round, per operation | Ratio | Thread CPU, fastest round | CPU ratio | Allocated | Alloc ratio | Allocated per job |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in Enum.GetValues<PayloadSize>())
        {
            if (!Wanted("JSON " + size))
            {
                continue;
            }

            var json = new JsonParsingBenchmarks { Payload = size };
            json.Setup();
            Print("JSON " + size, rounds, OperationsFor(size), Payload.Get(size).JobCount, new (string, Func<object?>)[]
            {
                ("Generated ParseJson", json.Generated),
                ("Generated ParseJson, before issue 9", json.GeneratedBeforeIssue9),
                ("STJ source generator", json.StjSourceGenerated),
                ("STJ reflection", json.StjReflection),
                ("Newtonsoft+dictionary+reflection (SDK-style)", json.SdkStyle),
                ("Bare Utf8JsonReader loop (floor)", () => json.BareReader()),
            });
        }

        var backups = new BackupsParsingBenchmarks();
        if (Wanted("JSON DescribeBackups100") || Wanted("XML DescribeBackups100"))
        {
            backups.Setup();
        }

        if (Wanted("JSON DescribeBackups100"))
        {
            Print("JSON DescribeBackups100", rounds, 40, BackupsPayload.Items100.ItemCount, new (string, Func<object?>)[]
            {
                ("Generated ParseJson", backups.GeneratedJson),
                ("STJ source generator", backups.StjSourceGenerated),
                ("Bare Utf8JsonReader loop (floor)", () => backups.BareJsonReader()),
            });
        }

        foreach (var size in Enum.GetValues<PayloadSize>())
        {
            if (!Wanted("XML " + size))
            {
                continue;
            }

            var xml = new XmlParsingBenchmarks { Payload = size };
            xml.Setup();
            Print("XML " + size, rounds, Math.Max(1, OperationsFor(size) / 4), Payload.Get(size).JobCount, new (string, Func<object?>)[]
            {
                ("Generated ParseXml", xml.Generated),
                ("Generated ParseXml, before issue 9", xml.GeneratedBeforeIssue9),
                ("XmlSerializer", xml.XmlSerializer),
                ("XDocument + LINQ", xml.XDocument),
                ("Bare XmlReader loop (floor)", () => xml.BareReader()),
                ("XmlReader loop + every text Value (reference)", () => xml.BareReaderWithValues()),
            });
        }

        if (Wanted("XML DescribeBackups100"))
        {
            Print("XML DescribeBackups100", rounds, 10, BackupsPayload.Items100.ItemCount, new (string, Func<object?>)[]
            {
                ("Generated ParseXml", backups.GeneratedXml),
                ("XmlSerializer", backups.XmlSerializer),
                ("Bare XmlReader loop (floor)", () => backups.BareXmlReader()),
                ("XmlReader loop + every text Value (reference)", () => backups.BareXmlReaderWithValues()),
            });
        }

        foreach (var workload in new[] { GeneratorBenchmarks.FiftySpecs, GeneratorBenchmarks.FiveHundredSpecs, GeneratorBenchmarks.OneProduct })
        {
            foreach (var track in new[] { true, false })
            {
                var group = "Generator " + workload + (track ? ", steps tracked" : ", untracked");
                if (!Wanted(group))
                {
                    continue;
                }

                var generator = new GeneratorBenchmarks { Workload = workload, TrackSteps = track };
                generator.Setup();
                Print(group, Math.Max(3, rounds / 4), workload == GeneratorBenchmarks.FiftySpecs ? 5 : 1, jobs: 0, new (string, Func<object?>)[]
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

    /// <summary>Prints one group; <paramref name="jobs"/> is the payload's number of jobs, 0 for a group that parses none.</summary>
    private static void Print(string group, int rounds, int operations, int jobs, (string Name, Func<object?> Run)[] cases)
    {
        var fastest = new double[cases.Length];
        Array.Fill(fastest, double.MaxValue);
        var fastestCpu = new double[cases.Length];
        Array.Fill(fastestCpu, double.MaxValue);
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
                var cpu = ThreadCpuTime.NowMilliseconds();
                clock.Restart();
                for (var i = 0; i < operations; i++)
                {
                    cases[c].Run();
                }

                fastest[c] = Math.Min(fastest[c], clock.Elapsed.TotalMilliseconds / operations);
                fastestCpu[c] = Math.Min(fastestCpu[c], (ThreadCpuTime.NowMilliseconds() - cpu) / operations);
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {group} | {cases[c].Name} | {Time(fastest[c])} | {fastest[c] / fastest[0]:F2} | {Cpu(fastestCpu[c])} | {(ThreadCpuTime.IsAvailable ? (fastestCpu[c] / fastestCpu[0]).ToString("F2", CultureInfo.InvariantCulture) : "")} | {allocated[c]:N0} B | {(allocated[0] == 0 ? 0 : (double)allocated[c] / allocated[0]):F2} | {PerJob(allocated[c], jobs)} |"));
        }
    }

    private static string Cpu(double milliseconds) => ThreadCpuTime.IsAvailable ? Time(milliseconds) : "";

    private static string PerJob(long allocated, int jobs)
        => jobs == 0 ? "" : ((double)allocated / jobs).ToString("N0", CultureInfo.InvariantCulture) + " B";

    private static string Time(double milliseconds) => milliseconds switch
    {
        >= 1 => milliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms",
        >= 0.001 => (milliseconds * 1000).ToString("N2", CultureInfo.InvariantCulture) + " µs",
        _ => (milliseconds * 1_000_000).ToString("N0", CultureInfo.InvariantCulture) + " ns",
    };
}
