using System.Collections.Concurrent;
using Bindings.Signing;
using Microsoft.Extensions.Logging;

namespace Bindings.StandIn.Tests;

/// <summary>The stand-in logs one line per request and never a secret, a token or a signature.</summary>
public class LoggingTests
{
    [Fact]
    public async Task Logs_name_each_request_but_never_a_secret_token_or_signature()
    {
        var lines = new ConcurrentQueue<string>();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(lines)));
        const string secret = "very-secret-sts-key";
        const string token = "very-secret-sts-token";
        await using var h = await Harness.StartAsync(o =>
        {
            o.LoggerFactory = factory;
            o.Accounts = [StandInAccount.Sts("STS.logged-key", secret, token)];
        });
        var credentials = new AlibabaCloudCredentials("STS.logged-key", secret, token);

        var (ok, v1) = await h.SendV1Async(Harness.Describe(), credentials: credentials);
        var (v3Ok, v3) = await h.SendV3Async(Harness.Describe(), credentials: credentials);
        var (bad, _) = await h.SendV1Async(Harness.Describe(), credentials: new("STS.logged-key", "wrong", token));

        Bodies.ReadJobs(ok, "JSON");
        Bodies.ReadJobs(v3Ok, "JSON");
        Bodies.AssertError(bad, "JSON", 400, "SignatureDoesNotMatch");
        var text = string.Join('\n', lines);
        Assert.Contains("DescribeBackupTasks", text, StringComparison.Ordinal);
        Assert.Contains("SignatureDoesNotMatch", text, StringComparison.Ordinal);
        Assert.Contains("STS.***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(v1.Signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain(v3.Signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain("logged-key", text, StringComparison.Ordinal);
    }

    private sealed class ListProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a sink that stores them must not receive secrets either.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(static p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
