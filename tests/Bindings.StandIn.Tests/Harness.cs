using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>An answer read whole: status, headers and body text.</summary>
internal sealed record Answer(HttpStatusCode Status, string? ContentType, string Body, HttpResponseHeaders Headers)
{
    public int StatusCode => (int)Status;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;

    public XElement Xml() => XDocument.Parse(Body).Root!;
}

/// <summary>
/// A running stand-in, a manual clock and an <see cref="HttpClient"/>; requests are signed with the
/// runtime's own signing helpers and sent over real HTTP on loopback.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public static readonly AlibabaCloudCredentials DefaultCredentials =
        new(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret);

    private Harness(RdsStandIn standIn, ManualClock clock)
    {
        StandIn = standIn;
        Clock = clock;
        Http = new HttpClient { BaseAddress = standIn.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public RdsStandIn StandIn { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a stand-in on a manual clock; <paramref name="configure"/> may change the options.</summary>
    public static async Task<Harness> StartAsync(Action<StandInOptions>? configure = null)
    {
        var clock = new ManualClock();
        var options = new StandInOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var standIn = await RdsStandIn.StartAsync(options);
        return new Harness(standIn, (ManualClock)options.TimeProvider);
    }

    public static Dictionary<string, string> Describe(string? instanceId = StandInInstance.DefaultInstanceId, params (string Name, string Value)[] more)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "DescribeBackupTasks",
            ["Version"] = "2014-08-15",
        };
        if (instanceId is not null)
        {
            parameters["DBInstanceId"] = instanceId;
        }

        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    /// <summary>Signs with V1 and sends as GET (query) or POST (form body).</summary>
    public async Task<(Answer Answer, SignedRpcRequest Signed)> SendV1Async(
        IDictionary<string, string> parameters,
        string? format = "JSON",
        string method = "GET",
        AlibabaCloudCredentials? credentials = null,
        DateTimeOffset? timestamp = null,
        string? nonce = null,
        Func<string, string>? tamper = null,
        bool closeConnection = false)
    {
        var signed = RpcSignatureV1.Sign(
            method, parameters, credentials ?? DefaultCredentials, timestamp ?? Clock.GetUtcNow(), nonce ?? SignatureNonce.Create(), format ?? "XML");
        var encoded = signed.ToQueryString();
        if (format is null)
        {
            // Sign requires a format; to send none, sign again without it by hand.
            var list = signed.Parameters.Where(static p => p.Key is not ("Format" or "Signature")).ToList();
            var stringToSign = RpcSignatureV1.BuildStringToSign(method, RpcSignatureV1.CanonicalizeQuery(list));
            list.Add(new("Signature", RpcSignatureV1.ComputeSignature(stringToSign, (credentials ?? DefaultCredentials).AccessKeySecret)));
            encoded = string.Join('&', list.Select(static p => AlibabaPercentEncoding.Encode(p.Key) + "=" + AlibabaPercentEncoding.Encode(p.Value)));
        }

        encoded = tamper?.Invoke(encoded) ?? encoded;
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, "/?" + encoded)
            : new HttpRequestMessage(new HttpMethod(method), "/")
            {
                Content = FormContent(encoded),
            };
        if (closeConnection)
        {
            request.Headers.ConnectionClose = true;
        }

        return (await SendAsync(request), signed);
    }

    /// <summary>Signs with V3 (ACS3-HMAC-SHA256) and sends; a form body is hashed and signed when given.</summary>
    public async Task<(Answer Answer, SignedAcsRequest Signed)> SendV3Async(
        IDictionary<string, string> parameters,
        string method = "GET",
        string? formBody = null,
        AlibabaCloudCredentials? credentials = null,
        DateTimeOffset? timestamp = null,
        string? nonce = null,
        string? accept = null,
        Action<HttpRequestMessage>? tamper = null)
    {
        var body = formBody is null ? [] : Encoding.UTF8.GetBytes(formBody);
        var contentType = formBody is null ? null : "application/x-www-form-urlencoded";
        var signed = AcsSignatureV3.Sign(
            method, StandIn.Host, parameters, body, contentType, credentials ?? DefaultCredentials,
            timestamp ?? Clock.GetUtcNow(), nonce ?? SignatureNonce.Create());
        var query = signed.ToQueryString();
        using var request = new HttpRequestMessage(new HttpMethod(method), query.Length == 0 ? "/" : "/?" + query);
        foreach (var (name, value) in signed.Headers)
        {
            // HttpClient writes Host itself, from the URI: the same 127.0.0.1:PORT that was signed.
            if (name != "host")
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (formBody is not null)
        {
            request.Content = FormContent(formBody);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        tamper?.Invoke(request);
        return (await SendAsync(request), signed);
    }

    /// <summary>Calls an action (V1, GET, JSON) and asserts a 200; returns the JSON body.</summary>
    public async Task<JsonElement> OkAsync(string action, params (string Name, string Value)[] parameters)
    {
        var (answer, _) = await SendV1Async(Action(action, parameters));
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer.StatusCode} {answer.Body}");
        return answer.Json();
    }

    /// <summary>Calls an action (V1, GET, JSON) and asserts the refusal; returns the error.</summary>
    public async Task<Bodies.Error> RefusedAsync(string action, int status, string code, params (string Name, string Value)[] parameters)
    {
        var (answer, _) = await SendV1Async(Action(action, parameters));
        return Bodies.AssertError(answer, "JSON", status, code);
    }

    public static Dictionary<string, string> Action(string action, params (string Name, string Value)[] parameters)
    {
        var all = new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2014-08-15" };
        foreach (var (name, value) in parameters)
        {
            all[name] = value;
        }

        return all;
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StandIn.DisposeAsync();
    }

    internal static ByteArrayContent FormContent(string encoded)
    {
        // Exact bytes and an exact content type: StringContent would add "; charset=utf-8", which
        // V3 signs.
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(encoded));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        return content;
    }
}

