using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Tests;

/// <summary>
/// The valid specs that broke the build or hung it (issue 9), each now generating code that builds with
/// warnings as errors; and two versions of one product in one project.
/// </summary>
public class NameRegressionTests
{
    private const string Header = "product: Names\nversion: \"2020-01-01\"\n";

    [Fact]
    public void AShapeWithABooleanMemberNamedHasValueGeneratesInSeconds()
    {
        // The backing-field loop took every name starting with _hasValue as taken and never ended.
        var clock = Stopwatch.StartNew();
        var run = AssertBuilds(Header + "shapes:\n  Flags:\n    members:\n      hasValue: boolean\n");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        Assert.Contains("public bool? hasValue", run.Source("Bindings.Names.Flags.g.cs"));
    }

    [Fact]
    public void AnEnumValueNamedEntry()
        => Assert.Contains("public static Mode Entry { get; }", AssertBuilds(Header + "enums:\n  Mode:\n    values:\n      Entry:\n      Exit:\n").Source("Bindings.Names.Mode.g.cs"));

    [Fact]
    public void AMemberNamedLikeTheBackingFieldOfAnother()
    {
        var text = AssertBuilds(Header + "shapes:\n  Box:\n    members:\n      Size: long\n      _size: long\n").Source("Bindings.Names.Box.g.cs");
        Assert.Contains("public long? Size", text);
        Assert.Contains("public long? _size", text);
        Assert.Contains("private long _size2;", text);
    }

    [Fact]
    public void AMemberNamedLikeThePresenceFlags()
    {
        var text = AssertBuilds(Header + "shapes:\n  Box:\n    members:\n      Size: long\n      _hasValue: integer\n").Source("Bindings.Names.Box.g.cs");
        Assert.Contains("public int? _hasValue", text);
        Assert.Contains("private uint _hasValue2;", text);
    }

    [Fact]
    public void TheNameClashesScenarioBuilds()
    {
        var run = AssertBuilds(("/specs/names.yaml", Scenarios.NameClashesSpec));
        Assert.Contains("public static Mode Utf8Entry { get; }", run.Source("Bindings.Names.Mode.g.cs"));
        Assert.Contains("public string? ReadItemsJson", run.Source("Bindings.Names.Flags.g.cs"));
    }

    [Fact]
    public void AMemberNamedLikeALocalOfTheReaders()
    {
        // Equals(other), GetHashCode's hash, the readers' result, reader, member and name: all give way.
        var text = AssertBuilds(Header + "shapes:\n  Box:\n    members:\n      other: long\n      hash: string\n      result: string\n      reader: string\n      member: string\n      name: string\n")
            .Source("Bindings.Names.Box.g.cs");
        Assert.Contains("public bool Equals(Box? other2)", text);
        Assert.Contains("var hash2 = 17;", text);
    }

    [Fact]
    public void TwoVersionsOfOneProductEachGenerateInANamespaceOfTheirOwn()
    {
        var run = AssertBuilds(("/specs/rds-old.yaml", Scenarios.TwoVersionsOld), ("/specs/rds-new.yaml", Scenarios.TwoVersionsNew));
        Assert.Contains("namespace Bindings.Rds\n", run.Source("Bindings.Rds.RdsClient.g.cs"));
        Assert.Contains("namespace Bindings.Rds.V20230101\n", run.Source("Bindings.Rds.V20230101.RdsClient.g.cs"));
        Assert.Contains("\"2023-01-01\"", run.Source("Bindings.Rds.V20230101.Ping.g.cs"));
    }

    [Fact]
    public void AVersionThatSetsTheDefaultNamespaceKeepsItAndTheOtherMoves()
    {
        var run = AssertBuilds(
            ("/specs/old.yaml", "product: Rds\nversion: \"2014-08-15\"\noperations:\n  Ping:\n    response:\n      RequestId: string\n"),
            ("/specs/new.yaml", "product: Rds\nversion: \"2023-01-01\"\nnamespace: Bindings.Rds\noperations:\n  Ping:\n    response:\n      RequestId: string\n"));
        Assert.Contains("\"2023-01-01\"", run.Source("Bindings.Rds.Ping.g.cs"));
        Assert.Contains("\"2014-08-15\"", run.Source("Bindings.Rds.V20140815.Ping.g.cs"));
    }

