using Bindings.Benchmarks.Alternatives;
using Bindings.Rds;

namespace Bindings.Benchmarks.Tests;

/// <summary>Maps the alternatives' hand-written classes onto the generated types, to compare with Equals.</summary>
internal static class PlainToGenerated
{
    public static DescribeBackupTasksResponse Map(PlainResponse? plain)
    {
        Assert.NotNull(plain);
        return new DescribeBackupTasksResponse
        {
            RequestId = plain.RequestId,
            Items = plain.Items?.BackupJob?.Select(Map).ToList() ?? (IReadOnlyList<BackupJob>)Array.Empty<BackupJob>(),
        };
    }

    private static BackupJob Map(PlainBackupJob job) => new()
    {
        BackupId = job.BackupId,
        BackupJobId = job.BackupJobId,
        BackupProgressStatus = job.BackupProgressStatus is { } progress ? BackupProgressStatus.FromWireValue(progress.ToString()) : null,
        BackupStatus = job.BackupStatus is { } status ? BackupStatus.FromWireValue(status.ToString()) : null,
        JobMode = job.JobMode is { } mode ? BackupMode.FromWireValue(mode.ToString()) : null,
        Process = job.Process,
        TaskAction = job.TaskAction is { } action ? TaskAction.FromWireValue(action.ToString()) : null,
    };

    /// <summary>
    /// The generated result without the fields the spec does not describe, which the generated parser
    /// keeps and every alternative drops.
    /// </summary>
    public static DescribeBackupTasksResponse WithoutUnknownMembers(DescribeBackupTasksResponse response) => new()
    {
        RequestId = response.RequestId,
        Items = response.Items.Select(job => new BackupJob
        {
            BackupId = job.BackupId,
            BackupJobId = job.BackupJobId,
            BackupProgressStatus = job.BackupProgressStatus,
            BackupStatus = job.BackupStatus,
            JobMode = job.JobMode,
            Process = job.Process,
            TaskAction = job.TaskAction,
        }).ToList(),
    };

    public static int CountUnknownMembers(DescribeBackupTasksResponse response)
        => response.UnknownMembers.Count + response.Items.Sum(job => job.UnknownMembers.Count);
}
