using Bindings.Generator.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>
/// main.dara's maps in responses (<c>map[string]string</c>, <c>map[string]any</c>) become <c>type: map</c>
/// members that the generator reads; a list of maps (<c>[ map[string]any ]</c>, as RDS's DescribeDatabases
/// has) is not in the format, so it becomes a list of <c>any</c>, each map kept as its text, with a note.
/// </summary>
public sealed class ResponseMapTests
{
    [Fact]
    public void Response_maps_import_to_members_that_generate_and_compile_at_CSharp_8_and_latest()
    {
        var folder = NewFolder();
        var (code, output, error) = Run("import", Fixture("features", "main.dara"), Fixture("features", "api-docs.json"), Fixture("features", "api-info.json"), "--out", folder, "--notes");
        Assert.True(code == 0, output + error);

        var response = ImportTests.Read(folder, "CreateThing.yaml").Map("operations")!.Map("CreateThing")!.Map("response")!;
        Assert.Equal(("map", "any"), (response.Map("Overview")!.Text("type"), response.Map("Overview")!.Text("items")));
        Assert.Equal(("map", "string"), (response.Map("RuleResults")!.Text("type"), response.Map("RuleResults")!.Text("items")));
        Assert.Equal(("list", "any"), (response.Map("Properties")!.Text("type"), response.Map("Properties")!.Text("items")));
        Assert.Null(response.Map("RuleResults")!.Text("itemName"));
        Assert.Contains("note: CreateThing.response.Properties", output);

        var specs = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => GeneratorHarness.Spec("/repo/specs/demo/" + Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
        foreach (var language in new[] { LanguageVersion.CSharp8, LanguageVersion.Latest })
        {
            var run = GeneratorHarness.Run(specs, language);
            Assert.Empty(run.Diagnostics);
            Assert.Empty(GeneratorHarness.Problems(run.Output));
            var created = run.Sources.Single(source => source.HintName.EndsWith(".CreateThing.g.cs", StringComparison.Ordinal)).SourceText.ToString();
            Assert.Contains("IReadOnlyDictionary<string, string> RuleResults { get; set; }", created);
            Assert.Contains("IReadOnlyDictionary<string, global::Bindings.RawValue> Overview { get; set; }", created);
            Assert.Contains("IReadOnlyList<global::Bindings.RawValue> Properties { get; set; }", created);
        }
    }
}
