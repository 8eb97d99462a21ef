using System;

namespace Bindings.Client;

/// <summary>
/// A waiter stopped without reaching the state it waited for: <see cref="WaiterFailedException"/> (a
/// failure state matched) or <see cref="WaiterTimeoutException"/> (time ran out).
/// </summary>
public abstract class WaiterException : Exception
{
    private protected WaiterException(string message, string waiterName, int attempts, TimeSpan elapsed, object? lastResponse, Exception? lastError)
        : base(message, lastError)
    {
        WaiterName = waiterName;
        Attempts = attempts;
        Elapsed = elapsed;
        LastResponse = lastResponse;
    }

    /// <summary>The waiter, e.g. <c>BackupTaskFinished</c>.</summary>
    public string WaiterName { get; }

    /// <summary>How many times the operation was called.</summary>
    public int Attempts { get; }

    /// <summary>How long the waiter ran.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The last response the operation returned (its response type), or null when the last attempt failed.</summary>
    public object? LastResponse { get; }
}

/// <summary>An acceptor in the failure state matched: the resource will not reach the state waited for.</summary>
public sealed class WaiterFailedException : WaiterException
{
    internal WaiterFailedException(string waiterName, string reason, int attempts, TimeSpan elapsed, object? lastResponse, Exception? error)
        : base("The waiter " + waiterName + " failed: " + reason + ".", waiterName, attempts, elapsed, lastResponse, error)
    {
        Reason = reason;
    }

    /// <summary>What matched, e.g. <c>Items[].BackupStatus is Failed</c> or <c>error InvalidBackupId.NotFound</c>.</summary>
    public string Reason { get; }
}

/// <summary>The waiter's maximum time ran out before a success or failure state matched.</summary>
public sealed class WaiterTimeoutException : WaiterException
{
    internal WaiterTimeoutException(string waiterName, TimeSpan maxWaitTime, int attempts, TimeSpan elapsed, object? lastResponse, Exception? lastError)
        : base(
            "The waiter " + waiterName + " gave up after " + attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts in "
                + elapsed.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s (its maximum is "
                + maxWaitTime.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s).",
            waiterName,
            attempts,
            elapsed,
            lastResponse,
            lastError)
    {
        MaxWaitTime = maxWaitTime;
    }

    /// <summary>The maximum time that ran out.</summary>
    public TimeSpan MaxWaitTime { get; }
}
