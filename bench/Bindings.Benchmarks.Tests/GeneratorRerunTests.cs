using Bindings.Benchmarks.GeneratorRuns;
using Bindings.Generator;
using Bindings.Testing;
using Microsoft.CodeAnalysis;

namespace Bindings.Benchmarks.Tests;

/// <summary>What the generator benchmark's rerun measures: only the edited spec is emitted again.</summary>
public class GeneratorRerunTests
{
    private const int SpecCount = 50;
    private const int Edited = SpecCount / 2;

    [Fact]
    public void FullRunGeneratesEverySpecWithoutDiagnostics()
    {
        var result = GeneratorHarness.FullRun(SyntheticSpecs.Create(SpecCount)).GetRunResult();
        Assert.Empty(result.Diagnostics);
        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        for (var i = 0; i < SpecCount; i++)
        {
            var ns = SyntheticSpecs.NamespaceOf(i);
            Assert.Contains(run.GeneratedSources, source => source.HintName == ns + ".Widget.g.cs");
            Assert.Contains(run.GeneratedSources, source => source.HintName == ns + ".DescribeWidgets.g.cs");
        }
    }

    [Fact]
    public void WhatTheFullRunGeneratesCompiles()
    {
        // The benchmark measures emitting; this makes sure what it emits is valid C# against the runtime.
        var driver = GeneratorHarness.FullRun(SyntheticSpecs.Create(3));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(ResponseParseOptions).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = GeneratorHarness.EmptyCompilation.AddReferences(references);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(withGenerated.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(3 * SyntheticSpecs.FilesPerSpec, withGenerated.SyntaxTrees.Count());
    }

    [Fact]
    public void RerunAfterOneEditReemitsOnlyThatSpecsUnits()
    {
        var specs = SyntheticSpecs.Create(SpecCount);
        var hasRun = GeneratorHarness.FullRun(specs);
        var rerun = GeneratorHarness.RerunAfterEdit(hasRun, specs[Edited], SyntheticSpecs.Edited(Edited)).GetRunResult();
        var run = Assert.Single(rerun.Results);
        Assert.Null(run.Exception);
        Assert.Empty(rerun.Diagnostics);

        var editedNamespace = SyntheticSpecs.NamespaceOf(Edited);
        var units = run.TrackedSteps[TrackingNames.EmitUnit].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(SpecCount * UnitsPerSpec, units.Count);

        var reemitted = units.Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        Assert.NotEmpty(reemitted);
        Assert.All(reemitted, output => Assert.Equal(editedNamespace, NamespaceOf(output.Value)));

        // The edit added an enum value and changed a shape's description: those two units, nothing else. The
        // edited file's other units come out equal; no other file was resolved again.
        Assert.Equal(2, reemitted.Count);
        Assert.All(units.Except(reemitted), output => Assert.Equal(
            NamespaceOf(output.Value) == editedNamespace ? IncrementalStepRunReason.Unchanged : IncrementalStepRunReason.Cached,
            output.Reason));

        // Only the edited file was read again.
        var documents = SpecReads.Of(run).ToList();
        Assert.Equal(SpecCount, documents.Count);
        Assert.Single(documents, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(SpecCount - 1, documents.Count(output => output.Reason == IncrementalStepRunReason.Cached));

        // And its sources changed: the enum gained a member, the shape's doc comment changed.
        var source = run.GeneratedSources.Single(generated => generated.HintName == editedNamespace + ".WidgetStatus.g.cs");
        Assert.Contains("Deleting", source.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutStepTrackingTheRunsGiveTheSameSources()
    {
        var specs = SyntheticSpecs.Create(5);
        var tracked = GeneratorHarness.FullRun(specs).GetRunResult().Results.Single().GeneratedSources;
        var untracked = GeneratorHarness.FullRun(specs, trackSteps: false);
        GeneratorHarness.EnsureSucceeded(untracked, 5 * SyntheticSpecs.FilesPerSpec);
        Assert.Equal(
            tracked.Select(source => (source.HintName, source.SourceText.ToString())),
            untracked.GetRunResult().Results.Single().GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())));
        var rerun = GeneratorHarness.RerunAfterEdit(untracked, specs[2], SyntheticSpecs.Edited(2));
        GeneratorHarness.EnsureSucceeded(rerun, 5 * SyntheticSpecs.FilesPerSpec);
    }

    [Fact]
    public void RerunWithoutAnEditReemitsNothing()
    {
        var hasRun = GeneratorHarness.FullRun(SyntheticSpecs.Create(SpecCount));
        var run = Assert.Single(hasRun.RunGenerators(GeneratorHarness.EmptyCompilation).GetRunResult().Results);
        Assert.All(
            run.TrackedSteps[TrackingNames.EmitUnit].SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>3 enums, 2 shapes, 2 operations (the client is a step of its own).</summary>
    private const int UnitsPerSpec = 7;

    /// <summary>The unit is internal to the generator; its Namespace property says which spec it came from.</summary>
    private static string? NamespaceOf(object unit) => unit.GetType().GetProperty("Namespace")?.GetValue(unit) as string;
}