/// <summary>Reads the documented bodies the same way for JSON and XML.</summary>
internal static class Bodies
{
    public sealed record Job(
        long BackupJobId, string BackupProgressStatus, string? BackupStatus, string Process, string JobMode, string TaskAction, string? BackupId);

    public sealed record Error(string RequestId, string HostId, string Code, string Message, string? Recommend);

    /// <summary>Reads a DescribeBackupTasks answer, checking the documented envelope and value kinds.</summary>
    public static (IReadOnlyList<Job> Jobs, string RequestId) ReadJobs(Answer answer, string format)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        if (format == "JSON")
        {
            Assert.StartsWith("application/json", answer.ContentType);
            var root = answer.Json();
            Assert.Equal(JsonValueKind.Object, root.GetProperty("Items").ValueKind);
            var array = root.GetProperty("Items").GetProperty("BackupJob");
            Assert.Equal(JsonValueKind.Array, array.ValueKind);
            var jobs = array.EnumerateArray().Select(static j =>
            {
                // Documented String, sent as a number; Process documented and sent as a string.
                Assert.Equal(JsonValueKind.Number, j.GetProperty("BackupJobId").ValueKind);
                Assert.Equal(JsonValueKind.String, j.GetProperty("Process").ValueKind);
                return new Job(
                    j.GetProperty("BackupJobId").GetInt64(),
                    j.GetProperty("BackupProgressStatus").GetString()!,
                    j.TryGetProperty("BackupStatus", out var s) ? s.GetString() : null,
                    j.GetProperty("Process").GetString()!,
                    j.GetProperty("JobMode").GetString()!,
                    j.GetProperty("TaskAction").GetString()!,
                    j.TryGetProperty("BackupId", out var b) ? b.GetString() : null);
            }).ToList();
            return (jobs, root.GetProperty("RequestId").GetString()!);
        }

        Assert.StartsWith("text/xml", answer.ContentType);
        var xml = answer.Xml();
        Assert.Equal("DescribeBackupTasksResponse", xml.Name.LocalName);
        var items = xml.Element("Items");
        Assert.NotNull(items);
        var xmlJobs = items.Elements().Select(static j =>
        {
            Assert.Equal("BackupJob", j.Name.LocalName);
            return new Job(
                long.Parse(j.Element("BackupJobId")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                j.Element("BackupProgressStatus")!.Value,
                j.Element("BackupStatus")?.Value,
                j.Element("Process")!.Value,
                j.Element("JobMode")!.Value,
                j.Element("TaskAction")!.Value,
                j.Element("BackupId")?.Value);
        }).ToList();
        return (xmlJobs, xml.Element("RequestId")!.Value);
    }

    /// <summary>Reads an error body, checking the documented shape for the format.</summary>
    public static Error ReadError(Answer answer, string format)
    {
        if (format == "JSON")
        {
            Assert.StartsWith("application/json", answer.ContentType);
            var root = answer.Json();
            var names = root.EnumerateObject().Select(static p => p.Name).ToHashSet();
            Assert.Subset(names, new HashSet<string> { "RequestId", "HostId", "Code", "Message" });
            Assert.Subset(new HashSet<string> { "RequestId", "HostId", "Code", "Message", "Recommend" }, names);
            return new Error(
                root.GetProperty("RequestId").GetString()!,
                root.GetProperty("HostId").GetString()!,
                root.GetProperty("Code").GetString()!,
                root.GetProperty("Message").GetString()!,
                root.TryGetProperty("Recommend", out var r) ? r.GetString() : null);
        }

        Assert.StartsWith("text/xml", answer.ContentType);
        var xml = answer.Xml();
        Assert.Equal("Error", xml.Name.LocalName);
        Assert.Equal(["RequestId", "HostId", "Code", "Message"], xml.Elements().Select(static e => e.Name.LocalName).ToArray());
        return new Error(
            xml.Element("RequestId")!.Value, xml.Element("HostId")!.Value, xml.Element("Code")!.Value, xml.Element("Message")!.Value, null);
    }

    /// <summary>Asserts an error's status, code and body, and that the request ID is a GUID like the service's.</summary>
    public static Error AssertError(Answer answer, string format, int status, string code)
    {
        Assert.True(status == answer.StatusCode, $"Expected {status} {code}, got {answer.StatusCode}: {answer.Body}");
        var error = ReadError(answer, format);
        Assert.Equal(code, error.Code);
        Assert.Equal("rds.aliyuncs.com", error.HostId);
        Assert.True(Guid.TryParse(error.RequestId, out _), error.RequestId);
        Assert.NotEmpty(error.Message);
        Assert.Equal(error.RequestId, answer.Headers.GetValues("x-acs-request-id").Single());
        return error;
    }
}
