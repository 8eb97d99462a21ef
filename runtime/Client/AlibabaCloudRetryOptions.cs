using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// How failed attempts are retried, with exponential backoff and jitter: answers that say the service
/// did not execute the call (<c>Throttling</c>, <c>Throttling.*</c>, HTTP 429, the operation spec's <c>retryableErrors</c> and <see cref="NotExecutedErrorCodes"/>) for every
/// operation; HTTP 5xx, timeouts and transient network failures for operations that are safe to repeat.
/// Other errors are never retried.
/// </summary>
/// <remarks>
/// An operation that is not read-only and has no idempotency token is retried after a 5xx answer or a
/// broken connection only when the request cannot have reached the service (the connection was never
/// made): anything else could apply it twice.
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

    /// <summary>
    /// More error codes that mean the service did not execute the call, for every operation (for one
    /// operation only, list them in its spec's <c>retryableErrors</c>). Compared ordinally. Empty by default.
    /// </summary>
    public ISet<string> NotExecutedErrorCodes { get; set; } = new HashSet<string>(StringComparer.Ordinal);
}
