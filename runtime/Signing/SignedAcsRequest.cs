using System.Collections.Generic;
using System.Linq;

namespace Bindings.Signing;

/// <summary>The outcome of <see cref="AcsSignatureV3.Sign"/>: what to send, and how it was signed.</summary>
/// <remarks>
/// <see cref="CanonicalRequest"/> and <see cref="StringToSign"/> are kept for diagnosing
/// <c>SignatureDoesNotMatch</c>. They include the STS token when one is used, so treat them as
/// sensitive; they never contain the AccessKey secret.
/// </remarks>
public sealed class SignedAcsRequest
{
    internal SignedAcsRequest(
        IReadOnlyList<KeyValuePair<string, string>> headers,
        IReadOnlyList<KeyValuePair<string, string>> queryParameters,
        string canonicalRequest,
        string stringToSign,
        string signedHeaders,
        string signature,
        string authorization)
    {
        Headers = headers;
        QueryParameters = queryParameters;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        SignedHeaders = signedHeaders;
        Signature = signature;
        Authorization = authorization;
    }

    /// <summary>
    /// The headers to set, lower-case names: <c>host</c>, the <c>x-acs-*</c> headers, then
    /// <c>Authorization</c>. A content type passed to <see cref="AcsSignatureV3.Sign"/> is signed but
    /// not listed here: it belongs on the request content, byte for byte as given.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>
    /// The query parameters to send (not yet percent-encoded): the operation's parameters without
    /// <c>Action</c> and <c>Version</c>, which travel as headers.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters { get; }

    /// <summary>The canonical request that was hashed.</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string to sign: <c>ACS3-HMAC-SHA256\n</c> + hex SHA-256 of the canonical request.</summary>
    public string StringToSign { get; }

    /// <summary>The signed header names, joined by <c>;</c>.</summary>
    public string SignedHeaders { get; }

    /// <summary>The hex signature.</summary>
    public string Signature { get; }

    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public string Authorization { get; }

    /// <summary>
    /// Encodes <see cref="QueryParameters"/> as <c>name=value&amp;...</c> with
    /// <see cref="AlibabaPercentEncoding"/> in list order.
    /// </summary>
    /// <returns>The encoded string, without a leading <c>?</c>.</returns>
    public string ToQueryString() =>
        string.Join("&", QueryParameters.Select(static p => AlibabaPercentEncoding.Encode(p.Key) + "=" + AlibabaPercentEncoding.Encode(p.Value)));
}
