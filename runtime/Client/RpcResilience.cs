using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bindings.Client;

/// <summary>What the resilience pipeline needs to know about the call it runs.</summary>
internal abstract class RpcCallState
{
    protected RpcCallState(string operation, bool retrySafeAfterSend, Func<string, bool>? isNotExecutedCode = null)
    {
        Operation = operation;
        RetrySafeAfterSend = retrySafeAfterSend;
        IsNotExecutedCode = isNotExecutedCode ?? (static _ => false);
    }

    public string Operation { get; }

    /// <summary>Read-only, or carrying an idempotency token: a retry cannot apply it twice.</summary>
    public bool RetrySafeAfterSend { get; }

    /// <summary>The error codes this call's operation and options add to the "not executed" ones.</summary>
    public Func<string, bool> IsNotExecutedCode { get; }

    /// <summary>The attempt under way or last made, from 1.</summary>
    public int Attempt { get; protected set; }

    public bool OverallTimedOut { get; set; }

    /// <summary>The call's span, when telemetry listens: retries are events on it.</summary>
    public System.Diagnostics.Activity? Activity { get; set; }
}

/// <summary>
/// Builds the Polly pipeline of a client: the overall timeout, around the retries, around the
/// per-attempt timeout. Which failures are retried is decided here.
/// </summary>
internal static class RpcResilience
{
    public static readonly ResiliencePropertyKey<RpcCallState> CallKey = new ResiliencePropertyKey<RpcCallState>("Bindings.Client.RpcCall");

    public static ResiliencePipeline Build(TimeSpan timeout, TimeSpan attemptTimeout, AlibabaCloudRetryOptions retry, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Bindings.Client" };
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = timeout,
                OnTimeout = static args =>
                {
                    if (args.Context.Properties.TryGetValue(CallKey, out var call))
                    {
                        call.OverallTimedOut = true;
                    }

                    return default;
                },
            });
        }

        if (retry.MaxRetries > 0)
        {
            var maxDelay = retry.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, Call(args.Context), maxDelay)),
                // The service's own figure wins over the backoff curve (Polly does not cap it; ShouldRetry did).
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is AlibabaCloudServiceException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var call = Call(args.Context);
                    var reason = ClientLog.Reason(args.Outcome.Exception);
                    ClientLog.Retrying(logger, call.Operation, call.Attempt, reason, args.RetryDelay);
                    RpcTelemetry.Retrying(call.Activity, call.Attempt, args.Outcome.Exception, args.RetryDelay);
                    return default;
                },
            });
        }

        if (attemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(attemptTimeout);
        }

        return builder.Build();
    }

    /// <summary>
    /// An answer that says the service did not execute the call (throttling, and the codes the
    /// operation's spec or the options add) is retried for any call; other 5xx answers, timeouts and
    /// broken connections when the call is safe to repeat (read-only or with an idempotency token); a
    /// connection that could not be made at all for any call. Everything else (other 4xx, parse errors,
    /// credentials, cancellation) is final. A service that asks for a longer wait than the longest delay
    /// is not retried.
    /// </summary>
    internal static bool ShouldRetry(Exception? exception, RpcCallState call, TimeSpan maxDelay) => exception switch
    {
        AlibabaCloudServiceException service => !(service.RetryAfter > maxDelay)
            && (service.IsNotExecuted
                || (service.Code is { } code && call.IsNotExecutedCode(code))
                || (service.IsTransient && call.RetrySafeAfterSend)),
        // A redirect would be followed again, to the same other address: never retried.
        AlibabaCloudTransportException { IsRedirect: true } => false,
        AlibabaCloudTransportException transport =>
            !transport.RequestMayHaveReachedService || call.RetrySafeAfterSend,
        TimeoutRejectedException => call.RetrySafeAfterSend,
        _ => false,
    };

    private static RpcCallState Call(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);
}
