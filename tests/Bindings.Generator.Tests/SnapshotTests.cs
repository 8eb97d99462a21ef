namespace Bindings.Generator.Tests;

/// <summary>Every file generated for the shipped specs, against its committed snapshot.</summary>
public class SnapshotTests
{
    private static readonly GeneratorRun ShippedRun = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

    public static TheoryData<string> GeneratedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var source in ShippedRun.Sources.OrderBy(source => source.HintName, StringComparer.Ordinal))
        {
            data.Add(source.HintName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void GeneratedFileMatchesSnapshot(string hintName)
        => Snapshot.Match(Path.GetFileNameWithoutExtension(hintName), ShippedRun.Source(hintName));

    [Fact]
    public void EverySnapshotBelongsToAGeneratedFile()
    {
        var generated = ShippedRun.Sources.Select(source => Path.GetFileNameWithoutExtension(source.HintName) + ".verified.cs").ToHashSet();
        var stale = System.IO.Directory.GetFiles(Snapshot.Directory(), "*.verified.cs")
            .Select(Path.GetFileName)
            .Where(name => !generated.Contains(name!))
            .ToList();
        Assert.Empty(stale);
    }

    [Fact]
    public void ShippedSpecsGenerateEveryTypeWithoutDiagnostics()
    {
        var expected = new[]
        {
            "Bindings.Rds.BackupJob.g.cs",
            "Bindings.Rds.BackupJobStatus.g.cs", "Bindings.Rds.BackupMode.g.cs", "Bindings.Rds.BackupProgressStatus.g.cs",
            "Bindings.Rds.BackupStatus.g.cs", "Bindings.Rds.TaskAction.g.cs", "Bindings.Rds.DescribeBackupTasksRequest.g.cs",
            "Bindings.Rds.DescribeBackupTasksResponse.g.cs", "Bindings.Rds.RdsClient.g.cs",
        };
        Assert.Subset(ShippedRun.Sources.Select(source => source.HintName).ToHashSet(), expected.ToHashSet());
        Assert.Empty(ShippedRun.Diagnostics);
    }
}
