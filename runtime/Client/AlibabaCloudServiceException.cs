using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace Bindings.Client;

/// <summary>
/// The service answered with an error: an HTTP status of 300 or more, or an Alibaba Cloud error document
/// with a success status (<see cref="StatusCode"/> is then 200). When the body is an Alibaba
/// Cloud error (<c>&lt;Error&gt;</c> in XML or a JSON object with <c>Code</c>), its fields are here;
/// otherwise (a proxy's HTML page, an empty or malformed body) <see cref="Code"/> is null and
/// <see cref="BodyExcerpt"/> shows the start of what came.
/// </summary>
/// <remarks>
/// Values that quote the request (the server's string to sign, the body) have the STS token and the
/// AccessKey secret replaced by <c>***</c> before they get here, so the message is safe to log.
/// </remarks>
public sealed class AlibabaCloudServiceException : Exception
{
    private string? _message;

    /// <summary>Creates the exception (the client does; tests of code that handles it may too).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The error code, e.g. <c>InvalidDBInstanceId.NotFound</c>; null when the body was not an Alibaba Cloud error.</param>
    /// <param name="serviceMessage">The error's <c>Message</c>.</param>
    /// <param name="requestId">The <c>RequestId</c> (or the <c>x-acs-request-id</c> header).</param>
    /// <param name="hostId">The <c>HostId</c>.</param>
    /// <param name="recommend">The <c>Recommend</c> link to a diagnosis page, on newer gateways.</param>
    /// <param name="bodyExcerpt">The start of the body, for bodies that are not Alibaba Cloud errors.</param>
    public AlibabaCloudServiceException(
        HttpStatusCode statusCode,
        string? code,
        string? serviceMessage,
        string? requestId = null,
        string? hostId = null,
        string? recommend = null,
        string? bodyExcerpt = null)
    {
        StatusCode = statusCode;
        Code = string.IsNullOrEmpty(code) ? null : code;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
        HostId = hostId;
        Recommend = recommend;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code; null when the body was not an Alibaba Cloud error.</summary>
    public string? Code { get; }

    /// <summary>The service's <c>Message</c>, as sent (secrets redacted).</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request's ID, to quote to Alibaba Cloud support.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>HostId</c> of the error, e.g. <c>rds.aliyuncs.com</c>.</summary>
    public string? HostId { get; }

    /// <summary>The <c>Recommend</c> link to Alibaba Cloud's diagnosis page, when sent.</summary>
    public string? Recommend { get; }

    /// <summary>
    /// The start of the body (at most 512 characters, control characters escaped, secrets redacted)
    /// when it was not an Alibaba Cloud error; null otherwise.
    /// </summary>
    public string? BodyExcerpt { get; }

    /// <summary>True when the body was an Alibaba Cloud error with a <see cref="Code"/>.</summary>
    public bool IsServiceError => Code is not null;

    /// <summary>True for a <c>Throttling</c> code (<c>Throttling</c>, <c>Throttling.User</c>, ...) or HTTP 429.</summary>
    public bool IsThrottling =>
        (int)StatusCode == 429 || (Code is { } code && code.StartsWith("Throttling", StringComparison.Ordinal));

    /// <summary>True for errors worth retrying: throttling and HTTP 5xx.</summary>
    public bool IsTransient => IsThrottling || (int)StatusCode >= 500;

    /// <summary>
    /// True when the error says the service did not execute the request, so that repeating it cannot
    /// apply it twice: throttling (<see cref="IsThrottling"/>: the gateway's flow control refused it
    /// before the operation ran). The client retries these for every operation, writes included. Other
    /// 5xx answers (<c>InternalError</c>, <c>ServiceUnavailable</c>) may come after the work was done, so
    /// they are retried only for operations that are safe to repeat; <c>SignatureNonceUsed</c> is not
    /// retried at all: the client never sends a nonce twice, so the answer means something resent an
    /// earlier request with this nonce, and that one may have been executed.
    /// </summary>
    /// <remarks>
    /// The evidence: Alibaba's OpenAPI client raises its own <c>Throttling</c> exception for these answers
    /// (<c>aliyun/darabonba-openapi</c> main.tea, <c>doRPCRequest</c>), the classic SDK core retries only
    /// <c>Throttling</c> as a throttling error and lists <c>InternalError</c>, <c>UnknownError</c> and
    /// <c>ServiceUnavailable</c> as errors to retry for retry-safe operations only
    /// (<c>aliyun/aliyun-openapi-net-sdk</c> aliyun-net-sdk-core/Retry/Util/retry_config.json), and the
    /// documented messages say "Request was denied due to user flow control".
    /// </remarks>
    public bool IsNotExecuted => IsThrottling;

    /// <summary>
    /// For a redirect (HTTP 3xx): where its <c>Location</c> pointed, without the query. Alibaba Cloud RPC
    /// endpoints do not redirect; the client never follows one, so the request went nowhere else.
    /// </summary>
    public string? RedirectLocation { get; internal set; }

    /// <summary>The wait the service asked for (<c>x-acs-retry-after</c>, or <c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>The operation that failed, e.g. <c>DescribeBackupTasks</c>.</summary>
    public string? Operation { get; internal set; }

    /// <summary>The attempt (1 for the first) that got this answer.</summary>
    public int Attempt { get; internal set; }

    /// <summary>For <c>SignatureDoesNotMatch</c>: whether the secret is wrong or the signing differed.</summary>
    public SignatureMismatchVerdict SignatureMismatch { get; internal set; }

    /// <summary>For <c>SignatureDoesNotMatch</c>: the server's string to sign, as quoted (secrets redacted).</summary>
    public string? ServerStringToSign { get; internal set; }

    /// <summary>For <c>SignatureDoesNotMatch</c>: the string the client signed (secrets redacted).</summary>
    public string? ClientStringToSign { get; internal set; }

    /// <inheritdoc />
    public override string Message => _message ??= Compose();

    internal void Invalidate() => _message = null;

    private string Compose()
    {
        var status = ((int)StatusCode).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        builder.Append(Operation ?? "The call").Append(" failed: ");
        if (Code is { } code)
        {
            builder.Append(code).Append(" (HTTP ").Append(status).Append(')');
            if (!string.IsNullOrWhiteSpace(ServiceMessage))
            {
                builder.Append(": ").Append(ServiceMessage!.Trim());
            }
        }
        else
        {
            builder.Append("HTTP ").Append(status);
            var reason = ReasonPhrase(StatusCode);
            if (reason.Length > 0)
            {
                builder.Append(" (").Append(reason).Append(')');
            }

            builder.Append(BodyExcerpt is null || BodyExcerpt.Length == 0
                ? " with an empty body"
                : " with a body that is not an Alibaba Cloud error: " + BodyExcerpt);
        }

        if (RedirectLocation is { } location)
        {
            builder.Append(". It redirects to ").Append(location).Append(", which was not followed: Alibaba Cloud RPC endpoints do not redirect");
        }

        AppendSentence(builder, "RequestId", RequestId);
        AppendSentence(builder, "HostId", HostId);
        AppendSentence(builder, "Recommend", Recommend);
        switch (SignatureMismatch)
        {
            case SignatureMismatchVerdict.SecretIsWrong:
                builder.Append(" Diagnosis: the AccessKey secret is wrong (the server signed the same string as the client).");
                break;
            case SignatureMismatchVerdict.SignedDifferently:
                builder.Append(" Diagnosis: the request was signed differently from how the server reads it. Client string to sign: ")
                    .Append(ClientStringToSign).Append(" Server string to sign: ").Append(ServerStringToSign);
                break;
            case SignatureMismatchVerdict.Undetermined:
                builder.Append(" Diagnosis: the server did not quote its string to sign; check the AccessKey secret.");
                break;
        }

        if (Attempt > 1)
        {
            builder.Append(" (attempt ").Append(Attempt.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return builder.ToString();
    }

    private static void AppendSentence(StringBuilder builder, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.Append(builder[builder.Length - 1] == '.' ? " " : ". ").Append(name).Append(": ").Append(value).Append('.');
        }
    }

    private static string ReasonPhrase(HttpStatusCode status)
    {
        var name = status.ToString();
        // An undefined status formats as its number: no phrase then.
        return name.Length > 0 && char.IsDigit(name[0]) ? string.Empty : name;
    }
}
