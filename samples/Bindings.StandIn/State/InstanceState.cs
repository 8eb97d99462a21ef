using System;
using System.Collections.Generic;
using System.Linq;

namespace Bindings.StandIn.State;

/// <summary>
/// Everything the stand-in knows about one instance: its attributes, its tasks (seeded, scheduled
/// and started by <c>CreateBackup</c>), the backup sets from before the start, the deleted sets,
/// the policy and the tags. Task states and the sets they produce follow from the clock.
/// </summary>
/// <remarks>Not thread-safe: <see cref="StandInState"/> serialises every use.</remarks>
internal sealed class InstanceState
{
    /// <summary>Ended tasks stay in <c>DescribeBackupTasks</c> for this long, then only their sets remain.</summary>
    public static readonly TimeSpan EndedTaskVisibility = TimeSpan.FromHours(24);

    private readonly List<StandInBackupTask> _tasks;
    private readonly HashSet<long> _createdJobIds = [];
    private readonly List<BackupSet> _history;
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public InstanceState(
        StandInInstance definition, IReadOnlyList<StandInBackupTask> tasks, List<BackupSet> history,
        DateTimeOffset startedAt, long hostInstanceId, DateTimeOffset? createdAt = null, DateTimeOffset? runningAt = null)
    {
        Definition = definition;
        _tasks = [.. tasks];
        _history = history;
        StartedAt = startedAt;
        HostInstanceId = hostInstanceId;
        RunningAt = runningAt;
        CreationTime = createdAt ?? startedAt - definition.Age;
        ScheduledUntil = startedAt;
        Policy = new BackupPolicy
        {
            BackupRetentionPeriod = definition.BackupRetentionPeriod,
            LogBackupRetentionPeriod = definition.BackupRetentionPeriod,
            PreferredBackupPeriod = definition.PreferredBackupPeriod,
            PreferredBackupTime = definition.PreferredBackupTime,
        };
        foreach (var (key, value) in definition.Tags)
        {
            Tags[key] = value;
        }
    }

    public StandInInstance Definition { get; }

    public string Id => Definition.DBInstanceId;

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset CreationTime { get; }

    /// <summary>The numeric ID the service reports as <c>HostInstanceID</c>.</summary>
    public long HostInstanceId { get; }

    /// <summary>For an instance created by <c>CreateDBInstance</c>: when it leaves <c>Creating</c> (its <see cref="CreationTime"/> is when it was asked for).</summary>
    public DateTimeOffset? RunningAt { get; }

    public BackupPolicy Policy { get; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Scheduled backups up to this moment have been added as tasks.</summary>
    public DateTimeOffset ScheduledUntil { get; set; }

    public IReadOnlyList<StandInBackupTask> AllTasks => _tasks;

    public string Status(DateTimeOffset now) => RunningAt is { } running && now < running ? "Creating" : "Running";

    public void AddTask(StandInBackupTask task, bool createdByUser)
    {
        _tasks.Add(task);
        if (createdByUser)
        {
            _createdJobIds.Add(task.BackupJobId);
        }
    }

    /// <summary>A task started by <c>CreateBackup</c> that has not ended (the service refuses a second one).</summary>
    public bool HasRunningUserTask(TimeSpan elapsed) =>
        _tasks.Any(t => _createdJobIds.Contains(t.BackupJobId) && t.EndsAfter > elapsed);

    /// <summary>The tasks <c>DescribeBackupTasks</c> lists: not ended, or ended within <see cref="EndedTaskVisibility"/>.</summary>
    public IEnumerable<StandInBackupTask> VisibleTasks(TimeSpan elapsed) =>
        _tasks.Where(t => t.EndsAfter > elapsed - EndedTaskVisibility);

    /// <summary>
    /// The backup sets at <paramref name="now"/>, newest first: the history and every ended task's
    /// set, less the deleted ones and those older than the retention period.
    /// </summary>
    public List<BackupSet> Sets(DateTimeOffset now)
    {
        var elapsed = now - StartedAt;
        var oldest = now.AddDays(-Policy.BackupRetentionPeriod);
        return AllSetsEver(elapsed)
            .Where(s => !_deleted.Contains(s.BackupId) && s.End >= oldest)
            .OrderByDescending(static s => s.Start)
            .ThenByDescending(static s => s.BackupId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every set that has ever existed up to the moment, deleted and expired ones included (log files rotate at each).</summary>
    public IEnumerable<BackupSet> AllSetsEver(TimeSpan elapsed)
    {
        foreach (var set in _history)
        {
            yield return set;
        }

        foreach (var task in _tasks)
        {
            if (task.EndsAfter <= elapsed)
            {
                yield return FromTask(task);
            }
        }
    }

    public void Delete(string backupId) => _deleted.Add(backupId);

    public void AddHistory(IEnumerable<BackupSet> sets) => _history.AddRange(sets);

    private BackupSet FromTask(StandInBackupTask task)
    {
        var succeeded = task.FailsIn is null;
        return new BackupSet(
            task.BackupId,
            Id,
            StartedAt + task.StartsAfter,
            StartedAt + task.EndsAfter,
            succeeded,
            task.JobMode,
            task.BackupMethod,
            task.BackupType,
            succeeded ? StandInState.SizeOf(Definition.DataSize, task.BackupId) : 0,
            task.BackupJobId);
    }
}
