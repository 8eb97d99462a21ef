using System;
using System.Collections.Generic;
using System.Text;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>
/// Signature V1 for RPC-style APIs (<c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>):
/// the signature travels as the <c>Signature</c> query (or form) parameter.
/// </summary>
/// <remarks>
/// Each step is public so that tests, and a client diagnosing <c>SignatureDoesNotMatch</c>, can
/// check it on its own. Form-body parameters of a POST are signed together with the query ones:
/// pass them all in one list.
/// </remarks>
public static partial class RpcSignatureV1
{
    /// <summary>The value of the <c>SignatureMethod</c> parameter.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The value of the <c>SignatureVersion</c> parameter.</summary>
    public const string SignatureVersion = "1.0";

    /// <summary>The name of the parameter that carries the signature.</summary>
    public const string SignatureParameter = "Signature";

    private const int MacSize = Crypto.HmacSha1Size;

    // The parameters Sign adds itself; the caller passing one too would send it twice.
    private static readonly HashSet<string> CommonParameters = new(StringComparer.Ordinal)
    {
        "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "Timestamp", "SecurityToken", SignatureParameter,
    };

    /// <summary>
    /// Builds the canonicalized query: every parameter except <c>Signature</c>, names and values
    /// percent-encoded, sorted by encoded name (ordinal), joined as <c>name=value</c> with <c>&amp;</c>.
    /// </summary>
    /// <param name="parameters">The parameters, not yet encoded.</param>
    /// <returns>For example <c>AccessKeyId=testid&amp;Action=DescribeRegions&amp;...</c>.</returns>
    /// <exception cref="ArgumentException">A name is empty or a value is null.</exception>
    public static string CanonicalizeQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        CanonicalParameters.Join(
            CanonicalParameters.EncodeAndSort(parameters, nameof(parameters), SignatureParameter, strict: true));

    /// <summary>
    /// Builds the string to sign: <c>HTTPMethod + "&amp;" + percentEncode("/") + "&amp;" + percentEncode(canonicalizedQuery)</c>.
    /// </summary>
    /// <param name="httpMethod">The HTTP method (upper-cased here).</param>
    /// <param name="canonicalizedQuery">The result of <see cref="CanonicalizeQuery"/>.</param>
    /// <returns>For example <c>GET&amp;%2F&amp;AccessKeyId%3Dtestid%26...</c>.</returns>
    public static string BuildStringToSign(string httpMethod, string canonicalizedQuery)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNull(canonicalizedQuery);
        return method + "&%2F&" + AlibabaPercentEncoding.Encode(canonicalizedQuery);
    }

    /// <summary>
    /// Computes <c>Base64(HMAC-SHA1(key = accessKeySecret + "&amp;", UTF-8(stringToSign)))</c>.
    /// </summary>
    /// <param name="stringToSign">The result of <see cref="BuildStringToSign"/>.</param>
    /// <param name="accessKeySecret">The AccessKey secret, without the trailing <c>&amp;</c> (added here).</param>
    /// <returns>The signature, as sent in the <c>Signature</c> parameter before URL encoding.</returns>
    public static string ComputeSignature(string stringToSign, string accessKeySecret)
    {
        Guard.ThrowIfNull(stringToSign);
        ThrowIfNoSecret(accessKeySecret, nameof(accessKeySecret));

        Span<byte> mac = stackalloc byte[MacSize];
        ComputeMac(stringToSign, accessKeySecret, mac);
        return Base64.Encode(mac);
    }

    /// <summary>
    /// Adds the common parameters to an operation's parameters and signs the whole set.
    /// </summary>
    /// <param name="httpMethod">GET, or POST when the parameters go in a form body.</param>
    /// <param name="operationParameters">
    /// The operation's parameters, including <c>Action</c> and <c>Version</c>, and none of the common
    /// parameters this method adds.
    /// </param>
    /// <param name="credentials">The credentials; an STS token adds <c>SecurityToken</c>.</param>
    /// <param name="timestamp">The signing time; sent as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
    /// <param name="nonce">A value never used before, usually from <see cref="SignatureNonce.Create"/>.</param>
    /// <param name="format">The response format: <c>JSON</c> or <c>XML</c>.</param>
    /// <returns>The parameters to send (sorted by name, then <c>Signature</c>) and the string that was signed.</returns>
    /// <exception cref="ArgumentException">
    /// A parameter is missing, empty, repeated or reserved (see the parameter descriptions).
    /// </exception>
    public static SignedRpcRequest Sign(
        string httpMethod,
        IEnumerable<KeyValuePair<string, string>> operationParameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        string format)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNull(credentials);
        Guard.ThrowIfNullOrWhiteSpace(nonce);
        Guard.ThrowIfNullOrWhiteSpace(format);

        var parameters = CollectOperationParameters(operationParameters, nameof(operationParameters));
        parameters.Add(new("Format", format));
        parameters.Add(new("AccessKeyId", credentials.AccessKeyId));
        parameters.Add(new("SignatureMethod", SignatureMethod));
        parameters.Add(new("SignatureVersion", SignatureVersion));
        parameters.Add(new("SignatureNonce", nonce));
        parameters.Add(new("Timestamp", AlibabaTimestamp.ToWireFormat(timestamp)));
        if (credentials.SecurityToken is { } token)
        {
            parameters.Add(new("SecurityToken", token));
        }

        var canonicalizedQuery = CanonicalizeQuery(parameters);
        var stringToSign = BuildStringToSign(method, canonicalizedQuery);
        var signature = ComputeSignature(stringToSign, credentials.AccessKeySecret);

        // A stable order makes requests comparable in logs and tests; the server does not care.
        parameters.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        parameters.Add(new(SignatureParameter, signature));
        return new SignedRpcRequest(parameters.AsReadOnly(), canonicalizedQuery, stringToSign, signature);
    }

    private static List<KeyValuePair<string, string>> CollectOperationParameters(
        IEnumerable<KeyValuePair<string, string>> operationParameters, string parameterName)
    {
        Guard.ThrowIfNull(operationParameters, parameterName);

        var collected = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in operationParameters)
        {
            if (string.IsNullOrEmpty(parameter.Key))
            {
                throw new ArgumentException("A parameter name must not be empty.", parameterName);
            }

            if (parameter.Value is null)
            {
                throw new ArgumentException($"The parameter '{parameter.Key}' has a null value.", parameterName);
            }

            if (CommonParameters.Contains(parameter.Key))
            {
                throw new ArgumentException(
                    $"The parameter '{parameter.Key}' is a common parameter that Sign adds itself.", parameterName);
            }

            if (!names.Add(parameter.Key))
            {
                throw new ArgumentException($"The parameter '{parameter.Key}' appears twice.", parameterName);
            }

            collected.Add(parameter);
        }

        if (!names.Contains("Action") || !names.Contains("Version"))
        {
            throw new ArgumentException("The operation parameters must include Action and Version.", parameterName);
        }

        return collected;
    }

    private static void ComputeMac(string stringToSign, string accessKeySecret, Span<byte> destination)
    {
        // The key is the secret followed by '&' (the empty token secret of the old OAuth-like
        // scheme); building it in a byte array that is wiped afterwards keeps the secret out of
        // yet another long-lived string.
        var key = new byte[Encoding.UTF8.GetByteCount(accessKeySecret) + 1];
        try
        {
            Encoding.UTF8.GetBytes(accessKeySecret, 0, accessKeySecret.Length, key, 0);
            key[^1] = (byte)'&';
            Crypto.HmacSha1(key, Encoding.UTF8.GetBytes(stringToSign), destination);
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
