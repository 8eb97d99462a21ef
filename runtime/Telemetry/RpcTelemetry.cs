using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Polly.Timeout;

namespace Bindings.Client;

/// <summary>
/// The spans and instruments behind <see cref="AlibabaCloudTelemetry"/>. Every tag value comes from the
/// operation's description, the endpoint, the status line, a response header or an error code: nothing
/// the caller or the credentials put in a request.
/// </summary>
internal static class RpcTelemetry
{
    private static readonly string Version = typeof(RpcTelemetry).Assembly.GetName().Version?.ToString() ?? "1.0.0";

    public static readonly ActivitySource Source = new(AlibabaCloudTelemetry.ActivitySourceName, Version);

    private static readonly Meter Meter = new(AlibabaCloudTelemetry.MeterName, Version);

    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "rpc.client.duration", "s", "How long calls took, retries and their delays included.");

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "alibaba_cloud.client.attempts", "{attempt}", "Attempts sent, the first of each call included.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "alibaba_cloud.client.errors", "{error}", "Failed attempts, by error.type.");

    /// <summary>Starts the call's span (null when nobody listens).</summary>
    public static Activity? StartCall(RpcOperation operation, Uri endpoint, string? regionId)
    {
        var activity = Source.StartActivity(operation.Service + "/" + operation.Name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            SetCommonTags(activity, operation, endpoint);
            activity.SetTag("cloud.provider", AlibabaCloudTelemetry.SystemName);
            if (!string.IsNullOrEmpty(regionId))
            {
                activity.SetTag("cloud.region", regionId);
            }
        }

        return activity;
    }

    /// <summary>Starts an attempt's span, a child of the call's.</summary>
    public static Activity? StartAttempt(RpcOperation operation, Uri endpoint, int attempt)
    {
        var activity = Source.StartActivity(operation.Service + "/" + operation.Name + " attempt", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            SetCommonTags(activity, operation, endpoint);
            activity.SetTag("http.request.resend_count", attempt - 1);
        }

        return activity;
    }

    /// <summary>Records one attempt's answer (status and request ID), before its body is read.</summary>
    public static void Answered(Activity? activity, int statusCode, string? requestId)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.response.status_code", statusCode);
            if (!string.IsNullOrEmpty(requestId))
            {
                activity.SetTag("alibaba_cloud.request_id", requestId);
            }
        }
    }

    /// <summary>Ends an attempt: counts it, and its error when it failed.</summary>
    public static void EndAttempt(Activity? activity, RpcOperation operation, Uri endpoint, Exception? failure)
    {
        var tags = MetricTags(operation, endpoint, failure);
        Attempts.Add(1, tags);
        if (failure is not null)
        {
            Errors.Add(1, tags);
            Fail(activity, failure);
        }

        activity?.Dispose();
    }

    /// <summary>Ends the call: its duration, retries and outcome.</summary>
    public static void EndCall(
        Activity? activity, RpcOperation operation, Uri endpoint, int attempts, TimeSpan elapsed, int? statusCode, string? requestId, Exception? failure)
    {
        CallDuration.Record(elapsed.TotalSeconds, MetricTags(operation, endpoint, failure));
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            var serviceError = failure as AlibabaCloudServiceException;
            activity.SetTag("alibaba_cloud.retry_count", Math.Max(attempts - 1, 0));
            if ((statusCode ?? (serviceError is null ? null : (int?)serviceError.StatusCode)) is { } status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if ((requestId ?? serviceError?.RequestId) is { Length: > 0 } id)
            {
                activity.SetTag("alibaba_cloud.request_id", id);
            }
        }

        if (failure is not null)
        {
            Fail(activity, failure);
        }

        activity.Dispose();
    }

    /// <summary>Adds a <c>retry</c> event to the call's span.</summary>
    public static void Retrying(Activity? callActivity, int failedAttempt, Exception? failure, TimeSpan delay)
    {
        if (callActivity is { IsAllDataRequested: true })
        {
            callActivity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                { "alibaba_cloud.attempt", failedAttempt },
                { "error.type", failure is null ? "none" : ErrorType(failure) },
                { "alibaba_cloud.retry_delay_ms", Math.Round(delay.TotalMilliseconds) },
            }));
        }
    }

    /// <summary>
    /// The short, secret-free name of a failure: the service's error code, or a kind of transport failure.
    /// </summary>
    public static string ErrorType(Exception failure) => failure switch
    {
        AlibabaCloudServiceException { Code: { } code } => code,
        AlibabaCloudServiceException service => ((int)service.StatusCode).ToString(CultureInfo.InvariantCulture),
        AlibabaCloudTransportException { IsTimeout: true } => "timeout",
        AlibabaCloudTransportException { RequestMayHaveReachedService: false } => "connection_failed",
        AlibabaCloudTransportException => "connection_broken",
        TimeoutRejectedException => "timeout",
        ResponseParseException => "parse_error",
        Credentials.AlibabaCloudCredentialsException => "credentials",
        OperationCanceledException => "cancelled",
        _ => failure.GetType().FullName ?? "error",
    };

    private static void SetCommonTags(Activity activity, RpcOperation operation, Uri endpoint)
    {
        activity.SetTag("rpc.system", AlibabaCloudTelemetry.SystemName);
        activity.SetTag("rpc.service", operation.Service);
        activity.SetTag("rpc.method", operation.Name);
        activity.SetTag("server.address", endpoint.Host);
        activity.SetTag("server.port", endpoint.Port);
    }

    private static void Fail(Activity? activity, Exception failure)
    {
        if (activity is null)
        {
            return;
        }

        var type = ErrorType(failure);
        activity.SetTag("error.type", type);
        // The status description is the error type, never the exception's message.
        activity.SetStatus(ActivityStatusCode.Error, type);
    }

    private static TagList MetricTags(RpcOperation operation, Uri endpoint, Exception? failure)
    {
        var tags = new TagList
        {
            { "rpc.system", AlibabaCloudTelemetry.SystemName },
            { "rpc.service", operation.Service },
            { "rpc.method", operation.Name },
            { "server.address", endpoint.Host },
        };
        if (failure is not null)
        {
            tags.Add("error.type", ErrorType(failure));
        }

        return tags;
    }
}
