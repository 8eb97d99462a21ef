using System;

namespace Bindings.Client;

/// <summary>
/// No complete answer came, or none from the service: the connection failed, broke (before the answer, or while its body was
/// being read: a status line with half a body is no answer), or an attempt or the whole call timed out, or the answer came from another address (<see cref="IsRedirect"/>). For a
/// timeout, <see cref="IsTimeout"/> is true and <see cref="Exception.InnerException"/> is a
/// <see cref="TimeoutException"/>; otherwise the inner exception is the
/// <see cref="System.Net.Http.HttpRequestException"/> or <see cref="System.IO.IOException"/> that
/// <c>HttpClient</c> threw.
/// </summary>
/// <remarks>
/// Cancellation through the caller's token is not reported this way: it surfaces as
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class AlibabaCloudTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened (without secrets).</param>
    /// <param name="isTimeout">Whether a timeout caused it.</param>
    /// <param name="requestMayHaveReachedService">Whether the service may have received the request.</param>
    /// <param name="innerException">The underlying exception.</param>
    public AlibabaCloudTransportException(string message, bool isTimeout, bool requestMayHaveReachedService, Exception? innerException)
        : base(message, innerException)
    {
        IsTimeout = isTimeout;
        RequestMayHaveReachedService = requestMayHaveReachedService;
    }

    /// <summary>True when an attempt or the whole call ran out of time.</summary>
    public bool IsTimeout { get; }

    /// <summary>
    /// False only when the request certainly never left (the connection could not be made); an
    /// operation that is not idempotent may have been applied otherwise.
    /// </summary>
    public bool RequestMayHaveReachedService { get; }

    /// <summary>The operation that failed, e.g. <c>DescribeBackupTasks</c>.</summary>
    public string? Operation { get; internal set; }

    /// <summary>The attempt (1 for the first) that failed last.</summary>
    public int Attempt { get; internal set; }

    /// <summary>
    /// True when the answer came from another address than the request was sent to (the caller's
    /// <c>HttpClient</c> followed a redirect): it was not used, and the call was not retried.
    /// </summary>
    public bool IsRedirect { get; internal set; }
}
