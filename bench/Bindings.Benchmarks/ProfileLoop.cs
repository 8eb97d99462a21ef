using System.Diagnostics;
using System.Globalization;
using Bindings.Benchmarks.Payloads;

namespace Bindings.Benchmarks;

/// <summary>
/// A loop of one parser over one payload for a sampling profiler, with nothing else in the process:
/// <c>dotnet run -c Release --project bench/Bindings.Benchmarks -- --profile json|xml PAYLOAD [SECONDS]</c> (PAYLOAD: a <see cref="PayloadSize"/> or DescribeBackups100),
/// under <c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c> (bench/README.md, "Profiles"). It prints
/// the parses per second and the bytes allocated per parse and per job at the end.
/// </summary>
public static class ProfileLoop
{
    // The DescribeBackups payload of BackupsParsingBenchmarks, named as its interleaved groups name it.
    private const string DescribeBackups100 = "DescribeBackups100";

    /// <summary>Runs the loop; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var backups = args.Count >= 2 && string.Equals(args[1], DescribeBackups100, StringComparison.OrdinalIgnoreCase);
        var size = PayloadSize.Documented;
        if (args.Count < 2 || (!backups && !Enum.TryParse(args[1], ignoreCase: true, out size)))
        {
            Console.Error.WriteLine("usage: --profile json|xml " + string.Join('|', Enum.GetNames<PayloadSize>()) + "|" + DescribeBackups100 + " [seconds]");
            return 64;
        }

        var seconds = args.Count > 2 && int.TryParse(args[2], out var given) ? given : 20;
        Func<object?> parse;
        int items;
        var isJson = string.Equals(args[0], "json", StringComparison.OrdinalIgnoreCase);
        if (backups && (isJson || string.Equals(args[0], "xml", StringComparison.OrdinalIgnoreCase)))
        {
            var parsers = new BackupsParsingBenchmarks();
            parsers.Setup();
            parse = isJson ? parsers.GeneratedJson : parsers.GeneratedXml;
            items = BackupsPayload.Items100.ItemCount;
        }
        else if (isJson)
        {
            var json = new JsonParsingBenchmarks { Payload = size };
            json.Setup();
            parse = json.Generated;
            items = Payload.Get(size).JobCount;
        }
        else if (string.Equals(args[0], "xml", StringComparison.OrdinalIgnoreCase))
        {
            var xml = new XmlParsingBenchmarks { Payload = size };
            xml.Setup();
            parse = xml.Generated;
            items = Payload.Get(size).JobCount;
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

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{args[0]} {args[1]}: {parses / clock.Elapsed.TotalSeconds:N0} parses/s, {allocated:N0} B per parse, {(double)allocated / items:N0} B per item"));
        return 0;
    }
}
