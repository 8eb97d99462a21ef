using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Tests;

/// <summary>What a second run reuses: nothing is redone for a C# edit, and only the edited spec's outputs for a spec edit.</summary>
public class IncrementalTests
{
    private const string Colors = "product: Paint\nversion: \"2020-01-01\"\nenums:\n  Color:\n    values:\n      Red:\n      Blue:\n";
    private const string Sizes = "product: Paint\nversion: \"2020-01-01\"\nenums:\n  Size:\n    values:\n      Small:\n      Large:\nshapes:\n  Can:\n    members:\n      Size: Size\n";

    private static readonly string[] AllSteps =
    {
        TrackingNames.SpecInput, TrackingNames.SpecDocument, TrackingNames.ResolvedSpecs, TrackingNames.EmitUnit,
    };

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.ShippedSpecs()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneSpecLeavesTheOtherSpecsOutputsCachedOrUnchanged()
    {
        var colors = GeneratorHarness.Spec("/specs/colors.yaml", Colors);
        var sizes = GeneratorHarness.Spec("/specs/sizes.yaml", Sizes);
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { colors, sizes }).RunGenerators(compilation);

        var editedSizes = GeneratorHarness.Spec("/specs/sizes.yaml", Sizes.Replace("Large:", "Large:\n      Huge:"));
        var result = driver.ReplaceAdditionalText(sizes, editedSizes).RunGenerators(compilation).GetRunResult().Results.Single();

        var documents = result.TrackedSteps[TrackingNames.SpecDocument].SelectMany(run => run.Outputs).ToList();
        Assert.Contains(documents, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(documents, output => output.Reason == IncrementalStepRunReason.Unchanged || output.Reason == IncrementalStepRunReason.Cached);

        var units = result.TrackedSteps[TrackingNames.EmitUnit]
            .SelectMany(run => run.Outputs)
            .Select(output => (Unit: output.Value.ToString()!, output.Reason))
            .ToList();
        var colorUnit = Assert.Single(units, unit => unit.Unit.Contains("Name = Color"));
        Assert.True(colorUnit.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, colorUnit.Reason.ToString());
        var canUnit = Assert.Single(units, unit => unit.Unit.Contains("Name = Can"));
        Assert.True(canUnit.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, canUnit.Reason.ToString());
        var sizeUnit = Assert.Single(units, unit => unit.Unit.Contains("Name = Size"));
        Assert.Equal(IncrementalStepRunReason.Modified, sizeUnit.Reason);
    }

    [Fact]
    public void EditedSpecChangesTheGeneratedSource()
    {
        var sizes = GeneratorHarness.Spec("/specs/sizes.yaml", Sizes);
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { sizes }).RunGenerators(compilation);
        var editedSizes = GeneratorHarness.Spec("/specs/sizes.yaml", Sizes.Replace("Large:", "Large:\n      Huge:"));
        var run = driver.ReplaceAdditionalText(sizes, editedSizes).RunGenerators(compilation).GetRunResult();

        var text = run.Results.Single().GeneratedSources.Single(source => source.HintName == "Bindings.Paint.Size.g.cs").SourceText.ToString();
        Assert.Contains("public static Size Huge { get; }", text);
    }
}
