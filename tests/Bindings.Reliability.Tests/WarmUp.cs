using Bindings.Client;
using Bindings.Rds;
using Bindings.StandIn;

namespace Bindings.Reliability.Tests;

/// <summary>Once per test process, before any timing is measured.</summary>
internal static class WarmUp
{
    private static readonly Lazy<Task> Once = new(RunAsync);

    public static Task EnsureAsync() => Once.Value;

    /// <summary>
    /// Runs every code path once (both signatures, formats and methods, errors, retries) against a
    /// stand-in of its own: on two busy cores, compiling them made the first attempts of a cold
    /// process wait about a second, which is not what the attempt timeout is measured on.
    /// </summary>
    private static async Task RunAsync()
    {
        await using var standIn = await RdsStandIn.StartAsync(new StandInOptions
        {
            Profile = StandInProfile.Fast,
            Accounts = [Secrets.Permanent, Secrets.Sts],
            // Some attempts held past the attempt timeout, so that the timeout path is compiled too.
            Faults = FaultRunTests.Faults with { Delay = TimeSpan.FromMilliseconds(400), DelayRate = 0.1 },
        });
        using var http = new HttpClient(new AttemptRecorder()) { Timeout = Timeout.InfiniteTimeSpan };
        var logs = new CapturingLoggerFactory();
        var clients = new Dictionary<FaultRunTests.CallShape, RdsClient>();
        for (var index = 0; index < 40; index++)
        {
            var shape = FaultRunTests.CallShape.For(index);
            if (!clients.TryGetValue(shape, out var client))
            {
                clients[shape] = client = FaultRunTests.Create(shape, http, standIn.BaseAddress, logs).Item1;
            }

            try
            {
                await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest { DBInstanceId = StandInInstance.DefaultInstanceId });
            }
            catch (Exception exception) when (exception is AlibabaCloudServiceException or AlibabaCloudTransportException)
            {
                // Expected now and then: the faults are on.
            }
        }
    }
}
