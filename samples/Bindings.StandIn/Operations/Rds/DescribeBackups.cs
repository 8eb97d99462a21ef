using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DescribeBackups</c>: the instance's backup sets, newest first, filtered by <c>BackupId</c>,
/// <c>BackupStatus</c>, <c>BackupMode</c>, <c>BackupType</c> and the start-time range
/// <c>StartTime</c>..<c>EndTime</c> (<c>yyyy-MM-ddTHH:mmZ</c>), one page at a time.
/// </summary>
/// <remarks>
/// The paging members are strings here, as documented and as the service sends them (unlike the
/// other paged operations).
/// </remarks>
internal sealed class DescribeBackups : RdsOperation
{
    public static readonly Paging Paging = new(30, 30, 1000, 1, int.MaxValue, StandInErrors.Rds.InvalidMaxRecordsPerPage, StandInErrors.Rds.InvalidPageNumbers);

    private static readonly string[] Statuses = ["Success", "Failed"];
    private static readonly string[] Modes = ["Automated", "Manual"];
    private static readonly string[] Types = ["FullBackup", "IncrementalBackup"];

    public override string Action => "DescribeBackups";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var backupId = call.Parameter("BackupId");
        var status = OneOf(call, "BackupStatus", Statuses);
        var mode = OneOf(call, "BackupMode", Modes);
        var type = OneOf(call, "BackupType", Types);
        var (from, to) = TimeRange(call);
        var page = Paging.Read(call);
        CheckOwnerIds(call);
        var instance = Instance(call, view);

        var sets = instance.Sets(view.Now)
            .Where(s => (string.IsNullOrEmpty(backupId) || s.BackupId == backupId)
                && (status is null || s.Status == status)
                && (mode is null || s.Mode == mode)
                && (type is null || s.Type == type)
                && (from is null || s.Start >= from)
                && (to is null || s.Start <= to))
            .ToList();
        var items = new StandInArray(page.Of(sets).Select(s => (StandInValue)ToWire(instance, s)));
        return new StandInObject
        {
            { "Items", new StandInObject { { "Backup", items } } },
            { "PageNumber", page.Number.ToString(CultureInfo.InvariantCulture) },
            { "PageRecordCount", items.Items.Count.ToString(CultureInfo.InvariantCulture) },
            { "TotalRecordCount", sets.Count.ToString(CultureInfo.InvariantCulture) },
            { "TotalEcsSnapshotSize", 0 },
        };
    }

    /// <summary>The backup set as the service describes it.</summary>
    public static StandInObject ToWire(InstanceState instance, BackupSet set) => new()
    {
        { "BackupId", set.BackupId },
        { "DBInstanceId", set.DBInstanceId },
        { "BackupStatus", set.Status },
        // Documented to the minute, sent to the second (the documented example does too).
        { "BackupStartTime", WireTime.Seconds(set.Start) },
        { "BackupEndTime", WireTime.Seconds(set.End) },
        { "BackupType", set.Type },
        { "BackupMode", set.Mode },
        { "BackupMethod", set.Method },
        { "BackupInitiator", set.Initiator },
        { "BackupSize", set.Size },
        { "BackupDownloadURL", "" },
        { "BackupIntranetDownloadURL", "" },
        { "BackupDownloadLinkByDB", new StandInObject { { "BackupDownloadLinkByDB", new StandInArray() } } },
        { "Checksum", Checksum(set.BackupId) },
        { "ConsistentTime", WireTime.UnixSeconds(set.End) },
        { "CopyOnlyBackup", "0" },
        { "Encryption", "{}" },
        { "Engine", instance.Definition.Engine },
        { "EngineVersion", instance.Definition.EngineVersion },
        { "HostInstanceID", instance.HostInstanceId.ToString(CultureInfo.InvariantCulture) },
        { "IsAvail", set.Succeeded ? 1 : 0 },
        { "MetaStatus", set.Succeeded ? "OK" : "" },
        { "StorageClass", "0" },
        { "StoreStatus", set.Deletable ? "Enabled" : "Disabled" },
        { "ExpectExpireTime", WireTime.Seconds(set.End.AddDays(instance.Policy.BackupRetentionPeriod)) },
    };

    /// <summary>A CRC64-looking checksum that is the same for the same set.</summary>
    public static string Checksum(string key) =>
        ((ulong)(uint)StandInState.StableHash(key) * 4294967311UL + (uint)StandInState.StableHash(key + "#")).ToString(CultureInfo.InvariantCulture);

    private static (DateTimeOffset? From, DateTimeOffset? To) TimeRange(StandInCall call)
    {
        DateTimeOffset? from = null, to = null;
        if (call.Parameter("StartTime") is { Length: > 0 } start)
        {
            from = WireTime.TryParseMinutes(start, out var value) ? value : throw new StandInException(StandInErrors.Rds.InvalidStartTimeFormat);
        }

        if (call.Parameter("EndTime") is { Length: > 0 } end)
        {
            to = WireTime.TryParseMinutes(end, out var value) ? value : throw new StandInException(StandInErrors.Rds.InvalidEndTimeFormat);
        }

        if (from is { } f && to is { } t && t <= f)
        {
            throw new StandInException(StandInErrors.Rds.InvalidParameterCombination);
        }

        return (from, to);
    }
}
