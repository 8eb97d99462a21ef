using System;
using System.Collections.Generic;
using Bindings.Compat;

namespace Bindings.Signing;

/// <content>Signing a request on the client side.</content>
public static partial class AcsSignatureV3
{
    /// <summary>
    /// Signs an RPC request: moves <c>Action</c>/<c>Version</c> into headers, adds the common
    /// <c>x-acs-*</c> headers, and computes the <c>Authorization</c> header.
    /// </summary>
    /// <param name="httpMethod">The HTTP method, for example POST.</param>
    /// <param name="host">The endpoint host, for example <c>rds.aliyuncs.com</c>.</param>
    /// <param name="operationParameters">
    /// The operation's parameters including <c>Action</c> and <c>Version</c>; the others go in the query.
    /// </param>
    /// <param name="body">The exact body bytes; empty when there is none.</param>
    /// <param name="contentType">The body's content type, signed when given; null without a body.</param>
    /// <param name="credentials">The credentials; an STS token adds <c>x-acs-security-token</c>.</param>
    /// <param name="timestamp">The signing time; sent as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
    /// <param name="nonce">A value never used before, usually from <see cref="SignatureNonce.Create"/>.</param>
    /// <returns>The headers and query to send, and every intermediate string.</returns>
    /// <exception cref="ArgumentException">A parameter is missing, empty or repeated.</exception>
    public static SignedAcsRequest Sign(
        string httpMethod,
        string host,
        IEnumerable<KeyValuePair<string, string>> operationParameters,
        ReadOnlySpan<byte> body,
        string? contentType,
        AlibabaCloudCredentials credentials,
        DateTimeOffset timestamp,
        string nonce)
    {
        var method = HttpMethodName.Normalize(httpMethod, nameof(httpMethod));
        Guard.ThrowIfNullOrWhiteSpace(host);
        Guard.ThrowIfNull(credentials);
        Guard.ThrowIfNullOrWhiteSpace(nonce);
        if (contentType is not null && string.IsNullOrWhiteSpace(contentType))
        {
            throw new ArgumentException("The content type must be null or not empty.", nameof(contentType));
        }

        var (action, version, query) = SplitOperationParameters(operationParameters, nameof(operationParameters));
        var hashedPayload = HashPayload(body);

        // Listed in canonical order, so that the list reads like the canonical request.
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", host),
            new("x-acs-action", action),
            new("x-acs-content-sha256", hashedPayload),
            new("x-acs-date", AlibabaTimestamp.ToWireFormat(timestamp)),
            new("x-acs-signature-nonce", nonce),
        };
        if (credentials.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-security-token", token));
        }

        headers.Add(new("x-acs-version", version));

        // The content type is signed but not listed: HttpClient wants it on the content, not the request.
        var signedSource = contentType is null ? headers : [.. headers, new("content-type", contentType)];
        var canonicalHeaders = CanonicalizeHeaders(signedSource, out var signedHeaders);
        // Every RPC operation lives at "/"; the operation is named by x-acs-action.
        var canonicalRequest = BuildCanonicalRequest(
            method, "/", CanonicalizeQuery(query), canonicalHeaders, signedHeaders, hashedPayload);
        var stringToSign = BuildStringToSign(canonicalRequest);
        var signature = ComputeSignature(stringToSign, credentials.AccessKeySecret);
        var authorization = BuildAuthorization(credentials.AccessKeyId, signedHeaders, signature);

        headers.Add(new("Authorization", authorization));
        return new SignedAcsRequest(
            headers.AsReadOnly(), query.AsReadOnly(), canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    private static (string Action, string Version, List<KeyValuePair<string, string>> Query) SplitOperationParameters(
        IEnumerable<KeyValuePair<string, string>> operationParameters, string parameterName)
    {
        Guard.ThrowIfNull(operationParameters, parameterName);

        string? action = null;
        string? version = null;
        var query = new List<KeyValuePair<string, string>>();
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

            if (!names.Add(parameter.Key))
            {
                throw new ArgumentException($"The parameter '{parameter.Key}' appears twice.", parameterName);
            }

            switch (parameter.Key)
            {
                case "Action": action = parameter.Value; break;
                case "Version": version = parameter.Value; break;
                default: query.Add(parameter); break;
            }
        }

        if (Strings.IsNullOrWhiteSpace(action) || Strings.IsNullOrWhiteSpace(version))
        {
            throw new ArgumentException("The operation parameters must include Action and Version.", parameterName);
        }

        query.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (action, version, query);
    }
}
