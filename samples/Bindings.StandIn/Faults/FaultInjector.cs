using System;

namespace Bindings.StandIn.Faults;

/// <summary>What happens to one request.</summary>
internal readonly record struct FaultDecision(
    TimeSpan Delay, bool DropConnection, bool Throttle, StandInError? ServerError, bool TruncateBody)
{
    public bool Any => Delay > TimeSpan.Zero || DropConnection || Throttle || ServerError is not null || TruncateBody;
}

/// <summary>Draws each request's faults from one seeded generator.</summary>
/// <remarks>
/// Every request draws the same six numbers whatever the rates, so that the same seed and the
/// same sequence of requests give the same faults even when the switches change in between.
/// </remarks>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Random _random;

    public FaultInjector(int seed) => _random = new Random(seed);

    public FaultDecision Draw(StandInFaults faults)
    {
        double delay, drop, throttle, serverError, unavailable, truncate;
        lock (_gate)
        {
            delay = _random.NextDouble();
            drop = _random.NextDouble();
            throttle = _random.NextDouble();
            serverError = _random.NextDouble();
            unavailable = _random.NextDouble();
            truncate = _random.NextDouble();
        }

        var dropped = drop < faults.DropConnectionRate;
        var throttled = !dropped && throttle < faults.ThrottlingRate;
        var failed = !dropped && !throttled && serverError < faults.ServerErrorRate;
        return new FaultDecision(
            Delay: faults.Delay > TimeSpan.Zero && delay < faults.DelayRate ? faults.Delay : TimeSpan.Zero,
            DropConnection: dropped,
            Throttle: throttled,
            ServerError: failed
                ? (unavailable < faults.ServiceUnavailableShare ? StandInErrors.ServiceUnavailable : StandInErrors.InternalError)
                : null,
            TruncateBody: !dropped && truncate < faults.TruncateBodyRate);
    }
}
