using System.Globalization;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary><c>DescribeBackupPolicy</c>: the instance's backup policy, as <c>ModifyBackupPolicy</c> left it.</summary>
/// <remarks>Member types as documented: several numbers are strings (<c>CompressType</c>, <c>LocalLogRetentionSpace</c>, ...).</remarks>
internal sealed class DescribeBackupPolicy : RdsOperation
{
    private static readonly string[] Modes = ["DataBackupPolicy", "LogBackupPolicy"];
    private static readonly string[] ReleasedKeepPolicies = ["None", "Lastest", "All"];

    public override string Action => "DescribeBackupPolicy";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        OneOf(call, "BackupPolicyMode", Modes);
        OneOf(call, "ReleasedKeepPolicy", ReleasedKeepPolicies);
        OneOf(call, "CompressType", ModifyBackupPolicy.CompressTypes);
        CheckOwnerIds(call);
        var instance = Instance(call, view);
        var policy = instance.Policy;
        return new StandInObject
        {
            { "BackupRetentionPeriod", policy.BackupRetentionPeriod },
            { "PreferredBackupTime", policy.PreferredBackupTime },
            { "PreferredBackupPeriod", policy.PreferredBackupPeriod },
            { "PreferredNextBackupTime", WireTime.Minutes(policy.NextOccurrence(view.Now)) },
            { "BackupLog", policy.BackupLog },
            { "EnableBackupLog", policy.EnableBackupLog },
            { "LogBackupRetentionPeriod", policy.LogBackupRetentionPeriod },
            { "LocalLogRetentionHours", policy.LocalLogRetentionHours },
            { "LocalLogRetentionSpace", policy.LocalLogRetentionSpace.ToString(CultureInfo.InvariantCulture) },
            { "HighSpaceUsageProtection", policy.HighSpaceUsageProtection },
            { "LogBackupFrequency", policy.LogBackupFrequency },
            { "LogBackupLocalRetentionNumber", policy.LogBackupLocalRetentionNumber },
            { "CompressType", policy.CompressType },
            { "ArchiveBackupRetentionPeriod", policy.ArchiveBackupRetentionPeriod },
            { "ArchiveBackupKeepPolicy", policy.ArchiveBackupKeepPolicy },
            { "ArchiveBackupKeepCount", policy.ArchiveBackupKeepCount },
            { "ReleasedKeepPolicy", policy.ReleasedKeepPolicy },
            { "Category", policy.Category },
            { "BackupInterval", policy.BackupInterval },
            { "BackupMethod", policy.BackupMethod },
            { "EnableIncrementDataBackup", policy.EnableIncrementDataBackup },
            { "BackupPriority", policy.BackupPriority },
            { "EnablePitrProtection", policy.LogBackupEnabled },
            { "PitrRetentionPeriod", policy.LogBackupEnabled ? policy.LogBackupRetentionPeriod : 0 },
            { "SupportModifyBackupPriority", false },
            { "SupportReleasedKeep", 1 },
            { "SupportVolumeShadowCopy", 0 },
            { "SupportsHighFrequencyBackup", 0 },
        };
    }
}
