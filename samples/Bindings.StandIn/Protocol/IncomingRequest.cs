using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bindings.StandIn.Protocol;

/// <summary>How a request is signed.</summary>
internal enum SignatureScheme
{
    /// <summary>RPC Signature V1: <c>Signature</c> parameter, HMAC-SHA1.</summary>
    V1,

    /// <summary><c>Authorization: ACS3-HMAC-SHA256 ...</c>.</summary>
    V3,
}

/// <summary>A request as received: method, query, form body, headers and raw body.</summary>
internal sealed class IncomingRequest
{
    /// <summary>Bodies larger than this are refused before they are read.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private IncomingRequest(
        string method,
        List<KeyValuePair<string, string>> query,
        List<KeyValuePair<string, string>> form,
        List<KeyValuePair<string, string>> headers,
        byte[] body)
    {
        Method = method;
        QueryParameters = query;
        FormParameters = form;
        Headers = headers;
        Body = body;
        Parameters = [.. query, .. form];
        Scheme = Header("Authorization") is { } authorization
            && authorization.StartsWith(AcsSignatureV3.Algorithm, StringComparison.Ordinal)
            ? SignatureScheme.V3
            : SignatureScheme.V1;
    }

    public string Method { get; }

    public List<KeyValuePair<string, string>> QueryParameters { get; }

    public List<KeyValuePair<string, string>> FormParameters { get; }

    /// <summary>The query and form parameters together, as V1 signs them.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public SignatureScheme Scheme { get; }

    /// <summary>The operation the request names (<c>x-acs-action</c> for V3, <c>Action</c> for V1), before any check.</summary>
    public string? Action => Scheme == SignatureScheme.V3 ? Header("x-acs-action") : Parameter("Action");

    public static async Task<IncomingRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = Flatten(request.Query.SelectMany(static q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        var headers = Flatten(request.Headers.SelectMany(static h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))));

        byte[] body = [];
        if (request.ContentLength is > MaxBodyBytes)
        {
            throw new InvalidDataException("The request body is too large.");
        }

        using (var buffer = new MemoryStream())
        {
            try
            {
                await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status400BadRequest
                && request.ContentLength is { } declared && buffer.Length < declared)
            {
                // The connection ended before the declared body did: the client gave up while sending
                // (its own timeout, say). Kestrel closes such a connection without an answer, and
                // whether it reports this or the abort first is a race; either way nobody is left to
                // answer, so it is the cancellation it is, not a bad request to refuse and count.
                throw new OperationCanceledException("The client closed the connection before the request body ended.", ex);
            }
            if (buffer.Length > MaxBodyBytes)
            {
                throw new InvalidDataException("The request body is too large.");
            }

            body = buffer.ToArray();
        }

        var form = new List<KeyValuePair<string, string>>();
        if (body.Length > 0 && request.ContentType is { } contentType
            && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            form = Flatten(parsed.SelectMany(static p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))));
        }

        return new IncomingRequest(request.Method, query, form, headers, body);
    }

    /// <summary>The first value of a query or form parameter, or null.</summary>
    public string? Parameter(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The first value of a header (any case), or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> Flatten(IEnumerable<KeyValuePair<string, string>> pairs) => [.. pairs];
}
