using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DescribeLogBackupFiles</c>: the uploaded log backups, the same files as the binary logs
/// (see <see cref="LogFiles"/>), within the log backup retention period and only while log
/// backup is enabled; <c>StartTime</c>/<c>EndTime</c> to the minute (<c>yyyy-MM-ddTHH:mmZ</c>).
/// </summary>
internal sealed class DescribeLogBackupFiles : RdsOperation
{
    public override string Action => "DescribeLogBackupFiles";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        if (!WireTime.TryParseMinutes(call.RequiredParameter("StartTime"), out var from)
            || !WireTime.TryParseMinutes(call.RequiredParameter("EndTime"), out var to)
            || to <= from)
        {
            throw new StandInException(StandInErrors.Rds.InvalidParametersFormat);
        }

        var page = DescribeBinlogFiles.Paging.Read(call);   // the same documented bounds and codes
        CheckOwnerIds(call);
        var instance = Instance(call, view);
        var retained = view.Now.AddDays(-instance.Policy.LogBackupRetentionPeriod);
        var files = instance.Policy.LogBackupEnabled
            ? LogFiles.Between(instance, from > retained ? from : retained, to, view.Now)
            : [];
        return DescribeBinlogFiles.LogFilePage(files, page, f => new StandInObject
        {
            { "LogBeginTime", WireTime.Minutes(f.Begin) },
            { "LogEndTime", WireTime.Minutes(f.End) },
            { "FileSize", f.Size },
            { "DownloadLink", "" },
            { "IntranetDownloadLink", "" },
            { "LinkExpiredTime", WireTime.Seconds(view.Now.AddDays(1)) },
        });
    }
}
