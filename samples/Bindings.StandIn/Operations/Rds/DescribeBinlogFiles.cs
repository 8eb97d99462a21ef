using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DescribeBinlogFiles</c>: the binary log files (see <see cref="LogFiles"/>) that overlap
/// <c>StartTime</c>..<c>EndTime</c> (<c>yyyy-MM-ddTHH:mm:ssZ</c>, both required), within the data
/// backup retention period, one page at a time.
/// </summary>
internal sealed class DescribeBinlogFiles : RdsOperation
{
    public static readonly Paging Paging =
        new(30, 30, 1000, 1, int.MaxValue, StandInErrors.Rds.InvalidParametersFormat, StandInErrors.Rds.InvalidParametersFormat);

    public override string Action => "DescribeBinlogFiles";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var from = WireTime.TryParseSeconds(call.RequiredParameter("StartTime"), out var start)
            ? start
            : throw new StandInException(StandInErrors.Rds.InvalidStartTimeFormat);
        var to = WireTime.TryParseSeconds(call.RequiredParameter("EndTime"), out var end)
            ? end
            : throw new StandInException(StandInErrors.Rds.InvalidEndTimeFormat);
        if (to <= from)
        {
            throw new StandInException(StandInErrors.Rds.InvalidParameterCombination);
        }

        var page = Paging.Read(call);
        CheckOwnerIds(call);
        var instance = Instance(call, view);
        var retained = view.Now.AddDays(-instance.Policy.BackupRetentionPeriod);
        var files = LogFiles.Between(instance, from > retained ? from : retained, to, view.Now);
        return LogFilePage(files, page, f => new StandInObject
        {
            { "LogFileName", f.Name },
            { "LogBeginTime", WireTime.Seconds(f.Begin) },
            { "LogEndTime", WireTime.Seconds(f.End) },
            { "FileSize", f.Size },
            { "Checksum", f.Checksum },
            { "HostInstanceID", instance.HostInstanceId.ToString(CultureInfo.InvariantCulture) },
            { "RemoteStatus", "Completed" },
            { "DownloadLink", "" },
            { "IntranetDownloadLink", "" },
            { "LinkExpiredTime", WireTime.Seconds(view.Now.AddDays(1)) },
        });
    }

    /// <summary>The answer both log operations share: a page of <c>Items.BinLogFile</c>, the counts and the total size.</summary>
    public static StandInObject LogFilePage(List<LogFile> files, Page page, Func<LogFile, StandInObject> describe)
    {
        var items = new StandInArray(page.Of(files).Select(f => (StandInValue)describe(f)));
        return new StandInObject
        {
            { "Items", new StandInObject { { "BinLogFile", items } } },
            { "PageNumber", page.Number },
            { "PageRecordCount", items.Items.Count },
            { "TotalRecordCount", files.Count },
            { "TotalFileSize", files.Sum(static f => f.Size) },
        };
    }
}
