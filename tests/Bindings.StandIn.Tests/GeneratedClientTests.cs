using Bindings.Client;
using Bindings.Rds;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>The stand-in through the client generated from the shipped specs, over real HTTP.</summary>
public class GeneratedClientTests
{
    [Theory]
    [InlineData(SignatureVersion.V3, ResponseFormat.Json)]
    [InlineData(SignatureVersion.V1, ResponseFormat.Xml)]
    public async Task A_backup_started_on_the_stand_in_is_followed_to_Finished_through_the_generated_client(SignatureVersion signature, ResponseFormat format)
    {
        await using var h = await Harness.StartAsync(o =>
        {
            o.Profile = StandInProfile.Fast;
            o.Instances = [new StandInInstance("rm-generated", taskCount: 0)];
        });
        using var http = new HttpClient();
        var client = new RdsClient(http, new AlibabaCloudClientOptions
        {
            Endpoint = h.StandIn.BaseAddress,
            Credentials = Harness.DefaultCredentials,
            SignatureVersion = signature,
            Format = format,
            TimeProvider = h.Clock,
        });

        var jobId = long.Parse((await h.OkAsync("CreateBackup", ("DBInstanceId", "rm-generated"))).GetProperty("BackupJobId").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var seen = new List<BackupProgressStatusKind>();
        BackupJob job;
        do
        {
            var response = await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest { DBInstanceId = "rm-generated", BackupJobId = jobId });
            job = Assert.Single(response.Items);
            Assert.Empty(job.UnknownMembers);
            var phase = job.BackupProgressStatus!.Value.Kind;
            if (seen.Count == 0 || seen[^1] != phase)
            {
                seen.Add(phase);
            }

            h.Clock.Advance(TimeSpan.FromMilliseconds(800));
        }
        while (job.BackupStatus?.Kind is not (BackupStatusKind.Finished or BackupStatusKind.Failed) && seen.Count < 20);

        Assert.Equal(
            [BackupProgressStatusKind.NoStart, BackupProgressStatusKind.Preparing, BackupProgressStatusKind.Waiting,
             BackupProgressStatusKind.Uploading, BackupProgressStatusKind.Checking, BackupProgressStatusKind.Finished],
            seen);
        Assert.Equal(BackupStatusKind.Finished, job.BackupStatus?.Kind);
        Assert.Equal(BackupMode.Manual, job.JobMode);
        Assert.False(string.IsNullOrEmpty(job.BackupId));
        Assert.Equal(jobId, job.BackupJobId);
    }

    [Fact]
    public async Task A_refusal_is_the_generated_clients_service_exception_with_the_documented_code()
    {
        await using var h = await Harness.StartAsync();
        using var http = new HttpClient();
        var client = new RdsClient(http, new AlibabaCloudClientOptions
        {
            Endpoint = h.StandIn.BaseAddress,
            Credentials = Harness.DefaultCredentials,
            TimeProvider = h.Clock,
        });
        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() =>
            client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest { DBInstanceId = "rm-nosuch" }));
        Assert.Equal("InvalidDBInstanceId.NotFound", error.Code);
        Assert.Equal(400, (int)error.StatusCode);
    }
}
