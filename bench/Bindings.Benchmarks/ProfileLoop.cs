using System.Diagnostics;
using System.Globalization;
using Bindings.Benchmarks.Payloads;

namespace Bindings.Benchmarks;

/// <summary>
/// A loop of one parser over one payload for a sampling profiler, with nothing else in the process:
/// <c>dotnet run -c Release --project bench/Bindings.Benchmarks -- --profile json|xml PAYLOAD [SECONDS]</c>,
/// under <c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c> (bench/README.md, "Profiles"). It prints
/// the parses per second and the bytes allocated per parse and per job at the end.
/// </summary>
public static class ProfileLoop
{
    /// <summary>Runs the loop; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !Enum.TryParse<PayloadSize>(args[1], ignoreCase: true, out var size))
        {
            Console.Error.WriteLine("usage: --profile json|xml " + string.Join('|', Enum.GetNames<PayloadSize>()) + " [seconds]");
            return 64;
        }

        var seconds = args.Count > 2 && int.TryParse(args[2], out var given) ? given : 20;
        Func<object?> parse;
        if (string.Equals(args[0], "json", StringComparison.OrdinalIgnoreCase))
        {
            var json = new JsonParsingBenchmarks { Payload = size };
            json.Setup();
            parse = json.Generated;
        }
        else if (string.Equals(args[0], "xml", StringComparison.OrdinalIgnoreCase))
        {
            var xml = new XmlParsingBenchmarks { Payload = size };
            xml.Setup();
            parse = xml.Generated;
        }
        else
        {
            Console.Error.WriteLine("the format is json or xml, not " + args[0]);
            return 64;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        parse();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var clock = Stopwatch.StartNew();
        long parses = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 16; i++)
            {
                parse();
            }

            parses += 16;
        }

        var jobs = Payload.Get(size).JobCount;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{args[0]} {size}: {parses / clock.Elapsed.TotalSeconds:N0} parses/s, {allocated:N0} B per parse, {(double)allocated / jobs:N0} B per job"));
        return 0;
    }
}
