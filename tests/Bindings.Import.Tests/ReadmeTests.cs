using System.Text.RegularExpressions;
using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>The importer's README shows the overlay the tests use, the drift report the drift test sees, and the options and exit codes the tool has.</summary>
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

    [Fact]
    public void The_README_lists_the_options_and_exit_codes_of_the_usage_text()
    {
        static string[] Options(string text) => Regex.Matches(text, @"(?<![\w-])--[a-z]+").Select(match => match.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        var table = Regex.Match(Readme, @"\| option \| meaning \|.*?\n\n", RegexOptions.Singleline).Value;
        Assert.NotEmpty(table);
        Assert.Equal(Options(Bindings.Import.ImportOptions.Usage), Options(table));

        var codes = Regex.Match(Readme, @"Exit codes:(?<codes>.*?)\.\n", RegexOptions.Singleline).Groups["codes"].Value;
        var usageCodes = Regex.Match(Bindings.Import.ImportOptions.Usage, @"Exit codes:(?<codes>.*?)\.\s*$", RegexOptions.Singleline).Groups["codes"].Value;
        static string[] Numbers(string text) => Regex.Matches(text, @"(?<=(^|,)\s*)[0-9]+(?= )").Select(match => match.Value).ToArray();
        Assert.Equal(new[] { "0", "1", "2", "3", "64" }, Numbers(usageCodes));
        Assert.Equal(Numbers(usageCodes), Numbers(codes));
    }
}
