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
    /// <summary>One spec file of a product of its own (<see cref="SyntheticSpecs"/>).</summary>
    public const string OneSpec = "1 spec";

    /// <summary>50 products of one spec file each.</summary>
    public const string FiftySpecs = "50 specs";

    /// <summary>500 products of one spec file each.</summary>
    public const string FiveHundredSpecs = "500 specs";

    /// <summary>One product of 400 operations, one file each, and a shared file (<see cref="SyntheticProduct"/>).</summary>
    public const string OneProduct = "400 operations of one product";

    private IReadOnlyList<InMemorySpec> _specs = Array.Empty<InMemorySpec>();
    private GeneratorDriver _hasRun = null!;
    private InMemorySpec _before = null!;
    private InMemorySpec _after = null!;
    private int _expectedSources;

    /// <summary>Which specs.</summary>
    [Params(OneSpec, FiftySpecs, FiveHundredSpecs, OneProduct)]
    public string Workload { get; set; } = OneProduct;

    /// <summary>
    /// Whether Roslyn records every step (the driver options of the tests), or not (how the compiler and
    /// the IDE run generators).
    /// </summary>
    [Params(true, false)]
    public bool TrackSteps { get; set; }

    /// <summary>Makes the specs and a driver that has run over them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Workload == OneProduct)
        {
            _specs = SyntheticProduct.Create();
            _before = _specs[SyntheticProduct.EditedIndex];
            _after = SyntheticProduct.Edited();
            _expectedSources = SyntheticProduct.GeneratedFiles;
        }
        else
        {
            var count = Workload switch { OneSpec => 1, FiftySpecs => 50, FiveHundredSpecs => 500, _ => throw new ArgumentException(Workload) };
            _specs = SyntheticSpecs.Create(count);
            _before = _specs[count / 2];
            _after = SyntheticSpecs.Edited(count / 2);
            _expectedSources = count * SyntheticSpecs.FilesPerSpec;
        }

        _hasRun = GeneratorHarness.FullRun(_specs, TrackSteps);
        GeneratorHarness.EnsureSucceeded(_hasRun, _expectedSources);
        GeneratorHarness.EnsureSucceeded(RerunAfterEdit(), _expectedSources);
    }

    /// <summary>Every spec read, resolved and emitted.</summary>
    [Benchmark(Baseline = true, Description = "Full run")]
    public GeneratorDriver FullRun() => GeneratorHarness.FullRun(_specs, TrackSteps);

    /// <summary>One spec edited: only what depends on it is resolved and emitted again.</summary>
    [Benchmark(Description = "Rerun after editing one spec")]
    public GeneratorDriver RerunAfterEdit() => GeneratorHarness.RerunAfterEdit(_hasRun, _before, _after);
}
