using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>
/// Signature V3 (<c>ACS3-HMAC-SHA256</c>): the signature travels in the <c>Authorization</c> header,
/// and the RPC <c>Action</c> and <c>Version</c> in <c>x-acs-action</c> and <c>x-acs-version</c>.
/// </summary>
/// <remarks>Each step is public so that tests and diagnostics can check it on its own.</remarks>
public static partial class AcsSignatureV3
{
    /// <summary>The signature algorithm name, first line of the string to sign.</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    private const int MacSize = Crypto.HmacSha256Size;

    /// <summary>
    /// Percent-encodes each segment of a path, keeping the slashes; an empty path becomes <c>/</c>
    /// (what every RPC request uses).
    /// </summary>
    /// <param name="path">The decoded path, for example <c>/</c>.</param>
    /// <returns>The canonical URI.</returns>
    public static string CanonicalizeUri(string? path) =>
        Strings.IsNullOrEmpty(path) ? "/" : string.Join("/", path.Split('/').Select(AlibabaPercentEncoding.Encode));

    /// <summary>
    /// Builds the canonical query: names and values percent-encoded, sorted by encoded name
    /// (ordinal), <c>name=value</c> joined with <c>&amp;</c>, and <c>name=</c> for an empty value.
    /// </summary>
    /// <param name="parameters">The query parameters, not yet encoded.</param>
    /// <returns>The canonical query; empty when there are no parameters.</returns>
    /// <exception cref="ArgumentException">A name is empty or a value is null.</exception>
    public static string CanonicalizeQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        CanonicalParameters.Join(
            CanonicalParameters.EncodeAndSort(parameters, nameof(parameters), excludedName: null, strict: true));

    /// <summary>Hashes a request body: lower-case hex SHA-256 (of zero bytes when there is no body).</summary>
    /// <param name="body">The exact bytes sent as the body.</param>
    /// <returns>The value for <c>x-acs-content-sha256</c> and the last line of the canonical request.</returns>
    public static string HashPayload(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[Crypto.Sha256Size];
        Crypto.Sha256(body, hash);
        return Hex.ToLower(hash);
    }

    /// <summary>
    /// Builds the canonical headers from <c>host</c>, <c>content-type</c> and every <c>x-acs-*</c>
    /// header (others are ignored): names lower-cased and sorted, values trimmed, one
    /// <c>name:value\n</c> each.
    /// </summary>
    /// <param name="headers">The request headers, any case.</param>
    /// <param name="signedHeaders">The names used, joined by <c>;</c>.</param>
    /// <returns>The canonical headers, each line ending in <c>\n</c>.</returns>
    /// <remarks>
    /// A name that occurs more than once (in any case) gets its values sorted and joined with
    /// <c>,</c>, as the official C# and Python SDK utilities do. A null value counts as empty.
    /// </remarks>
    public static string CanonicalizeHeaders(IEnumerable<KeyValuePair<string, string>> headers, out string signedHeaders)
    {
        Guard.ThrowIfNull(headers);

        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (name is null)
            {
                continue;
            }

            var lowerName = name.ToLowerInvariant();
            if (lowerName is not ("host" or "content-type") && !lowerName.StartsWith("x-acs-", StringComparison.Ordinal))
            {
                continue;
            }

            if (!byName.TryGetValue(lowerName, out var values))
            {
                byName[lowerName] = values = [];
            }

            values.Add((value ?? "").Trim());
        }

        var canonical = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            values.Sort(StringComparer.Ordinal);
            canonical.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        signedHeaders = string.Join(";", byName.Keys);
        return canonical.ToString();
    }

    /// <summary>
    /// Joins the parts of the canonical request with <c>\n</c>: method, URI, query, headers (which
    /// already end in <c>\n</c>), signed header names, hashed payload.
    /// </summary>
    /// <param name="httpMethod">The HTTP method (upper-cased here).</param>
    /// <param name="canonicalUri">From <see cref="CanonicalizeUri"/>; <c>/</c> for RPC.</param>
    /// <param name="canonicalQuery">From <see cref="CanonicalizeQuery"/>.</param>
    /// <param name="canonicalHeaders">From <see cref="CanonicalizeHeaders"/>.</param>
    /// <param name="signedHeaders">The names from <see cref="CanonicalizeHeaders"/>.</param>
    /// <param name="hashedPayload">From <see cref="HashPayload"/>.</param>
    /// <returns>The canonical request.</returns>
    public static string BuildCanonicalRequest(
        string httpMethod,
        string canonicalUri,
        string canonicalQuery,
        string canonicalHeaders,
        string signedHeaders,
        string hashedPayload)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNull(canonicalUri);
        Guard.ThrowIfNull(canonicalQuery);
        Guard.ThrowIfNull(canonicalHeaders);
        Guard.ThrowIfNull(signedHeaders);
        Guard.ThrowIfNull(hashedPayload);
        return string.Join("\n", method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, hashedPayload);
    }

    /// <summary>Builds the string to sign: <c>ACS3-HMAC-SHA256\n</c> + hex SHA-256 of the canonical request.</summary>
    /// <param name="canonicalRequest">From <see cref="BuildCanonicalRequest"/>.</param>
    /// <returns>The string to sign.</returns>
    public static string BuildStringToSign(string canonicalRequest)
    {
        Guard.ThrowIfNull(canonicalRequest);
        return Algorithm + "\n" + HashPayload(Encoding.UTF8.GetBytes(canonicalRequest));
    }

    /// <summary>Computes the lower-case hex HMAC-SHA256 of the string to sign, keyed by the secret.</summary>
    /// <param name="stringToSign">From <see cref="BuildStringToSign"/>.</param>
    /// <param name="accessKeySecret">The AccessKey secret (used as is: no <c>&amp;</c>, unlike V1).</param>
    /// <returns>The signature.</returns>
    public static string ComputeSignature(string stringToSign, string accessKeySecret)
    {
        Guard.ThrowIfNull(stringToSign);
        ThrowIfNoSecret(accessKeySecret, nameof(accessKeySecret));

        Span<byte> mac = stackalloc byte[MacSize];
        ComputeMac(stringToSign, accessKeySecret, mac);
        return Hex.ToLower(mac);
    }

    /// <summary>Formats the <c>Authorization</c> header value.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="signedHeaders">The signed header names, joined by <c>;</c>.</param>
    /// <param name="signature">The hex signature.</param>
    /// <returns><c>ACS3-HMAC-SHA256 Credential=id,SignedHeaders=names,Signature=hex</c>.</returns>
    public static string BuildAuthorization(string accessKeyId, string signedHeaders, string signature)
    {
        Guard.ThrowIfNullOrWhiteSpace(accessKeyId);
        Guard.ThrowIfNull(signedHeaders);
        Guard.ThrowIfNull(signature);
        return $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";
    }

    private static void ComputeMac(string stringToSign, string accessKeySecret, Span<byte> destination)
    {
        // The key lives in a byte array that is wiped afterwards, not in yet another string.
        var key = Encoding.UTF8.GetBytes(accessKeySecret);
        try
        {
            Crypto.HmacSha256(key, Encoding.UTF8.GetBytes(stringToSign), destination);
        }
        finally
        {
            Crypto.ZeroMemory(key);
        }
    }

    private static void ThrowIfNoSecret(string accessKeySecret, string parameterName)
    {
        if (string.IsNullOrEmpty(accessKeySecret))
        {
            throw new ArgumentException("The AccessKey secret must not be empty.", parameterName);
        }
    }
}
