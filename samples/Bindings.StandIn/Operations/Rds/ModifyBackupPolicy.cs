using System;
using System.Globalization;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>ModifyBackupPolicy</c>: changes the data backup policy (<c>BackupPolicyMode</c>
/// <c>DataBackupPolicy</c>, the default) or the log backup policy (<c>LogBackupPolicy</c>). Every
/// value is checked against its documented range or format before anything changes; the
/// parameters documented as "must be specified" for a mode are required in it; a parameter that
/// "takes effect only" in the other mode is ignored, as documented.
/// </summary>
internal sealed class ModifyBackupPolicy : RdsOperation
{
    public static readonly string[] CompressTypes = ["0", "1", "2", "4", "8"];

    private static readonly string[] Modes = ["DataBackupPolicy", "LogBackupPolicy"];
    private static readonly string[] BackupLogs = ["Enable", "Disabled"];
    private static readonly string[] EnableBackupLogs = ["1", "0", "True", "False"];
    private static readonly string[] Protections = ["Enable", "Disable"];
    private static readonly string[] KeepPolicies = ["ByMonth", "ByWeek", "KeepAll"];
    private static readonly string[] ReleasedKeepPolicies = ["None", "Lastest", "All"];
    private static readonly string[] Categories = ["Flash", "Standard"];
    private static readonly string[] Intervals = ["-1", "30", "60", "120", "240", "480"];
    private static readonly string[] Methods = ["Physical", "Snapshot"];
    private static readonly string[] Booleans = ["true", "false"];

    public override string Action => "ModifyBackupPolicy";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var mode = OneOf(call, "BackupPolicyMode", Modes) ?? "DataBackupPolicy";
        CheckOwnerIds(call);
        var instance = Instance(call, view);
        var policy = instance.Policy;
        var (apply, retention) = mode == "DataBackupPolicy" ? ReadData(call, policy) : ReadLog(call, policy);

        // Both modes: the log backup retention, never longer than the data backup retention.
        var logRetention = Int32(call, "LogBackupRetentionPeriod", 7, 730, StandInErrors.Rds.InvalidBackupRetentionPeriod);
        if (logRetention > retention)
        {
            throw new StandInException(StandInErrors.Rds.InvalidBackupRetentionPeriod);
        }

        apply();
        policy.LogBackupRetentionPeriod = Math.Min(logRetention ?? policy.LogBackupRetentionPeriod, retention);

        return new StandInObject
        {
            { "DBInstanceID", instance.Id },
            { "EnableBackupLog", policy.EnableBackupLog },
            { "LocalLogRetentionHours", policy.LocalLogRetentionHours },
            { "LocalLogRetentionSpace", policy.LocalLogRetentionSpace.ToString(CultureInfo.InvariantCulture) },
            { "HighSpaceUsageProtection", policy.HighSpaceUsageProtection },
            { "LogBackupLocalRetentionNumber", policy.LogBackupLocalRetentionNumber },
            { "CompressType", policy.CompressType },
        };
    }

    /// <summary>
    /// Checks every data-mode parameter and returns what applies them (nothing changes before all
    /// are valid) and the data backup retention they leave.
    /// </summary>
    private static (Action Apply, int Retention) ReadData(StandInCall call, BackupPolicy policy)
    {
        var time = call.RequiredParameter("PreferredBackupTime");
        if (!Policies.IsBackupWindow(time))
        {
            throw new StandInException(StandInErrors.Rds.InvalidPreferredBackupTime);
        }

        var period = call.RequiredParameter("PreferredBackupPeriod");
        if (!Policies.IsPeriod(period))
        {
            throw new StandInException(StandInErrors.Rds.InvalidPreferredBackupPeriod);
        }

        call.RequiredParameter("BackupRetentionPeriod");
        var retention = Int32(call, "BackupRetentionPeriod", 7, 730, StandInErrors.Rds.InvalidBackupRetentionPeriod)!.Value;
        var backupLog = OneOf(call, "BackupLog", BackupLogs) ?? throw new StandInException(StandInErrors.MissingParameter("BackupLog"));
        var frequency = OneOf(call, "LogBackupFrequency", ["LogInterval"], StandInErrors.Rds.InvalidLogBackupFrequency);
        var compress = OneOf(call, "CompressType", CompressTypes);
        var archive = Int32(call, "ArchiveBackupRetentionPeriod", 0, 1095, StandInErrors.Rds.InvalidColdRetention);
        if (archive is > 0 and < 30)
        {
            throw new StandInException(StandInErrors.Rds.InvalidColdRetention);
        }

        var keepPolicy = OneOf(call, "ArchiveBackupKeepPolicy", KeepPolicies, StandInErrors.Rds.InvalidColdRetention);
        var keepCount = Int32(call, "ArchiveBackupKeepCount", 1, (keepPolicy ?? policy.ArchiveBackupKeepPolicy) == "ByWeek" ? 7 : 31, StandInErrors.Rds.InvalidColdRetention);
        var released = OneOf(call, "ReleasedKeepPolicy", ReleasedKeepPolicies);
        var category = OneOf(call, "Category", Categories);
        var interval = OneOf(call, "BackupInterval", Intervals);
        var method = OneOf(call, "BackupMethod", Methods);
        if (method == "Physical" && policy.BackupMethod == "Snapshot")
        {
            throw new StandInException(StandInErrors.Rds.SwitchSnapshotToPhysical);
        }

        var increment = OneOf(call, "EnableIncrementDataBackup", Booleans);
        var priority = Int32(call, "BackupPriority", 1, 2);
        return (() =>
        {
            policy.PreferredBackupTime = time;
            policy.PreferredBackupPeriod = period;
            policy.BackupRetentionPeriod = retention;
            policy.LogBackupEnabled = backupLog == "Enable";
            policy.LogBackupFrequency = frequency ?? policy.LogBackupFrequency;
            policy.CompressType = compress ?? policy.CompressType;
            policy.ArchiveBackupRetentionPeriod = archive?.ToString(CultureInfo.InvariantCulture) ?? policy.ArchiveBackupRetentionPeriod;
            policy.ArchiveBackupKeepPolicy = keepPolicy ?? policy.ArchiveBackupKeepPolicy;
            policy.ArchiveBackupKeepCount = keepCount?.ToString(CultureInfo.InvariantCulture) ?? policy.ArchiveBackupKeepCount;
            policy.ReleasedKeepPolicy = released ?? policy.ReleasedKeepPolicy;
            policy.Category = category ?? policy.Category;
            policy.BackupInterval = interval ?? policy.BackupInterval;
            policy.BackupMethod = method ?? policy.BackupMethod;
            policy.EnableIncrementDataBackup = increment is null ? policy.EnableIncrementDataBackup : increment == "true";
            policy.BackupPriority = priority ?? policy.BackupPriority;
        }, retention);
    }

    /// <summary>Checks every log-mode parameter and returns what applies them and the (unchanged) data backup retention.</summary>
    private static (Action Apply, int Retention) ReadLog(StandInCall call, BackupPolicy policy)
    {
        var enable = OneOf(call, "EnableBackupLog", EnableBackupLogs) ?? throw new StandInException(StandInErrors.MissingParameter("EnableBackupLog"));
        call.RequiredParameter("LocalLogRetentionHours");
        var hours = Int32(call, "LocalLogRetentionHours", 0, 168)!.Value;
        call.RequiredParameter("LocalLogRetentionSpace");
        var space = Int32(call, "LocalLogRetentionSpace", 0, 50)!.Value;
        var protection = OneOf(call, "HighSpaceUsageProtection", Protections)
            ?? throw new StandInException(StandInErrors.MissingParameter("HighSpaceUsageProtection"));
        var number = Int32(call, "LogBackupLocalRetentionNumber", -1, 100);
        if (number is >= 0 and < 6 || (number == -1 && policy.BackupMethod != "Physical"))
        {
            throw new StandInException(StandInErrors.InvalidParameter("LogBackupLocalRetentionNumber"));
        }

        return (() =>
        {
            policy.LogBackupEnabled = enable is "1" or "True";
            policy.LocalLogRetentionHours = hours;
            policy.LocalLogRetentionSpace = space;
            policy.HighSpaceUsageProtection = protection;
            policy.LogBackupLocalRetentionNumber = number ?? policy.LogBackupLocalRetentionNumber;
        }, policy.BackupRetentionPeriod);
    }
}
