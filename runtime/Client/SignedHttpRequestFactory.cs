using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using Bindings.Signing;

namespace Bindings.Client;

/// <summary>
/// Turns an operation's parameters into one signed <see cref="HttpRequestMessage"/>: V1 (query for
/// GET, form body for POST) or V3 (headers; the parameters in the query for GET or a form body for POST).
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
    /// <param name="parameters">The operation's parameters, <c>Action</c> and <c>Version</c> included.</param>
    /// <param name="credentials">Who signs.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <param name="nonce">A fresh nonce.</param>
    /// <param name="stringToSign">The string that was signed, for <c>SignatureDoesNotMatch</c>.</param>
    /// <param name="forcePost">Send as POST with a form body whatever the configured method (a <c>position: body</c> parameter is set).</param>
    public HttpRequestMessage Create(
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign,
        bool forcePost = false)
    {
        var post = _post || forcePost;
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
    /// signature version the client uses. POST puts the parameters in the form body, so that a token
    /// among them stays out of URLs and the logs of proxies.
    /// </summary>
    /// <param name="parameters">The operation's parameters, <c>Action</c> and <c>Version</c> included.</param>
    /// <param name="timestamp">The time sent.</param>
    /// <param name="nonce">A fresh nonce.</param>
    /// <param name="stringToSign">Empty: nothing is signed.</param>
    /// <param name="forcePost">Send as POST whatever the configured method (a <c>position: body</c> parameter is set).</param>
    public HttpRequestMessage CreateAnonymous(
        IReadOnlyList<KeyValuePair<string, string>> parameters, DateTimeOffset timestamp, string nonce, out string stringToSign, bool forcePost = false)
    {
        var all = new List<KeyValuePair<string, string>>(parameters.Count + 3);
        all.AddRange(parameters);
        all.Add(new KeyValuePair<string, string>("Format", _format));
        all.Add(new KeyValuePair<string, string>("Timestamp", AlibabaTimestamp.ToWireFormat(timestamp)));
        all.Add(new KeyValuePair<string, string>("SignatureNonce", nonce));
        var encoded = new StringBuilder();
        foreach (var parameter in all)
        {
            if (encoded.Length > 0)
            {
                encoded.Append('&');
            }

            encoded.Append(AlibabaPercentEncoding.Encode(parameter.Key)).Append('=').Append(AlibabaPercentEncoding.Encode(parameter.Value));
        }

        stringToSign = string.Empty;
        var message = _post || forcePost
            ? new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = FormContent(encoded.ToString()) }
            : new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, "?" + encoded));
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return message;
    }

    private HttpRequestMessage CreateV1(
        HttpMethod method,
        bool post,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign)
    {
        var signed = RpcSignatureV1.Sign(method.Method, parameters, credentials, timestamp, nonce, _format);
        stringToSign = signed.StringToSign;
        var encoded = signed.ToQueryString();
        if (!post)
        {
            return new HttpRequestMessage(method, new Uri(_endpoint, "?" + encoded));
        }

        return new HttpRequestMessage(method, _endpoint) { Content = FormContent(encoded) };
    }

    private HttpRequestMessage CreateV3(
        HttpMethod method,
        bool post,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce,
        out string stringToSign)
    {
        var withFormat = new List<KeyValuePair<string, string>>(parameters.Count + 1);
        withFormat.AddRange(parameters);
        withFormat.Add(new KeyValuePair<string, string>("Format", _format));

        SignedAcsRequest signed;
        HttpRequestMessage message;
        if (post)
        {
            // Action and Version travel as headers; everything else goes in the form body, which is hashed and signed.
            var headerParameters = new List<KeyValuePair<string, string>>(2);
            var body = new StringBuilder();
            foreach (var parameter in withFormat)
            {
                if (parameter.Key is "Action" or "Version")
                {
                    headerParameters.Add(parameter);
                    continue;
                }

                if (body.Length > 0)
                {
                    body.Append('&');
                }

                body.Append(AlibabaPercentEncoding.Encode(parameter.Key)).Append('=').Append(AlibabaPercentEncoding.Encode(parameter.Value));
            }

            var bytes = Encoding.ASCII.GetBytes(body.ToString());
            signed = AcsSignatureV3.Sign(method.Method, _host, headerParameters, bytes, FormContentType, credentials, timestamp, nonce);
            message = new HttpRequestMessage(method, _endpoint) { Content = FormContent(bytes) };
        }
        else
        {
            signed = AcsSignatureV3.Sign(method.Method, _host, withFormat, ReadOnlySpan<byte>.Empty, null, credentials, timestamp, nonce);
            var query = signed.ToQueryString();
            message = new HttpRequestMessage(method, query.Length == 0 ? _endpoint : new Uri(_endpoint, "?" + query));
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

    private static ByteArrayContent FormContent(string encoded) => FormContent(Encoding.ASCII.GetBytes(encoded));

    private static ByteArrayContent FormContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        // Exactly this text, no "; charset=utf-8": V3 signs the content type byte for byte.
        content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        return content;
    }
}
