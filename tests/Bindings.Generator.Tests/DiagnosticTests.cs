using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Tests;

/// <summary>Each spec diagnostic: its ID, severity, and the YAML file, line and column it points at.</summary>
public class DiagnosticTests
{
    private const string Header = "product: Widgets\nversion: \"2020-01-01\"\n";

    [Fact]
    public void MalformedYamlIsBnd001AtTheBrokenToken()
    {
        var diagnostic = Single("BND001", Header + "enums:\n  Color: [unclosed\n");
        AssertAt(diagnostic, "/specs/w.yaml", line: 5, column: 1);
        Assert.Contains("not valid YAML", diagnostic.GetMessage());
    }

    [Fact]
    public void EmptyFileIsBnd001()
        => AssertAt(Single("BND001", string.Empty), "/specs/w.yaml", line: 1, column: 1);

    [Fact]
    public void MissingVersionIsBnd002()
    {
        var diagnostic = Single("BND002", "product: Widgets\n");
        AssertAt(diagnostic, "/specs/w.yaml", line: 1, column: 1);
        Assert.Contains("'version'", diagnostic.GetMessage());
    }

    [Fact]
    public void MemberWithoutTypeIsBnd002()
        => AssertAt(Single("BND002", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        required: true\n"), "/specs/w.yaml", line: 7, column: 9);

    [Fact]
    public void UnknownTypeIsBnd003AtTheTypeName()
    {
        var diagnostic = Single("BND003", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: Sizes\n");
        AssertAt(diagnostic, "/specs/w.yaml", line: 7, column: 15);
        Assert.Contains("'Sizes'", diagnostic.GetMessage());
    }

    [Fact]
    public void UnknownListItemTypeIsBnd003AtTheItemsValue()
        => AssertAt(Single("BND003", Header + "shapes:\n  Widget:\n    members:\n      Sizes:\n        type: list\n        items: Size\n"), "/specs/w.yaml", line: 8, column: 16);

    [Fact]
    public void DuplicateKeyIsBnd004AtTheSecondKey()
        => AssertAt(Single("BND004", Header + "shapes:\n  Widget:\n    members:\n      Size: long\n      Size: string\n"), "/specs/w.yaml", line: 7, column: 7);

    [Fact]
    public void TypeDeclaredInTwoFilesIsBnd004InTheSecondFile()
    {
        var diagnostics = Diagnose(
            ("/specs/a.yaml", Header + "enums:\n  Color:\n    values:\n      Red:\n"),
            ("/specs/b.yaml", Header + "enums:\n  Color:\n    values:\n      Blue:\n"));
        AssertAt(Assert.Single(diagnostics, d => d.Id == "BND004"), "/specs/b.yaml", line: 4, column: 3);
    }

    [Fact]
    public void NonIdentifierNameIsBnd005()
    {
        var diagnostic = Single("BND005", Header + "enums:\n  Status:\n    values:\n      in-progress:\n");
        AssertAt(diagnostic, "/specs/w.yaml", line: 6, column: 7);
        Assert.Contains("set 'name'", diagnostic.GetMessage());
    }

    [Fact]
    public void KeywordAsMemberNameIsBnd005()
        => AssertAt(Single("BND005", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: long\n        name: class\n"), "/specs/w.yaml", line: 8, column: 15);

    [Fact]
    public void EnumWithoutValuesIsBnd006()
        => AssertAt(Single("BND006", Header + "enums:\n  Color:\n    values: {}\n"), "/specs/w.yaml", line: 4, column: 3);

    [Fact]
    public void UnknownKeyIsBnd007ErrorThatSuggestsTheNearestKey()
    {
        // A typo must not silently make a required parameter optional.
        var diagnostic = Single("BND007", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: long\n        requried: true\n");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, "/specs/w.yaml", line: 8, column: 9);
        Assert.EndsWith("did you mean 'required'?", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("itemname", "itemName")]
    [InlineData("descripton", "description")]
    [InlineData("minLenght", "minLength")]
    [InlineData("Type", "type")]
    public void UnknownKeySuggestsTheKeyItWasMeantToBe(string typo, string meant)
        => Assert.EndsWith("did you mean '" + meant + "'?", Single("BND007", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: long\n        " + typo + ": x\n").GetMessage());

    [Fact]
    public void UnknownKeyFarFromEveryKeyListsTheKeys()
    {
        var message = Single("BND007", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: long\n        layout: uuid\n").GetMessage();
        Assert.Contains("its keys are type, items, itemName", message);
        Assert.DoesNotContain("did you mean", message);
    }

    [Fact]
    public void WrongScalarIsBnd008()
        => AssertAt(Single("BND008", Header + "shapes:\n  Widget:\n    members:\n      Size:\n        type: long\n        required: maybe\n"), "/specs/w.yaml", line: 8, column: 19);

    [Fact]
    public void ConflictingNamespacesAreBnd009()
    {
        var diagnostics = Diagnose(
            ("/specs/a.yaml", Header + "namespace: One\nenums:\n  Color:\n    values:\n      Red:\n"),
            ("/specs/b.yaml", Header + "namespace: Two\nenums:\n  Size:\n    values:\n      Big:\n"));
        AssertAt(Assert.Single(diagnostics, d => d.Id == "BND009"), "/specs/b.yaml", line: 3, column: 12);
    }

    [Fact]
    public void AResponseTypedRequestParameterIsBnd010()
        => AssertAt(
            Single("BND010", Header + "shapes:\n  Box:\n    members:\n      Size: long\noperations:\n  Ship:\n    request:\n      Box:\n        type: ShipResponse\n"),
            "/specs/w.yaml", line: 11, column: 15);

    [Fact]
    public void EnumValueNamedUnknownIsBnd011()
        => AssertAt(Single("BND011", Header + "enums:\n  Color:\n    values:\n      Unknown:\n      Red:\n"), "/specs/w.yaml", line: 6, column: 7);

    [Fact]
    public void BrokenSpecDoesNotStopTheOthers()
    {
        var run = GeneratorHarness.Run(new[]
        {
            GeneratorHarness.Spec("/specs/broken.yaml", "product: Broken\nversion: [\n"),
            GeneratorHarness.Spec("/specs/good.yaml", Header + "enums:\n  Color:\n    values:\n      Red:\n"),
        });
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.Contains(run.Diagnostics, d => d.Id == "BND001");
        Assert.Contains(run.Sources, source => source.HintName == "Bindings.Widgets.Color.g.cs");
    }

    [Theory]
    [InlineData("\t- tab indented\n")]
    [InlineData("product: &a [*a]\n")]
    [InlineData("? [complex, key]\n: value\n")]
    [InlineData("product: Widgets\nversion: 1\nenums: 5\nshapes: [1, 2]\noperations:\n  Do:\n    request: 7\n")]
    [InlineData("\uFEFFproduct: Widgets\nversion: \"2020-01-01\"\n")]
    [InlineData("--- a\n--- b\n")]
    public void OddInputGivesDiagnosticsNotExceptions(string yaml)
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("/specs/odd.yaml", yaml) });
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "BND999");
        Assert.Empty(run.Result.Results.Where(result => result.Exception is not null));
    }

    private static Diagnostic Single(string id, string yaml)
    {
        var diagnostics = Diagnose(("/specs/w.yaml", yaml));
        return Assert.Single(diagnostics, diagnostic => diagnostic.Id == id);
    }

    private static IReadOnlyList<Diagnostic> Diagnose(params (string Path, string Yaml)[] specs)
    {
        var run = GeneratorHarness.Run(specs.Select(spec => GeneratorHarness.Spec(spec.Path, spec.Yaml)));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.All(run.Result.Results, result => Assert.Null(result.Exception));
        return run.Diagnostics;
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
