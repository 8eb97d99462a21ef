using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bindings.Reliability.Tests;

/// <summary>One attempt as the client sent it: which call, its token and nonce, how long until headers, what came.</summary>
internal sealed record AttemptRecord(string? Call, string? ClientToken, string? Nonce, TimeSpan HeadersAfter, string Outcome);

/// <summary>
/// Sits between the client and the socket handler and writes down every attempt the client makes,
/// including those the stand-in never records (timed out while delayed, dropped before they were read).
/// Calls are told apart by a marker parameter each call sets (<see cref="CallMarkerParameter"/>).
/// </summary>
internal sealed class AttemptRecorder : DelegatingHandler
{
    /// <summary>The request parameter that carries the test's own call number (the stand-in ignores it).</summary>
    public const string CallMarkerParameter = "OwnerAccount";

    private readonly ConcurrentQueue<AttemptRecord> _attempts = new();

    public AttemptRecorder()
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
    }

    public IReadOnlyCollection<AttemptRecord> Attempts => _attempts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(parameters, request.RequestUri?.Query.TrimStart('?') ?? "");
        if (request.Content is not null)
        {
            // The client sends a ByteArrayContent: reading it here leaves it intact for the socket handler.
            Add(parameters, await request.Content.ReadAsStringAsync(cancellationToken));
        }

        var nonce = request.Headers.TryGetValues("x-acs-signature-nonce", out var values) ? values.First() : parameters.GetValueOrDefault("SignatureNonce");
        var call = parameters.GetValueOrDefault(CallMarkerParameter);
        var token = parameters.GetValueOrDefault("ClientToken");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _attempts.Enqueue(new AttemptRecord(call, token, nonce, Stopwatch.GetElapsedTime(started), "HTTP " + (int)response.StatusCode));
            return response;
        }
        catch (Exception exception)
        {
            _attempts.Enqueue(new AttemptRecord(call, token, nonce, Stopwatch.GetElapsedTime(started), exception.GetType().Name));
            throw;
        }
    }

    private static void Add(Dictionary<string, string> parameters, string encoded)
    {
        if (encoded.Length == 0)
        {
            return;
        }

        foreach (var pair in encoded.Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            parameters.TryAdd(Unescape(name), Unescape(value));
        }
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
