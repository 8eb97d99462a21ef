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

    /// <summary>A new driver over <paramref name="specs"/>, not run yet.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs)
        => CSharpGeneratorDriver.Create(
            new[] { new BindingsGenerator().AsSourceGenerator() },
            additionalTexts: specs.ToImmutableArray(),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A full run: a new driver, nothing cached.</summary>
    public static GeneratorDriver FullRun(IEnumerable<AdditionalText> specs)
        => CreateDriver(specs).RunGenerators(EmptyCompilation);

    /// <summary>A rerun of a driver that has run, after one spec file changed.</summary>
    public static GeneratorDriver RerunAfterEdit(GeneratorDriver hasRun, AdditionalText before, AdditionalText after)
        => hasRun.ReplaceAdditionalText(before, after).RunGenerators(EmptyCompilation);
}
