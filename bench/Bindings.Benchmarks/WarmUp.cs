namespace Bindings.Benchmarks;

/// <summary>
/// Runs every parser of a class for a while before the first case of the class is measured, once per
/// process. In process (the quick mode) all cases share one runtime, which compiles a method first
/// without optimizing, then with instrumentation, then optimized, on a background thread that can be
/// busy for seconds with what ran before (the generator benchmarks compile much of Roslyn). The
/// assemblies of this repository are not precompiled, System.Text.Json and System.Xml are, so without
/// this the first cases measured ran partly on unoptimized generated-parser code (seen: the one-job JSON
/// payload measured at 8 µs per parse in the first iterations, 1 µs in the last).
/// </summary>
internal static class WarmUp
{
    private static readonly HashSet<string> Done = new();

    /// <summary>Runs <paramref name="body"/> repeatedly for about two seconds, with pauses for the compiler thread, once per key.</summary>
    public static void Once(string key, Action body)
    {
        lock (Done)
        {
            if (!Done.Add(key))
            {
                return;
            }
        }

        for (var round = 0; round < 4; round++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 500)
            {
                body();
            }

            Thread.Sleep(300);
        }
    }
}
