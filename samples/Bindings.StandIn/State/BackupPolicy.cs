using System;
using System.Collections.Generic;
using System.Linq;

namespace Bindings.StandIn.State;

/// <summary>An instance's backup policy, with the documented defaults (<c>DescribeBackupPolicy</c>'s example).</summary>
internal sealed class BackupPolicy
{
    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public string PreferredBackupTime { get; set; } = "19:00Z-20:00Z";

    public string PreferredBackupPeriod { get; set; } = string.Join(',', Days);

    public int BackupRetentionPeriod { get; set; } = 7;

    /// <summary>Log backup on or off: <c>BackupLog</c> <c>Enable</c>/<c>Disabled</c> and <c>EnableBackupLog</c> <c>1</c>/<c>0</c> are the same switch.</summary>
    public bool LogBackupEnabled { get; set; } = true;

    public string BackupLog => LogBackupEnabled ? "Enable" : "Disabled";

    public string EnableBackupLog => LogBackupEnabled ? "1" : "0";

    public int LogBackupRetentionPeriod { get; set; } = 7;

    public int LocalLogRetentionHours { get; set; } = 18;

    public int LocalLogRetentionSpace { get; set; } = 30;

    public string HighSpaceUsageProtection { get; set; } = "Enable";

    public string LogBackupFrequency { get; set; } = "LogInterval";

    public string CompressType { get; set; } = "1";

    public string ArchiveBackupRetentionPeriod { get; set; } = "0";

    public string ArchiveBackupKeepPolicy { get; set; } = "ByMonth";

    public string ArchiveBackupKeepCount { get; set; } = "1";

    public string ReleasedKeepPolicy { get; set; } = "None";

    public int LogBackupLocalRetentionNumber { get; set; } = 60;

    public string Category { get; set; } = "Standard";

    public string BackupInterval { get; set; } = "-1";

    public string BackupMethod { get; set; } = "Physical";

    public bool EnableIncrementDataBackup { get; set; }

    public int BackupPriority { get; set; } = 2;

    /// <summary>The start of the backup window in minutes after midnight UTC (<c>19:00Z-20:00Z</c> → 1140).</summary>
    public int WindowStartMinutes => int.Parse(PreferredBackupTime.AsSpan(0, 2)) * 60 + int.Parse(PreferredBackupTime.AsSpan(3, 2));

    public IReadOnlySet<DayOfWeek> BackupDays =>
        PreferredBackupPeriod.Split(',').Select(static d => Enum.Parse<DayOfWeek>(d)).ToHashSet();

    /// <summary>The scheduled backups (window starts) after <paramref name="after"/> up to and including <paramref name="until"/>.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after, DateTimeOffset until)
    {
        var days = BackupDays;
        var window = TimeSpan.FromMinutes(WindowStartMinutes);
        for (var day = new DateTimeOffset(after.UtcDateTime.Date, TimeSpan.Zero); day <= until; day = day.AddDays(1))
        {
            var at = day + window;
            if (at > after && at <= until && days.Contains(at.DayOfWeek))
            {
                yield return at;
            }
        }
    }

    /// <summary>The next scheduled backup after <paramref name="now"/> (<c>PreferredNextBackupTime</c>).</summary>
    public DateTimeOffset NextOccurrence(DateTimeOffset now) => Occurrences(now, now.AddDays(8)).First();
}
