using System;

namespace Bindings.Client;

/// <summary>The acceptor that matched a response or an error: its state, and what matched, in words.</summary>
public readonly struct WaiterDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="state">The acceptor's state.</param>
    /// <param name="reason">What matched, e.g. <c>Items[].BackupStatus is Failed</c>.</param>
    public WaiterDecision(WaiterState state, string reason)
    {
        State = state;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The acceptor's state.</summary>
    public WaiterState State { get; }

    /// <summary>What matched, e.g. <c>Items[].BackupStatus is Failed</c>.</summary>
    public string Reason { get; }
}
