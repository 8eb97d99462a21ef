using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace Bindings.Client;

/// <summary>
/// Sends RPC requests of one service: validates, signs each attempt afresh, sends with the given
/// <see cref="System.Net.Http.HttpClient"/>, retries what is safe to retry, and turns the answer into
/// a typed response or an exception. Generated clients (<c>RdsClient</c>) are thin wrappers around it.
/// </summary>
/// <remarks>
/// Thread-safe: one instance serves concurrent calls. It does not own the <c>HttpClient</c>.
/// Failures: <see cref="RequestValidationException"/> (nothing sent), <see cref="AlibabaCloudServiceException"/>
/// (the service answered with an error), <see cref="AlibabaCloudTransportException"/> (no complete answer:
/// broken connections, bodies that break off, and timeouts), <see cref="ResponseParseException"/> (a success body that cannot be read),
/// <see cref="OperationCanceledException"/> (the caller's token), <see cref="AlibabaCloudCredentialsException"/>
/// (no credentials anywhere, or they could not be refreshed). Each call is a span and each attempt a
/// child span of <see cref="AlibabaCloudTelemetry.ActivitySourceName"/>, with metrics on
/// <see cref="AlibabaCloudTelemetry.MeterName"/>.
/// </remarks>
public sealed class AlibabaCloudRpcClient
{
    private readonly IAlibabaCloudCredentialsProvider _credentials;
    private readonly ResiliencePipeline _pipeline;
    private readonly HashSet<string> _notExecutedCodes;
    private readonly string? _regionId;

    /// <summary>Creates the client; the options are read now, once.</summary>
    /// <param name="httpClient">Sends the requests; not disposed by this client.</param>
    /// <param name="options">Where, as whom, how.</param>
    /// <param name="endpoints">The service's hosts (the generated client passes the spec's).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or no endpoint can be resolved.</exception>
    public AlibabaCloudRpcClient(HttpClient httpClient, AlibabaCloudClientOptions options, ServiceEndpoints endpoints)
    {
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        OptionsValidation.Validate(options);
        Endpoint = endpoints.Resolve(options);
        Host = SignedHttpRequestFactory.HostHeader(Endpoint);
        Format = options.Format;
        SignatureVersion = options.SignatureVersion;
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout;
        ParseOptions = options.ParseOptions;
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory?.CreateLogger("Bindings.Client.AlibabaCloudRpcClient") ?? NullLogger.Instance;
        _regionId = options.Endpoint is null ? options.RegionId : null;
        _credentials = options.ResolveCredentialsProvider();
        _notExecutedCodes = new HashSet<string>(options.Retry.NotExecutedErrorCodes, StringComparer.Ordinal);
        RequestFactory = new SignedHttpRequestFactory(
            Endpoint, options.SignatureVersion, options.HttpMethod, options.Format, options.UserAgent ?? AlibabaCloudClientOptions.DefaultUserAgent);
        _pipeline = RpcResilience.Build(options.Timeout, options.AttemptTimeout, Copy(options.Retry), TimeProvider, Logger);
    }

    /// <summary>The address every request goes to, resolved from the options and the service's endpoints.</summary>
    public Uri Endpoint { get; }

    /// <summary>The response format asked for.</summary>
    public ResponseFormat Format { get; }

    /// <summary>The signature version used.</summary>
    public SignatureVersion SignatureVersion { get; }

    internal HttpClient HttpClient { get; }

    internal string Host { get; }

    internal TimeSpan Timeout { get; }

    internal TimeSpan AttemptTimeout { get; }

