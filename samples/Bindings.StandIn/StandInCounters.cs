using System.Threading;

namespace Bindings.StandIn;

/// <summary>What the stand-in has seen and done, for tests. Safe to read while requests run.</summary>
public sealed class StandInCounters
{
    private long _requests;
    private long _succeeded;
    private long _serviceErrors;
    private long _throttled;
    private long _serverErrors;
    private long _delayed;
    private long _droppedConnections;
    private long _truncatedBodies;

    /// <summary>Every request that reached the stand-in.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests answered 200.</summary>
    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Requests answered with an error of their own making (signature, parameters, ...), not injected.</summary>
    public long ServiceErrors => Interlocked.Read(ref _serviceErrors);

    /// <summary>Injected <c>Throttling</c> answers.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Injected <c>InternalError</c> and <c>ServiceUnavailable</c> answers.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Requests that got the injected delay.</summary>
    public long Delayed => Interlocked.Read(ref _delayed);

    /// <summary>Connections aborted without an answer.</summary>
    public long DroppedConnections => Interlocked.Read(ref _droppedConnections);

    /// <summary>Answers cut off halfway.</summary>
    public long TruncatedBodies => Interlocked.Read(ref _truncatedBodies);

    /// <summary>Every fault injected: the sum of the five kinds (one request can get a delay and a truncation).</summary>
    public long FaultsInjected => Throttled + ServerErrors + Delayed + DroppedConnections + TruncatedBodies;

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountSuccess() => Interlocked.Increment(ref _succeeded);

    internal void CountServiceError() => Interlocked.Increment(ref _serviceErrors);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountServerError() => Interlocked.Increment(ref _serverErrors);

    internal void CountDelayed() => Interlocked.Increment(ref _delayed);

    internal void CountDropped() => Interlocked.Increment(ref _droppedConnections);

    internal void CountTruncated() => Interlocked.Increment(ref _truncatedBodies);

    /// <inheritdoc />
    public override string ToString() =>
        $"requests {Requests}, succeeded {Succeeded}, service errors {ServiceErrors}, throttled {Throttled}, " +
        $"server errors {ServerErrors}, delayed {Delayed}, dropped {DroppedConnections}, truncated {TruncatedBodies}";
}
