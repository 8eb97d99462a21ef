using System;

namespace Bindings.Client;

/// <summary>Checks options when a client is built, so that a mistake shows at start-up, not at the first call.</summary>
internal static class OptionsValidation
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromHours(24);

    public static void Validate(AlibabaCloudClientOptions options)
    {
        if (options.BindingErrors is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        CheckTimeout(options.AttemptTimeout, nameof(options.AttemptTimeout));
        CheckTimeout(options.Timeout, nameof(options.Timeout));
        if (options.Retry is not { } retry)
        {
            throw new ArgumentException("Retry must not be null.", nameof(options));
        }

        if (retry.MaxRetries < 0 || retry.MaxRetries > 100)
        {
            throw new ArgumentException("Retry.MaxRetries must be between 0 and 100.", nameof(options));
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > MaximumTimeout)
        {
            throw new ArgumentException("Retry.BaseDelay must be between zero and 24 hours.", nameof(options));
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > MaximumTimeout)
        {
            throw new ArgumentException("Retry.MaxDelay must be at least Retry.BaseDelay and at most 24 hours.", nameof(options));
        }

        if (retry.NotExecutedErrorCodes is null)
        {
            throw new ArgumentException("Retry.NotExecutedErrorCodes must not be null.", nameof(options));
        }

        if (options.ParseOptions is null)
        {
            throw new ArgumentException("ParseOptions must not be null.", nameof(options));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider must not be null.", nameof(options));
        }

        if (options.UserAgent is { } userAgent && (userAgent.Length == 0 || userAgent.IndexOfAny(new[] { '\r', '\n' }) >= 0))
        {
            throw new ArgumentException("UserAgent must be a non-empty single line.", nameof(options));
        }

        if (options.Format is not (ResponseFormat.Json or ResponseFormat.Xml)
            || options.SignatureVersion is not (SignatureVersion.V1 or SignatureVersion.V3)
            || options.HttpMethod is not (RpcHttpMethod.Get or RpcHttpMethod.Post))
        {
            throw new ArgumentException("Format, SignatureVersion or HttpMethod has an undefined value.", nameof(options));
        }
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan && (value < MinimumTimeout || value > MaximumTimeout))
        {
            throw new ArgumentException(name + " must be between 10 milliseconds and 24 hours, or infinite.", name);
        }
    }
}
