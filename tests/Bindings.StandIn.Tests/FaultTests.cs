using System.Diagnostics;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>Each fault switch does what it says, at about its rate, deterministically by seed, and is counted.</summary>
public class FaultTests
{
    private const int Requests = 200;

    // Binomial(200, p) stays well within ±30 of its mean for the rates below; the seed makes each
    // count fixed anyway, the tolerance only keeps the tests meaningful if the draw order changes.
    private const int Tolerance = 30;

    [Fact]
    public async Task Throttling_answers_400_Throttling_with_x_acs_retry_after_at_its_rate()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults
        {
            ThrottlingRate = 0.3,
            ThrottlingRetryAfter = TimeSpan.FromMilliseconds(1500),
        });

        var outcomes = await SendManyAsync(h, Requests);

        var throttled = outcomes.Where(static o => o.Code == "Throttling").ToList();
        Assert.InRange(throttled.Count, 60 - Tolerance, 60 + Tolerance);
        Assert.All(throttled, static o => Assert.Equal(400, o.Status));
        Assert.All(throttled, static o => Assert.Equal("1500", o.RetryAfter));
        Assert.All(outcomes.Where(static o => o.Code is null), static o => Assert.Equal(200, o.Status));
        Assert.Equal(throttled.Count, h.StandIn.Counters.Throttled);
        Assert.Equal(Requests - throttled.Count, h.StandIn.Counters.Succeeded);
        Assert.Equal(throttled.Count, h.StandIn.Counters.FaultsInjected);
        Assert.Equal(Requests, h.StandIn.Counters.Requests);
    }

    [Fact]
    public async Task Throttling_without_a_retry_after_sends_no_header_and_the_body_follows_the_Format()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { ThrottlingRate = 1 });

        var (json, _) = await h.SendV1Async(Harness.Describe(), "JSON");
        var (xml, _) = await h.SendV1Async(Harness.Describe(), "XML");

        var error = Bodies.AssertError(json, "JSON", 400, "Throttling");
        Assert.Equal("Request was denied due to request throttling.", error.Message);
        Bodies.AssertError(xml, "XML", 400, "Throttling");
        Assert.False(json.Headers.Contains("x-acs-retry-after"));
    }

    [Fact]
    public async Task Server_errors_answer_500_InternalError_or_503_ServiceUnavailable_at_their_rate()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { ServerErrorRate = 0.2 });

        var outcomes = await SendManyAsync(h, Requests);

        var internalErrors = outcomes.Count(static o => o.Code == "InternalError" && o.Status == 500);
        var unavailable = outcomes.Count(static o => o.Code == "ServiceUnavailable" && o.Status == 503);
        Assert.InRange(internalErrors + unavailable, 40 - Tolerance, 40 + Tolerance);
        Assert.True(internalErrors > 0 && unavailable > 0, $"{internalErrors} InternalError, {unavailable} ServiceUnavailable");
        Assert.Equal(Requests - internalErrors - unavailable, outcomes.Count(static o => o.Status == 200));
        Assert.Equal(internalErrors + unavailable, h.StandIn.Counters.ServerErrors);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Server_error_bodies_are_the_documented_error_bodies(string format)
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { ServerErrorRate = 1, ServiceUnavailableShare = 0 });
        var (internalError, _) = await h.SendV1Async(Harness.Describe(), format);
        h.StandIn.Faults = new StandInFaults { ServerErrorRate = 1, ServiceUnavailableShare = 1 };
        var (unavailable, _) = await h.SendV1Async(Harness.Describe(), format);

        Bodies.AssertError(internalError, format, 500, "InternalError");
        Bodies.AssertError(unavailable, format, 503, "ServiceUnavailable");
    }

    [Fact]
    public async Task Dropped_connections_get_no_answer_at_their_rate()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { DropConnectionRate = 0.25 });

        var outcomes = await SendManyAsync(h, Requests);

        var dropped = outcomes.Count(static o => o.Failure == "send");
        Assert.InRange(dropped, 50 - Tolerance, 50 + Tolerance);
        Assert.Equal(Requests - dropped, outcomes.Count(static o => o.Status == 200));
        Assert.Equal(dropped, h.StandIn.Counters.DroppedConnections);
        Assert.Equal(dropped, h.StandIn.RecentRequests.Count(static r => r.Fault == "Dropped" && r.StatusCode == 0));
    }

    [Fact]
    public async Task Truncated_bodies_announce_the_full_length_and_stop_halfway_at_their_rate()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { TruncateBodyRate = 0.25 });

        var outcomes = await SendManyAsync(h, Requests);

        var truncated = outcomes.Where(static o => o.Failure == "body").ToList();
        Assert.InRange(truncated.Count, 50 - Tolerance, 50 + Tolerance);
        // The status line and headers arrived intact; the body did not.
        Assert.All(truncated, static o => Assert.Equal(200, o.Status));
        Assert.Equal(Requests - truncated.Count, outcomes.Count(static o => o.Failure is null));
        Assert.Equal(truncated.Count, h.StandIn.Counters.TruncatedBodies);
    }

    [Fact]
    public async Task Faults_can_be_limited_to_some_actions_and_hit_every_operation_otherwise()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults
        {
            ThrottlingRate = 1,
            Actions = new HashSet<string> { "CreateBackup", "DeleteBackup" },
        });

        await h.RefusedAsync("CreateBackup", 400, "Throttling", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        await h.RefusedAsync("DeleteBackup", 400, "Throttling", ("DBInstanceId", StandInInstance.DefaultInstanceId), ("BackupId", "1"));
        await h.OkAsync("DescribeBackups", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        Assert.Equal(2, h.StandIn.Counters.Throttled);

        // Without a filter, every operation of the stand-in gets them.
        h.StandIn.Faults = new StandInFaults { ServerErrorRate = 1, ServiceUnavailableShare = 0 };
        foreach (var (_, action) in h.StandIn.Operations)
        {
            await h.RefusedAsync(action, 500, "InternalError");
        }

        Assert.Equal(h.StandIn.Operations.Count, h.StandIn.Counters.ServerErrors);
    }

    [Fact]
    public async Task Delay_holds_the_answer_for_at_least_the_delay()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { Delay = TimeSpan.FromMilliseconds(200) });

        var clock = Stopwatch.StartNew();
        var outcomes = await SendManyAsync(h, 3);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(600), clock.Elapsed.ToString());
        Assert.All(outcomes, static o => Assert.Equal(200, o.Status));
        Assert.Equal(3, h.StandIn.Counters.Delayed);
    }

    [Fact]
    public async Task Delay_applies_to_the_share_DelayRate_picks()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { Delay = TimeSpan.FromMilliseconds(2), DelayRate = 0.5 });

        await SendManyAsync(h, Requests);

        Assert.InRange(h.StandIn.Counters.Delayed, 100 - Tolerance, 100 + Tolerance);
        Assert.Equal(h.StandIn.Counters.Delayed, h.StandIn.RecentRequests.Count(static r => r.Fault == "Delayed"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order()
    {
        var faults = new StandInFaults { ThrottlingRate = 0.2, ServerErrorRate = 0.2, DropConnectionRate = 0.1, TruncateBodyRate = 0.1 };
        var runs = new List<string[]>();
        foreach (var seed in new[] { 42, 42, 43 })
        {
            await using var h = await Harness.StartAsync(o =>
            {
                o.Seed = seed;
                o.Faults = faults;
            });
            runs.Add((await SendManyAsync(h, 60)).Select(static o => o.ToString()).ToArray());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.NotEqual(runs[0], runs[2]);
    }

    [Fact]
    public async Task Faults_can_be_switched_off_while_running_and_bad_rates_are_refused()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { ThrottlingRate = 1 });
        var before = await SendManyAsync(h, 5);
        h.StandIn.Faults = StandInFaults.None;
        var after = await SendManyAsync(h, 5);

        Assert.All(before, static o => Assert.Equal("Throttling", o.Code));
        Assert.All(after, static o => Assert.Equal(200, o.Status));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.StandIn.Faults = new StandInFaults { ServerErrorRate = 1.5 });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            RdsStandIn.StartAsync(new StandInOptions { Faults = new StandInFaults { DropConnectionRate = -0.1 } }));
    }

    [Fact]
    public async Task A_throttled_request_does_not_use_up_its_nonce()
    {
        await using var h = await Harness.StartAsync(o => o.Faults = new StandInFaults { ThrottlingRate = 1 });
        var nonce = SignatureNonce.Create();
        var (throttled, _) = await h.SendV1Async(Harness.Describe(), nonce: nonce);
        h.StandIn.Faults = StandInFaults.None;
        var (accepted, _) = await h.SendV1Async(Harness.Describe(), nonce: nonce);

        Bodies.AssertError(throttled, "JSON", 400, "Throttling");
        Bodies.ReadJobs(accepted, "JSON");
    }

    private sealed record Outcome(int Status, string? Code, string? RetryAfter, string? Failure);

    /// <summary>
    /// Sends signed requests one by one, each on a new connection (so that no client-side retry of
    /// a dropped pooled connection hides a fault), and classifies what came back.
    /// </summary>
    private static async Task<List<Outcome>> SendManyAsync(Harness h, int count)
    {
        var outcomes = new List<Outcome>(count);
        for (var i = 0; i < count; i++)
        {
            var signed = RpcSignatureV1.Sign(
                "GET", Harness.Describe(), Harness.DefaultCredentials, h.Clock.GetUtcNow(), SignatureNonce.Create(), "JSON");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/?" + signed.ToQueryString());
            request.Headers.ConnectionClose = true;

            HttpResponseMessage response;
            try
            {
                response = await h.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(new Outcome(0, null, null, "send"));
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var retryAfter = response.Headers.TryGetValues("x-acs-retry-after", out var values) ? values.Single() : null;
                string body;
                try
                {
                    body = await response.Content.ReadAsStringAsync();
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    outcomes.Add(new Outcome(status, null, retryAfter, "body"));
                    continue;
                }

                var code = status == 200 ? null : System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("Code").GetString();
                outcomes.Add(new Outcome(status, code, retryAfter, null));
            }
        }

        return outcomes;
    }
}
