using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>Specs people wrote by hand in the output folder are never lost to an import.</summary>
public sealed class HandWrittenSpecsTests
{
    private static string[] ImportBackupTasks(string folder, params string[] more)
        => new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", folder, "--overlay", Fixture("backup-tasks", "import-overlay.yaml") }).Concat(more).ToArray();

    private static string ShippedRdsCopy()
    {
        var folder = NewFolder();
        foreach (var path in Directory.GetFiles(Path.Combine(ShippedSpecs, "rds"), "*.yaml"))
        {
            File.Copy(path, Path.Combine(folder, Path.GetFileName(path)));
        }

        return folder;
    }

    [Fact]
    public void The_shipped_hand_written_specs_are_not_replaced_without_force_and_nothing_is_written()
    {
        var folder = ShippedRdsCopy();
        var before = Files(folder);
        Assert.Contains("DescribeBackupTasks.yaml", before.Keys);

        var (code, output, error) = Run(ImportBackupTasks(folder));
        Assert.True(code == 3, output + error);
        Assert.Contains("DescribeBackupTasks.yaml is a hand-written spec (it has no 'Imported by bindings import' line): the import would replace it", error);
        Assert.Contains("rds-2014-08-15.yaml is a hand-written spec", error);
        Assert.Contains("nothing written", error);
        Assert.Equal(before, Files(folder));

        (code, output, error) = Run(ImportBackupTasks(folder, "--force"));
        Assert.True(code == 0, output + error);
        // The two files the import writes are now the importer's; the other operations' hand-written
        // files are not part of this import and stay as they were.
        var after = Files(folder);
        var written = new[] { "DescribeBackupTasks.yaml", "rds-2014-08-15.yaml" };
        Assert.All(written, name => Assert.Contains("Imported by bindings import", after[name]));
        Assert.All(before.Keys.Except(written), name => Assert.Equal(before[name], after[name]));

        // From now on the files are the importer's: a re-run needs no --force.
        (code, output, error) = Run(ImportBackupTasks(folder));
        Assert.True(code == 0, output + error);
        Assert.Contains("0 written, 2 unchanged", output);
    }

    [Fact]
    public void An_operation_a_hand_written_file_of_another_name_declares_is_refused_even_with_force_and_can_be_left_out()
    {
        var folder = NewFolder();
        var mine = "product: Demo\nversion: 2024-01-01\noperations:\n  CreateThing:\n    response:\n      RequestId: string\n";
        File.WriteAllText(Path.Combine(folder, "MyThings.yaml"), mine);
        string[] Features(params string[] more)
            => new[] { "import", Fixture("features", "main.dara"), Fixture("features", "api-docs.json"), Fixture("features", "api-info.json"), "--out", folder }.Concat(more).ToArray();

        foreach (var force in new[] { Array.Empty<string>(), new[] { "--force" } })
        {
            var (code, output, error) = Run(Features(force));
            Assert.True(code == 3, output + error);
            Assert.Contains("CreateThing is declared in MyThings.yaml: the import would declare it again in CreateThing.yaml", error);
            Assert.Equal(new[] { "MyThings.yaml" }, Files(folder).Keys);
        }

        var (exit, written, problems) = Run(Features("--operations", "DescribeThings"));
        Assert.True(exit == 0, written + problems);
        Assert.Equal(new[] { "DescribeThings.yaml", "MyThings.yaml", "demo-2024-01-01.yaml" }, Files(folder).Keys);
        Assert.Equal(mine, File.ReadAllText(Path.Combine(folder, "MyThings.yaml")));
    }
}
