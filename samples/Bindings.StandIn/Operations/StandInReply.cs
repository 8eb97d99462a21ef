using System;

namespace Bindings.StandIn;

/// <summary>What an operation handler answers: a body (HTTP 200) or an error.</summary>
public sealed class StandInReply
{
    private StandInReply(StandInObject? body, StandInError? error)
    {
        Body = body;
        Error = error;
    }

    /// <summary>The members of <c>{Action}Response</c>, or null for an error.</summary>
    public StandInObject? Body { get; }

    /// <summary>The error, or null for a success.</summary>
    public StandInError? Error { get; }

    /// <summary>
    /// A success: the body is written in the format the request asked for, as the members of
    /// <c>{Action}Response</c>; a <c>RequestId</c> member is added at the end unless the body has one.
    /// </summary>
    /// <param name="body">The body's members.</param>
    /// <returns>The reply.</returns>
    public static StandInReply Ok(StandInObject body) => new(body ?? throw new ArgumentNullException(nameof(body)), null);

    /// <summary>An error answer with the error's status, code and message, in the documented error body.</summary>
    /// <param name="error">The error, for example <see cref="StandInErrors.MissingParameter"/>.</param>
    /// <returns>The reply.</returns>
    public static StandInReply Fail(StandInError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A success with <paramref name="body"/>.</summary>
    /// <param name="body">The body.</param>
    public static implicit operator StandInReply(StandInObject body) => Ok(body);

    /// <summary>An error answer.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator StandInReply(StandInError error) => Fail(error);
}

/// <summary>Thrown by an operation handler to answer with a service error.</summary>
public sealed class StandInException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The error to answer with.</param>
    public StandInException(StandInError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Code + ": " + error.Message)
    {
        Error = error;
    }

    /// <summary>The error the stand-in answers with.</summary>
    public StandInError Error { get; }
}
