using System;
using Microsoft.Extensions.Logging;

namespace Bindings.Client;

/// <summary>
/// The client's log events. Each names the operation, the host, attempts, statuses, error codes and
/// request IDs only: parameters, credentials and signatures never reach a log.
/// </summary>
internal static class ClientLog
{
    private static readonly Action<ILogger, string, string, int, Exception?> SendingEvent =
        LoggerMessage.Define<string, string, int>(
            LogLevel.Debug, new EventId(1, "Sending"), "Sending {Operation} to {Host}, attempt {Attempt}");

    private static readonly Action<ILogger, string, int, int, Exception?> AnsweredEvent =
        LoggerMessage.Define<string, int, int>(
            LogLevel.Debug, new EventId(2, "Answered"), "{Operation} answered HTTP {StatusCode} on attempt {Attempt}");

    private static readonly Action<ILogger, string, int, string, double, Exception?> RetryingEvent =
        LoggerMessage.Define<string, int, string, double>(
            LogLevel.Information,
            new EventId(3, "Retrying"),
            "{Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds} ms");

    private static readonly Action<ILogger, string, int, string, Exception?> FailedEvent =
        LoggerMessage.Define<string, int, string>(
            LogLevel.Debug, new EventId(4, "Failed"), "{Operation} attempt {Attempt} failed ({Reason}); not retried");

    public static void Sending(ILogger logger, string operation, string host, int attempt) =>
        SendingEvent(logger, operation, host, attempt, null);

    public static void Answered(ILogger logger, string operation, int statusCode, int attempt) =>
        AnsweredEvent(logger, operation, statusCode, attempt, null);

    public static void Retrying(ILogger logger, string operation, int attempt, string reason, TimeSpan delay) =>
        RetryingEvent(logger, operation, attempt, reason, Math.Round(delay.TotalMilliseconds), null);

    public static void Failed(ILogger logger, string operation, int attempt, string reason) =>
        FailedEvent(logger, operation, attempt, reason, null);

    /// <summary>A short reason for a failed attempt: an error code, a status, or the kind of transport failure.</summary>
    public static string Reason(Exception? exception) => exception switch
    {
        AlibabaCloudServiceException { Code: { } code } service => code + ", HTTP " + ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        AlibabaCloudServiceException service => "HTTP " + ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        AlibabaCloudTransportException { IsTimeout: true } => "timeout",
        AlibabaCloudTransportException { RequestMayHaveReachedService: false } => "connection failed",
        AlibabaCloudTransportException => "connection broken",
        Polly.Timeout.TimeoutRejectedException => "attempt timed out",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
