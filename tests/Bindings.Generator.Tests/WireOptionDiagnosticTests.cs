using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Tests;

/// <summary>
/// Each misuse of the format's wire options, region map, pagination and waiters: its ID and the YAML
/// line and column it points at (issue 10). One test each; each spec is otherwise valid.
/// </summary>
public class WireOptionDiagnosticTests
{
    private const string Header = "product: Widgets\nversion: \"2020-01-01\"\n";

    // Line 3 on: a shape Tag and an enum Color, then operations from line 11 (the lines the tests count from).
    private const string Declarations = Header
        + "enums:\n  Color:\n    values:\n      Red:\n      Blue:\n"
        + "shapes:\n  Tag:\n    members:\n      Key: string\n";

    private static string Operation(string request, string extra = "", string response = "      Items:\n        type: list\n        items: Tag\n      Total: integer\n      Next: string\n")
        => Declarations + "operations:\n  Find:\n" + extra + "    request:\n" + request + "    response:\n" + response;

    [Fact]
    public void AnUnknownStyleIsBnd008ListingTheStyles()
    {
        var diagnostic = Single("BND008", Operation("      Tags:\n        type: list\n        items: Tag\n        style: repeat\n"));
        AssertAt(diagnostic, line: 18, column: 16);
        Assert.Contains("repeatList, flat, json, simple", diagnostic.GetMessage());
    }

    [Fact]
    public void AStyleOnAScalarIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name:\n        type: string\n        style: json\n")), line: 17, column: 16);

    [Fact]
    public void AStyleOnAResponseFieldIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", response: "      Items:\n        type: list\n        items: Tag\n        style: json\n")), line: 20, column: 16);

    [Fact]
    public void AStyleOnAShapeMemberIsBnd008()
        => AssertAt(Single("BND008", Header + "shapes:\n  Tag:\n    members:\n      Keys:\n        type: list\n        items: string\n        style: simple\n"), line: 9, column: 16);

    [Fact]
    public void SimpleOnAListOfShapesIsBnd008()
        => AssertAt(Single("BND008", Operation("      Tags:\n        type: list\n        items: Tag\n        style: simple\n")), line: 18, column: 16);

    [Fact]
    public void FlatOnAListIsBnd008()
        => AssertAt(Single("BND008", Operation("      Ids:\n        type: list\n        items: string\n        style: flat\n")), line: 18, column: 16);

    [Fact]
    public void RepeatListOnAShapeIsBnd008()
        => AssertAt(Single("BND008", Operation("      Tag:\n        type: Tag\n        style: repeatList\n")), line: 17, column: 16);

    [Fact]
    public void AnyInAnotherStyleThanJsonIsBnd008()
        => AssertAt(Single("BND008", Operation("      Raw:\n        type: any\n        style: flat\n")), line: 17, column: 16);

    [Fact]
    public void AFormatOnAMemberThatIsNoDateIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name:\n        type: string\n        format: unixSeconds\n")), line: 17, column: 17);

    [Fact]
    public void AnUnknownDateFormatIsBnd008ListingTheFormats()
    {
        var diagnostic = Single("BND008", Operation("      Since:\n        type: datetime\n        format: yyyy/MM/dd\n"));
        AssertAt(diagnostic, line: 17, column: 17);
        Assert.Contains("yyyy-MM-ddTHH:mmZ", diagnostic.GetMessage());
    }

    [Fact]
    public void ADefaultOfTheWrongTypeIsBnd008()
        => AssertAt(Single("BND008", Operation("      PageSize:\n        type: integer\n        default: thirty\n")), line: 17, column: 18);

    [Fact]
    public void ADefaultOutsideTheBoundsIsBnd008()
        => AssertAt(Single("BND008", Operation("      PageSize:\n        type: integer\n        minimum: 30\n        default: 10\n")), line: 18, column: 18);

    [Fact]
    public void ADefaultThatIsNoValueOfItsEnumIsBnd008()
        => AssertAt(Single("BND008", Operation("      Color:\n        type: Color\n        default: Green\n")), line: 17, column: 18);

    [Fact]
    public void ADefaultOnAResponseFieldIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", response: "      Total:\n        type: integer\n        default: 1\n")), line: 19, column: 18);

    [Fact]
    public void PositionHostIsBnd008()
    {
        var diagnostic = Single("BND008", Operation("      Name:\n        type: string\n        position: host\n"));
        AssertAt(diagnostic, line: 17, column: 19);
        Assert.Contains("Host", diagnostic.GetMessage());
    }

    [Fact]
    public void AMapWithoutItemsIsBnd002()
        => AssertAt(Single("BND002", Operation("      Labels:\n        type: map\n")), line: 16, column: 15);

