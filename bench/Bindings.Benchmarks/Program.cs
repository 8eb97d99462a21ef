using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Bindings.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Bindings.Benchmarks -- [--quick] [BenchmarkDotNet options]</c>.
/// Without a <c>--filter</c>, every benchmark runs.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks.</summary>
    public static void Main(string[] args)
    {
        var interleaved = Array.IndexOf(args, "--interleaved");
        if (interleaved >= 0)
        {
            var groups = args.Select((arg, index) => (arg, index))
                .Where(pair => pair.arg == "--group" && pair.index + 1 < args.Length)
                .Select(pair => args[pair.index + 1])
                .ToList();
            Interleaved.Run(interleaved + 1 < args.Length && int.TryParse(args[interleaved + 1], out var rounds) ? rounds : 20, groups);
            return;
        }

        var quick = args.Contains("--quick");
        var rest = args.Where(arg => arg != "--quick").ToList();
        if (!rest.Contains("--filter") && !rest.Contains("-f"))
        {
            rest.AddRange(new[] { "--filter", "*" });
        }

        var config = quick ? QuickConfig() : DefaultConfig.Instance;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), config);
    }

    /// <summary>
    /// The quick mode: in process (no per-benchmark build and process), one launch, 5 warm-up and 8
    /// measured iterations of about 50 ms each. Enough warm-up matters in process: the first case to
    /// run would otherwise be measured before the runtime has recompiled its code at the optimizing
    /// tier (which waits 100 ms after the last new method). Short iterations let the outlier filter
    /// drop the ones another process disturbed. Ratios hold; the error bars are wider than the default job's.
    /// </summary>
    public static IConfig QuickConfig()
        => DefaultConfig.Instance.AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(8)
            .WithIterationTime(TimeInterval.FromMilliseconds(50))
            .WithId("Quick")
            .AsDefault());
}
