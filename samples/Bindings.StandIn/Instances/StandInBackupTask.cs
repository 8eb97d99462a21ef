using System;
using System.Globalization;

namespace Bindings.StandIn;

/// <summary>
/// One backup task of a stand-in instance: when it starts, how long it runs, and whether it fails.
/// Its state at any moment follows from these alone (see <see cref="StateAt"/>), so answers are
/// deterministic and need no background work.
/// </summary>
/// <remarks>
/// A task waits in <c>NoStart</c> for <see cref="StartsAfter"/>, then goes through
/// <c>Preparing</c> (10 % of <see cref="Duration"/>, <c>Process</c> 0..5), <c>Waiting</c> (10 %, 5..10),
/// <c>Uploading</c> (60 %, 10..90) and <c>Checking</c> (20 %, 90..99) to <c>Finished</c> with
/// <see cref="FinishedProcess"/>. A task with <see cref="FailsIn"/> stops in that phase, at
/// <see cref="FailsAtFraction"/> of it, with <c>BackupStatus</c> <c>Failed</c> and its
/// <c>Process</c> frozen.
/// </remarks>
public sealed record StandInBackupTask
{
    private static readonly (string Phase, double Share, int From, int To)[] Phases =
    [
        ("Preparing", 0.10, 0, 5),
        ("Waiting", 0.10, 5, 10),
        ("Uploading", 0.60, 10, 90),
        ("Checking", 0.20, 90, 99),
    ];

    /// <summary>The task ID (<c>BackupJobId</c>, a JSON number on the wire).</summary>
    public required long BackupJobId { get; init; }

    /// <summary><c>Automated</c> or <c>Manual</c> (the <c>JobMode</c> field and the <c>BackupMode</c> filter).</summary>
    public string JobMode { get; init; } = "Automated";

    /// <summary><c>NormalBackupTask</c> or <c>TempBackupTask</c>.</summary>
    public string TaskAction { get; init; } = "NormalBackupTask";

    /// <summary>How long after the stand-in started the task leaves <c>NoStart</c>.</summary>
    public TimeSpan StartsAfter { get; init; }

    /// <summary>How long the task runs from <c>Preparing</c> to <c>Finished</c>; must be positive.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The phase the task fails in (<c>Preparing</c>, <c>Waiting</c>, <c>Uploading</c> or
    /// <c>Checking</c>), or null when it finishes.
    /// </summary>
    public string? FailsIn { get; init; }

    /// <summary>How far into <see cref="FailsIn"/> the failure happens, 0..1.</summary>
    public double FailsAtFraction { get; init; } = 0.5;

    /// <summary>
    /// <c>Process</c> once finished: usually <c>100</c>; the real service has been seen sending <c>125</c>.
    /// </summary>
    public string FinishedProcess { get; init; } = "100";

    /// <summary>The backup set ID, shown (as <c>BackupId</c>) only once the task has finished.</summary>
    public string BackupId { get; init; } = "346650271";

    /// <summary>The method of the set the task produces: <c>Physical</c> (default), <c>Logical</c> or <c>Snapshot</c>.</summary>
    public string BackupMethod { get; init; } = "Physical";

    /// <summary>The type of the set the task produces: <c>FullBackup</c> (default) or <c>IncrementalBackup</c>.</summary>
    public string BackupType { get; init; } = "FullBackup";

    /// <summary>When the task has ended (finished or failed), measured from the stand-in's start.</summary>
    public TimeSpan EndsAfter
    {
        get
        {
            if (FailsIn is null)
            {
                return StartsAfter + Duration;
            }

            var offset = StartsAfter;
            foreach (var (phase, share, _, _) in Phases)
            {
                var length = Duration * share;
                if (phase == FailsIn)
                {
                    return offset + length * FailsAtFraction;
                }

                offset += length;
            }

            return StartsAfter + Duration;
        }
    }

    /// <summary>The task as the service would describe it <paramref name="elapsed"/> after the stand-in started.</summary>
    /// <param name="elapsed">Time since the stand-in started, by its clock.</param>
    /// <returns>The snapshot.</returns>
    public BackupTaskSnapshot StateAt(TimeSpan elapsed)
    {
        if (elapsed < StartsAfter)
        {
            return Snapshot("NoStart", backupStatus: null, "0", backupId: null);
        }

        var offset = StartsAfter;
        foreach (var (phase, share, from, to) in Phases)
        {
            var length = Duration * share;
            var failsHere = phase == FailsIn;
            var end = failsHere ? offset + length * FailsAtFraction : offset + length;
            if (elapsed < end || failsHere)
            {
                var into = failsHere && elapsed >= end ? end - offset : elapsed - offset;
                var fraction = length <= TimeSpan.Zero ? 1.0 : Math.Clamp(into / length, 0.0, 1.0);
                var process = Format(from + (int)Math.Floor((to - from) * fraction));
                return failsHere && elapsed >= end
                    ? Snapshot(phase, "Failed", process, backupId: null)
                    : Snapshot(phase, phase, process, backupId: null);
            }

            offset = end;
        }

        return Snapshot("Finished", "Finished", FinishedProcess, BackupId);
    }

    internal void Validate(string instanceId)
    {
        var where = $"task {BackupJobId} of {instanceId}";
        if (JobMode is not ("Automated" or "Manual"))
        {
            throw new ArgumentException($"The JobMode of {where} must be Automated or Manual.");
        }

        if (Duration <= TimeSpan.Zero || StartsAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"The Duration of {where} must be positive and StartsAfter not negative.");
        }

        if (FailsIn is not null && Array.FindIndex(Phases, p => p.Phase == FailsIn) < 0)
        {
            throw new ArgumentException($"The FailsIn of {where} must be Preparing, Waiting, Uploading or Checking.");
        }

        if (double.IsNaN(FailsAtFraction) || FailsAtFraction < 0 || FailsAtFraction > 1)
        {
            throw new ArgumentException($"The FailsAtFraction of {where} must be between 0 and 1.");
        }
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private BackupTaskSnapshot Snapshot(string progressStatus, string? backupStatus, string process, string? backupId) =>
        new(BackupJobId, JobMode, TaskAction, progressStatus, backupStatus, process, backupId);
}

/// <summary>A backup task as one answer describes it.</summary>
/// <param name="BackupJobId">The task ID.</param>
/// <param name="JobMode"><c>Automated</c> or <c>Manual</c>.</param>
/// <param name="TaskAction"><c>NormalBackupTask</c> or <c>TempBackupTask</c>.</param>
/// <param name="BackupProgressStatus"><c>NoStart</c>, <c>Preparing</c>, <c>Waiting</c>, <c>Uploading</c>, <c>Checking</c> or <c>Finished</c>.</param>
/// <param name="BackupStatus">Null until the task has run; then the phase, <c>Finished</c> or <c>Failed</c>.</param>
/// <param name="Process">Progress in percent, as text.</param>
/// <param name="BackupId">The backup set ID once finished, else null.</param>
public sealed record BackupTaskSnapshot(
    long BackupJobId,
    string JobMode,
    string TaskAction,
    string BackupProgressStatus,
    string? BackupStatus,
    string Process,
    string? BackupId)
{
    /// <summary>Whether the task has not started yet (matches the <c>NoStart</c> filter).</summary>
    public bool IsNotStarted => BackupStatus is null;

    /// <summary>Whether the task is running (matches the <c>Progressing</c> filter).</summary>
    public bool IsProgressing => BackupStatus is not (null or "Finished" or "Failed");

    /// <summary>Whether the task has ended, finished or failed.</summary>
    public bool HasEnded => BackupStatus is "Finished" or "Failed";
}
