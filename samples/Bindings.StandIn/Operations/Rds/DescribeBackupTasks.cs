using System.Collections.Generic;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DescribeBackupTasks</c>: the backup tasks of an instance, filtered by <c>BackupJobId</c>,
/// <c>BackupMode</c> and <c>BackupJobStatus</c>.
/// </summary>
/// <remarks>
/// Without <c>BackupJobStatus</c> every task is listed, ended ones included (for a day after they
/// end), so that a poller sees each task reach <c>Finished</c> or <c>Failed</c>; <c>NoStart</c>
/// lists the tasks not yet started and <c>Progressing</c> the running ones.
/// </remarks>
internal sealed class DescribeBackupTasks : RdsOperation
{
    private static readonly string[] Modes = ["Automated", "Manual"];
    private static readonly string[] Statuses = ["NoStart", "Progressing"];

    public override string Action => "DescribeBackupTasks";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var jobId = call.Int64Parameter("BackupJobId", 0);
        var mode = OneOf(call, "BackupMode", Modes);
        var status = OneOf(call, "BackupJobStatus", Statuses);
        CheckClientToken(call);
        CheckOwnerIds(call);
        var instance = Instance(call, view);

        var jobs = new StandInArray();
        foreach (var task in instance.VisibleTasks(view.Elapsed))
        {
            var state = task.StateAt(view.Elapsed);
            if ((jobId is { } wanted && state.BackupJobId != wanted)
                || (mode is not null && state.JobMode != mode)
                || (status == "NoStart" && !state.IsNotStarted)
                || (status == "Progressing" && !state.IsProgressing))
            {
                continue;
            }

            jobs.Add(ToWire(state));
        }

        return new StandInObject { { "Items", new StandInObject { { "BackupJob", jobs } } } };
    }

    private static StandInObject ToWire(BackupTaskSnapshot state)
    {
        var job = new StandInObject
        {
            { "BackupProgressStatus", state.BackupProgressStatus },
            { "Process", state.Process },
            { "JobMode", state.JobMode },
        };

        // Like the service: BackupStatus only once the task has run, BackupId only once finished.
        job.AddIfPresent("BackupStatus", state.BackupStatus);

        // Documented as a String, sent as a JSON number.
        job.Add("BackupJobId", state.BackupJobId);
        job.Add("TaskAction", state.TaskAction);
        job.AddIfPresent("BackupId", state.BackupId);
        return job;
    }
}
