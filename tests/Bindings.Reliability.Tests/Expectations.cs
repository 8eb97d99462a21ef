using System.Globalization;
using Bindings.Rds;
using Bindings.StandIn;

namespace Bindings.Reliability.Tests;

/// <summary>
/// What a correct answer is: the instance's tasks, in the stand-in's order, each exactly as the
/// stand-in describes it at some moment between the start and the end of the call (a task's state
/// is a function of the stand-in's clock, and only moves forward).
/// </summary>
internal static class Expectations
{
    private static readonly string[] Phases = ["NoStart", "Preparing", "Waiting", "Uploading", "Checking", "Finished"];

    /// <summary>Null when <paramref name="response"/> is right; otherwise what is wrong.</summary>
    public static string? Check(DescribeBackupTasksResponse response, RdsStandIn standIn, string instanceId, TimeSpan before, TimeSpan after)
    {
        if (string.IsNullOrEmpty(response.RequestId))
        {
            return "no RequestId";
        }

        var tasks = standIn.GetTasks(instanceId);
        var expectedIds = tasks.Select(static t => t.BackupJobId).ToList();
        var actualIds = response.Items.Select(static i => i.BackupJobId ?? -1).ToList();
        if (!expectedIds.SequenceEqual(actualIds))
        {
            return $"task IDs [{string.Join(",", actualIds)}], expected [{string.Join(",", expectedIds)}]";
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var seen = Snapshot(response.Items[i]);
            if (!SeenDuring(tasks[i], seen, before, after))
            {
                return $"task {seen.BackupJobId} read as {seen}, which the stand-in never showed between {before} ({tasks[i].StateAt(before)}) and {after} ({tasks[i].StateAt(after)})";
            }
        }

        return response.UnknownMembers.Count == 0 ? null : "unknown members: " + string.Join(",", response.UnknownMembers.Select(static m => m.ToString()));
    }

    private static BackupTaskSnapshot Snapshot(BackupJob job) => new(
        job.BackupJobId ?? -1,
        job.JobMode?.WireValue ?? "",
        job.TaskAction?.WireValue ?? "",
        job.BackupProgressStatus?.WireValue ?? "",
        job.BackupStatus?.WireValue,
        job.Process?.ToString(CultureInfo.InvariantCulture) ?? "",
        job.BackupId);

    /// <summary>Whether <paramref name="task"/>.StateAt(t) equals <paramref name="seen"/> for some t in [before, after].</summary>
    private static bool SeenDuring(StandInBackupTask task, BackupTaskSnapshot seen, TimeSpan before, TimeSpan after)
    {
        var target = Order(seen);
        if (Compare(Order(task.StateAt(after)), target) < 0 || Compare(Order(task.StateAt(before)), target) > 0)
        {
            return false;
        }

        // The first moment the task is at least as far as what was seen; states are ordered in time.
        var lo = before;
        var hi = after;
        while (hi - lo > TimeSpan.FromTicks(10))
        {
            var mid = lo + ((hi - lo) / 2);
            if (Compare(Order(task.StateAt(mid)), target) >= 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return task.StateAt(before) == seen || task.StateAt(hi) == seen || task.StateAt(lo) == seen;
    }

    private static (int Phase, decimal Process, int Failed) Order(BackupTaskSnapshot state) => (
        Array.IndexOf(Phases, state.BackupProgressStatus),
        decimal.TryParse(state.Process, NumberStyles.Number, CultureInfo.InvariantCulture, out var process) ? process : -1,
        state.BackupStatus == "Failed" ? 1 : 0);

    private static int Compare((int Phase, decimal Process, int Failed) a, (int Phase, decimal Process, int Failed) b)
    {
        var phase = a.Phase.CompareTo(b.Phase);
        if (phase != 0)
        {
            return phase;
        }

        var process = a.Process.CompareTo(b.Process);
        return process != 0 ? process : a.Failed.CompareTo(b.Failed);
    }
}