    internal ResponseParseOptions ParseOptions { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal SignedHttpRequestFactory RequestFactory { get; }

    /// <summary>
    /// Sends one request and reads the response with the parser of the configured format.
    /// </summary>
    /// <typeparam name="TResponse">The operation's response type.</typeparam>
    /// <param name="request">The request; validated before anything is sent.</param>
    /// <param name="operation">
    /// The operation's description: its idempotency token (filled in once per call when the request
    /// leaves it empty; the request object is not changed), whether it is signed, its own "not
    /// executed" error codes, and its response's member names (a success-status JSON body with
    /// <c>Code</c> and <c>Message</c> and none of them but <c>RequestId</c> is an error document).
    /// </param>
    /// <param name="parseJson">The generated <c>ParseJsonAsync</c> of the response type.</param>
    /// <param name="parseXml">The generated <c>ParseXmlAsync</c> of the response type.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The parsed response.</returns>
    /// <exception cref="RequestValidationException">A required parameter is missing or a value breaks a constraint.</exception>
    /// <exception cref="AlibabaCloudServiceException">The service answered with an error, in an error status or as an error document in a success status (after any retries).</exception>
    /// <exception cref="AlibabaCloudTransportException">No answer: connection failures and timeouts (after any retries), or an answer from another address after a redirect.</exception>
    /// <exception cref="ResponseParseException">A success response that cannot be read, or that is larger than <see cref="ResponseParseOptions.MaxDocumentSize"/>.</exception>
    /// <exception cref="AlibabaCloudCredentialsException">No credentials could be found or refreshed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse> SendAsync<TResponse>(
        IRpcRequest request,
        RpcOperation operation,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseJson,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseXml,
        CancellationToken cancellationToken = default) =>
        (await SendWithResponseAsync(request, operation, parseJson, parseXml, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Sends one request like <see cref="SendAsync{TResponse}"/>, and returns the parsed response with
    /// the answer's status, headers and request ID.
    /// </summary>
    /// <typeparam name="TResponse">The operation's response type.</typeparam>
    /// <param name="request">The request; validated before anything is sent.</param>
    /// <param name="operation">The operation's description.</param>
    /// <param name="parseJson">The generated <c>ParseJsonAsync</c> of the response type.</param>
    /// <param name="parseXml">The generated <c>ParseXmlAsync</c> of the response type.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The parsed response and the raw answer's facts.</returns>
    /// <exception cref="RequestValidationException">A required parameter is missing or a value breaks a constraint.</exception>
    /// <exception cref="AlibabaCloudServiceException">The service answered with an error, in an error status or as an error document in a success status (after any retries).</exception>
    /// <exception cref="AlibabaCloudTransportException">No answer: connection failures and timeouts (after any retries), or an answer from another address after a redirect.</exception>
    /// <exception cref="ResponseParseException">A success response that cannot be read, or that is larger than <see cref="ResponseParseOptions.MaxDocumentSize"/>.</exception>
    /// <exception cref="AlibabaCloudCredentialsException">No credentials could be found or refreshed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AlibabaCloudResponse<TResponse>> SendWithResponseAsync<TResponse>(
        IRpcRequest request,
        RpcOperation operation,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseJson,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseXml,
        CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (parseJson is null)
        {
            throw new ArgumentNullException(nameof(parseJson));
        }

        if (parseXml is null)
        {
            throw new ArgumentNullException(nameof(parseXml));
        }

        if (!string.Equals(request.Action, operation.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException("The request is for " + request.Action + ", the operation is " + operation.Name + ".", nameof(operation));
        }

        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        // Each parameter goes where the official SDK puts it: the URL query, or the form body (position: body).
        var parameters = RpcParameters.Write(request);
        var retrySafe = request.IsReadOnly;
        if (operation.IdempotencyTokenParameter is { } tokenParameter)
        {
            parameters.EnsureIdempotencyToken(request, tokenParameter);
            retrySafe = true;
        }

        var call = new RpcCall<TResponse>(
            this,
            operation,
            retrySafe,
            code => operation.IsRetryableCode(code) || _notExecutedCodes.Contains(code),
            parameters,
            operation.IsAnonymous ? null : _credentials,
            Format == ResponseFormat.Xml ? parseXml : parseJson);
        var started = TimeProvider.GetTimestamp();
        call.Activity = RpcTelemetry.StartCall(operation, Endpoint, _regionId);
        var context = ResilienceContextPool.Shared.Get(request.Action, cancellationToken);
        context.Properties.Set(RpcResilience.CallKey, call);
        Exception? failure = null;
        try
        {
            var value = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.AttemptAsync(ctx), context, call).ConfigureAwait(false);
            return new AlibabaCloudResponse<TResponse>(value, call.StatusCode, call.Headers, call.RequestId, call.Attempt);
        }
        catch (TimeoutRejectedException exception)
        {
            ClientLog.Failed(Logger, call.Operation, call.Attempt, "timeout");
            failure = call.Timeout(exception);
            throw failure;
        }
        catch (Exception exception) when (exception is AlibabaCloudServiceException or AlibabaCloudTransportException)
        {
            ClientLog.Failed(Logger, call.Operation, call.Attempt, ClientLog.Reason(exception));
            failure = exception;
            throw;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            RpcTelemetry.EndCall(
                call.Activity, operation, Endpoint, call.Attempt, TimeProvider.GetElapsedTime(started),
                failure is null ? (int)call.StatusCode : null, call.RequestId, failure);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Runs a waiter of the service on this client's clock (<see cref="AlibabaCloudClientOptions.TimeProvider"/>):
    /// the generated <c>WaitFor&lt;Name&gt;Async</c> methods call this.
    /// </summary>
    /// <typeparam name="TResponse">The response of the operation polled.</typeparam>
    /// <param name="waiter">The spec's waiter.</param>
    /// <param name="poll">Calls the operation once with the caller's request.</param>
    /// <param name="options">Per-call timing; null keeps the spec's.</param>
    /// <param name="progress">Told of every response; may be null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>See <see cref="Waiter{TResponse}.WaitAsync"/>.</returns>
    public Task<TResponse?> WaitAsync<TResponse>(
        Waiter<TResponse> waiter,
        Func<CancellationToken, Task<TResponse>> poll,
        WaiterOptions? options,
        IProgress<TResponse>? progress,
        CancellationToken cancellationToken = default)
        where TResponse : class
    {
        if (waiter is null)
        {
            throw new ArgumentNullException(nameof(waiter));
        }

        return waiter.WaitAsync(poll, options, progress, TimeProvider, cancellationToken);
    }

    private static AlibabaCloudRetryOptions Copy(AlibabaCloudRetryOptions retry) => new AlibabaCloudRetryOptions
    {
        MaxRetries = retry.MaxRetries,
        BaseDelay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        UseJitter = retry.UseJitter,
    };
}
