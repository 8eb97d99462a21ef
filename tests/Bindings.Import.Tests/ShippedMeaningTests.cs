using Bindings.Generator.Tests;
using Bindings.Import.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>
/// The fixture that mirrors DescribeBackupTasks, imported with the README's overlay, means exactly what
/// the shipped specs/rds mean: the generator makes the same code of both (compared without comments,
/// since descriptions and examples are documentation, and with members in one order, since the spec's
/// order is not part of its meaning).
/// </summary>
public sealed class ShippedMeaningTests
{
    [Fact]
    public void The_imported_DescribeBackupTasks_with_the_overlay_generates_the_shipped_specs_code()
    {
        var folder = NewFolder();
        var (code, output, error) = Run(new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", folder, "--overlay", Fixture("backup-tasks", "import-overlay.yaml") }).ToArray());
        Assert.True(code == 0, output + error);
        Assert.Empty(error);

        var imported = Generate(Directory.GetFiles(folder, "*.yaml"));
        var shipped = Generate(Directory.GetFiles(Path.Combine(ShippedSpecs, "rds"), "*.yaml"));

        // The operation's own files: five enums, BackupJob, the operation's file (request, response, its
        // part of the client). The shipped client file also carries the other operations and the region
        // map of the header, which this one-operation fixture does not have, so it is not compared.
        var own = new[] { "BackupJob", "BackupJobStatus", "BackupMode", "BackupProgressStatus", "BackupStatus", "DescribeBackupTasks", "TaskAction" }
            .Select(type => "Bindings.Rds." + type + ".g.cs")
            .ToList();
        Assert.Equal(own.Append("Bindings.Rds.RdsClient.g.cs").Order(StringComparer.Ordinal), imported.Keys);
        foreach (var hintName in own)
        {
            Assert.True(shipped.ContainsKey(hintName), hintName + " is not generated from the shipped specs");
            Assert.True(shipped[hintName] == imported[hintName], hintName + " differs:\n--- shipped\n" + shipped[hintName] + "\n--- imported\n" + imported[hintName]);
        }
    }

    [Fact]
    public void Without_the_overlay_the_meaning_differs_where_people_corrected_the_source()
    {
        var folder = NewFolder();
        Run(new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", folder }).ToArray());
        var imported = Generate(Directory.GetFiles(folder, "*.yaml"));
        var job = imported.Single(entry => entry.Key.EndsWith(".BackupJob.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public string? BackupJobId", job);         // the overlay makes it long?
        Assert.Contains("public string? Process", job);             // and decimal?
        Assert.DoesNotContain(imported.Keys, name => name.EndsWith(".BackupStatus.g.cs", StringComparison.Ordinal));
    }

    /// <summary>The generated files of a set of specs, hint name to code without comments.</summary>
    private static SortedDictionary<string, string> Generate(IEnumerable<string> files)
    {
        var specs = files.Order(StringComparer.Ordinal)
            .Select(path => GeneratorHarness.Spec("/repo/specs/rds/" + Path.GetFileName(path), Normalize(File.ReadAllText(path))))
            .ToList();
        var run = GeneratorHarness.Run(specs);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        return new SortedDictionary<string, string>(
            run.Sources.ToDictionary(source => source.HintName, source => WithoutComments(source.SourceText.ToString())),
            StringComparer.Ordinal);
    }

    /// <summary>The spec with every map of names (members, values, enums, shapes, operations) in ordinal order.</summary>
    private static string Normalize(string yaml)
    {
        var document = YamlReader.Read("spec.yaml", yaml);
        Sort(document);
        return YamlWriter.Write(document);
    }

    private static void Sort(YamlMap map)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Value is YamlMap child)
            {
                if (entry.Key is "enums" or "shapes" or "operations" or "members" or "request" or "response" or "values")
                {
                    child.SortByKey();
                }

                Sort(child);
            }
        }
    }

    private static string WithoutComments(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        var stripped = root.ReplaceTrivia(
            root.DescendantTrivia(descendIntoTrivia: true).Where(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
            (_, _) => default);
        return stripped.NormalizeWhitespace().ToFullString();
    }
}
