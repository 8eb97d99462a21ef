using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.StandIn.Protocol;

namespace Bindings.StandIn.Operations;

/// <summary>
/// <c>DescribeBackupTasks</c> (RDS 2014-08-15): the backup tasks of an instance, filtered by
/// <c>BackupJobId</c>, <c>BackupMode</c> and <c>BackupJobStatus</c>.
/// </summary>
/// <remarks>
/// Without <c>BackupJobStatus</c> every task is listed, ended ones included, so that a poller
/// sees each task reach <c>Finished</c> or <c>Failed</c>; <c>NoStart</c> lists the tasks not yet
/// started and <c>Progressing</c> the running ones.
/// </remarks>
internal sealed class DescribeBackupTasksOperation : IRpcOperation
{
    public string Version => "2014-08-15";

    public string Action => "DescribeBackupTasks";

    public OperationResult Execute(OperationContext context)
    {
        var instanceId = context.Parameter("DBInstanceId");
        if (string.IsNullOrEmpty(instanceId))
        {
            return StandInErrors.MissingParameter("DBInstanceId");
        }

        long? jobId = null;
        if (context.Parameter("BackupJobId") is { Length: > 0 } jobIdText)
        {
            if (!long.TryParse(jobIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return StandInErrors.InvalidParameter("BackupJobId");
            }

            jobId = parsed;
        }

        var mode = context.Parameter("BackupMode");
        if (mode is { Length: > 0 } && mode is not ("Automated" or "Manual"))
        {
            return StandInErrors.InvalidParameter("BackupMode");
        }

        var status = context.Parameter("BackupJobStatus");
        if (status is { Length: > 0 } && status is not ("NoStart" or "Progressing"))
        {
            return StandInErrors.InvalidParameter("BackupJobStatus");
        }

        if (context.Parameter("ClientToken") is { } token && (token.Length > 64 || token.Any(static c => c > 0x7F)))
        {
            return StandInErrors.InvalidParameter("ClientToken");
        }

        foreach (var name in new[] { "OwnerId", "ResourceOwnerId" })
        {
            if (context.Parameter(name) is { Length: > 0 } id
                && !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return StandInErrors.InvalidParameter(name);
            }
        }

        if (!context.Catalog.TryGetTasks(instanceId, out var tasks))
        {
            return StandInErrors.InvalidDBInstanceIdNotFound;
        }

        var jobs = new List<WireNode>();
        foreach (var task in tasks)
        {
            var state = task.StateAt(context.Elapsed);
            if ((jobId is { } wanted && state.BackupJobId != wanted)
                || (mode is { Length: > 0 } && state.JobMode != mode)
                || (status == "NoStart" && !state.IsNotStarted)
                || (status == "Progressing" && !state.IsProgressing))
            {
                continue;
            }

            jobs.Add(ToWire(state));
        }

        return new WireObject(
            new("Items", new WireObject(new KeyValuePair<string, WireNode>("BackupJob", new WireArray(jobs)))),
            new("RequestId", new WireText(context.RequestId)));
    }

    private static WireObject ToWire(BackupTaskSnapshot state)
    {
        var members = new List<KeyValuePair<string, WireNode>>
        {
            new("BackupProgressStatus", new WireText(state.BackupProgressStatus)),
            new("Process", new WireText(state.Process)),
            new("JobMode", new WireText(state.JobMode)),
        };

        // Like the service: BackupStatus only once the task has run, BackupId only once finished.
        if (state.BackupStatus is { } backupStatus)
        {
            members.Add(new("BackupStatus", new WireText(backupStatus)));
        }

        // Documented as a String, sent as a JSON number.
        members.Add(new("BackupJobId", new WireNumber(state.BackupJobId)));
        members.Add(new("TaskAction", new WireText(state.TaskAction)));
        if (state.BackupId is { } backupId)
        {
            members.Add(new("BackupId", new WireText(backupId)));
        }

        return new WireObject(members);
    }
}
