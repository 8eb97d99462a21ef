using Bindings.Rds;

namespace Consumer.App;

/// <summary>What the app does with RDS: the code its test project runs against the stand-in.</summary>
public sealed class BackupReport(RdsClient client)
{
    /// <summary>One line about an instance's backup tasks.</summary>
    public async Task<string> SummarizeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var response = await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest { DBInstanceId = instanceId }, cancellationToken);
        var finished = response.Items.Count(job => job.BackupStatus?.Kind == BackupStatusKind.Finished);
        var failed = response.Items.Count(job => job.BackupStatus?.Kind == BackupStatusKind.Failed);
        return $"{instanceId}: {response.Items.Count} tasks, {finished} finished, {failed} failed";
    }

    /// <summary>The regions, through the operation this app added to its own specs.</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken = default)
    {
        var response = await client.DescribeRegionsAsync(new DescribeRegionsRequest { AcceptLanguage = "en-US" }, cancellationToken);
        return [.. response.Regions.Select(region => region.RegionId ?? "?").Distinct()];
    }
}
