using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;
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
/// <see cref="OperationCanceledException"/> (the caller's token), <see cref="InvalidOperationException"/>
/// (no credentials anywhere).
/// </remarks>
public sealed class AlibabaCloudRpcClient
{
    private readonly AlibabaCloudCredentials? _configuredCredentials;
    private readonly ResiliencePipeline _pipeline;
    private AlibabaCloudCredentials? _environmentCredentials;

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
        _configuredCredentials = options.Credentials;
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
    /// <param name="idempotencyTokenParameter">
    /// The wire name of the operation's idempotency token (<c>ClientToken</c>), or null when it has none.
    /// When the request leaves it empty, a new token (<see cref="IdempotencyToken.Create"/>) is sent with
    /// every attempt of this call; the request object is not changed.
    /// </param>
    /// <param name="parseJson">The generated <c>ParseJsonAsync</c> of the response type.</param>
    /// <param name="parseXml">The generated <c>ParseXmlAsync</c> of the response type.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The parsed response.</returns>
    /// <exception cref="RequestValidationException">A required parameter is missing or a value breaks a constraint.</exception>
    /// <exception cref="AlibabaCloudServiceException">The service answered with an error (after any retries).</exception>
    /// <exception cref="AlibabaCloudTransportException">No answer: connection failures and timeouts (after any retries).</exception>
    /// <exception cref="ResponseParseException">A success response that cannot be read.</exception>
    /// <exception cref="InvalidOperationException">No credentials in the options or in the environment.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse> SendAsync<TResponse>(
        IRpcRequest request,
        string? idempotencyTokenParameter,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseJson,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parseXml,
        CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (parseJson is null)
        {
            throw new ArgumentNullException(nameof(parseJson));
        }

        if (parseXml is null)
        {
            throw new ArgumentNullException(nameof(parseXml));
        }

        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var parameters = new List<KeyValuePair<string, string>>();
        request.WriteParameters(parameters);
        var retrySafe = request.IsReadOnly;
        if (!string.IsNullOrEmpty(idempotencyTokenParameter))
        {
            IdempotencyToken.Ensure(parameters, idempotencyTokenParameter!);
            retrySafe = true;
        }

        var call = new RpcCall<TResponse>(
            this,
            request.Action,
            retrySafe,
            parameters,
            ResolveCredentials(),
            Format == ResponseFormat.Xml ? parseXml : parseJson,
            forcePost: request is IRpcBodyParameters { HasBodyParameters: true });
        var context = ResilienceContextPool.Shared.Get(request.Action, cancellationToken);
        context.Properties.Set(RpcResilience.CallKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.AttemptAsync(ctx), context, call).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            ClientLog.Failed(Logger, call.Operation, call.Attempt, "timeout");
            throw call.Timeout(exception);
        }
        catch (Exception exception) when (exception is AlibabaCloudServiceException or AlibabaCloudTransportException)
        {
            ClientLog.Failed(Logger, call.Operation, call.Attempt, ClientLog.Reason(exception));
            throw;
        }
        finally
        {
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

    private AlibabaCloudCredentials ResolveCredentials()
    {
        if (_configuredCredentials is { } configured)
        {
            return configured;
        }

        if (Volatile.Read(ref _environmentCredentials) is { } cached)
        {
            return cached;
        }

        var read = AlibabaCloudCredentials.FromEnvironment() ?? throw new InvalidOperationException(
            "No Alibaba Cloud credentials: set AlibabaCloudClientOptions.Credentials, or the environment variables "
            + AlibabaCloudCredentials.AccessKeyIdVariable + " and " + AlibabaCloudCredentials.AccessKeySecretVariable
            + " (and " + AlibabaCloudCredentials.SecurityTokenVariable + " for an STS token).");
        Volatile.Write(ref _environmentCredentials, read);
        return read;
    }

    private static AlibabaCloudRetryOptions Copy(AlibabaCloudRetryOptions retry) => new AlibabaCloudRetryOptions
    {
        MaxRetries = retry.MaxRetries,
        BaseDelay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        UseJitter = retry.UseJitter,
    };
}
