using System;
using System.Collections.Generic;

namespace Bindings.StandIn;

/// <summary>An RDS instance of the stand-in and its backup tasks.</summary>
public sealed class StandInInstance
{
    /// <summary>The instance the examples and the command-line program use by default.</summary>
    public const string DefaultInstanceId = "rm-uf6wjk5xxxxxxx";

    /// <summary>A seeded instance one of whose tasks fails.</summary>
    public const string FailingInstanceId = "rm-bp1ibu842w2xxxxx";

    /// <summary>A seeded instance with no backup tasks at all (an empty <c>Items</c>).</summary>
    public const string IdleInstanceId = "rm-2ze8g2am97xxxxxx";

    /// <summary>Creates an instance whose tasks are generated from the seed.</summary>
    /// <param name="dbInstanceId">The instance ID, for example <c>rm-uf6wjk5xxxxxxx</c>.</param>
    /// <param name="taskCount">How many tasks to generate.</param>
    /// <param name="failedTaskCount">How many of them end <c>Failed</c> (chosen by the seed).</param>
    public StandInInstance(string dbInstanceId, int taskCount = 4, int failedTaskCount = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbInstanceId);
        ArgumentOutOfRangeException.ThrowIfNegative(taskCount);
        ArgumentOutOfRangeException.ThrowIfNegative(failedTaskCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failedTaskCount, taskCount);
        DBInstanceId = dbInstanceId;
        TaskCount = taskCount;
        FailedTaskCount = failedTaskCount;
    }

    /// <summary>Creates an instance with exactly the given tasks (nothing generated).</summary>
    /// <param name="dbInstanceId">The instance ID.</param>
    /// <param name="tasks">The tasks; their <see cref="StandInBackupTask.BackupJobId"/>s must be unique.</param>
    public StandInInstance(string dbInstanceId, IEnumerable<StandInBackupTask> tasks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbInstanceId);
        ArgumentNullException.ThrowIfNull(tasks);
        DBInstanceId = dbInstanceId;
        Tasks = [.. tasks];
        TaskCount = Tasks.Count;
        FailedTaskCount = 0;
        foreach (var task in Tasks)
        {
            ArgumentNullException.ThrowIfNull(task, nameof(tasks));
            if (task.FailsIn is not null)
            {
                FailedTaskCount++;
            }
        }
    }

    /// <summary>The instance ID.</summary>
    public string DBInstanceId { get; }

    /// <summary>How many tasks the instance has.</summary>
    public int TaskCount { get; }

    /// <summary>How many of them fail.</summary>
    public int FailedTaskCount { get; }

    /// <summary>The explicit tasks, or null when they are generated from the seed.</summary>
    public IReadOnlyList<StandInBackupTask>? Tasks { get; }

    /// <summary>The region the instance is in (<c>RegionId</c> of <c>DescribeDBInstances</c>, <c>TagResources</c>, ...).</summary>
    public string RegionId { get; init; } = DefaultRegionId;

    /// <summary>The zone of the primary node.</summary>
    public string ZoneId { get; init; } = "cn-hangzhou-h";

    /// <summary>The database engine: <c>MySQL</c>, <c>SQLServer</c>, <c>PostgreSQL</c> or <c>MariaDB</c>.</summary>
    public string Engine { get; init; } = "MySQL";

    /// <summary>The engine version, for example <c>8.0</c>.</summary>
    public string EngineVersion { get; init; } = "8.0";

    /// <summary>The instance type, for example <c>mysql.n2.medium.1</c>.</summary>
    public string DBInstanceClass { get; init; } = "mysql.n2.medium.1";

    /// <summary>The storage capacity in GB.</summary>
    public int DBInstanceStorage { get; init; } = 100;

    /// <summary>The instance's description (its name in the console).</summary>
    public string DBInstanceDescription { get; init; } = "";

    /// <summary>The instance's tags at start; <c>TagResources</c> adds to them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>How long before the stand-in started the instance was created (its <c>CreationTime</c>).</summary>
    public TimeSpan Age { get; init; } = TimeSpan.FromDays(400);

    /// <summary>
    /// The backup policy's <c>BackupRetentionPeriod</c> at start, in days (7 to 730): the backup
    /// sets of that many days before the start exist already, one per day of
    /// <see cref="PreferredBackupPeriod"/>, unless <see cref="SeedBackupHistory"/> is false.
    /// </summary>
    public int BackupRetentionPeriod { get; init; } = 7;

    /// <summary>The policy's <c>PreferredBackupPeriod</c> at start (comma-separated days of the week).</summary>
    public string PreferredBackupPeriod { get; init; } = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday";

    /// <summary>The policy's <c>PreferredBackupTime</c> at start (<c>HH:mmZ-HH:mmZ</c>, UTC).</summary>
    public string PreferredBackupTime { get; init; } = "19:00Z-20:00Z";

    /// <summary>Whether the automated backup sets of the retention period before the start exist (true by default).</summary>
    public bool SeedBackupHistory { get; init; } = true;

    /// <summary>
    /// Whether the policy's schedule runs while the stand-in does: an automated backup task starts
    /// at the beginning of <see cref="PreferredBackupTime"/> on each day of <see cref="PreferredBackupPeriod"/>
    /// (true by default).
    /// </summary>
    public bool ScheduledBackups { get; init; } = true;

    /// <summary>
    /// The phase (<c>Preparing</c>, <c>Waiting</c>, <c>Uploading</c> or <c>Checking</c>) in which
    /// every backup started on this instance (by <c>CreateBackup</c> or the schedule) fails, or null
    /// when they finish.
    /// </summary>
    public string? BackupsFailIn { get; init; }

    /// <summary>How much data a full backup of the instance holds, in bytes (sets vary by a few percent around it).</summary>
    public long DataSize { get; init; } = 2_167_808_000;

    /// <summary>The region of the default instances.</summary>
    public const string DefaultRegionId = "cn-hangzhou";

    /// <summary>
    /// The default instances, all in <see cref="DefaultRegionId"/>: <see cref="DefaultInstanceId"/>
    /// (MySQL 8.0, four tasks that all finish, tagged <c>env=production</c>, <c>team=payments</c>),
    /// <see cref="FailingInstanceId"/> (MySQL 5.7, three tasks one of which fails, and every backup
    /// started on it fails while uploading; tagged <c>env=staging</c>) and <see cref="IdleInstanceId"/>
    /// (no tasks; tagged <c>env=production</c>, <c>team=analytics</c>).
    /// </summary>
    /// <returns>A new list, free to change.</returns>
    public static List<StandInInstance> Defaults() =>
    [
        new(DefaultInstanceId, taskCount: 4, failedTaskCount: 0)
        {
            DBInstanceDescription = "orders",
            Tags = new Dictionary<string, string> { ["env"] = "production", ["team"] = "payments" },
        },
        new(FailingInstanceId, taskCount: 3, failedTaskCount: 1)
        {
            DBInstanceDescription = "legacy-orders",
            EngineVersion = "5.7",
            DBInstanceClass = "rds.mysql.s2.large",
            ZoneId = "cn-hangzhou-i",
            BackupsFailIn = "Uploading",
            Tags = new Dictionary<string, string> { ["env"] = "staging" },
        },
        new(IdleInstanceId, taskCount: 0)
        {
            DBInstanceDescription = "reporting",
            DataSize = 524_288_000,
            Tags = new Dictionary<string, string> { ["env"] = "production", ["team"] = "analytics" },
        },
    ];
}
