using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Compat;

namespace Bindings.Signing;

/// <content>Checking a received request on the server side.</content>
public static partial class AcsSignatureV3
{
    /// <summary>Splits an <c>Authorization</c> header value built by <see cref="BuildAuthorization"/>.</summary>
    /// <param name="authorization">The received header value.</param>
    /// <param name="accessKeyId">The credential (AccessKey ID), to look the secret up by.</param>
    /// <param name="signedHeaders">The signed header names, joined by <c>;</c>.</param>
    /// <param name="signature">The hex signature.</param>
    /// <returns>Whether the value had the algorithm and all three non-empty parts.</returns>
    public static bool TryParseAuthorization(
        string? authorization, out string accessKeyId, out string signedHeaders, out string signature)
    {
        accessKeyId = signedHeaders = signature = "";
        const string prefix = Algorithm + " ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in Strings.SplitAndTrim(authorization[prefix.Length..], ','))
        {
            var equals = part.IndexOf('=');
            var value = equals < 0 ? "" : part[(equals + 1)..];
            switch (equals < 0 ? part : part[..equals])
            {
                case "Credential": accessKeyId = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: return false;
            }
        }

        return accessKeyId.Length > 0 && signedHeaders.Length > 0 && signature.Length > 0;
    }

    /// <summary>
    /// Checks a received request's <c>Authorization</c> header (server side), in constant time.
    /// </summary>
    /// <param name="httpMethod">The method the request arrived with.</param>
    /// <param name="path">The decoded request path (<c>/</c> for RPC).</param>
    /// <param name="queryParameters">The query parameters as received (decoded).</param>
    /// <param name="headers">The request headers as received, <c>Authorization</c> included.</param>
    /// <param name="body">The body bytes as received.</param>
    /// <param name="accessKeySecret">
    /// The secret of the AccessKey ID the request names (see <see cref="TryParseAuthorization"/>).
    /// </param>
    /// <param name="expectedStringToSign">
    /// The server's string to sign, for a <c>SignatureDoesNotMatch</c> message.
    /// </param>
    /// <returns>
    /// True when there is exactly one well-formed <c>Authorization</c> header, it signs exactly the
    /// signable headers present, <c>x-acs-content-sha256</c> matches the body, and the signature
    /// matches. Date and nonce checks are the caller's business.
    /// </returns>
    public static bool Verify(
        string httpMethod,
        string path,
        IEnumerable<KeyValuePair<string, string>> queryParameters,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        string accessKeySecret,
        out string expectedStringToSign)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNull(headers);
        ThrowIfNoSecret(accessKeySecret, nameof(accessKeySecret));

        var received = headers.ToList();
        var hashedPayload = HashPayload(body);
        var canonicalHeaders = CanonicalizeHeaders(received, out var signedHeaders);
        var canonicalQuery = CanonicalParameters.Join(
            CanonicalParameters.EncodeAndSort(queryParameters, nameof(queryParameters), excludedName: null, strict: false));
        expectedStringToSign = BuildStringToSign(BuildCanonicalRequest(
            method, CanonicalizeUri(path), canonicalQuery, canonicalHeaders, signedHeaders, hashedPayload));

        var authorizations = ValuesOf(received, "Authorization");
        var contentHashes = ValuesOf(received, "x-acs-content-sha256");
        if (authorizations.Count != 1
            || !TryParseAuthorization(authorizations[0], out _, out var sentSignedHeaders, out var sentSignature)
            || !string.Equals(sentSignedHeaders, signedHeaders, StringComparison.Ordinal)
            || contentHashes.Count != 1
            || !string.Equals(contentHashes[0]?.Trim(), hashedPayload, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Comparing the decoded MACs in constant time leaks nothing about how much of a forged
        // signature was right.
        Span<byte> expected = stackalloc byte[MacSize];
        Span<byte> actual = stackalloc byte[MacSize];
        ComputeMac(expectedStringToSign, accessKeySecret, expected);
        return sentSignature.Length == 2 * MacSize
            && Hex.TryDecode(sentSignature.AsSpan(), actual, out var written)
            && written == MacSize
            && Crypto.FixedTimeEquals(expected, actual);
    }

    private static List<string?> ValuesOf(List<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(static h => (string?)h.Value)
            .ToList();
}
