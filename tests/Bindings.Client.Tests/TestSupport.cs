using System.Collections.Concurrent;
using System.Net;
using Bindings.Rds;
using Bindings.Signing;
using Microsoft.Extensions.Logging;

namespace Bindings.Client.Tests;

/// <summary>Credentials, clients and bodies shared by the tests.</summary>
internal static class TestClients
{
    public const string AccessKeyId = "LTAI5tTestAccessKey";
    public const string Secret = "Secret-dont-log-7Hq2Zx";

    // '+', '/' and '=' make the percent-encoded forms differ from the raw one.
    public const string StsToken = "CAIS+StsToken/dont-log==9Kp";

    public static readonly Uri LocalEndpoint = new("http://127.0.0.1:5380");

    public static AlibabaCloudCredentials Credentials(bool sts = false) => new(AccessKeyId, Secret, sts ? StsToken : null);

    /// <summary>Options for fast tests: a local endpoint, tiny deterministic delays.</summary>
    public static AlibabaCloudClientOptions Options(Action<AlibabaCloudClientOptions>? configure = null, bool sts = false)
    {
        var options = new AlibabaCloudClientOptions
        {
            Endpoint = LocalEndpoint,
            Credentials = Credentials(sts),
            Retry = new AlibabaCloudRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20), UseJitter = false },
        };
        configure?.Invoke(options);
        return options;
    }

    public static RdsClient Rds(FakeHttpHandler handler, Action<AlibabaCloudClientOptions>? configure = null, bool sts = false) =>
        new(new HttpClient(handler), Options(configure, sts));

    public static DescribeBackupTasksRequest Request() => new() { DBInstanceId = "rm-uf6wjk5xxxxxxx" };

    /// <summary>Every form a secret could take in a text that quotes a request.</summary>
    public static IEnumerable<string> SecretForms()
    {
        yield return Secret;
        yield return StsToken;
        yield return AlibabaPercentEncoding.Encode(StsToken);
        yield return AlibabaPercentEncoding.Encode(AlibabaPercentEncoding.Encode(StsToken));
        yield return StsToken.Replace("/", "\\/");
    }

    public static void AssertNoSecrets(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in SecretForms())
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // Even a fragment of the token must not survive.
        Assert.DoesNotContain("dont-log", text, StringComparison.Ordinal);
    }
}

internal static class Bodies
{
    public const string RequestId = "90496720-2319-42A8-87CD-FCE4DF95EBED";

    public const string Json = """
        {"Items":{"BackupJob":[{"BackupJobId":4762614,"BackupProgressStatus":"Uploading","BackupStatus":"Uploading","JobMode":"Automated","Process":"25","TaskAction":"NormalBackupTask"}]},"RequestId":"90496720-2319-42A8-87CD-FCE4DF95EBED"}
        """;

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>4762614</BackupJobId><BackupProgressStatus>Uploading</BackupProgressStatus><BackupStatus>Uploading</BackupStatus><JobMode>Automated</JobMode><Process>25</Process><TaskAction>NormalBackupTask</TaskAction></BackupJob></Items><RequestId>90496720-2319-42A8-87CD-FCE4DF95EBED</RequestId></DescribeBackupTasksResponse>
        """;

    public static HttpResponseMessage Ok(RecordedRequest request) =>
        request.Parameter("Format") == "XML"
            ? Responses.Make(HttpStatusCode.OK, Xml, "text/xml")
            : Responses.Make(HttpStatusCode.OK, Json);

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message = "error", params (string, string)[] headers) =>
        Responses.Make(status, $$"""{"RequestId":"{{RequestId}}","HostId":"rds.aliyuncs.com","Code":"{{code}}","Message":"{{message}}"}""", "application/json", headers);
}

/// <summary>A request of an operation that is not read-only, for the retry-safety rules.</summary>
internal sealed class CreateThingRequest(bool readOnly = false) : IRpcRequest
{
    public string? ClientToken { get; set; }

    public string Action => "CreateThing";

    public string Version => "2014-08-15";

    public bool IsReadOnly => readOnly;

    public void Validate()
    {
    }

    public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters)
    {
        parameters.Add(new("Action", Action));
        parameters.Add(new("Version", Version));
        parameters.Add(new("Name", "thing"));
        if (ClientToken is not null)
        {
            parameters.Add(new("ClientToken", ClientToken));
        }
    }

    public static Task<DescribeBackupTasksResponse> Send(
        AlibabaCloudRpcClient client, CreateThingRequest request, string? tokenParameter, CancellationToken cancellationToken = default, params string[] retryableErrors) =>
        client.SendAsync(
            request,
            new RpcOperation("Things", "CreateThing", tokenParameter, retryableErrorCodes: retryableErrors, responseMembers: ["Items", "RequestId"]),
            DescribeBackupTasksResponse.ParseJsonAsync,
            DescribeBackupTasksResponse.ParseXmlAsync,
            cancellationToken);

    public static AlibabaCloudRpcClient Client(FakeHttpHandler handler, Action<AlibabaCloudClientOptions>? configure = null) =>
        new(new HttpClient(handler), TestClients.Options(configure), RdsClient.Endpoints);
}

/// <summary>Collects every log entry, message and structured values, at every level.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IEnumerable<LogEntry> Named(string eventName) => Entries.Where(entry => entry.EventId.Name == eventName);

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? Value(string name) => State.FirstOrDefault(pair => pair.Key == name).Value;

        public string AllText => Message + " " + string.Join(" ", State.Select(pair => pair.Key + "=" + pair.Value));
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception), values.ToList()));
        }
    }
}

/// <summary>A clock fixed at one instant for timestamps; timers still run in real time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A provider that must never be asked: an anonymous operation's.</summary>
internal sealed class NoCredentials : Bindings.Credentials.IAlibabaCloudCredentialsProvider
{
    public string Name => "never";

    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("An anonymous operation asked for credentials.");
}
