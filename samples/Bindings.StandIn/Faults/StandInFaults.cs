using System;
using System.Collections.Generic;

namespace Bindings.StandIn;

/// <summary>
/// Fault-injection switches. Each request draws its fate from the stand-in's seeded random
/// generator, in this order: delay, dropped connection, throttling, server error, truncated body.
/// A request dropped, throttled or failed is not processed at all (its nonce is not consumed).
/// </summary>
public sealed record StandInFaults
{
    /// <summary>No faults at all.</summary>
    public static StandInFaults None { get; } = new();

    /// <summary>
    /// The actions the faults apply to (for example <c>["CreateBackup"]</c>); null, the default,
    /// applies them to every operation. Requests for other actions still draw their numbers, so
    /// the faults of the same seed and requests stay the same.
    /// </summary>
    public IReadOnlySet<string>? Actions { get; init; }

    /// <summary>The share of requests (0..1) answered <c>Throttling</c> (HTTP 400).</summary>
    public double ThrottlingRate { get; init; }

    /// <summary>
    /// When set, throttled answers carry <c>x-acs-retry-after</c> with this wait in whole
    /// milliseconds (the unit the official SDKs read).
    /// </summary>
    public TimeSpan? ThrottlingRetryAfter { get; init; }

    /// <summary>
    /// The share of requests (0..1) answered with a server error: <c>InternalError</c> (500) or
    /// <c>ServiceUnavailable</c> (503), see <see cref="ServiceUnavailableShare"/>.
    /// </summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Of the server errors, the share (0..1) that are <c>ServiceUnavailable</c> rather than <c>InternalError</c>.</summary>
    public double ServiceUnavailableShare { get; init; } = 0.5;

    /// <summary>A delay (real time) added before the answer of the requests that <see cref="DelayRate"/> picks.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The share of requests (0..1) that get <see cref="Delay"/>; all of them by default.</summary>
    public double DelayRate { get; init; } = 1.0;

    /// <summary>The share of requests (0..1) whose connection is aborted without any answer.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>
    /// The share of answers (0..1) cut short: the headers announce the full length, half the body
    /// is written, then the connection is closed (the client sees the body end early).
    /// </summary>
    public double TruncateBodyRate { get; init; }

    internal void Validate()
    {
        CheckRate(ThrottlingRate, nameof(ThrottlingRate));
        CheckRate(ServerErrorRate, nameof(ServerErrorRate));
        CheckRate(ServiceUnavailableShare, nameof(ServiceUnavailableShare));
        CheckRate(DelayRate, nameof(DelayRate));
        CheckRate(DropConnectionRate, nameof(DropConnectionRate));
        CheckRate(TruncateBodyRate, nameof(TruncateBodyRate));
        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), "The delay must be between zero and ten minutes.");
        }

        if (ThrottlingRetryAfter is { } retryAfter && retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ThrottlingRetryAfter), "The retry-after wait must not be negative.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(name, "A rate must be between 0 and 1.");
        }
    }
}
