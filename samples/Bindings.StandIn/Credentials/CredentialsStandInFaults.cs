using System;
using System.Threading;

namespace Bindings.StandIn.Credentials;

/// <summary>
/// What the next requests to a credentials stand-in (STS, the metadata service, a credentials URI) meet:
/// a delay, an error answer or a dropped connection, for <see cref="Count"/> requests or all of them.
/// </summary>
public sealed class CredentialsStandInFaults
{
    private int _remaining = -1;

    /// <summary>No fault.</summary>
    public static CredentialsStandInFaults None => new();

    /// <summary>How long each affected request waits before it is answered (real time). Zero for none.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answer with this HTTP status (and <see cref="ErrorCode"/>) instead; null for none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The error code of the error answer (STS); default <c>InternalError</c>.</summary>
    public string ErrorCode { get; init; } = "InternalError";

    /// <summary>Close the connection without an answer.</summary>
    public bool DropConnection { get; init; }

    /// <summary>How many requests the fault applies to; null for every request.</summary>
    public int? Count
    {
        get => _remaining < 0 ? null : _remaining;
        init => _remaining = value ?? -1;
    }

    /// <summary>Takes one use of the fault; false once <see cref="Count"/> requests have had it.</summary>
    internal bool Take()
    {
        if (Volatile.Read(ref _remaining) < 0)
        {
            return true;
        }

        while (true)
        {
            var left = Volatile.Read(ref _remaining);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
