using System.Globalization;
using System.Net;
using Bindings.Rds;

namespace Bindings.Client.Tests;

/// <summary>
/// The pagers and waiters generated from the shipped RDS specs (DescribeBackups' pagination, the
/// BackupTaskFinished and BackupSetExists waiters), against a scripted service: requests made only as
/// needed, the request untouched, success, failure, time-out and cancellation.
/// </summary>
public class GeneratedPagerAndWaiterTests
{
    private static readonly WaiterOptions Fast = new() { MinDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false };

    [Fact]
    public async Task ThreePagesWithAShortLastPageTakeExactlyThreeRequests()
    {
        var handler = BackupPages(total: 70, reportTotal: true);
        var request = new DescribeBackupsRequest { DBInstanceId = "rm-a" };

        var ids = new List<string?>();
        await foreach (var backup in TestClients.Rds(handler).DescribeBackupsItemsAsync(request))
        {
            ids.Add(backup.BackupId);
        }

        Assert.Equal(Enumerable.Range(1, 70).Select(i => i.ToString(CultureInfo.InvariantCulture)), ids);
        Assert.Equal(new[] { "1", "2", "3" }, handler.Requests.Select(r => r.Parameter("PageNumber")));
        // The spec's default page size (30) is what the pager assumes, and it says so on the wire.
        Assert.All(handler.Requests, r => Assert.Equal("30", r.Parameter("PageSize")));
        Assert.Null(request.PageNumber);
    }

    [Fact]
    public async Task PagesStartAtTheRequestsPageAndStopAtTheTotal()
    {
        var handler = BackupPages(total: 60, reportTotal: true);
        var pages = new List<DescribeBackupsResponse>();
        await foreach (var page in TestClients.Rds(handler).DescribeBackupsPagesAsync(new DescribeBackupsRequest { DBInstanceId = "rm-a", PageNumber = 2 }))
        {
            pages.Add(page);
        }

        Assert.Single(pages);
        Assert.Equal(new[] { "2" }, handler.Requests.Select(r => r.Parameter("PageNumber")));
    }

