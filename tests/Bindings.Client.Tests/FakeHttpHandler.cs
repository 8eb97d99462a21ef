using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Bindings.Client.Tests;

/// <summary>What the client sent, captured before the handler answered.</summary>
internal sealed class RecordedRequest
{
    public required string Method { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>Every header as sent, request and content headers, with the Host header included.</summary>
    public required List<KeyValuePair<string, string>> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>The query parameters, decoded as a server would.</summary>
    public List<KeyValuePair<string, string>> Query => FormDecoding.Decode(Uri.Query.TrimStart('?'));

    /// <summary>The form body parameters, decoded as a server would.</summary>
    public List<KeyValuePair<string, string>> Form => FormDecoding.Decode(Encoding.ASCII.GetString(Body));

    /// <summary>Query and form together: what a V1 server signs.</summary>
    public List<KeyValuePair<string, string>> AllParameters => [.. Query, .. Form];

    public string? Parameter(string name) => AllParameters.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
}

/// <summary>
/// A scripted stand-in for the network: records each request and answers with the next scripted
/// response (the last one repeats).
/// </summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly List<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = [];
    private readonly object _gate = new();

    public List<RecordedRequest> Requests { get; } = [];

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return Requests.Count;
            }
        }
    }

    public FakeHttpHandler Then(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Add(respond);
        return this;
    }

    public FakeHttpHandler Then(Func<RecordedRequest, HttpResponseMessage> respond) =>
        Then((request, _) => Task.FromResult(respond(request)));

    public FakeHttpHandler Then(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        Then(_ => Responses.Make(status, body, contentType, headers));

    public FakeHttpHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; only the cancellation token ends the wait.</summary>
    public FakeHttpHandler ThenHang() => Then(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new List<KeyValuePair<string, string>>();
        // A real server sees Host whether or not the client set it.
        if (request.Headers.Host is null)
        {
            headers.Add(new("Host", request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority));
        }

        foreach (var header in request.Headers)
        {
            headers.AddRange(header.Value.Select(value => new KeyValuePair<string, string>(header.Key, value)));
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers.AddRange(header.Value.Select(value => new KeyValuePair<string, string>(header.Key, value)));
            }
        }

        var recorded = new RecordedRequest { Method = request.Method.Method, Uri = request.RequestUri!, Headers = headers, Body = body };
        int index;
        lock (_gate)
        {
            index = Requests.Count;
            Requests.Add(recorded);
        }

        if (_script.Count == 0)
        {
            throw new InvalidOperationException("No response scripted.");
        }

        var response = await _script[Math.Min(index, _script.Count - 1)](recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

internal static class Responses
{
    public static HttpResponseMessage Make(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType.Length > 0)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

/// <summary>Decodes <c>a=b&amp;c=d</c> the way an HTTP server does ('+' is a space).</summary>
internal static class FormDecoding
{
    public static List<KeyValuePair<string, string>> Decode(string encoded)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (encoded.Length == 0)
        {
            return result;
        }

        foreach (var pair in encoded.Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            result.Add(new(Unescape(name), Unescape(value)));
        }

        return result;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
