using System;
using System.Collections.Generic;
using System.Net;

namespace Bindings.Client;

/// <summary>
/// A typed response with the raw answer it came in: the HTTP status, the headers and the request ID,
/// and how many attempts the call took (Azure's <c>Response&lt;T&gt;</c> is the model). The
/// <c>...WithResponseAsync</c> methods of generated clients return it.
/// </summary>
/// <typeparam name="T">The operation's response type.</typeparam>
/// <remarks>
/// Tests of code that uses a mocked client create one with the public constructor. It converts to
/// <typeparamref name="T"/> implicitly.
/// </remarks>
public sealed class AlibabaCloudResponse<T>
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a response (the client does; tests of code that uses a mocked client may too).</summary>
    /// <param name="value">The parsed response.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="headers">The answer's headers, names compared case-insensitively; null for none.</param>
    /// <param name="requestId">The request ID (<c>x-acs-request-id</c>); null when the answer had none.</param>
    /// <param name="attempts">How many attempts the call took, from 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is less than 1.</exception>
    public AlibabaCloudResponse(
        T value, HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers = null, string? requestId = null, int attempts = 1)
    {
        if (attempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempts), "A call takes at least one attempt.");
        }

        Value = value;
        StatusCode = statusCode;
        Headers = headers is null ? NoHeaders : CopyOf(headers);
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The parsed response.</summary>
    public T Value { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The answer's headers, response and content headers together, names compared case-insensitively;
    /// a header sent several times has its values joined with <c>", "</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request ID the service sent (<c>x-acs-request-id</c>), to quote to support.</summary>
    public string? RequestId { get; }

    /// <summary>How many attempts the call took: 1 when the first succeeded.</summary>
    public int Attempts { get; }

    /// <summary>The parsed response.</summary>
    /// <param name="response">The response.</param>
    public static implicit operator T(AlibabaCloudResponse<T> response) =>
        response is null ? throw new ArgumentNullException(nameof(response)) : response.Value;

    /// <inheritdoc />
    public override string ToString() =>
        "AlibabaCloudResponse { Status = " + ((int)StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ", RequestId = " + (RequestId ?? "none") + ", Attempts = " + Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " }";

    private static Dictionary<string, string> CopyOf(IReadOnlyDictionary<string, string> headers)
    {
        // A dictionary's own comparer may be case-sensitive: the last of two names that differ in case wins.
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value;
        }

        return copy;
    }
}

/// <summary>Reads an answer's headers into the form <see cref="AlibabaCloudResponse{T}.Headers"/> keeps.</summary>
internal static class ResponseHeaders
{
    public static IReadOnlyDictionary<string, string> Read(System.Net.Http.HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (response.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return headers;
    }
}
