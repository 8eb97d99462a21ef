using Bindings.Fuzz;
using Bindings.Generator;
using Microsoft.CodeAnalysis;
using SharpFuzz;

// Bindings.Fuzz TARGET            run under afl-fuzz (SharpFuzz's out-of-process loop)
// Bindings.Fuzz TARGET FILE|DIR... replay inputs (a corpus, or crashes afl found) and report each
// with BINDINGS_FUZZ_LIBFUZZER=1   run under libfuzzer-dotnet instead of afl-fuzz
// TARGET: json, xml or spec. See ../README.md.
if (args.Length == 0 || !Targets().ContainsKey(args[0]))
{
    Console.Error.WriteLine("usage: Bindings.Fuzz json|xml|spec [FILE|DIRECTORY...]");
    return 2;
}

var target = Targets()[args[0]];
if (args.Length > 1)
{
    var failed = 0;
    foreach (var file in args.Skip(1).SelectMany(path => Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : new[] { path }))
    {
        try
        {
            target(File.ReadAllBytes(file));
            Console.WriteLine("ok     " + file);
        }
        catch (Exception exception)
        {
            failed++;
            Console.WriteLine("CRASH  " + file + "\n" + exception);
        }
    }

    return failed == 0 ? 0 : 1;
}

if (Environment.GetEnvironmentVariable("BINDINGS_FUZZ_LIBFUZZER") == "1")
{
    Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.ToArray());
    });
}

return 0;

static Dictionary<string, Action<byte[]>> Targets()
{
    // Instrumented code (the generator's constructor too) may run only inside the fuzzer's loop, where
    // SharpFuzz has set up the coverage map: create the generator on the first input.
    var generator = new Lazy<ISourceGenerator>(() => new BindingsGenerator().AsSourceGenerator());
    return new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json"] = input => FuzzTargets.Json(input),
        ["xml"] = input => FuzzTargets.Xml(input),
        ["spec"] = input => FuzzTargets.Spec(input, generator.Value),
    };
}
