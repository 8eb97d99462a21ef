using Bindings.Generator.Model;
using Bindings.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Tests;

/// <summary>
/// What a second run reuses. The API here (<see cref="Scenarios.Paint"/>) is one product of many files, as
/// RDS is: a shared file of enums and shapes and one file per operation, beside a file of another product. A C# edit redoes nothing; an
/// edit to one file re-runs that file's resolution and emission only, unless it changes what the file
/// declares, which re-resolves the files of its API (and of no other).
/// </summary>
public class IncrementalTests
{
    private const int Operations = Scenarios.PaintOperations;

    private const string Shared = Scenarios.PaintShared;

    /// <summary>
    /// The named steps an output reaches besides one per file: its own file's input again, and the pipeline's
    /// named steps and MSBuild options on its way (RecordingTheStepsOfAnOutputFilesEachFileOnce).
    /// </summary>
    private const int PerOutputNamedSteps = 12;

    private static readonly string[] PerFileSteps = { TrackingNames.FileInput, TrackingNames.ResolvedFile };

    private static string Operation(int index, string description = "Paints a part.") => Scenarios.PaintOperation(index, description);

    private static List<AdditionalText> Specs() => Scenarios.Paint().ToList();

    [Fact]
    public void AnUnrelatedCSharpEditLeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(Specs()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in PerFileSteps.Append(TrackingNames.SpecSettings).Append(TrackingNames.DeclarationTable).Append(TrackingNames.EmitUnit).Append(TrackingNames.ClientUnit))
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(SpecReads.Of(result), read => Assert.Equal(IncrementalStepRunReason.Cached, read.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void ADescriptionEditInOneOfManyOperationsRedoesThatFileOnly()
    {
        var result = RunAfterEdit("/specs/paint/Paint3.yaml", Operation(3, "Paints a part, and dries it."));

        AssertReasons("read", SpecReads.Of(Run(result)), FileOf, modified: "/specs/paint/Paint3.yaml", others: IncrementalStepRunReason.Cached);
        foreach (var step in PerFileSteps)
        {
            AssertReasons(result, step, FileOf, modified: "/specs/paint/Paint3.yaml", others: IncrementalStepRunReason.Cached);
        }

        // What the files declare did not change: no other file is resolved again.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(result, TrackingNames.DeclarationTable));
        AssertReasons(result, TrackingNames.EmitUnit, UnitOf, modified: "Paint3", others: IncrementalStepRunReason.Cached);
        Assert.All(Outputs(result, TrackingNames.ClientUnit), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void ANewMemberRedoesItsFileAndReemitsItsShapeOnly()
        => AssertOnlyOneUnitOfTheSharedFileChanged(
            RunAfterEdit("/specs/paint/shared.yaml", Replace(Shared, "      Color: Color", "      Color: Color\n      Weight: double")), "Part");

    [Fact]
    public void ANewEnumValueReemitsTheEnumOnly()
        => AssertOnlyOneUnitOfTheSharedFileChanged(
            RunAfterEdit("/specs/paint/shared.yaml", Replace(Shared, "      Blue:", "      Blue:\n      Green:")), "Color");

    [Fact]
    public void ARenamedShapeThatAnotherFileUsesReresolvesTheFilesOfItsApiOnly()
    {
        var result = RunAfterEdit("/specs/paint/shared.yaml", Replace(Shared, "  Part:\n", "  Piece:\n"));

        Assert.Equal(IncrementalStepRunReason.Modified, Single(result, TrackingNames.DeclarationTable));

        // Resolved again is not read again: only the edited file was.
        AssertReasons("read", SpecReads.Of(Run(result)), FileOf, modified: "/specs/paint/shared.yaml", others: IncrementalStepRunReason.Cached);

        // Every file of Paint gets new declarations and is resolved again; Glue's are equal, so cached.
        var inputs = Outputs(result, TrackingNames.FileInput).ToDictionary(output => FileOf(output.Value), output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, inputs["/specs/glue.yaml"]);
        Assert.All(inputs.Where(input => input.Key.StartsWith("/specs/paint/", StringComparison.Ordinal)), input => Assert.Equal(IncrementalStepRunReason.Modified, input.Value));
        var resolved = Outputs(result, TrackingNames.ResolvedFile).ToDictionary(output => FileOf(output.Value), output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, resolved["/specs/glue.yaml"]);

        // The operations now name an unknown type (BND003, each in its own file), and lose the member.
        var units = Outputs(result, TrackingNames.EmitUnit).Where(output => output.Reason != IncrementalStepRunReason.Removed).ToList();
        var byName = units.GroupBy(output => UnitOf(output.Value)).ToDictionary(group => group.Key, group => group.Select(output => output.Reason).ToList());
        Assert.Contains(byName["Piece"], reason => reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.All(Enumerable.Range(0, Operations), i => Assert.Contains(byName["Paint" + i], reason => reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.All(new[] { "Color", "Size", "Box", "Strength" }, name => Assert.All(byName[name], reason => Assert.True(reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, name + ": " + reason)));

        var diagnostics = result.Diagnostics.Where(diagnostic => diagnostic.Id == "BND003").Select(diagnostic => diagnostic.Location.GetLineSpan().Path).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Operations).Select(i => "/specs/paint/Paint" + i + ".yaml").Order(), diagnostics);
    }

    [Fact]
    public void AnEditOfTheMembersOfAShapeAWaiterWalksInAnotherFileReresolvesTheWaitersFileOnly()
    {
        // Paint0 waits on Parts[].Color: its path walks Part, which the shared file declares.
        var waiting = Replace(Operation(0), "    request:\n", "    waiters:\n      Painted:\n        acceptors:\n          - state: success\n            path: Parts[].Color\n            allEqual: Red\n    request:\n");
        var specs = Specs().Select(spec => spec.Path == "/specs/paint/Paint0.yaml" ? GeneratorHarness.Spec(spec.Path, waiting) : spec).ToList();
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        var shared = specs.Single(spec => spec.Path == "/specs/paint/shared.yaml");

        // A description of Part is no member: the table, and so every other file, stays as it was.
        var described = driver.ReplaceAdditionalText(shared, GeneratorHarness.Spec(shared.Path, Replace(Shared, "  Part:\n", "  Part:\n    description: A part.\n")));
        var result = described.RunGenerators(compilation).GetRunResult();
        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(result, TrackingNames.DeclarationTable));
        AssertReasons(result, TrackingNames.ResolvedFile, FileOf, modified: "/specs/paint/shared.yaml", others: IncrementalStepRunReason.Cached);

        // A new member of Part changes what the waiter walks: Paint0 is resolved again, no other operation.
        var widened = driver.ReplaceAdditionalText(shared, GeneratorHarness.Spec(shared.Path, Replace(Shared, "      Color: Color\n", "      Color: Color\n      Weight: double\n")));
        result = widened.RunGenerators(compilation).GetRunResult();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(IncrementalStepRunReason.Modified, Single(result, TrackingNames.DeclarationTable));
        var inputs = Outputs(result, TrackingNames.FileInput).ToDictionary(output => FileOf(output.Value), output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, inputs["/specs/paint/Paint0.yaml"]);
        Assert.All(Enumerable.Range(1, Operations - 1), i => Assert.Equal(IncrementalStepRunReason.Unchanged, inputs["/specs/paint/Paint" + i + ".yaml"]));
        var resolved = Outputs(result, TrackingNames.ResolvedFile).ToDictionary(output => FileOf(output.Value), output => output.Reason);
        Assert.All(Enumerable.Range(1, Operations - 1), i => Assert.Equal(IncrementalStepRunReason.Cached, resolved["/specs/paint/Paint" + i + ".yaml"]));
    }

    [Fact]
    public void RecordingTheStepsOfAnOutputFilesEachFileOnce()
    {
        // With step tracking, Roslyn walks every output's inputs again on every run, with no memo
        // (GeneratorRunStateTable.Builder.RecordStepTree), and files each named step it meets in a dictionary
        // by name; an unnamed step costs the walk only, about a tenth of that. Every output depends on the
        // table, so it reaches every file: through the file's read (unnamed) to Roslyn's own input step, named
        // AdditionalTexts. So each output files each file once, plus a few steps that do not grow with the
        // files (its own file, the pipeline's named steps, the MSBuild options). A name on the read doubled
        // that: 2 x files, a third of a 400-operation product's tracked rerun. A bound on counts, not on a clock.
        var specs = Specs().Concat(Enumerable.Range(Operations, 24).Select(i => GeneratorHarness.Spec("/specs/paint/Paint" + i + ".yaml", Operation(i)))).ToList();
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var result = Run(GeneratorHarness.CreateDriver(specs).RunGenerators(compilation).GetRunResult());
        var outputs = result.TrackedOutputSteps.SelectMany(pair => pair.Value).ToList();
        Assert.True(outputs.Count > specs.Count, outputs.Count + " outputs");
        Assert.All(outputs, output =>
        {
            Assert.InRange(StepsBelow(output, namedOnly: true), 1, specs.Count + PerOutputNamedSteps);
            Assert.InRange(StepsBelow(output, namedOnly: false), 1, (2 * specs.Count) + 24);
        });

        static int StepsBelow(IncrementalGeneratorRunStep step, bool namedOnly)
            => (namedOnly && step.Name is null ? 0 : 1) + step.Inputs.Sum(input => StepsBelow(input.Source, namedOnly));
    }

    [Fact]
    public void AnEditedSpecChangesTheGeneratedSource()
    {
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var specs = Specs();
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        var edited = GeneratorHarness.Spec("/specs/paint/shared.yaml", Replace(Shared, "      Large:", "      Large:\n      Huge:"));
        var run = driver.ReplaceAdditionalText(specs[0], edited).RunGenerators(compilation).GetRunResult();

        var text = run.Results.Single().GeneratedSources.Single(source => source.HintName == "Bindings.Paint.Size.g.cs").SourceText.ToString();
        Assert.Contains("public static Size Huge { get; }", text);
    }

    /// <summary>
    /// An edit inside the shared file that declares nothing new: the table comes out equal, only the shared
    /// file is resolved again, its unit <paramref name="modified"/> changes and its others come out equal,
    /// and no operation is touched, though every one reads a Color and a Part.
    /// </summary>
    private static void AssertOnlyOneUnitOfTheSharedFileChanged(GeneratorDriverRunResult result, string modified)
    {
        AssertReasons("read", SpecReads.Of(Run(result)), FileOf, modified: "/specs/paint/shared.yaml", others: IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.ResolvedFile, FileOf, modified: "/specs/paint/shared.yaml", others: IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Single(result, TrackingNames.DeclarationTable));
        var units = Outputs(result, TrackingNames.EmitUnit).ToDictionary(output => UnitOf(output.Value), output => output.Reason);
        foreach (var name in new[] { "Color", "Size", "Part", "Box" })
        {
            Assert.True(units[name] == (name == modified ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Unchanged), name + ": " + units[name]);
        }

        Assert.All(Enumerable.Range(0, Operations), i => Assert.Equal(IncrementalStepRunReason.Cached, units["Paint" + i]));
    }

    private static GeneratorDriverRunResult RunAfterEdit(string path, string text)
    {
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public class A { } }");
        var specs = Specs();
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        var before = specs.Single(spec => spec.Path == path);
        return driver.ReplaceAdditionalText(before, GeneratorHarness.Spec(path, text)).RunGenerators(compilation).GetRunResult();
    }

    private static GeneratorRunResult Run(GeneratorDriverRunResult result) => result.Results.Single();

    /// <summary>The edit, which must change the text: a test of an edit that edits nothing proves nothing.</summary>
    private static string Replace(string text, string find, string replaceWith)
    {
        Assert.Contains(find, text);
        return text.Replace(find, replaceWith);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult result, string step)
        => Run(result).TrackedSteps[step].SelectMany(run => run.Outputs);

    private static IncrementalStepRunReason Single(GeneratorDriverRunResult result, string step) => Assert.Single(Outputs(result, step)).Reason;

    /// <summary>Every output of <paramref name="step"/>: <paramref name="modified"/>'s Modified, every other one <paramref name="others"/>.</summary>
    private static void AssertReasons(GeneratorDriverRunResult result, string step, Func<object, string> keyOf, string modified, IncrementalStepRunReason others)
        => AssertReasons(step, Outputs(result, step), keyOf, modified, others);

    private static void AssertReasons(string step, IEnumerable<(object Value, IncrementalStepRunReason Reason)> stepOutputs, Func<object, string> keyOf, string modified, IncrementalStepRunReason others)
    {
        var outputs = stepOutputs.ToList();
        Assert.True(outputs.Count > Operations, step + ": " + outputs.Count + " outputs");
        foreach (var (value, reason) in outputs)
        {
            var key = keyOf(value);
            Assert.True(reason == (key == modified ? IncrementalStepRunReason.Modified : others), step + " " + key + ": " + reason);
        }
    }

    private static string FileOf(object value) => value switch
    {
        SpecDocument document => document.FilePath,
        FileInput input => input.Document.FilePath,
        ResolvedFile file => file.FilePath,
        _ => throw new ArgumentException(value.GetType().Name),
    };

    private static string UnitOf(object value) => ((EmitUnit)value).FileName;
}
