using System;

namespace Bindings.Client;

/// <summary>
/// How failed attempts are retried: throttling (<c>Throttling*</c> codes, HTTP 429), HTTP 5xx,
/// timeouts and transient network failures, with exponential backoff and jitter. Other errors are
/// never retried.
/// </summary>
/// <remarks>
/// An operation that is not read-only and has no idempotency token is retried only when the request
/// cannot have reached the service (the connection was never made): anything else could apply it twice.
/// </remarks>
public sealed class AlibabaCloudRetryOptions
{
    /// <summary>The retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The delay before the first retry; each later one doubles it (0.5 s, 1 s, 2 s, ...). Default 0.5 seconds.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest delay between two attempts. A service that asks (<c>x-acs-retry-after</c>) for a
    /// longer wait than this is not retried: its error is thrown at once. Default 10 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Spreads the delays randomly around the exponential curve, so that clients throttled together do
    /// not retry together. Default true.
    /// </summary>
    public bool UseJitter { get; set; } = true;
}