    [Fact]
    public async Task AServiceThatCapsThePageSizeIsPagedToItsTotal()
    {
        var handler = BackupPages(total: 25, reportTotal: true, maxPageSize: 10);
        var count = 0;
        await foreach (var unused in TestClients.Rds(handler).DescribeBackupsItemsAsync(new DescribeBackupsRequest { DBInstanceId = "rm-a", PageSize = 30 }))
        {
            count++;
        }

        Assert.Equal(25, count);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task BreakingOutAfterTheFirstItemMakesOneRequest()
    {
        var handler = BackupPages(total: 70, reportTotal: true);
        await foreach (var unused in TestClients.Rds(handler).DescribeBackupsItemsAsync(new DescribeBackupsRequest { DBInstanceId = "rm-a" }))
        {
            break;
        }

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ACancelledPagerMakesNoFurtherRequest()
    {
        var handler = BackupPages(total: 70, reportTotal: true);
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in TestClients.Rds(handler).DescribeBackupsPagesAsync(new DescribeBackupsRequest { DBInstanceId = "rm-a" }, cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task TheTaskWaiterSucceedsOnceEveryTaskHasFinished()
    {
        var handler = Tasks("Uploading", "Uploading", "Finished");
        var seen = new List<string?>();

        var response = await TestClients.Rds(handler).WaitForBackupTaskFinishedAsync(
            new DescribeBackupTasksRequest { DBInstanceId = "rm-a", BackupJobId = 4762614 }, Fast, new SyncProgress<DescribeBackupTasksResponse>(r => seen.Add(r.Items[0].BackupStatus?.WireValue)));

        Assert.Equal(BackupStatus.Finished, response.Items[0].BackupStatus);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(new[] { "Uploading", "Uploading", "Finished" }, seen);
        Assert.All(handler.Requests, r => Assert.Equal("4762614", r.Parameter("BackupJobId")));
    }

    [Fact]
    public async Task TheTaskWaiterFailsNamingTheStateWhenATaskHasFailed()
    {
        var handler = Tasks("Uploading", "Failed");

        var failure = await Assert.ThrowsAsync<WaiterFailedException>(() => TestClients.Rds(handler).WaitForBackupTaskFinishedAsync(new DescribeBackupTasksRequest { DBInstanceId = "rm-a" }, Fast));

        Assert.Equal("BackupTaskFinished", failure.WaiterName);
        Assert.Equal("Items[].BackupStatus is Failed", failure.Reason);
        Assert.Equal(2, failure.Attempts);
        Assert.IsType<DescribeBackupTasksResponse>(failure.LastResponse);
    }

    [Fact]
    public async Task TheTaskWaiterTimesOutCarryingTheLastResponse()
    {
        var handler = Tasks("Uploading");
        var options = new WaiterOptions { MinDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10), MaxWaitTime = TimeSpan.FromMilliseconds(100), UseJitter = false };

        var timeout = await Assert.ThrowsAsync<WaiterTimeoutException>(() => TestClients.Rds(handler).WaitForBackupTaskFinishedAsync(new DescribeBackupTasksRequest { DBInstanceId = "rm-a" }, options));

        Assert.Equal(TimeSpan.FromMilliseconds(100), timeout.MaxWaitTime);
        Assert.True(timeout.Attempts >= 1);
        Assert.Equal(BackupStatus.Uploading, ((DescribeBackupTasksResponse)timeout.LastResponse!).Items[0].BackupStatus);
    }

    [Fact]
    public async Task TheTaskWaiterStopsWhenCancelled()
    {
        var handler = Tasks("Uploading");
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress<DescribeBackupTasksResponse>(_ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestClients.Rds(handler).WaitForBackupTaskFinishedAsync(
            new DescribeBackupTasksRequest { DBInstanceId = "rm-a" }, Fast, progress, cancellation.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task TheBackupSetWaiterSucceedsOnceTheSetIsListed()
    {
        var handler = new FakeHttpHandler()
            .Then(HttpStatusCode.OK, BackupsBody(0, 0, 0))
            .Then(HttpStatusCode.OK, BackupsBody(1, 1, 1));

        var response = await TestClients.Rds(handler).WaitForBackupSetExistsAsync(new DescribeBackupsRequest { DBInstanceId = "rm-a", BackupId = "1" }, Fast);

        Assert.Equal("1", Assert.Single(response.Items).BackupId);
        Assert.Equal(2, handler.Requests.Count);
    }

    private static FakeHttpHandler Tasks(params string[] states)
    {
        var handler = new FakeHttpHandler();
        foreach (var state in states)
        {
            handler.Then(HttpStatusCode.OK, "{\"Items\":{\"BackupJob\":[{\"BackupJobId\":4762614,\"BackupStatus\":\"" + state + "\"}]},\"RequestId\":\"R\"}");
        }

        return handler;
    }

    // Backups 1..total by page number and size (30 when none is sent), capped at maxPageSize.
    private static FakeHttpHandler BackupPages(int total, bool reportTotal, int maxPageSize = int.MaxValue)
        => new FakeHttpHandler().Then(request =>
        {
            var page = int.Parse(request.Parameter("PageNumber") ?? "1", CultureInfo.InvariantCulture);
            var size = Math.Min(maxPageSize, int.Parse(request.Parameter("PageSize") ?? "30", CultureInfo.InvariantCulture));
            var first = ((page - 1) * size) + 1;
            var count = Math.Max(0, Math.Min(size, total - first + 1));
            return Responses.Make(HttpStatusCode.OK, BackupsBody(first, count, reportTotal ? total : null));
        });

    private static string BackupsBody(int first, int count, int? total)
    {
        var items = string.Join(",", Enumerable.Range(first, count).Select(id => "{\"BackupId\":\"" + id.ToString(CultureInfo.InvariantCulture) + "\",\"BackupStatus\":\"Success\"}"));
        return "{\"Items\":{\"Backup\":[" + items + "]},\"PageRecordCount\":" + count.ToString(CultureInfo.InvariantCulture)
            + (total is { } t ? ",\"TotalRecordCount\":\"" + t.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty) + ",\"RequestId\":\"R\"}";
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
