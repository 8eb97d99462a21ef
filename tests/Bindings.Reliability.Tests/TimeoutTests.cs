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
    // Timers and the unwinding after a cancellation, for sixteen calls at once on two shared cores: at
    // a load average of 36 one call overran 500 ms by 61 ms. A second is still far below the 5 s the
    // server holds each answer, so an attempt that waited for the server still fails the bound.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_overall_timeout_ends_calls_whose_every_attempt_is_held()
    {
        var overall = TimeSpan.FromMilliseconds(700);
        var (results, recorder, logs) = await RunAsync(overall, maxRetries: 3);

        foreach (var (index, exception, wall) in results)
        {
            var timeout = Assert.IsType<AlibabaCloudTransportException>(exception);
            Assert.True(timeout.IsTimeout, timeout.ToString());
            Assert.IsType<TimeoutException>(timeout.InnerException);
            Assert.Contains("no answer within the overall timeout of 700 ms", timeout.Message, StringComparison.Ordinal);
            // Two attempts of 300 ms fit in 700 ms, the third is cut short; the fourth never starts.
            var attempts = recorder.Attempts.Count(a => a.Call == FaultRunTests.Marker(index));
            Assert.InRange(timeout.Attempt, 2, 3);
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
            // Two attempts and a backoff of at most 50 ms: far less than the 5 s the server holds them.
            Assert.InRange(wall, 2 * AttemptTimeout, (2 * AttemptTimeout) + TimeSpan.FromMilliseconds(50) + Slack);
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
