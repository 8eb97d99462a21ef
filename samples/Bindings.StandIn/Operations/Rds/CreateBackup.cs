using System.Globalization;
using System.Text.RegularExpressions;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>CreateBackup</c>: starts a manual backup task; <c>DescribeBackupTasks</c> shows it progress and,
/// once it has ended, <c>DescribeBackups</c> lists its set. An instance configured with
/// <see cref="StandInInstance.BackupsFailIn"/> gets a task that fails.
/// </summary>
internal sealed partial class CreateBackup : RdsOperation
{
    private static readonly string[] Methods = ["Logical", "Physical", "Snapshot"];
    private static readonly string[] Types = ["Auto", "FullBackup"];
    private static readonly string[] Strategies = ["db", "instance"];

    public override string Action => "CreateBackup";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var method = OneOf(call, "BackupMethod", Methods, StandInErrors.Rds.InvalidBackupMethod) ?? "Physical";
        OneOf(call, "BackupType", Types, StandInErrors.Rds.BackupTypeNotSupport);
        OneOf(call, "BackupStrategy", Strategies);
        if (call.Parameter("DBName") is { Length: > 0 } names)
        {
            foreach (var name in names.Split(','))
            {
                if (!DatabaseName().IsMatch(name))
                {
                    throw new StandInException(StandInErrors.Rds.InvalidDBNameFormat);
                }
            }
        }

        call.Int64Parameter("BackupRetentionPeriod", 1);
        CheckOwnerIds(call);
        var instance = Instance(call, view);
        if (instance.Status(view.Now) != "Running")
        {
            throw new StandInException(StandInErrors.Rds.IncorrectDBInstanceState);
        }

        if (instance.HasRunningUserTask(view.Elapsed))
        {
            throw new StandInException(StandInErrors.Rds.BackupJobExists);
        }

        var task = view.State.StartBackup(instance, view.Now, method, "FullBackup");
        // Documented and sent as a string here (DescribeBackupTasks sends the same ID as a number).
        return new StandInObject { { "BackupJobId", task.BackupJobId.ToString(CultureInfo.InvariantCulture) } };
    }

    // MySQL database names: a lowercase letter first, then lowercase letters, digits and underscores, 64 at most.
    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();
}
