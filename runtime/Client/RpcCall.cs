using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Credentials;
using Bindings.Serialization;
using Bindings.Signing;
using Polly;
using Polly.Timeout;

namespace Bindings.Client;

/// <summary>
/// One logical call: the parameters (idempotency token included) fixed once, and an attempt method
/// that signs afresh (timestamp, nonce, signature), sends, and maps the answer.
/// </summary>
internal sealed class RpcCall<TResponse> : RpcCallState
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly AlibabaCloudRpcClient _client;
    private readonly RpcOperation _operation;
    private readonly RpcParameters _parameters;
    private readonly IAlibabaCloudCredentialsProvider? _credentials;
    private readonly Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> _parse;
    private SecretRedactor _redactor;

    // credentials: asked at every attempt; null for an anonymous operation, sent unsigned.
    public RpcCall(
        AlibabaCloudRpcClient client,
        RpcOperation operation,
        bool retrySafeAfterSend,
        Func<string, bool> isNotExecutedCode,
        RpcParameters parameters,
        IAlibabaCloudCredentialsProvider? credentials,
        Func<Stream, ResponseParseOptions, CancellationToken, Task<TResponse>> parse)
        : base(operation.Name, retrySafeAfterSend, isNotExecutedCode)
    {
        _client = client;
        _operation = operation;
        _parameters = parameters;
        _credentials = credentials;
        _parse = parse;
        _redactor = credentials is null ? SecretRedactor.ForAnonymous(parameters.All) : SecretRedactor.None;
    }

    /// <summary>The status of the answer that succeeded.</summary>
    public HttpStatusCode StatusCode { get; private set; }

    /// <summary>The headers of the answer that succeeded.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; private set; }

    /// <summary>The request ID of the last answer, from its <c>x-acs-request-id</c> header.</summary>
    public string? RequestId { get; private set; }

    public async ValueTask<TResponse> AttemptAsync(ResilienceContext context)
    {
        Attempt++;
        var activity = RpcTelemetry.StartAttempt(_operation, _client.Endpoint, Attempt);
        try
        {
            var response = await SendAttemptAsync(context.CancellationToken, activity).ConfigureAwait(false);
            RpcTelemetry.EndAttempt(activity, _operation, _client.Endpoint, failure: null);
            return response;
        }
        catch (Exception exception)
        {
            RpcTelemetry.EndAttempt(activity, _operation, _client.Endpoint, exception);
            throw;
        }
    }

    private async Task<TResponse> SendAttemptAsync(CancellationToken cancellationToken, System.Diagnostics.Activity? activity)
    {
        var client = _client;
        // Asked at every attempt: a refreshing provider hands out new credentials before the old expire.
        AlibabaCloudCredentials? credentials = null;
        if (_credentials is not null)
        {
            credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            _redactor = new SecretRedactor(credentials);
        }

        using var request = credentials is null
            ? client.RequestFactory.CreateAnonymous(_parameters, client.TimeProvider.GetUtcNow(), SignatureNonce.Create(), out var stringToSign)
            : client.RequestFactory.Create(_parameters, credentials, client.TimeProvider.GetUtcNow(), SignatureNonce.Create(), out stringToSign);
        ClientLog.Sending(client.Logger, Operation, client.Host, Attempt);
        var sentTo = request.RequestUri;

        HttpResponseMessage response;
        try
        {
            response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw Transport(exception, !TransportFailure.IsConnectFailure(exception));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our token: HttpClient.Timeout.
            throw HttpClientTimeout(exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            RequestId = Header(response, "x-acs-request-id");
            RpcTelemetry.Answered(activity, status, RequestId);
            ClientLog.Answered(client.Logger, Operation, status, Attempt);
            if (response.RequestMessage?.RequestUri is { } answeredFrom && sentTo is not null && answeredFrom != sentTo)
            {
                // The caller's HttpClient followed a redirect: the signed request (and its token) went to
                // another address, and what came back is not the service's answer.
                throw Redirected(sentTo, answeredFrom);
            }

            if (status < 200 || status >= 300)
            {
                throw await ReadErrorAsync(response, stringToSign, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var (body, length) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                using var document = new BufferedDocumentStream(body, length);
                if (SuccessStatusError.IsErrorDocument(body, length, _operation))
                {
                    throw ServiceError(response, ServiceErrorReader.TryRead(body, length), body, length, truncated: false, stringToSign);
                }

                var parsed = await _parse(document, client.ParseOptions, cancellationToken).ConfigureAwait(false);
                StatusCode = response.StatusCode;
                Headers = ResponseHeaders.Read(response);
                return parsed;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw Transport(exception, mayHaveReachedService: true, response);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw HttpClientTimeout(exception);
            }
        }
    }

    /// <summary>
    /// Reads a success body within <see cref="ResponseParseOptions.MaxDocumentSize"/>: an announced length over
    /// it fails before any byte is read, and a body that goes on past it stops at the limit (the connection is
    /// then dropped with the response). The buffer is pooled; <see cref="BufferedDocumentStream"/> gives it back.
    /// </summary>
    private async Task<(byte[] Body, int Length)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var options = _client.ParseOptions;
        var format = _client.Format == ResponseFormat.Xml ? WireFormat.Xml : WireFormat.Json;
        if (options.MaxDocumentSize > 0 && response.Content.Headers.ContentLength > options.MaxDocumentSize)
        {
            throw StreamBuffering.TooLarge(options, format, Operation + "Response");
        }

        using var stream = await HttpContentReading.ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return await StreamBuffering.ReadAllAsync(stream, options, format, Operation + "Response", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The exception for an answer that came from another address than the one the request was sent to. Only
    /// the origins are named: a V1 GET carries its signature and token in the query.
    /// </summary>
    private AlibabaCloudTransportException Redirected(Uri sentTo, Uri answeredFrom)
    {
        var message = Operation + ": the request to " + Origin(sentTo) + " was redirected to " + Origin(answeredFrom)
            + " by the HttpClient (attempt " + Attempt.ToString(CultureInfo.InvariantCulture) + "); the answer was not used."
            + " Alibaba Cloud RPC endpoints do not redirect: use an HttpClient whose handler has AllowAutoRedirect = false,"
            + " as AddAlibabaCloudClient registers.";
        return new AlibabaCloudTransportException(message, isTimeout: false, requestMayHaveReachedService: true, innerException: null)
        {
            Operation = Operation,
            Attempt = Attempt,
            IsRedirect = true,
        };
    }

    internal static string Origin(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Authority) : "(a relative address)";

    /// <summary>The exception for a timeout reported by the pipeline (an attempt's, or the whole call's).</summary>
    public AlibabaCloudTransportException Timeout(TimeoutRejectedException exception)
    {
        var message = OverallTimedOut
            ? Operation + ": no answer within the overall timeout of " + Format(_client.Timeout) + " (" + Attempts() + ")."
            : Operation + ": attempt " + Attempt.ToString(CultureInfo.InvariantCulture) + " got no complete answer within "
                + Format(_client.AttemptTimeout) + ", and it was not retried further.";
        return new AlibabaCloudTransportException(message, isTimeout: true, requestMayHaveReachedService: true, new TimeoutException(message, exception))
        {
            Operation = Operation,
            Attempt = Attempt,
        };
    }

    private AlibabaCloudTransportException HttpClientTimeout(OperationCanceledException exception)
    {
        var message = Operation + ": attempt " + Attempt.ToString(CultureInfo.InvariantCulture) + " timed out (HttpClient.Timeout of "
            + Format(_client.HttpClient.Timeout) + ").";
        return new AlibabaCloudTransportException(message, isTimeout: true, requestMayHaveReachedService: true, new TimeoutException(message, exception))
        {
            Operation = Operation,
            Attempt = Attempt,
        };
    }

    /// <param name="exception">What <c>HttpClient</c> threw.</param>
    /// <param name="mayHaveReachedService">False when the connection was never made.</param>
    /// <param name="response">The answer whose body broke off, when the status line and headers had come.</param>
    private AlibabaCloudTransportException Transport(Exception exception, bool mayHaveReachedService, HttpResponseMessage? response = null)
    {
        var what = response is not null
            ? ": the connection to " + _client.Host + " broke while the body of its HTTP "
                + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " answer was being read"
            : mayHaveReachedService
                ? ": the connection to " + _client.Host + " failed after the request was sent"
                : ": could not connect to " + _client.Host;
        var requestId = response is null ? null : Header(response, "x-acs-request-id");
        var message = Operation + what + " (attempt " + Attempt.ToString(CultureInfo.InvariantCulture)
            + (string.IsNullOrEmpty(requestId) ? string.Empty : ", RequestId " + requestId) + "): " + _redactor.Redact(exception.Message);
        return new AlibabaCloudTransportException(message, isTimeout: false, mayHaveReachedService, exception)
        {
            Operation = Operation,
            Attempt = Attempt,
        };
    }

    /// <summary>
    /// The exception for an error answer: an <see cref="AlibabaCloudServiceException"/>, or an
    /// <see cref="AlibabaCloudTransportException"/> when the body broke off before its end.
    /// </summary>
    private async Task<Exception> ReadErrorAsync(HttpResponseMessage response, string stringToSign, CancellationToken cancellationToken)
    {
        byte[] body;
        int length;
        bool truncated;
        try
        {
            (body, length, truncated) = await HttpContentReading.ReadLimitedAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception broken) when (broken is HttpRequestException or IOException)
        {
            // Part of an answer is no answer: its code is unknown (it may have been Throttling), so it
            // is retried like any broken connection; and what came may end inside a quoted token that
            // no redaction would recognise, so none of it is shown.
            return Transport(broken, mayHaveReachedService: true, response);
        }

        return ServiceError(response, truncated ? null : ServiceErrorReader.TryRead(body, length), body, length, truncated, stringToSign);
    }

    /// <summary>
    /// The exception for an Alibaba Cloud error answer, whatever its status (an error document can come with
    /// HTTP 200): its retries follow from its status and code, as for any other.
    /// </summary>
    private AlibabaCloudServiceException ServiceError(HttpResponseMessage response, ServiceError? error, byte[] body, int length, bool truncated, string stringToSign)
    {
        var exception = new AlibabaCloudServiceException(
            response.StatusCode,
            error?.Code,
            _redactor.Redact(error?.Message),
            error?.RequestId ?? Header(response, "x-acs-request-id"),
            error?.HostId,
            error?.Recommend,
            error is null ? BodyExcerpt.Create(body, length, truncated, _redactor.Redact) : null)
        {
            Operation = Operation,
            Attempt = Attempt,
            RetryAfter = RetryAfterHeader.Read(response, _client.TimeProvider.GetUtcNow()),
            RedirectLocation = (int)response.StatusCode is >= 300 and < 400 ? RedirectTarget(response) : null,
        };

        if (error?.Code == SignatureDiagnosis.ErrorCode)
        {
            // Compared before redaction: both sides hold the same token, so the verdict does not depend on it.
            exception.SignatureMismatch = SignatureDiagnosis.Diagnose(error.Message, stringToSign, out var serverStringToSign);
            exception.ServerStringToSign = _redactor.Redact(serverStringToSign);
            exception.ClientStringToSign = _redactor.Redact(stringToSign);
        }

        exception.Invalidate();
        return exception;
    }

    // Where a 3xx points, without its query (which could echo what was sent): shown, never followed.
    private string? RedirectTarget(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(_client.Endpoint, location);
        var text = absolute.GetLeftPart(UriPartial.Path);
        return _redactor.Redact(absolute.Query.Length > 0 || absolute.Fragment.Length > 0 ? text + "?…" : text);
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    private string Attempts() => Attempt == 1 ? "1 attempt" : Attempt.ToString(CultureInfo.InvariantCulture) + " attempts";

    internal static string Format(TimeSpan span) => span == System.Threading.Timeout.InfiniteTimeSpan
        ? "infinite"
        : span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
