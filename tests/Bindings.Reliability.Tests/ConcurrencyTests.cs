using Bindings.Client;
using Bindings.Rds;
using Bindings.StandIn;

namespace Bindings.Reliability.Tests;

/// <summary>One client instance serves 100 calls at once: every one gets its own, right answer.</summary>
public sealed class ConcurrencyTests
{
    private const int Calls = 100;

    private static readonly string[] InstanceIds = [StandInInstance.DefaultInstanceId, StandInInstance.FailingInstanceId, StandInInstance.IdleInstanceId];

    [Theory]
    [InlineData(SignatureVersion.V1, ResponseFormat.Json, RpcHttpMethod.Post, false)]
    [InlineData(SignatureVersion.V1, ResponseFormat.Xml, RpcHttpMethod.Get, true)]
    [InlineData(SignatureVersion.V3, ResponseFormat.Json, RpcHttpMethod.Get, true)]
    [InlineData(SignatureVersion.V3, ResponseFormat.Xml, RpcHttpMethod.Post, false)]
    public async Task A_hundred_concurrent_calls_on_one_client_all_return_their_right_answer(
        SignatureVersion signature, ResponseFormat format, RpcHttpMethod method, bool sts)
    {
        await WarmUp.EnsureAsync();
        var logs = new CapturingLoggerFactory();
        await using var standIn = await RdsStandIn.StartAsync(new StandInOptions
        {
            Profile = StandInProfile.Fast,
            Accounts = [Secrets.Permanent, Secrets.Sts],
            LoggerFactory = logs,
        });
        var recorder = new AttemptRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new AlibabaCloudClientOptions
        {
            Endpoint = standIn.BaseAddress,
            Credentials = Secrets.Credentials(sts ? Secrets.Sts : Secrets.Permanent),
            SignatureVersion = signature,
            Format = format,
            HttpMethod = method,
            // Generous: no fault is injected, and nothing here may need a retry.
            AttemptTimeout = TimeSpan.FromSeconds(20),
            Timeout = TimeSpan.FromSeconds(30),
            LoggerFactory = logs,
        };
        var client = new RdsClient(http, options);

        // All 100 start together: the client's state (signing, pipeline, parsers) is shared by all.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, Calls).Select(async index =>
        {
            await start.Task;
            var instanceId = InstanceIds[index % InstanceIds.Length];
            var before = standIn.Elapsed;
            var response = await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest
            {
                DBInstanceId = instanceId,
                OwnerAccount = FaultRunTests.Marker(index),
            });
            return (index, instanceId, response, before, after: standIn.Elapsed);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(Calls, results.Length);
        foreach (var (index, instanceId, response, before, after) in results)
        {
            var wrong = Expectations.Check(response, standIn, instanceId, before, after);
            Assert.True(wrong is null, $"call {index} ({instanceId}): {wrong}");
        }

        // Each call got its own answer, in one attempt, with its own token and nonce.
        Assert.Equal(Calls, results.Select(static r => r.response.RequestId).Distinct().Count());
        Assert.Equal(Calls, recorder.Attempts.Count);
        Assert.Equal(Calls, recorder.Attempts.Select(static a => a.Call).Distinct().Count());
        Assert.Equal(Calls, recorder.Attempts.Select(static a => a.ClientToken).Distinct().Count());
        Assert.Equal(Calls, recorder.Attempts.Select(static a => a.Nonce).Distinct().Count());
        Assert.Equal(Calls, standIn.Counters.Requests);
        Assert.Equal(Calls, standIn.Counters.Succeeded);
        // The stand-in saw each call's own token with its marker: no attempt got another call's parameters.
        var byCall = recorder.Attempts.ToDictionary(static a => a.Call!, static a => a.ClientToken);
        var records = standIn.RecentRequests;
        Assert.Equal(Calls, records.Count);
        Assert.All(records, r => Assert.Equal(byCall[r.Parameters[AttemptRecorder.CallMarkerParameter]], r.Parameters["ClientToken"]));

        Assert.NotEmpty(logs.Entries);
        Secrets.AssertNoLeak(logs.Entries.Select(static e => ("log " + e.Category, (string?)e.Text))
            .Append(("options", options.ToString()))
            .Append(("credentials", options.Credentials.ToString())));
    }
}
