using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary><c>import --check</c>: drift per operation, exit codes, and that the overlay's decisions are no drift.</summary>
public sealed class DriftTests
{
    private static readonly string Overlay = Fixture("backup-tasks", "import-overlay.yaml");

    private static string[] Import(string dara, string folder, params string[] more)
        => new[] { "import", Fixture("backup-tasks", dara), Fixture("backup-tasks", "api-docs.json"), Fixture("backup-tasks", "api-info.json"), "--out", folder, "--overlay", Overlay }.Concat(more).ToArray();

    [Fact]
    public void Specs_just_imported_have_no_drift()
    {
        var folder = NewFolder();
        Assert.Equal(0, Run(Import("main.dara", folder)).Item1);
        var before = Files(folder);
        var (code, output, error) = Run(Import("main.dara", folder, "--check"));
        Assert.True(code == 0, output + error);
        Assert.Contains("1 operation(s) checked: no drift", output);
        Assert.Equal(before, Files(folder)); // --check writes nothing
    }

    [Fact]
    public void An_upstream_change_is_listed_per_operation_and_exits_1()
    {
        var folder = NewFolder();
        Run(Import("main.dara", folder));
        var (code, output, _) = Run(Import("main-changed.dara", folder, "--check"));
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("DescribeBackupTasks", lines);
        Assert.Contains("request  + PageSize (integer): added upstream", lines);
        Assert.Contains("request  - ResourceOwnerAccount (string): removed upstream", lines);
        Assert.Contains("request  ~ DBInstanceId: required true -> (default)", lines);
        Assert.Contains("response + Items[].BackupSize (long): added upstream", lines);
        Assert.Contains("response ~ Items[].BackupId: retyped upstream, string -> long", lines);
        Assert.Contains("1 operation(s) checked: 1 with drift (2 added, 1 removed, 1 retyped, 1 changed on the wire, 0 operation(s) removed)", lines);

        // Process changed upstream too (string to int32), but the overlay says decimal: that is no drift.
        Assert.DoesNotContain(lines, line => line.Contains("Process", StringComparison.Ordinal));
    }

    [Fact]
    public void Hand_edits_outside_the_overlay_are_drift_too()
    {
        var folder = NewFolder();
        Run(Import("main.dara", folder));
        var path = Path.Combine(folder, "DescribeBackupTasks.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("      OwnerId:\n        type: long\n", "      OwnerId:\n        type: string\n"));
        var (code, output, _) = Run(Import("main.dara", folder, "--check"));
        Assert.Equal(1, code);
        Assert.Contains("request  ~ OwnerId: retyped upstream, string -> long", output);
    }

    [Fact]
    public void An_operation_the_source_no_longer_has_is_drift()
    {
        var folder = NewFolder();
        Run(Import("main.dara", folder));
        File.WriteAllText(Path.Combine(folder, "Gone.yaml"), "product: Rds\nversion: \"2014-08-15\"\noperations:\n  GoneOperation:\n    request:\n      A: string\n");
        var (code, output, _) = Run(Import("main.dara", folder, "--check"));
        Assert.Equal(1, code);
        Assert.Contains("GoneOperation: removed upstream (the source has no such operation)", output);
    }

    [Fact]
    public void Importing_again_after_an_operation_was_removed_upstream_warns_about_its_file()
    {
        var folder = NewFolder();
        Run(Import("main.dara", folder));
        File.Copy(Path.Combine(folder, "DescribeBackupTasks.yaml"), Path.Combine(folder, "DescribeOldTasks.yaml"));
        var old = Path.Combine(folder, "DescribeOldTasks.yaml");
        File.WriteAllText(old, File.ReadAllText(old).Replace("  DescribeBackupTasks:", "  DescribeOldTasks:"));
        var (code, _, error) = Run(Import("main.dara", folder));
        Assert.Equal(0, code);
        Assert.Contains("warning: DescribeOldTasks was imported before, but the source no longer has it", error);
    }
}
