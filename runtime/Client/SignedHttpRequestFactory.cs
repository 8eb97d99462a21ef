using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using Bindings.Signing;

namespace Bindings.Client;

/// <summary>
/// Turns an operation's parameters into one signed <see cref="HttpRequestMessage"/>, V1 or V3: for GET
/// every parameter in the URL query; for POST, as the official SDK, the query parameters in the URL and
/// the <c>position: body</c> ones in a form body, both signed.
/// </summary>
internal sealed class SignedHttpRequestFactory
{
    internal const string FormContentType = "application/x-www-form-urlencoded";

    private readonly Uri _endpoint;
    private readonly string _host;
    private readonly SignatureVersion _signatureVersion;
    private readonly bool _post;
    private readonly string _format;
    private readonly string _userAgent;

    public SignedHttpRequestFactory(Uri endpoint, SignatureVersion signatureVersion, RpcHttpMethod method, ResponseFormat format, string userAgent)
    {
        _endpoint = endpoint;
        _host = HostHeader(endpoint);
        _signatureVersion = signatureVersion;
        _post = method == RpcHttpMethod.Post;
        _format = format == ResponseFormat.Xml ? "XML" : "JSON";
        _userAgent = userAgent;
    }

    /// <summary>The <c>Host</c> header as sent and signed: the host, and the port unless it is the scheme's default.</summary>
    public static string HostHeader(Uri endpoint)
    {
        var host = endpoint.HostNameType == UriHostNameType.Dns ? endpoint.IdnHost : endpoint.Host;
        return endpoint.IsDefaultPort ? host : host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Signs and builds one attempt's request.</summary>
    /// <param name="parameters">
    /// The operation's parameters, <c>Action</c> and <c>Version</c> included, split into the query and the
    /// body; a body parameter makes the request a POST whatever the configured method.
    /// </param>
    /// <param name="credentials">Who signs.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <param name="nonce">A fresh nonce.</param>
    /// <param name="stringToSign">The string that was signed, for <c>SignatureDoesNotMatch</c>.</param>
    public HttpRequestMessage Create(
        RpcParameters parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign)
    {
        var post = _post || parameters.Body.Count > 0;
        var method = post ? HttpMethod.Post : HttpMethod.Get;
        var message = _signatureVersion == SignatureVersion.V1
            ? CreateV1(method, post, parameters, credentials, timestamp, nonce, out stringToSign)
            : CreateV3(method, post, parameters, credentials, timestamp, nonce, out stringToSign);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return message;
    }

    /// <summary>
    /// Builds one attempt's request of an anonymous operation: the V1 form without a signature, as
    /// Alibaba's OpenAPI client sends <c>authType: Anonymous</c> (<c>doRPCRequest</c>: <c>Action</c>,
    /// <c>Format</c>, <c>Version</c>, <c>Timestamp</c>, <c>SignatureNonce</c> and the parameters; no
    /// <c>AccessKeyId</c>, <c>Signature</c>, <c>SignatureMethod</c> or <c>SignatureVersion</c>), whatever
    /// signature version the client uses. On POST the common parameters and the query parameters go in
    /// the URL and the <c>position: body</c> ones in the form body, as the official SDK splits them; a
    /// token that authenticates the call (STS <c>OIDCToken</c>) is a body parameter in its spec, so that it
    /// stays out of URLs and the logs of proxies.
    /// </summary>
    /// <param name="parameters">The operation's parameters, <c>Action</c> and <c>Version</c> included.</param>
    /// <param name="timestamp">The time sent.</param>
    /// <param name="nonce">A fresh nonce.</param>
    /// <param name="stringToSign">Empty: nothing is signed.</param>
    public HttpRequestMessage CreateAnonymous(RpcParameters parameters, DateTimeOffset timestamp, string nonce, out string stringToSign)
    {
        var query = new List<KeyValuePair<string, string>>(parameters.Query.Count + 3);
        query.AddRange(parameters.Query);
        query.Add(new KeyValuePair<string, string>("Format", _format));
        query.Add(new KeyValuePair<string, string>("Timestamp", AlibabaTimestamp.ToWireFormat(timestamp)));
        query.Add(new KeyValuePair<string, string>("SignatureNonce", nonce));
        stringToSign = string.Empty;
        HttpRequestMessage message;
        if (_post || parameters.Body.Count > 0)
        {
            message = new HttpRequestMessage(HttpMethod.Post, WithQuery(Encode(query)));
            if (parameters.Body.Count > 0)
            {
                message.Content = FormContent(Encode(parameters.Body));
            }
        }
        else
        {
            message = new HttpRequestMessage(HttpMethod.Get, WithQuery(Encode(query)));
        }

        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return message;
    }

    // V1 on POST: the official SDK (doRPCRequest) puts every common parameter in the URL query with the
    // query parameters, the body parameters in the form body, and signs them all together. This client
    // differs on purpose in two of them: SecurityToken (a credential) and Signature travel in the form
    // body, so that an STS token never reaches a URL or the log of a proxy, and a logged URL is never a
    // whole signed request. The service reads the query and the body as one set, so the signature holds.
    private static readonly HashSet<string> V1BodyCommonParameters = new(StringComparer.Ordinal)
    {
        "SecurityToken", RpcSignatureV1.SignatureParameter,
    };

    private HttpRequestMessage CreateV1(
        HttpMethod method,
        bool post,
        RpcParameters parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign)
    {
        // One string to sign over the query and the body together, exactly as the service merges them.
        var signed = RpcSignatureV1.Sign(method.Method, parameters.All, credentials, timestamp, nonce, _format);
        stringToSign = signed.StringToSign;
        if (!post)
        {
            return new HttpRequestMessage(method, WithQuery(signed.ToQueryString()));
        }

        var inBody = new HashSet<string>(V1BodyCommonParameters, StringComparer.Ordinal);
        foreach (var parameter in parameters.Body)
        {
            inBody.Add(parameter.Key);
        }

        var query = new List<KeyValuePair<string, string>>();
        var body = new List<KeyValuePair<string, string>>();
        foreach (var parameter in signed.Parameters)
        {
            (inBody.Contains(parameter.Key) ? body : query).Add(parameter);
        }

        return new HttpRequestMessage(method, WithQuery(Encode(query))) { Content = FormContent(Encode(body)) };
    }

    private HttpRequestMessage CreateV3(
        HttpMethod method,
        bool post,
        RpcParameters parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign)
    {
        // Action and Version travel as headers; the other query parameters (Format among them) in the
        // canonical query string; on POST the body parameters in the form body, whose hash is signed.
        var query = new List<KeyValuePair<string, string>>(parameters.Query.Count + 1);
        query.AddRange(parameters.Query);
        query.Add(new KeyValuePair<string, string>("Format", _format));
        // (A GET has no body parameters: one of them makes the request a POST.)
        var bytes = parameters.Body.Count > 0 ? Encoding.ASCII.GetBytes(Encode(parameters.Body)) : null;

        var signed = AcsSignatureV3.Sign(
            method.Method, _host, query, bytes ?? ReadOnlySpan<byte>.Empty, bytes is null ? null : FormContentType, credentials, timestamp, nonce);
        var message = new HttpRequestMessage(method, WithQuery(signed.ToQueryString()));
        if (bytes is not null)
        {
            message.Content = FormContent(bytes);
        }

        stringToSign = signed.StringToSign;
        foreach (var header in signed.Headers)
        {
            if (string.Equals(header.Key, "host", StringComparison.OrdinalIgnoreCase))
            {
                // Sent exactly as signed.
                message.Headers.Host = header.Value;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return message;
    }

    private Uri WithQuery(string encoded) => encoded.Length == 0 ? _endpoint : new Uri(_endpoint, "?" + encoded);

    private static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = new StringBuilder();
        foreach (var parameter in parameters)
        {
            if (encoded.Length > 0)
            {
                encoded.Append('&');
            }

            encoded.Append(AlibabaPercentEncoding.Encode(parameter.Key)).Append('=').Append(AlibabaPercentEncoding.Encode(parameter.Value));
        }

        return encoded.ToString();
    }

    private static ByteArrayContent FormContent(string encoded) => FormContent(Encoding.ASCII.GetBytes(encoded));

    private static ByteArrayContent FormContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        // Exactly this text, no "; charset=utf-8": V3 signs the content type byte for byte.
        content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        return content;
    }
}
