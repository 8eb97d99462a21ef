using BenchmarkDotNet.Attributes;
using Bindings.Benchmarks.GeneratorRuns;
using Microsoft.CodeAnalysis;

namespace Bindings.Benchmarks;

/// <summary>
/// The generator in the in-memory driver over synthetic specs: a full run (new driver, nothing
/// cached), and a rerun of a driver that has run after one spec file was edited.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private IReadOnlyList<InMemorySpec> _specs = Array.Empty<InMemorySpec>();
    private GeneratorDriver _hasRun = null!;
    private InMemorySpec _before = null!;
    private InMemorySpec _after = null!;

    /// <summary>How many spec files.</summary>
    [Params(1, 50, 500)]
    public int Specs { get; set; }

    /// <summary>
    /// Whether Roslyn records every step (the driver options of the tests, and of this issue), or not
    /// (how the compiler and the IDE run generators).
    /// </summary>
    [Params(true, false)]
    public bool TrackSteps { get; set; }

    /// <summary>Makes the specs and a driver that has run over them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _specs = SyntheticSpecs.Create(Specs);
        _hasRun = GeneratorHarness.FullRun(_specs, TrackSteps);
        GeneratorHarness.EnsureSucceeded(_hasRun, Specs * SyntheticSpecs.FilesPerSpec);
        var edited = Specs / 2;
        _before = _specs[edited];
        _after = SyntheticSpecs.Edited(edited);
        GeneratorHarness.EnsureSucceeded(RerunAfterEdit(), Specs * SyntheticSpecs.FilesPerSpec);
    }

    /// <summary>Every spec read, resolved and emitted.</summary>
    [Benchmark(Baseline = true, Description = "Full run")]
    public GeneratorDriver FullRun() => GeneratorHarness.FullRun(_specs, TrackSteps);

    /// <summary>One spec edited: only its outputs are emitted again.</summary>
    [Benchmark(Description = "Rerun after editing one spec")]
    public GeneratorDriver RerunAfterEdit() => GeneratorHarness.RerunAfterEdit(_hasRun, _before, _after);
}
