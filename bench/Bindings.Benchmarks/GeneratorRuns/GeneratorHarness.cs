using System.Collections.Immutable;
using Bindings.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Benchmarks.GeneratorRuns;

/// <summary>Runs the Bindings generator in memory, the way the compiler does, with step tracking on.</summary>
public static class GeneratorHarness
{
    /// <summary>
    /// An empty compilation: the generator reads only AdditionalFiles, and a run's cost is the
    /// generator's own (its output is parsed lazily, when something asks for the trees).
    /// </summary>
    public static CSharpCompilation EmptyCompilation { get; } = CSharpCompilation.Create(
        "SyntheticSpecs",
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// A new driver over <paramref name="specs"/>, not run yet. With <paramref name="trackSteps"/> (what
    /// tests use) Roslyn records every step of every run so that its reasons can be inspected; the
    /// compiler and the IDE run generators without it.
    /// </summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, bool trackSteps = true)
        => CSharpGeneratorDriver.Create(
            new[] { new BindingsGenerator().AsSourceGenerator() },
            additionalTexts: specs.ToImmutableArray(),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A full run: a new driver, nothing cached.</summary>
    public static GeneratorDriver FullRun(IEnumerable<AdditionalText> specs, bool trackSteps = true)
        => CreateDriver(specs, trackSteps).RunGenerators(EmptyCompilation);

    /// <summary>A rerun of a driver that has run, after one spec file changed.</summary>
    public static GeneratorDriver RerunAfterEdit(GeneratorDriver hasRun, AdditionalText before, AdditionalText after)
        => hasRun.ReplaceAdditionalText(before, after).RunGenerators(EmptyCompilation);

    /// <summary>Throws unless the run generated something, without diagnostics or exceptions: a benchmark must not time a failure.</summary>
    public static void EnsureSucceeded(GeneratorDriver driver, int expectedSources)
    {
        var result = driver.GetRunResult();
        var run = result.Results.Single();
        if (run.Exception is not null || !result.Diagnostics.IsEmpty || run.GeneratedSources.Length != expectedSources)
        {
            throw new InvalidOperationException(
                "The generator run failed: " + (run.Exception?.Message ?? string.Join("; ", result.Diagnostics.Select(diagnostic => diagnostic.ToString())))
                + " (" + run.GeneratedSources.Length + " sources, expected " + expectedSources + ")");
        }
    }
}
