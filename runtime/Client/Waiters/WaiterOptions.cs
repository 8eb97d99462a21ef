using System;

namespace Bindings.Client;

/// <summary>
/// Per-call overrides of a waiter's timing; what is left null keeps the spec's value. The delay
/// before attempt n is <c>min(MaxDelay, MinDelay * 2^(n-1))</c>, with jitter down to
/// <see cref="MinDelay"/>, and never runs past <see cref="MaxWaitTime"/>.
/// </summary>
public sealed class WaiterOptions
{
    /// <summary>The delay before the second attempt, and the least between any two; at least 1 millisecond.</summary>
    public TimeSpan? MinDelay { get; set; }

    /// <summary>The ceiling of the growing delay; at least <see cref="MinDelay"/>.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>How long to wait in all before <see cref="WaiterTimeoutException"/>.</summary>
    public TimeSpan? MaxWaitTime { get; set; }

    /// <summary>Spread the delays at random between <see cref="MinDelay"/> and the computed delay (default true).</summary>
    public bool UseJitter { get; set; } = true;
}
