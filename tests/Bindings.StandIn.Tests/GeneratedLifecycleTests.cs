using Bindings.Client;
using Bindings.Rds;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>
/// The whole backup lifecycle through the client generated from the shipped specs (its pagers and
/// waiters included), over real HTTP: create, the task's progress, the waiter's answer, the set on the
/// right page, the policy read and changed, the set deleted and gone.
/// </summary>
public class GeneratedLifecycleTests
{
    private const string Id = "rm-generated-lifecycle";

    /// <summary>Forty days of daily automated sets: with the new one, 41, two pages of 30.</summary>
    private const int History = 40;

    /// <summary>The waiters poll as fast as they may; each answer moves the stand-in's clock on instead.</summary>
    private static readonly WaiterOptions Prompt = new() { MinDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1), UseJitter = false };

    private static Task<Harness> StartAsync() => Harness.StartAsync(o =>
    {
        o.Profile = StandInProfile.Fast;
        o.Instances = [new StandInInstance(Id, taskCount: 0) { BackupRetentionPeriod = History, ScheduledBackups = false }, .. StandInInstance.Defaults()];
    });

    private static RdsClient Client(Harness h, HttpClient http, SignatureVersion signature, ResponseFormat format) => new(http, new AlibabaCloudClientOptions
    {
        Endpoint = h.StandIn.BaseAddress,
        Credentials = Harness.DefaultCredentials,
        SignatureVersion = signature,
        Format = format,
        TimeProvider = h.Clock,
    });

    [Theory]
    [InlineData(SignatureVersion.V3, ResponseFormat.Json)]
    [InlineData(SignatureVersion.V1, ResponseFormat.Xml)]
    public async Task Create_progress_wait_list_on_the_right_page_policy_delete_gone(SignatureVersion signature, ResponseFormat format)
    {
        await using var h = await StartAsync();
        using var http = new HttpClient();
        var client = Client(h, http, signature, format);

        var created = await client.CreateBackupAsync(new CreateBackupRequest { DBInstanceId = Id });
        var jobId = Assert.IsType<long>(created.BackupJobId);

        // The waiter is told of every answer: the task goes through its phases to Finished.
        var phases = new List<BackupProgressStatusKind>();
        var progress = new Reporter<DescribeBackupTasksResponse>(response =>
        {
            var job = Assert.Single(response.Items);
            Assert.Empty(job.UnknownMembers);
            if (job.BackupProgressStatus?.Kind is { } phase && (phases.Count == 0 || phases[^1] != phase))
            {
                phases.Add(phase);
            }

            h.Clock.Advance(TimeSpan.FromMilliseconds(700));
        });
        var finished = await client.WaitForBackupTaskFinishedAsync(
            new DescribeBackupTasksRequest { DBInstanceId = Id, BackupJobId = jobId }, Prompt, progress);
        Assert.NotNull(finished);
        Assert.Equal(
            [BackupProgressStatusKind.NoStart, BackupProgressStatusKind.Preparing, BackupProgressStatusKind.Waiting,
             BackupProgressStatusKind.Uploading, BackupProgressStatusKind.Checking, BackupProgressStatusKind.Finished],
            phases);
        var task = Assert.Single(finished.Items);
        Assert.Equal(BackupStatusKind.Finished, task.BackupStatus?.Kind);
        var backupId = Assert.IsType<string>(task.BackupId);

        var exists = await client.WaitForBackupSetExistsAsync(new DescribeBackupsRequest { DBInstanceId = Id, BackupId = backupId }, Prompt);
        Assert.NotNull(exists);
        var set = Assert.Single(exists.Items);
        Assert.Empty(set.UnknownMembers);
        Assert.Equal(BackupSetStatusKind.Success, set.BackupStatus?.Kind);
        Assert.Equal(BackupMode.Manual, set.BackupMode);
        Assert.True(set.BackupSize > 2_000_000_000);
        Assert.True(set.BackupStartTime < set.BackupEndTime && set.BackupEndTime <= h.Clock.GetUtcNow());

        // Newest first: the set is on the first page of 30; the pager makes exactly two requests.
        var requests = h.StandIn.Counters.Requests;
        var pages = new List<DescribeBackupsResponse>();
        await foreach (var page in client.DescribeBackupsPagesAsync(new DescribeBackupsRequest { DBInstanceId = Id, PageSize = 30 }))
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal(2, h.StandIn.Counters.Requests - requests);
        Assert.Equal(backupId, pages[0].Items[0].BackupId);
        Assert.DoesNotContain(pages[1].Items, s => s.BackupId == backupId);
        Assert.Equal([30, History + 1 - 30], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(History + 1, p.TotalRecordCount));
        var all = new List<Backup>();
        await foreach (var item in client.DescribeBackupsItemsAsync(new DescribeBackupsRequest { DBInstanceId = Id }))
        {
            all.Add(item);
        }

        Assert.Equal(History + 1, all.Select(s => s.BackupId).Distinct().Count());

        // The policy, read and changed.
        var policy = await client.DescribeBackupPolicyAsync(new DescribeBackupPolicyRequest { DBInstanceId = Id });
        Assert.Equal(History, policy.BackupRetentionPeriod);
        await client.ModifyBackupPolicyAsync(new ModifyBackupPolicyRequest
        {
            DBInstanceId = Id,
            PreferredBackupTime = "02:00Z-03:00Z",
            PreferredBackupPeriod = "Monday,Thursday",
            BackupRetentionPeriod = "45",
            BackupLog = "Enable",
        });
        policy = await client.DescribeBackupPolicyAsync(new DescribeBackupPolicyRequest { DBInstanceId = Id });
        Assert.Equal(45, policy.BackupRetentionPeriod);
        Assert.Equal("Monday,Thursday", policy.PreferredBackupPeriod);
        Assert.Equal("02:00Z-03:00Z", policy.PreferredBackupTime);

        // Deleted and gone; a second delete is the documented refusal.
        await client.DeleteBackupAsync(new DeleteBackupRequest { DBInstanceId = Id, BackupId = [backupId] });
        var after = await client.DescribeBackupsAsync(new DescribeBackupsRequest { DBInstanceId = Id, BackupId = backupId });
        Assert.Empty(after.Items);
        Assert.Equal(0, after.TotalRecordCount);
        var again = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() =>
            client.DeleteBackupAsync(new DeleteBackupRequest { DBInstanceId = Id, BackupId = [backupId] }));
        Assert.Equal("InvalidBackupSetID.NotFound", again.Code);
        Assert.Equal(404, (int)again.StatusCode);
    }

    [Fact]
    public async Task The_task_waiter_fails_for_a_backup_that_fails_and_carries_the_last_answer()
    {
        await using var h = await StartAsync();
        using var http = new HttpClient();
        var client = Client(h, http, SignatureVersion.V3, ResponseFormat.Json);
        var jobId = (await client.CreateBackupAsync(new CreateBackupRequest { DBInstanceId = StandInInstance.FailingInstanceId })).BackupJobId;

        var failed = await Assert.ThrowsAsync<WaiterFailedException>(() => client.WaitForBackupTaskFinishedAsync(
            new DescribeBackupTasksRequest { DBInstanceId = StandInInstance.FailingInstanceId, BackupJobId = jobId },
            Prompt,
            new Reporter<DescribeBackupTasksResponse>(_ => h.Clock.Advance(TimeSpan.FromMilliseconds(700)))));
        Assert.Equal("BackupTaskFinished", failed.WaiterName);
        Assert.Contains("Failed", failed.Reason);
        var last = Assert.IsType<DescribeBackupTasksResponse>(failed.LastResponse);
        Assert.Equal(BackupStatusKind.Failed, Assert.Single(last.Items).BackupStatus?.Kind);
    }

    [Fact]
    public async Task The_task_waiter_times_out_when_the_task_does_not_move()
    {
        await using var h = await StartAsync();
        using var http = new HttpClient();
        var client = Client(h, http, SignatureVersion.V3, ResponseFormat.Json);
        var jobId = (await client.CreateBackupAsync(new CreateBackupRequest { DBInstanceId = Id })).BackupJobId;

        // The stand-in's clock stands still, so the task stays NoStart until the waiter gives up.
        var timedOut = await Assert.ThrowsAsync<WaiterTimeoutException>(() => client.WaitForBackupTaskFinishedAsync(
            new DescribeBackupTasksRequest { DBInstanceId = Id, BackupJobId = jobId },
            new WaiterOptions { MinDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(50), MaxWaitTime = TimeSpan.FromMilliseconds(500) }));
        // However many attempts a loaded machine fits into the half second, the last saw the task not started.
        Assert.True(timedOut.Attempts >= 1);
        var last = Assert.IsType<DescribeBackupTasksResponse>(timedOut.LastResponse);
        Assert.Equal(BackupProgressStatusKind.NoStart, Assert.Single(last.Items).BackupProgressStatus?.Kind);
    }

    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
