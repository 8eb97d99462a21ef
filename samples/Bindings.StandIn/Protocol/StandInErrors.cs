namespace Bindings.StandIn;

/// <summary>An error answer: HTTP status, <c>Code</c> and <c>Message</c> as the service sends them.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Code">The error code, for example <c>MissingParameter</c>.</param>
/// <param name="Message">The message, worded like the service's.</param>
public sealed record StandInError(int StatusCode, string Code, string Message);

/// <summary>
/// The error codes the stand-in answers with, with the status codes and messages of the real
/// service (Alibaba Cloud's API gateway and RDS).
/// </summary>
public static class StandInErrors
{
    /// <summary>The prefix of every <c>SignatureDoesNotMatch</c> message; the server's string to sign follows it directly.</summary>
    public const string SignatureDoesNotMatchPrefix =
        "Specified signature is not matched with our calculation. server string to sign is:";

    /// <summary>A required parameter (operation or common) is missing: 400.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The error.</returns>
    public static StandInError MissingParameter(string name) =>
        new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    /// <summary>
    /// A common parameter (or its V3 header) is missing: 400, <c>Missing{Name}</c> as the API
    /// gateway names them, for example <c>MissingSignatureNonce</c>.
    /// </summary>
    /// <param name="name">The common parameter's name, for example <c>SignatureNonce</c>.</param>
    /// <param name="wireName">What the request should have carried, for example <c>x-acs-signature-nonce</c>; defaults to <paramref name="name"/>.</param>
    /// <returns>The error.</returns>
    public static StandInError MissingCommonParameter(string name, string? wireName = null) =>
        new(400, "Missing" + name, $"{wireName ?? name} is mandatory for this action.");

    /// <summary><c>Format</c> is neither <c>JSON</c> nor <c>XML</c>: 400 (answered in XML).</summary>
    public static StandInError InvalidParameterFormat { get; } =
        new(400, "InvalidParameter.Format", "Specified parameter Format is not valid.");

    /// <summary>A parameter's value is not valid: 400.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The error.</returns>
    public static StandInError InvalidParameter(string name) =>
        new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid.");

    /// <summary>The AccessKey ID is unknown: 404.</summary>
    public static StandInError InvalidAccessKeyIdNotFound { get; } =
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    /// <summary>The signature is wrong: 400 (documented 403), with the server's string to sign.</summary>
    /// <param name="serverStringToSign">The string the stand-in signed.</param>
    /// <returns>The error.</returns>
    public static StandInError SignatureDoesNotMatch(string serverStringToSign) =>
        new(400, "SignatureDoesNotMatch", SignatureDoesNotMatchPrefix + serverStringToSign);

    /// <summary>The signature is missing or malformed (V1 without <c>Signature</c>, a V3 <c>Authorization</c> that does not parse): 400.</summary>
    public static StandInError IncompleteSignature { get; } =
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");

    /// <summary><c>SignatureMethod</c> is not <c>HMAC-SHA1</c>: 400.</summary>
    public static StandInError InvalidSignatureMethod { get; } =
        new(400, "InvalidSignatureMethod", "Specified signature method is not supported.");

    /// <summary>The timestamp is not in the <c>yyyy-MM-ddTHH:mm:ssZ</c> format: 400.</summary>
    /// <param name="name"><c>Timestamp</c> (V1) or <c>x-acs-date</c> (V3).</param>
    /// <returns>The error.</returns>
    public static StandInError IllegalTimestamp(string name) =>
        new(400, "IllegalTimestamp", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    /// <summary>The timestamp is more than 15 minutes from the server's clock: 400.</summary>
    public static StandInError InvalidTimeStampExpired { get; } =
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    /// <summary>The nonce was seen before: 400.</summary>
    public static StandInError SignatureNonceUsed { get; } =
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    /// <summary>An STS AccessKey came without its security token: 400.</summary>
    public static StandInError MissingSecurityToken { get; } =
        new(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");

    /// <summary>The STS token has expired: 400.</summary>
    public static StandInError InvalidSecurityTokenExpired { get; } =
        new(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");

    /// <summary>The STS token belongs to another AccessKey: 400.</summary>
    public static StandInError InvalidSecurityTokenMismatchWithAccessKey { get; } =
        new(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");

    /// <summary>The STS token is not one the stand-in issued: 400.</summary>
    public static StandInError InvalidSecurityTokenMalformed { get; } =
        new(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");

    /// <summary>The <c>Action</c> is not an operation of the product: 404.</summary>
    public static StandInError InvalidActionNotFound { get; } =
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    /// <summary>The <c>Version</c> is not <c>2014-08-15</c>: 400.</summary>
    public static StandInError InvalidVersion { get; } =
        new(400, "InvalidVersion", "Specified parameter Version is not valid.");

    /// <summary>A method other than GET or POST: 400.</summary>
    public static StandInError UnsupportedHttpMethod { get; } =
        new(400, "UnsupportedHTTPMethod", "This http method is not supported.");

    /// <summary>The instance does not exist: 400.</summary>
    public static StandInError InvalidDBInstanceIdNotFound { get; } =
        new(400, "InvalidDBInstanceId.NotFound", "Specified instance does not exist or not support.");

    /// <summary>Throttled (fault injection): 400, retryable.</summary>
    public static StandInError Throttling { get; } =
        new(400, "Throttling", "Request was denied due to request throttling.");

    /// <summary>A server failure (fault injection): 500.</summary>
    public static StandInError InternalError { get; } =
        new(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");

    /// <summary>A temporary failure (fault injection): 503.</summary>
    public static StandInError ServiceUnavailable { get; } =
        new(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
}
