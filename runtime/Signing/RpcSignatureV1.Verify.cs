using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Compat;

namespace Bindings.Signing;

/// <content>Checking a received request on the server side.</content>
public static partial class RpcSignatureV1
{
    /// <summary>
    /// Checks a received request's <c>Signature</c> (server side), in constant time.
    /// </summary>
    /// <param name="httpMethod">The method the request arrived with.</param>
    /// <param name="receivedParameters">
    /// Every query and form parameter as received (decoded), <c>Signature</c> included.
    /// </param>
    /// <param name="accessKeySecret">The secret of the AccessKey ID the request names.</param>
    /// <param name="expectedStringToSign">
    /// The server's string to sign, for a <c>SignatureDoesNotMatch</c> message.
    /// </param>
    /// <returns>
    /// True when exactly one <c>Signature</c> was sent and it matches. Timestamp and nonce checks are
    /// the caller's business.
    /// </returns>
    public static bool Verify(
        string httpMethod,
        IEnumerable<KeyValuePair<string, string>> receivedParameters,
        string accessKeySecret,
        out string expectedStringToSign)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNull(receivedParameters);
        ThrowIfNoSecret(accessKeySecret, nameof(accessKeySecret));

        var received = receivedParameters.ToList();
        var encoded = CanonicalParameters.EncodeAndSort(
            received, nameof(receivedParameters), SignatureParameter, strict: false);
        expectedStringToSign = BuildStringToSign(method, CanonicalParameters.Join(encoded));

        var signatures = received.Where(static p => p.Key == SignatureParameter).Select(static p => p.Value).ToList();
        if (signatures.Count != 1 || signatures[0] is not { } sent)
        {
            return false;
        }

        // Comparing the decoded MACs (not the Base64 text) in constant time leaks nothing about
        // how many leading characters of a forged signature were right.
        Span<byte> expected = stackalloc byte[MacSize];
        Span<byte> actual = stackalloc byte[MacSize + 3];
        ComputeMac(expectedStringToSign, accessKeySecret, expected);
        return Base64.TryDecode(sent, actual, out var written)
            && written == MacSize
            && Crypto.FixedTimeEquals(expected, actual[..MacSize]);
    }
}
