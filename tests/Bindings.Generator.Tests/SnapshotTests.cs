namespace Bindings.Generator.Tests;

/// <summary>
/// Every file generated for every scenario (<see cref="Scenarios"/>: the shipped RDS specs, the widgets
/// spec of the runtime tests, and the specs other tests use), against its committed snapshot in
/// <c>Snapshots/&lt;scenario&gt;/</c>.
/// </summary>
public class SnapshotTests
{
    private static readonly Dictionary<string, GeneratorRun> Runs = Scenarios.All.ToDictionary(scenario => scenario.Key, scenario => GeneratorHarness.Run(scenario.Value()));

    public static TheoryData<string, string> GeneratedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (scenario, run) in Runs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var source in run.Sources.OrderBy(source => source.HintName, StringComparer.Ordinal))
            {
                data.Add(scenario, source.HintName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void GeneratedFileMatchesSnapshot(string scenario, string hintName)
        => Snapshot.Match(scenario + "/" + Path.GetFileNameWithoutExtension(hintName), Runs[scenario].Source(hintName));

    [Fact]
    public void EverySnapshotBelongsToAGeneratedFile()
    {
        var generated = Runs.SelectMany(run => run.Value.Sources.Select(source => Path.Combine(run.Key, Path.GetFileNameWithoutExtension(source.HintName) + ".verified.cs"))).ToHashSet();
        var stale = System.IO.Directory.GetFiles(Snapshot.Directory(), "*.verified.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Snapshot.Directory(), path))
            .Where(name => !generated.Contains(name))
            .ToList();
        Assert.Empty(stale);
    }

    [Fact]
    public void EveryScenarioGeneratesWithoutDiagnosticsAndBuilds()
    {
        foreach (var (scenario, run) in Runs)
        {
            Assert.True(run.Diagnostics.IsEmpty, scenario + ": " + string.Join("\n", run.Diagnostics));
            var problems = GeneratorHarness.Problems(run.Output);
            Assert.True(problems.Count == 0, scenario + ":\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void ShippedSpecsGenerateEveryType()
    {
        var expected = new[]
        {
            "Bindings.Rds.BackupJob.g.cs",
            "Bindings.Rds.BackupJobStatus.g.cs", "Bindings.Rds.BackupMode.g.cs", "Bindings.Rds.BackupProgressStatus.g.cs",
            "Bindings.Rds.BackupStatus.g.cs", "Bindings.Rds.TaskAction.g.cs", "Bindings.Rds.DescribeBackupTasks.g.cs",
            "Bindings.Rds.RdsClient.g.cs",
        };
        Assert.Subset(Runs["Shipped"].Sources.Select(source => source.HintName).ToHashSet(), expected.ToHashSet());
    }
}