    [Fact]
    public void AMapInAResponseAndInAShapeIsAccepted()
    {
        var spec = Header + "shapes:\n  Tag:\n    members:\n      Counts:\n        type: map\n        items: integer\n"
            + "operations:\n  Find:\n    response:\n      Labels:\n        type: map\n        items: Tag\n";
        var run = GeneratorHarness.Run([GeneratorHarness.Spec("/specs/widgets.yaml", spec)]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void AMapOfListsInAResponseIsBnd010()
        => AssertAt(Single("BND010", Operation("      Name: string\n", response: "      Labels:\n        type: map\n        items: list\n")), line: 19, column: 16);

    [Fact]
    public void AMapOfMapsInAShapeIsBnd010()
        => AssertAt(Single("BND010", Header + "shapes:\n  Tag:\n    members:\n      Labels:\n        type: map\n        items: map\n"), line: 8, column: 16);

    [Fact]
    public void AnItemNameOnAMapIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", response: "      Labels:\n        type: map\n        items: string\n        itemName: Label\n")), line: 20, column: 19);

    [Fact]
    public void ARegionThatIsNoRegionIdIsBnd008()
        => AssertAt(Single("BND008", Header + "endpoints:\n  default: w.example.com\n  regions:\n    CN_Hangzhou: w.example.com\n"), line: 6, column: 5);

    [Fact]
    public void ARegionHostThatIsNoHostIsBnd008()
        => AssertAt(Single("BND008", Header + "endpoints:\n  regions:\n    cn-hangzhou: \"https://w.example.com/\"\n"), line: 5, column: 18);

    [Fact]
    public void ARegionTwiceIsBnd004()
        => AssertAt(Single("BND004", Header + "endpoints:\n  regions:\n    cn-hangzhou: a.example.com\n    cn-hangzhou: b.example.com\n"), line: 6, column: 5);

    [Fact]
    public void PaginationWithoutItemsIsBnd002()
        => AssertAt(Single("BND002", Operation("      Page: integer\n", "    pagination:\n      pageNumber: Page\n")), line: 15, column: 7);

    [Fact]
    public void PaginationOverAMemberThatIsNoListIsBnd008()
        => AssertAt(Single("BND008", Operation("      Page: integer\n", "    pagination:\n      items: Total\n      pageNumber: Page\n")), line: 15, column: 14);

    [Fact]
    public void PaginationNamingAMissingParameterIsBnd008()
        => AssertAt(Single("BND008", Operation("      Page: integer\n", "    pagination:\n      items: Items\n      pageNumber: PageNo\n")), line: 16, column: 19);

    [Fact]
    public void PaginationWithAPageNumberOfTheWrongTypeIsBnd008()
        => AssertAt(Single("BND008", Operation("      Page: string\n", "    pagination:\n      items: Items\n      pageNumber: Page\n")), line: 16, column: 19);

    [Fact]
    public void AnInputTokenWithoutAnOutputTokenIsBnd002()
        => AssertAt(Single("BND002", Operation("      Token: string\n", "    pagination:\n      items: Items\n      inputToken: Token\n")), line: 15, column: 7);

    [Fact]
    public void AnUnknownPaginationKeyIsBnd007()
        => AssertAt(Single("BND007", Operation("      Page: integer\n", "    pagination:\n      items: Items\n      pageNumber: Page\n      pageCount: Total\n")), line: 17, column: 7);

    private const string Waiter = "    waiters:\n      Found:\n        acceptors:\n";

    [Fact]
    public void AnAcceptorWithAnUnknownStateIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", Waiter + "          - state: done\n            path: Items\n            exists: true\n")), line: 17, column: 20);

    [Fact]
    public void AnAcceptorWithTwoMatchersIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", Waiter + "          - state: success\n            path: Total\n            equals: 1\n            exists: true\n")), line: 20, column: 13);

    [Fact]
    public void AnAcceptorWithoutAMatcherIsBnd002()
        => AssertAt(Single("BND002", Operation("      Name: string\n", Waiter + "          - state: success\n            path: Total\n")), line: 17, column: 13);

    [Fact]
    public void AWaiterPathToAMissingMemberIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", Waiter + "          - state: success\n            path: Items[].Value\n            anyEqual: x\n")), line: 18, column: 19);

    [Fact]
    public void AnyEqualWithoutAProjectionIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", Waiter + "          - state: success\n            path: Next\n            anyEqual: x\n")), line: 18, column: 19);

    [Fact]
    public void EqualsOnAnIntegerWithTextIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", Waiter + "          - state: success\n            path: Total\n            equals: many\n")), line: 19, column: 21);

    [Fact]
    public void AnAcceptorValueTheEnumDoesNotDeclareIsBnd008()
    {
        var yaml = Declarations.Replace("      Key: string\n", "      Key: string\n      Color: Color\n")
            + "operations:\n  Find:\n" + Waiter + "          - state: failure\n            path: Items[].Color\n            anyEqual: Green\n"
            + "    response:\n      Items:\n        type: list\n        items: Tag\n";
        var diagnostic = Single("BND008", yaml);
        AssertAt(diagnostic, line: 20, column: 23);
        Assert.Contains("Red, Blue", diagnostic.GetMessage());
    }

    [Fact]
    public void AWaiterWhoseMaxWaitIsBelowItsMinDelayIsBnd008()
        => AssertAt(Single("BND008", Operation("      Name: string\n", "    waiters:\n      Found:\n        minDelay: 10\n        maxWait: 5\n        acceptors:\n          - state: success\n            path: Items\n            exists: true\n")), line: 16, column: 9);

    [Fact]
    public void AWaiterPathThroughAShapeOfAnotherFileGeneratesAWaiterThatBuilds()
    {
        // The importer puts a shape that several operations use in the shared file: a waiter walks it there.
        var run = GeneratorHarness.Run(new[]
        {
            GeneratorHarness.Spec("/specs/a.yaml", Header + "enums:\n  Phase:\n    values:\n      Done:\n      Broken:\n"
                + "shapes:\n  Job:\n    members:\n      Phase: Phase\n      Step: Step\n  Step:\n    members:\n      Name:\n        type: string\n        name: StepName\n"),
            GeneratorHarness.Spec("/specs/w.yaml", Header + "operations:\n  Find:\n    readOnly: true\n    waiters:\n      Finished:\n        acceptors:\n"
                + "          - state: failure\n            path: Jobs[].Phase\n            anyEqual: Broken\n"
                + "          - state: retry\n            path: Jobs[].Step.Name\n            anyEqual: starting\n"
                + "          - state: success\n            path: Jobs[].Phase\n            allEqual: Done\n"
                + "    response:\n      Jobs:\n        type: list\n        items: Job\n        itemName: Job\n"),
        });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(run.Output));
        var waiter = run.Sources.Single(source => source.SourceText.ToString().Contains("WaitForFinishedAsync", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(".Step?.StepName", waiter, StringComparison.Ordinal); // the other file's property name, not the wire name
        Assert.Contains(".Phase?.WireValue", waiter, StringComparison.Ordinal);
    }

    [Fact]
    public void AWaiterPathToAMissingMemberOfAShapeOfAnotherFileIsBnd008()
    {
        var diagnostics = Diagnose(
            ("/specs/a.yaml", Header + "shapes:\n  Tag:\n    members:\n      Key: string\n"),
            ("/specs/w.yaml", Header + "operations:\n  Find:\n" + Waiter + "          - state: success\n            path: Items[].Value\n            anyEqual: x\n    response:\n      Items:\n        type: list\n        items: Tag\n"));
        AssertAt(Assert.Single(diagnostics), line: 9, column: 19);
        Assert.Equal("BND008", diagnostics[0].Id);
    }

    // No spec can make a request send one name twice, in the query and the form body (the service reads
    // them as one set): the same key twice, a common parameter, or a name a flattened parameter writes too.
    [Fact]
    public void TheSameWireNameInTheQueryAndTheBodyIsBnd004()
    {
        var diagnostic = Single("BND004", Operation("      Content:\n        type: string\n        position: body\n      Content:\n        type: string\n"));
        AssertAt(diagnostic, line: 18, column: 7);
        Assert.Contains("'Content'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Action")]
    [InlineData("Format")]
    [InlineData("SecurityToken")]
    [InlineData("Signature")]
    public void ABodyParameterNamedAsACommonParameterIsBnd011(string name)
    {
        var diagnostic = Single("BND011", Operation("      " + name + ":\n        type: string\n        position: body\n"));
        AssertAt(diagnostic, line: 15, column: 7);
        Assert.Contains("common parameter", diagnostic.GetMessage());
    }

    [Fact]
    public void AQueryParameterThatABodyListAlsoWritesIsBnd011()
    {
        var diagnostic = Single("BND011", Operation(
            "      Tag:\n        type: list\n        items: Tag\n        position: body\n      Tag.1.Key:\n        type: string\n        name: FirstTagKey\n"));
        AssertAt(diagnostic, line: 19, column: 7);
        Assert.Contains("'Tag' (repeatList) writes that name too", diagnostic.GetMessage());
    }

    [Fact]
    public void AJsonParameterWritesOneNameAndClashesWithNothing()
        => Assert.Empty(Diagnose(("/specs/w.yaml", Operation(
            "      Tag:\n        type: Tag\n        style: json\n        position: body\n      Tag.Key:\n        type: string\n        name: TagKey\n"))));

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

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/w.yaml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}

/// <summary>The wire-options scenario (every style, map, any, date format, body parameter, pager and waiter kind) compiles warning-free.</summary>
public class WireOptionCompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.Latest)]
    public void EveryWireOptionGeneratesCodeThatCompilesWithoutAnyWarning(LanguageVersion languageVersion)
    {
        var run = GeneratorHarness.Run(Scenarios.WireOptions(), languageVersion);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()));
    }
}
