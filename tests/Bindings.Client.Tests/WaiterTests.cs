using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Bindings.Client.Tests;

/// <summary>
/// The runtime's waiter on a fake clock: it succeeds, fails, times out and is cancelled; its delays
/// grow from the minimum to the maximum, stay inside the maximum time, and are jittered within bounds.
/// Nothing sleeps: the test moves the clock by each delay the waiter asks for.
/// </summary>
public class WaiterTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ItSucceedsWhenASuccessAcceptorMatchesAndReturnsThatResponse()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running", "Running", "Finished");
        var seen = new List<string>();
        var waiter = StatusWaiter(TimeSpan.FromMinutes(10));

        var wait = waiter.WaitAsync(polls.PollAsync, NoJitter, new SyncProgress<Status>(s => seen.Add(s.Value)), clock);
        await clock.ExpectDelays(Min, Min * 2);

        var result = await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Finished", result!.Value);
        Assert.Equal(3, polls.Calls);
        Assert.Equal(new[] { "Running", "Running", "Finished" }, seen);
    }

    [Fact]
    public async Task ItFailsWithTheStateThatMatchedAndTheResponse()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running", "Failed");

        var wait = StatusWaiter(TimeSpan.FromMinutes(10)).WaitAsync(polls.PollAsync, NoJitter, null, clock);
        await clock.ExpectDelays(Min);

        var failure = await Assert.ThrowsAsync<WaiterFailedException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Status is Failed", failure.Reason);
        Assert.Equal("TaskDone", failure.WaiterName);
        Assert.Equal(2, failure.Attempts);
        Assert.Equal("Failed", ((Status)failure.LastResponse!).Value);
        Assert.Contains("TaskDone", failure.Message);
        Assert.Contains("Status is Failed", failure.Message);
    }

    [Fact]
    public async Task ItTimesOutWithinTheMaximumTimeCarryingTheLastResponse()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running");
        var waiter = new Waiter<Status>("TaskDone", Min, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), Decide);

        var wait = waiter.WaitAsync(polls.PollAsync, NoJitter, null, clock);
        // 2 s, 4 s, then 2 s so that the last attempt starts 2 s (the minimum) before the 10 s run out.
        await clock.ExpectDelays(Min, TimeSpan.FromSeconds(4), Min);

        var timeout = await Assert.ThrowsAsync<WaiterTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, timeout.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(8), timeout.Elapsed);
        Assert.True(timeout.Elapsed <= timeout.MaxWaitTime);
        Assert.Equal("Running", ((Status)timeout.LastResponse!).Value);
        Assert.Equal(4, polls.Calls);
    }

    [Fact]
    public async Task TheDelayDoublesUpToTheMaximumDelay()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running", "Running", "Running", "Running", "Running", "Running", "Finished");

        var wait = StatusWaiter(TimeSpan.FromHours(1)).WaitAsync(polls.PollAsync, NoJitter, null, clock);
        await clock.ExpectDelays(Min, Min * 2, Min * 4, Min * 8, Max, Max);

        Assert.Equal("Finished", (await wait.WaitAsync(TimeSpan.FromSeconds(30)))!.Value);
    }

    [Fact]
    public async Task JitteredDelaysStayBetweenTheMinimumAndTheBackoff()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script(Enumerable.Repeat("Running", 40).Append("Finished").ToArray());

        var wait = StatusWaiter(TimeSpan.FromHours(10)).WaitAsync(polls.PollAsync, null, null, clock);
        var delays = await clock.TakeDelays(40);

        for (var i = 0; i < delays.Count; i++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Max.Ticks, Min.Ticks << Math.Min(i, 20)));
            Assert.InRange(delays[i], Min, ceiling);
        }

        Assert.True(delays.Distinct().Count() > 5, "jitter spreads the delays");
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task OptionsOverrideTheSpecsTiming()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running");
        var options = new WaiterOptions { MinDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), MaxWaitTime = TimeSpan.FromSeconds(3), UseJitter = false };

        var wait = StatusWaiter(TimeSpan.FromHours(1)).WaitAsync(polls.PollAsync, options, null, clock);
        await clock.ExpectDelays(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<WaiterTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task CancellingDuringADelayStopsTheWaiterWithoutAnotherCall()
    {
        var clock = new DelayRecordingClock();
        var polls = new Script("Running");
        using var cancellation = new CancellationTokenSource();

        var wait = StatusWaiter(TimeSpan.FromMinutes(10)).WaitAsync(polls.PollAsync, NoJitter, null, clock, cancellation.Token);
        await clock.TakeDelays(1);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, polls.Calls);
    }

    [Fact]
    public async Task CancellingDuringACallStopsTheWaiter()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Status> Hang(CancellationToken token)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        }

        var wait = StatusWaiter(TimeSpan.FromMinutes(10)).WaitAsync(Hang, NoJitter, null, new DelayRecordingClock(), cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AnErrorAnAcceptorNamesDecidesAndAnyOtherErrorIsThrown()
    {
        var clock = new DelayRecordingClock();
        var calls = 0;
        Task<Status> Poll(CancellationToken token) => ++calls switch
        {
            1 => throw new AlibabaCloudServiceException(System.Net.HttpStatusCode.NotFound, "InvalidBackupId.NotFound", "not yet"),
            2 => Task.FromResult(new Status("Finished")),
            _ => throw new InvalidOperationException(),
        };
        var waiter = new Waiter<Status>("Exists", Min, Max, TimeSpan.FromMinutes(5), Decide,
            static e => e.Code == "InvalidBackupId.NotFound" ? new WaiterDecision(WaiterState.Retry, "error InvalidBackupId.NotFound") : null);

        var wait = waiter.WaitAsync(Poll, NoJitter, null, clock);
        await clock.ExpectDelays(Min);
        Assert.Equal("Finished", (await wait.WaitAsync(TimeSpan.FromSeconds(30)))!.Value);

        Task<Status> Forbidden(CancellationToken token) => throw new AlibabaCloudServiceException(System.Net.HttpStatusCode.Forbidden, "Forbidden.RAM", "no");
        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => waiter.WaitAsync(Forbidden, NoJitter, null, clock));
        Assert.Equal("Forbidden.RAM", error.Code);
    }

    [Fact]
    public async Task AFailureOnAnErrorCarriesTheError()
    {
        var waiter = new Waiter<Status>("Exists", Min, Max, TimeSpan.FromMinutes(5), Decide,
            static e => new WaiterDecision(WaiterState.Failure, "error " + e.Code));
        Task<Status> Gone(CancellationToken token) => throw new AlibabaCloudServiceException(System.Net.HttpStatusCode.NotFound, "InvalidDBInstanceId.NotFound", "gone");

        var failure = await Assert.ThrowsAsync<WaiterFailedException>(() => waiter.WaitAsync(Gone, NoJitter, null, new DelayRecordingClock()));

        Assert.Equal("error InvalidDBInstanceId.NotFound", failure.Reason);
        Assert.IsType<AlibabaCloudServiceException>(failure.InnerException);
        Assert.Null(failure.LastResponse);
    }

    [Theory]
    [InlineData(0, 10, 60)]
    [InlineData(5, 4, 60)]
    [InlineData(1, 1, 0)]
    public void TimesOutOfRangeAreRefused(int min, int max, int maxWait) =>
        Assert.Throws<ArgumentException>(() => new Waiter<Status>("W", TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max), TimeSpan.FromSeconds(maxWait), Decide));

    private static readonly WaiterOptions NoJitter = new WaiterOptions { UseJitter = false };

    private static Waiter<Status> StatusWaiter(TimeSpan maxWait) => new Waiter<Status>("TaskDone", Min, Max, maxWait, Decide);

    private static WaiterDecision? Decide(Status status) => status.Value switch
    {
        "Finished" => new WaiterDecision(WaiterState.Success, "Status is Finished"),
        "Failed" => new WaiterDecision(WaiterState.Failure, "Status is Failed"),
        _ => null,
    };

    private sealed record Status(string Value);

    private sealed class Script(params string[] statuses)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<Status> PollAsync(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            return Task.FromResult(new Status(statuses[Math.Min(call, statuses.Length) - 1]));
        }
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    // A fake clock that tells the test each delay the waiter starts; the test then moves the clock by
    // exactly that much, so the timeline is the same however slow the machine is.
    private sealed class DelayRecordingClock : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _delays.Writer.TryWrite(dueTime);
            }

            return timer;
        }

        public async Task ExpectDelays(params TimeSpan[] expected)
        {
            foreach (var delay in expected)
            {
                Assert.Equal(delay, await NextDelay());
                Advance(delay);
            }
        }

        public async Task<List<TimeSpan>> TakeDelays(int count)
        {
            var delays = new List<TimeSpan>();
            for (var i = 0; i < count; i++)
            {
                var delay = await NextDelay();
                delays.Add(delay);
                if (i < count - 1)
                {
                    Advance(delay);
                }
            }

            if (count > 1)
            {
                Advance(delays[^1]);
            }

            return delays;
        }

        private async Task<TimeSpan> NextDelay()
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _delays.Reader.ReadAsync(patience.Token);
        }
    }
}