    [Fact]
    public void TwoVersionsThatSetOneNamespaceAreBnd009OnTheNewerNotCs8785()
    {
        var run = GeneratorHarness.Run(new[]
        {
            GeneratorHarness.Spec("/specs/old.yaml", "product: Rds\nversion: \"2014-08-15\"\nnamespace: Contoso.Rds\noperations:\n  Ping:\n    response:\n      RequestId: string\n"),
            GeneratorHarness.Spec("/specs/new.yaml", "product: Rds\nversion: \"2023-01-01\"\nnamespace: Contoso.Rds\noperations:\n  Ping:\n    response:\n      RequestId: string\n"),
        });
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        var conflict = Assert.Single(run.Diagnostics);
        Assert.Equal("BND009", conflict.Id);
        var span = conflict.Location.GetLineSpan();
        Assert.Equal(("/specs/new.yaml", 2, 11), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains("\"2014-08-15\"", run.Source("Contoso.Rds.Ping.g.cs"));
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void ATypeNamedLikeTheNamespaceOfAnotherVersionIsBnd011()
    {
        var run = GeneratorHarness.Run(new[]
        {
            GeneratorHarness.Spec("/specs/old.yaml", "product: Rds\nversion: \"2014-08-15\"\nshapes:\n  V20230101:\n    members:\n      Id: long\n"),
            GeneratorHarness.Spec("/specs/new.yaml", "product: Rds\nversion: \"2023-01-01\"\noperations:\n  Ping:\n    response:\n      RequestId: string\n"),
        });
        var reserved = Assert.Single(run.Diagnostics);
        Assert.Equal("BND011", reserved.Id);
        Assert.Equal(("/specs/old.yaml", 3), (reserved.Location.GetLineSpan().Path, reserved.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void TypesWhoseFileNamesDifferOnlyInCaseEachGetAFile()
    {
        // The compiler compares generated file names ignoring case (CS8785 "hintName must be unique").
        var run = AssertBuilds(Header + "shapes:\n  Item:\n    members:\n      Id: long\n  item:\n    members:\n      Id: long\n");
        Assert.Contains("class Item", run.Source("Bindings.Names.Item.g.cs"));
        Assert.Contains("class item", run.Source("Bindings.Names.item.2.g.cs"));
    }

    [Fact]
    public void ANamespaceOfTheRuntimeIsBnd011()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("/specs/w.yaml", Header + "namespace: Bindings.Serialization\nshapes:\n  JsonParsing:\n    members:\n      Id: long\n") });
        var reserved = Assert.Single(run.Diagnostics);
        Assert.Equal(("BND011", 2), (reserved.Id, reserved.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("INamesClient")]
    [InlineData("NamesClient")]
    [InlineData("NamesClientServiceCollectionExtensions")]
    public void AShapeNamedLikeATypeOfTheClientIsBnd004AtTheShape(string name)
    {
        // The client declares its class, its interface and its registration: a shape of the same name is
        // refused where it is written, and the rest builds (the interface was not reserved before).
        var yaml = Header + "operations:\n  Ping:\n    response:\n      RequestId: string\nshapes:\n  " + name + ":\n    members:\n      Id: long\n";
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("/specs/names.yaml", yaml) });
        var duplicate = Assert.Single(run.Diagnostics);
        Assert.Equal("BND004", duplicate.Id);
        Assert.Contains("'" + name + "'", duplicate.GetMessage());
        Assert.Equal(("/specs/names.yaml", 7), (duplicate.Location.GetLineSpan().Path, duplicate.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("partial interface INamesClient", run.Source("Bindings.Names.NamesClient.g.cs"));
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void OperationsNamedLikeTheNamesAnotherOperationAddsToTheClient()
    {
        // Send adds SendAsync, SendWithResponseAsync and the fields SendOperation, SendJson and SendXml to the
        // partial client, each operation in its own file: operations of those names must not meet them
        // (SendWithResponse's SendWithResponseAsync is another overload, of another request type).
        var operations = new[] { "Send", "SendWithResponse", "SendOperation", "SendJson", "SendXml", "SendAsync" };
        var yaml = Header + "operations:\n" + string.Concat(operations.Select(name => "  " + name + ":\n    response:\n      RequestId: string\n"));
        var run = AssertBuilds(yaml);
        var client = run.Output.GetTypeByMetadataName("Bindings.Names.INamesClient")!;
        Assert.Equal(2 * operations.Length, client.GetMembers().OfType<IMethodSymbol>().Count(method => method.MethodKind == MethodKind.Ordinary));
    }

    private static GeneratorRun AssertBuilds(string yaml) => AssertBuilds(("/specs/names.yaml", yaml));

    private static GeneratorRun AssertBuilds(params (string Path, string Yaml)[] specs)
    {
        GeneratorRun? latest = null;
        foreach (var language in new[] { Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 })
        {
            var run = GeneratorHarness.Run(specs.Select(spec => GeneratorHarness.Spec(spec.Path, spec.Yaml)), language);
            Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
            Assert.Empty(run.Diagnostics);
            var problems = GeneratorHarness.Problems(run.Output);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            latest ??= run;
        }

        return latest!;
    }
}
