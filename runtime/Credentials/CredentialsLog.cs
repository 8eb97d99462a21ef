using System;
using Bindings.Signing;
using Microsoft.Extensions.Logging;

namespace Bindings.Credentials;

/// <summary>
/// The credential providers' log events. They name sources, files, addresses and expiry times;
/// reasons are the providers' exception messages, which never hold a secret.
/// </summary>
internal static class CredentialsLog
{
    public const string Category = "Bindings.Credentials";

    private static readonly Action<ILogger, string, Exception?> ChoseEvent = LoggerMessage.Define<string>(
        LogLevel.Debug, new EventId(1, "CredentialsSource"), "Alibaba Cloud credentials come from {Source}");

    private static readonly Action<ILogger, string, string, Exception?> SkippedEvent = LoggerMessage.Define<string, string>(
        LogLevel.Debug, new EventId(2, "CredentialsSourceSkipped"), "Credentials source {Source} skipped: {Reason}");

    private static readonly Action<ILogger, string, string, Exception?> RefreshedEvent = LoggerMessage.Define<string, string>(
        LogLevel.Debug, new EventId(3, "CredentialsRefreshed"), "{Provider} fetched credentials that expire at {Expiration}");

    private static readonly Action<ILogger, string, string, string, Exception?> RefreshFailedEvent = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning,
        new EventId(4, "CredentialsRefreshFailed"),
        "{Provider} could not refresh its credentials ({Reason}); the current ones are used until they expire at {Expiration}");

    public static void Chose(ILogger logger, string source) => ChoseEvent(logger, source, null);

    public static void Skipped(ILogger logger, string source, string reason) => SkippedEvent(logger, source, reason, null);

    public static void Refreshed(ILogger logger, string provider, DateTimeOffset? expiration) =>
        RefreshedEvent(logger, provider, Format(expiration), null);

    // The exception is not passed on: its message is the reason already, and its inner exceptions
    // (an HttpRequestException, a JsonException) are the provider's to word.
    public static void RefreshFailed(ILogger logger, string provider, DateTimeOffset? expiration, Exception failure) =>
        RefreshFailedEvent(logger, provider, failure.Message, Format(expiration), null);

    private static string Format(DateTimeOffset? expiration) => expiration is { } value ? AlibabaTimestamp.ToWireFormat(value) : "never";
}
