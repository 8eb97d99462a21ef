using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Client;

/// <summary>
/// A waiter of a spec (Smithy's and AWS's waiters): polls an operation until one of its acceptors
/// decides success or failure, with a growing delay between attempts, for at most a maximum time.
/// Generated clients declare one per spec waiter and expose it as <c>WaitFor&lt;Name&gt;Async</c>.
/// </summary>
/// <typeparam name="TResponse">The response of the operation polled.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Waiter<TResponse>
    where TResponse : class
{
    private static readonly object RandomLock = new object();
    private static readonly Random Random = new Random();

    private readonly Func<TResponse, WaiterDecision?> _matchResponse;
    private readonly Func<AlibabaCloudServiceException, WaiterDecision?>? _matchError;

    /// <summary>Declares the waiter.</summary>
    /// <param name="name">The spec's name of the waiter, e.g. <c>BackupTaskFinished</c>.</param>
    /// <param name="minDelay">The delay before the second attempt, and the least between two.</param>
    /// <param name="maxDelay">The ceiling of the growing delay.</param>
    /// <param name="maxWaitTime">How long to wait in all.</param>
    /// <param name="matchResponse">The acceptors on a response, in order; null when none matches (retry).</param>
    /// <param name="matchError">The acceptors on a service error, in order; null when none matches (the error is thrown).</param>
    /// <exception cref="ArgumentException">A time is out of range.</exception>
    public Waiter(
        string name,
        TimeSpan minDelay,
        TimeSpan maxDelay,
        TimeSpan maxWaitTime,
        Func<TResponse, WaiterDecision?> matchResponse,
        Func<AlibabaCloudServiceException, WaiterDecision?>? matchError = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _matchResponse = matchResponse ?? throw new ArgumentNullException(nameof(matchResponse));
        _matchError = matchError;
        CheckTimes(minDelay, maxDelay, maxWaitTime);
        MinDelay = minDelay;
        MaxDelay = maxDelay;
        MaxWaitTime = maxWaitTime;
    }

    /// <summary>The spec's name of the waiter.</summary>
    public string Name { get; }

    /// <summary>The spec's delay before the second attempt.</summary>
    public TimeSpan MinDelay { get; }

    /// <summary>The spec's ceiling of the delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The spec's maximum time.</summary>
    public TimeSpan MaxWaitTime { get; }

    /// <summary>
    /// Polls until an acceptor decides. The first attempt is made at once; then the delay before
    /// attempt n is <c>min(maxDelay, minDelay * 2^(n-2))</c>, spread at random down to
    /// <c>minDelay</c>, and shortened so that the last attempt starts at least <c>minDelay</c> before
    /// the maximum time runs out; when less than <c>minDelay</c> remains, the waiter gives up.
    /// </summary>
    /// <param name="poll">Calls the operation once (the generated client's method, with the caller's request).</param>
    /// <param name="options">Per-call timing; null keeps the spec's.</param>
    /// <param name="progress">Told of every response, before the acceptors decide; may be null.</param>
    /// <param name="timeProvider">The clock the delays and the maximum time are measured with.</param>
    /// <param name="cancellationToken">Cancels the wait, during a call or a delay.</param>
    /// <returns>The response a success acceptor matched; for a success acceptor on an error, the last response (null if there was none).</returns>
    /// <exception cref="WaiterFailedException">A failure acceptor matched.</exception>
    /// <exception cref="WaiterTimeoutException">The maximum time ran out.</exception>
    /// <exception cref="AlibabaCloudServiceException">The operation failed with an error no acceptor names.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse?> WaitAsync(
        Func<CancellationToken, Task<TResponse>> poll,
        WaiterOptions? options,
        IProgress<TResponse>? progress,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        if (poll is null)
        {
            throw new ArgumentNullException(nameof(poll));
        }

        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        var minDelay = options?.MinDelay ?? MinDelay;
        var maxDelay = options?.MaxDelay ?? (options?.MinDelay is { } min && min > MaxDelay ? min : MaxDelay);
        var maxWaitTime = options?.MaxWaitTime ?? MaxWaitTime;
        CheckTimes(minDelay, maxDelay, maxWaitTime);
        var jitter = options?.UseJitter ?? true;

        var started = timeProvider.GetTimestamp();
        var attempts = 0;
        TResponse? lastResponse = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempts++;
            WaiterDecision? decision;
            Exception? error = null;
            try
            {
                var response = await poll(cancellationToken).ConfigureAwait(false);
                lastResponse = response;
                progress?.Report(response);
                decision = _matchResponse(response);
            }
            catch (AlibabaCloudServiceException exception)
            {
                decision = _matchError?.Invoke(exception);
                if (decision is null)
                {
                    throw;
                }

                error = exception;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            switch (decision?.State)
            {
                case WaiterState.Success:
                    return lastResponse;
                case WaiterState.Failure:
                    throw new WaiterFailedException(Name, decision.Value.Reason, attempts, elapsed, lastResponse, error);
            }

            var delay = NextDelay(attempts, minDelay, maxDelay, maxWaitTime - elapsed, jitter);
            if (delay is null)
            {
                throw new WaiterTimeoutException(Name, maxWaitTime, attempts, elapsed, lastResponse, error);
            }

            await Delay(delay.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The delay after <paramref name="attempt"/> attempts, or null when no further attempt fits in the time left.</summary>
    internal static TimeSpan? NextDelay(int attempt, TimeSpan minDelay, TimeSpan maxDelay, TimeSpan remaining, bool jitter)
    {
        if (remaining <= minDelay)
        {
            return null;
        }

        // minDelay * 2^(attempt-1), computed in ticks without overflow.
        var ceilingTicks = maxDelay.Ticks;
        var ticks = minDelay.Ticks;
        for (var i = 1; i < attempt && ticks < ceilingTicks; i++)
        {
            ticks = ticks > ceilingTicks / 2 ? ceilingTicks : ticks * 2;
        }

        ticks = Math.Min(ticks, ceilingTicks);
        if (jitter && ticks > minDelay.Ticks)
        {
            double sample;
            lock (RandomLock)
            {
                sample = Random.NextDouble();
            }

            ticks = minDelay.Ticks + (long)((ticks - minDelay.Ticks) * sample);
        }

        // Leave minDelay after the last attempt starts, so that it begins inside the maximum time.
        return TimeSpan.FromTicks(Math.Min(ticks, (remaining - minDelay).Ticks));
    }

    private static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
#if NET
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return TimeProviderTaskExtensions.Delay(timeProvider, delay, cancellationToken);
#endif
    }

    private static void CheckTimes(TimeSpan minDelay, TimeSpan maxDelay, TimeSpan maxWaitTime)
    {
        if (minDelay < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentException("The minimum delay must be at least 1 millisecond.", nameof(minDelay));
        }

        if (maxDelay < minDelay)
        {
            throw new ArgumentException("The maximum delay must be at least the minimum delay.", nameof(maxDelay));
        }

        if (maxWaitTime <= TimeSpan.Zero)
        {
            throw new ArgumentException("The maximum wait time must be positive.", nameof(maxWaitTime));
        }
    }
}
