using System.Collections.Generic;
using System.Linq;

namespace Bindings.Signing;

/// <summary>The outcome of <see cref="RpcSignatureV1.Sign"/>: what to send, and how it was signed.</summary>
/// <remarks>
/// <see cref="StringToSign"/> is kept so that a client can compare it with the "server string to
/// sign" of a <c>SignatureDoesNotMatch</c> error: equal strings mean a wrong secret, different ones a
/// signing bug. It contains every parameter, including an STS <c>SecurityToken</c>, so treat it as
/// sensitive; it never contains the AccessKey secret.
/// </remarks>
public sealed class SignedRpcRequest
{
    internal SignedRpcRequest(
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string canonicalizedQuery,
        string stringToSign,
        string signature)
    {
        Parameters = parameters;
        CanonicalizedQuery = canonicalizedQuery;
        StringToSign = stringToSign;
        Signature = signature;
    }

    /// <summary>
    /// Every parameter to send (not yet percent-encoded): the operation's, the common ones, and
    /// <c>Signature</c> last.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The encoded, sorted <c>name=value&amp;...</c> string that was signed.</summary>
    public string CanonicalizedQuery { get; }

    /// <summary>The string to sign: <c>METHOD&amp;%2F&amp;</c> + the encoded canonicalized query.</summary>
    public string StringToSign { get; }

    /// <summary>The Base64 signature (the value of the <c>Signature</c> parameter).</summary>
    public string Signature { get; }

    /// <summary>
    /// Encodes <see cref="Parameters"/>, <c>Signature</c> included, as <c>name=value&amp;...</c> with
    /// <see cref="AlibabaPercentEncoding"/> in list order: the query of a GET or the form body of a POST.
    /// </summary>
    /// <returns>The encoded string, without a leading <c>?</c>.</returns>
    public string ToQueryString() =>
        string.Join("&", Parameters.Select(static p => AlibabaPercentEncoding.Encode(p.Key) + "=" + AlibabaPercentEncoding.Encode(p.Value)));
}
