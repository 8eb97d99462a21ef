using System.Net;
using System.Text.Json;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>Successful calls: both signatures, GET and POST, both formats, the documented shapes, the filters.</summary>
public class ProtocolTests
{
    [Fact]
    public async Task V1_GET_with_Format_JSON_answers_the_documented_JSON_envelope()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe());

        var (jobs, requestId) = Bodies.ReadJobs(answer, "JSON");
        Assert.Equal(4, jobs.Count);
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(requestId, answer.Headers.GetValues("x-acs-request-id").Single());

        // The raw text too: BackupJobId a bare number, Process a quoted string, Items then RequestId.
        var root = answer.Json();
        Assert.Equal(["Items", "RequestId"], root.EnumerateObject().Select(static p => p.Name).ToArray());
        Assert.Contains($"\"BackupJobId\":{jobs[0].BackupJobId}", answer.Body, StringComparison.Ordinal);
        Assert.Contains("\"Process\":\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_without_Format_answers_XML_like_the_service()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe(), format: null);

        Assert.StartsWith("<?xml", answer.Body, StringComparison.Ordinal);
        var (jobs, _) = Bodies.ReadJobs(answer, "XML");
        Assert.Equal(4, jobs.Count);
        Assert.Equal(["Items", "RequestId"], answer.Xml().Elements().Select(static e => e.Name.LocalName).ToArray());
    }

    [Fact]
    public async Task V1_with_Format_XML_lists_a_single_task_as_one_repeated_element()
    {
        await using var h = await Harness.StartAsync();
        var id = h.StandIn.GetTasks(StandInInstance.DefaultInstanceId)[1].BackupJobId;
        var (answer, _) = await h.SendV1Async(Harness.Describe(more: ("BackupJobId", id.ToString())), format: "XML");

        var (jobs, _) = Bodies.ReadJobs(answer, "XML");
        Assert.Equal(id, Assert.Single(jobs).BackupJobId);
        Assert.Single(answer.Xml().Element("Items")!.Elements("BackupJob"));
    }

    [Fact]
    public async Task V1_POST_with_a_form_body_is_checked_and_answered_like_GET()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe(), method: "POST");

        var (jobs, _) = Bodies.ReadJobs(answer, "JSON");
        Assert.Equal(4, jobs.Count);
    }

    [Fact]
    public async Task V1_POST_signed_as_GET_does_not_match()
    {
        await using var h = await Harness.StartAsync();
        // The method is part of the string to sign.
        var signed = RpcSignatureV1.Sign("GET", Harness.Describe(), Harness.DefaultCredentials, h.Clock.GetUtcNow(), SignatureNonce.Create(), "JSON");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(signed.Parameters),
        };
        var answer = await h.SendAsync(request);

        var error = Bodies.AssertError(answer, "JSON", 400, "SignatureDoesNotMatch");
        Assert.EndsWith("POST" + signed.StringToSign[3..], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3_GET_answers_JSON_by_default()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV3Async(Harness.Describe());

        var (jobs, _) = Bodies.ReadJobs(answer, "JSON");
        Assert.Equal(4, jobs.Count);
    }

    [Fact]
    public async Task V3_answers_XML_when_Format_or_Accept_asks_for_it()
    {
        await using var h = await Harness.StartAsync();
        var (byFormat, _) = await h.SendV3Async(Harness.Describe(more: ("Format", "XML")));
        var (byAccept, _) = await h.SendV3Async(Harness.Describe(), accept: "application/xml");

        Assert.Equal(4, Bodies.ReadJobs(byFormat, "XML").Jobs.Count);
        Assert.Equal(4, Bodies.ReadJobs(byAccept, "XML").Jobs.Count);
    }

    [Fact]
    public async Task V3_POST_with_a_signed_form_body_reads_the_parameters_from_the_body()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV3Async(
            Harness.Describe(instanceId: null), method: "POST", formBody: $"DBInstanceId={StandInInstance.FailingInstanceId}");

        Assert.Equal(3, Bodies.ReadJobs(answer, "JSON").Jobs.Count);
    }

    [Fact]
    public async Task V3_body_changed_after_signing_does_not_match()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV3Async(
            Harness.Describe(instanceId: null), method: "POST", formBody: $"DBInstanceId={StandInInstance.DefaultInstanceId}",
            tamper: request =>
            {
                var content = new ByteArrayContent("DBInstanceId=rm-other"u8.ToArray());
                content.Headers.ContentType = request.Content!.Headers.ContentType;
                request.Content = content;
            });

        Bodies.AssertError(answer, "JSON", 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Tasks_carry_every_documented_field_with_documented_values()
    {
        await using var h = await Harness.StartAsync(o => o.Profile = StandInProfile.Fast);
        h.Clock.Advance(TimeSpan.FromSeconds(4));
        var (answer, _) = await h.SendV1Async(Harness.Describe(StandInInstance.FailingInstanceId));

        foreach (var job in Bodies.ReadJobs(answer, "JSON").Jobs)
        {
            Assert.Contains(job.BackupProgressStatus, new[] { "NoStart", "Preparing", "Waiting", "Uploading", "Checking", "Finished" });
            Assert.Contains(job.JobMode, new[] { "Automated", "Manual" });
            Assert.Contains(job.TaskAction, new[] { "TempBackupTask", "NormalBackupTask" });
            if (job.BackupStatus is not null)
            {
                Assert.Contains(job.BackupStatus, new[] { "NoStart", "Checking", "Preparing", "Waiting", "Uploading", "Finished", "Failed" });
            }

            Assert.True(int.Parse(job.Process, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        }
    }

    [Fact]
    public async Task The_idle_instance_answers_an_empty_list_in_both_formats()
    {
        await using var h = await Harness.StartAsync();
        var (json, _) = await h.SendV1Async(Harness.Describe(StandInInstance.IdleInstanceId));
        var (xml, _) = await h.SendV1Async(Harness.Describe(StandInInstance.IdleInstanceId), format: "XML");

        Assert.Empty(Bodies.ReadJobs(json, "JSON").Jobs);
        Assert.Equal(JsonValueKind.Array, json.Json().GetProperty("Items").GetProperty("BackupJob").ValueKind);
        Assert.Empty(Bodies.ReadJobs(xml, "XML").Jobs);
    }

    [Fact]
    public async Task Filters_by_BackupJobId_BackupMode_and_BackupJobStatus()
    {
        await using var h = await Harness.StartAsync(o => o.Instances =
        [
            new StandInInstance("rm-filters", [
                new StandInBackupTask { BackupJobId = 1, JobMode = "Automated", StartsAfter = TimeSpan.Zero, Duration = TimeSpan.FromMinutes(10) },
                new StandInBackupTask { BackupJobId = 2, JobMode = "Manual", TaskAction = "TempBackupTask", StartsAfter = TimeSpan.Zero, Duration = TimeSpan.FromMinutes(10) },
                new StandInBackupTask { BackupJobId = 3, JobMode = "Automated", StartsAfter = TimeSpan.FromMinutes(5) },
                new StandInBackupTask { BackupJobId = 4, JobMode = "Manual", StartsAfter = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(30) },
            ]),
        ]);
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        async Task<long[]> Ids(params (string, string)[] filters)
        {
            var (answer, _) = await h.SendV1Async(Harness.Describe("rm-filters", filters));
            return Bodies.ReadJobs(answer, "JSON").Jobs.Select(static j => j.BackupJobId).ToArray();
        }

        Assert.Equal(new long[] { 1, 2, 3, 4 }, await Ids());
        Assert.Equal(new long[] { 2 }, await Ids(("BackupJobId", "2")));
        Assert.Empty(await Ids(("BackupJobId", "99")));
        Assert.Equal(new long[] { 1, 3 }, await Ids(("BackupMode", "Automated")));
        Assert.Equal(new long[] { 2, 4 }, await Ids(("BackupMode", "Manual")));
        Assert.Equal(new long[] { 3 }, await Ids(("BackupJobStatus", "NoStart")));
        Assert.Equal(new long[] { 1, 2 }, await Ids(("BackupJobStatus", "Progressing")));
        Assert.Equal(new long[] { 2 }, await Ids(("BackupJobStatus", "Progressing"), ("BackupMode", "Manual")));
    }

    [Fact]
    public async Task Requests_are_recorded_without_signature_or_token()
    {
        await using var h = await Harness.StartAsync(o => o.Accounts = [StandInAccount.Sts("STS.recorded", "secret-r", "token-r")]);
        var credentials = new AlibabaCloudCredentials("STS.recorded", "secret-r", "token-r");
        await h.SendV1Async(Harness.Describe(more: ("ClientToken", "idem-1")), credentials: credentials);

        var record = Assert.Single(h.StandIn.RecentRequests);
        Assert.Equal("V1", record.SignatureVersion);
        Assert.Equal("DescribeBackupTasks", record.Action);
        Assert.Equal("STS.recorded", record.AccessKeyId);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal("idem-1", record.Parameters["ClientToken"]);
        Assert.NotNull(record.Nonce);
        Assert.False(record.Parameters.ContainsKey("Signature"));
        Assert.False(record.Parameters.ContainsKey("SecurityToken"));
        Assert.Equal(1, h.StandIn.Counters.Requests);
        Assert.Equal(1, h.StandIn.Counters.Succeeded);
    }

    [Fact]
    public async Task Listens_on_a_free_loopback_port_and_refuses_other_addresses()
    {
        await using var a = await RdsStandIn.StartAsync();
        await using var b = await RdsStandIn.StartAsync();

        Assert.Equal("127.0.0.1", a.BaseAddress.Host);
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            RdsStandIn.StartAsync(new StandInOptions { Address = IPAddress.Parse("192.0.2.1") }));
    }
}
