using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Tests;

/// <summary>
/// The MSBuild settings the generator reads (build/Bindings.Generator.props): the <c>BindingsNamespace</c>
/// property, and the <c>BindingsNamespace</c> and <c>BindingsSpec="false"</c> metadata of one file.
/// </summary>
public class SettingsTests
{
    private const string Enums = "product: Paint\nversion: \"2020-01-01\"\nnamespace: Spec.Paint\nenums:\n  Color:\n    values:\n      Red:\n";
    private const string Shapes = "product: Paint\nversion: \"2020-01-01\"\nshapes:\n  Part:\n    members:\n      Color: Color\n";

    [Fact]
    public void ThePropertyPutsEveryTypeInItsNamespace()
    {
        var run = Run(new() { ["build_property.BindingsNamespace"] = "Contoso.Everything" }, new());
        Assert.Equal(new[] { "Contoso.Everything.Color.g.cs", "Contoso.Everything.Part.g.cs" }, run.Sources.Select(source => source.HintName).Order());
        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void AFilesMetadataWinsOverTheSpecAndTheProperty()
    {
        // Both files of the API get the metadata, as an ItemGroup Update="specs/paint/*.yaml" gives it.
        var perFile = new Dictionary<string, Dictionary<string, string>>
        {
            ["/specs/enums.yaml"] = new() { ["build_metadata.AdditionalFiles.BindingsNamespace"] = "Contoso.Paint" },
            ["/specs/shapes.yaml"] = new() { ["build_metadata.AdditionalFiles.BindingsNamespace"] = "Contoso.Paint" },
        };
        var run = Run(new() { ["build_property.BindingsNamespace"] = "Contoso.Everything" }, perFile);
        Assert.Equal(new[] { "Contoso.Paint.Color.g.cs", "Contoso.Paint.Part.g.cs" }, run.Sources.Select(source => source.HintName).Order());
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void MetadataOnOneFileOfAnApiThatDisagreesIsBnd009InThatFile()
    {
        var perFile = new Dictionary<string, Dictionary<string, string>>
        {
            ["/specs/shapes.yaml"] = new() { ["build_metadata.AdditionalFiles.BindingsNamespace"] = "Contoso.Other" },
        };
        var conflict = Assert.Single(Run(new(), perFile).Diagnostics);
        Assert.Equal(("BND009", "/specs/shapes.yaml"), (conflict.Id, conflict.Location.GetLineSpan().Path));
    }

    [Fact]
    public void AFileMarkedNotASpecIsIgnoredEvenWhenItIsBroken()
    {
        var perFile = new Dictionary<string, Dictionary<string, string>>
        {
            ["/specs/compose.yaml"] = new() { ["build_metadata.AdditionalFiles.BindingsSpec"] = "false" },
        };
        var run = GeneratorHarness.Run(
            new[] { GeneratorHarness.Spec("/specs/enums.yaml", Enums), GeneratorHarness.Spec("/specs/compose.yaml", "services:\n  web:\n    image: nginx\n") },
            options: new TestOptionsProvider(new(), perFile));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "Spec.Paint.Color.g.cs" }, run.Sources.Select(source => source.HintName));
    }

    [Fact]
    public void AnExcludedSpecDeclaresNothing()
    {
        // Its enum is not declared: the shape that uses it reports the unknown type.
        var perFile = new Dictionary<string, Dictionary<string, string>>
        {
            ["/specs/enums.yaml"] = new() { ["build_metadata.AdditionalFiles.BindingsSpec"] = "false" },
        };
        var unknown = Assert.Single(Run(new(), perFile).Diagnostics);
        Assert.Equal(("BND003", "/specs/shapes.yaml"), (unknown.Id, unknown.Location.GetLineSpan().Path));
    }

    [Fact]
    public void ANamespaceFromMSBuildThatIsNoNamespaceIsBnd005()
    {
        var run = Run(new() { ["build_property.BindingsNamespace"] = "Contoso..Paint" }, new());
        Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == "BND005" && diagnostic.GetMessage().Contains("BindingsNamespace"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8785");
    }

    private static GeneratorRun Run(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile)
        => GeneratorHarness.Run(
            new[] { GeneratorHarness.Spec("/specs/enums.yaml", Enums), GeneratorHarness.Spec("/specs/shapes.yaml", Shapes) },
            options: new TestOptionsProvider(global, perFile));
}
