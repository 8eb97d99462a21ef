using System;
using System.Threading.Tasks;

namespace Bindings.StandIn;

/// <summary>Answers one operation; see <see cref="StandInCall"/> and <see cref="StandInReply"/>.</summary>
/// <param name="call">The request, its signature and common parameters already checked.</param>
/// <returns>The reply.</returns>
public delegate ValueTask<StandInReply> StandInHandler(StandInCall call);

/// <summary>
/// An operation the stand-in answers: an API version, an <c>Action</c> and its handler. Register
/// your own with <see cref="StandInOptions.Operations"/> or <see cref="RdsStandIn.MapOperation(StandInOperation)"/>;
/// one for an action the stand-in already answers replaces it.
/// </summary>
public sealed class StandInOperation
{
    private StandInOperation(string version, string action, StandInHandler handler, bool _)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(handler);
        Version = version;
        Action = action;
        Handler = handler;
    }

    /// <summary>Creates an operation.</summary>
    /// <param name="version">The API version, for example <c>2014-08-15</c>.</param>
    /// <param name="action">The <c>Action</c>, for example <c>DescribeWidgets</c>.</param>
    /// <param name="handler">The handler.</param>
    public StandInOperation(string version, string action, Func<StandInCall, StandInReply> handler)
        : this(version, action, Wrap(handler), false)
    {
    }

    /// <summary>Creates an operation whose handler awaits something (a delay, a file, another service).</summary>
    /// <param name="version">The API version.</param>
    /// <param name="action">The <c>Action</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The operation.</returns>
    public static StandInOperation FromAsync(string version, string action, StandInHandler handler) => new(version, action, handler, false);

    /// <summary>The API version.</summary>
    public string Version { get; }

    /// <summary>The <c>Action</c>.</summary>
    public string Action { get; }

    /// <summary>The handler.</summary>
    public StandInHandler Handler { get; }

    internal static StandInHandler Wrap(Func<StandInCall, StandInReply> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return call => ValueTask.FromResult(handler(call));
    }
}
