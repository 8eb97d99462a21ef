using System.Text.RegularExpressions;
using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>The importer's README shows the overlay the tests use, and the drift report the drift test sees.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ImporterReadme.md"));

    [Fact]
    public void The_README_overlay_is_the_one_that_gives_the_shipped_meaning()
    {
        var match = Regex.Match(Readme, @"<!-- overlay-example:[^\n]*-->\n```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "tools/Bindings.Import/README.md has no overlay-example block");
        Assert.Equal(File.ReadAllText(Fixture("backup-tasks", "import-overlay.yaml")), match.Groups["yaml"].Value);
    }

    [Fact]
    public void The_README_drift_report_is_what_check_prints_for_the_changed_fixture()
    {
        var folder = NewFolder();
        var overlay = Fixture("backup-tasks", "import-overlay.yaml");
        Run(new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", folder, "--overlay", overlay }).ToArray());
        var (_, output, _) = Run("import", Fixture("backup-tasks", "main-changed.dara"), Fixture("backup-tasks", "api-docs.json"), Fixture("backup-tasks", "api-info.json"), "--out", folder, "--overlay", overlay, "--check");
        Assert.Contains("```\n" + output + "```", Readme.Replace("\r\n", "\n"));
    }
}
