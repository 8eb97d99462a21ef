using System.Diagnostics;
using Bindings.Client;
using Bindings.Rds;
using Bindings.StandIn;

namespace Bindings.Reliability.Tests;

/// <summary>
/// A service that holds every answer far longer than the client waits: each attempt is cut at the
/// attempt timeout, each call at the overall timeout, whichever comes first; nothing waits for the server.
/// </summary>
public sealed class TimeoutTests
{
    private const int Calls = 16;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Slack = LoadTolerance.Slack;
    private static readonly TimeSpan Held = LoadTolerance.Hold;

    [Fact]
    public async Task The_overall_timeout_ends_calls_whose_every_attempt_is_held()
    {
        // 20 retries of 300 ms attempts would take over 6 s: the overall timeout of 700 ms must end each
        // call first. Every attempt lasts at least the attempt timeout (the server holds it), so a call can
        // have made at most wall / 300 ms + 1 attempts; a late overall timer lets more fit (4 were seen at a
        // load average of 30), and the wall-time bound below still catches a broken one (21 attempts, 6 s).
        var overall = TimeSpan.FromMilliseconds(700);
        var (results, recorder, logs) = await RunAsync(overall, maxRetries: 20);

        foreach (var (index, exception, wall) in results)
        {
            var timeout = Assert.IsType<AlibabaCloudTransportException>(exception);
            Assert.True(timeout.IsTimeout, timeout.ToString());
            Assert.IsType<TimeoutException>(timeout.InnerException);
            Assert.Contains("no answer within the overall timeout of 700 ms", timeout.Message, StringComparison.Ordinal);
            var attempts = recorder.Attempts.Count(a => a.Call == FaultRunTests.Marker(index));
            Assert.InRange(timeout.Attempt, 1, (int)(wall / AttemptTimeout) + 1);
            Assert.Equal(attempts, timeout.Attempt);
            Assert.InRange(wall, overall - TimeSpan.FromMilliseconds(20), overall + Slack);
        }

        Assert.All(recorder.Attempts, static a => Assert.InRange(a.HeadersAfter, TimeSpan.Zero, AttemptTimeout + Slack));
        AssertNoLeak(results, logs);
    }

    [Fact]
    public async Task The_attempt_timeout_cuts_each_attempt_and_the_last_one_is_reported()
    {
        var (results, recorder, logs) = await RunAsync(TimeSpan.FromSeconds(10), maxRetries: 1);

        foreach (var (index, exception, wall) in results)
        {
            var timeout = Assert.IsType<AlibabaCloudTransportException>(exception);
            Assert.True(timeout.IsTimeout, timeout.ToString());
            Assert.Equal("DescribeBackupTasks: attempt 2 got no complete answer within 300 ms, and it was not retried further.", timeout.Message);
            Assert.Equal(2, timeout.Attempt);
            Assert.Equal(2, recorder.Attempts.Count(a => a.Call == FaultRunTests.Marker(index)));
            // Two attempts and a backoff of at most 50 ms, and the allowance for a loaded machine: far less
            // than the 6 s the server holds each attempt, which a broken attempt timeout would wait out.
            Assert.InRange(wall, 2 * AttemptTimeout, (2 * AttemptTimeout) + TimeSpan.FromMilliseconds(50) + Slack);
            Assert.True(wall < Held, wall.ToString());
        }

        AssertNoLeak(results, logs);
    }

    private static async Task<(List<(int Index, Exception? Exception, TimeSpan Wall)> Results, AttemptRecorder Recorder, CapturingLoggerFactory Logs)> RunAsync(
        TimeSpan overall, int maxRetries)
    {
        await WarmUp.EnsureAsync();
        var logs = new CapturingLoggerFactory();
        await using var standIn = await RdsStandIn.StartAsync(new StandInOptions
        {
            Profile = StandInProfile.Fast,
            Accounts = [Secrets.Permanent, Secrets.Sts],
            Faults = new StandInFaults { Delay = Held, DelayRate = 1 },
            LoggerFactory = logs,
        });
        var recorder = new AttemptRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new RdsClient(http, new AlibabaCloudClientOptions
        {
            Endpoint = standIn.BaseAddress,
            Credentials = Secrets.Credentials(Secrets.Sts),
            SignatureVersion = SignatureVersion.V1,
            AttemptTimeout = AttemptTimeout,
            Timeout = overall,
            Retry = new AlibabaCloudRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(50) },
            LoggerFactory = logs,
        });

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async index =>
        {
            var wall = Stopwatch.StartNew();
            try
            {
                await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest
                {
                    DBInstanceId = StandInInstance.DefaultInstanceId,
                    OwnerAccount = FaultRunTests.Marker(index),
                });
                return (index, (Exception?)null, wall.Elapsed);
            }
            catch (Exception exception)
            {
                return (index, exception, wall.Elapsed);
            }
        }));

        // The attempts reached the stand-in and were held there (one cut before it arrived is not
        // counted); none was answered.
        Assert.InRange(standIn.Counters.Delayed, 1, recorder.Attempts.Count);
        Assert.Equal(0, standIn.Counters.Succeeded);
        return ([.. results], recorder, logs);
    }

    private static void AssertNoLeak(List<(int Index, Exception? Exception, TimeSpan Wall)> results, CapturingLoggerFactory logs) =>
        Secrets.AssertNoLeak(results.Where(static r => r.Exception is not null).SelectMany(static r => Secrets.TextsOf(r.Exception!))
            .Concat(logs.Entries.Select(static e => ("log " + e.Category, (string?)e.Text))));
}
