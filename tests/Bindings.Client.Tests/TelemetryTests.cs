using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace Bindings.Client.Tests;

/// <summary>
/// A span per call and per attempt, with the OpenTelemetry RPC conventions, and the call duration,
/// attempts and errors as metrics; no secret in any of them. Each test has a region of its own, so
/// that the listeners (which hear every test of the process) keep only its telemetry.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string _region = "test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AlibabaCloudTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), Host))
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AlibabaCloudTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    private string Host => "rds." + _region + ".aliyuncs.com";

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (Equals(copy.GetValueOrDefault("server.address"), Host))
        {
            _measurements.Enqueue((instrument.Name, value, copy));
        }
    }

    private Rds.RdsClient Client(FakeHttpHandler handler) =>
        TestClients.Rds(handler, o => { o.Endpoint = null; o.RegionId = _region; }, sts: true);

    private static HttpResponseMessage Ok(RecordedRequest request) =>
        Responses.Make(HttpStatusCode.OK, Bodies.Json, "application/json", ("x-acs-request-id", "REQ-OK-2"));

    private static HttpResponseMessage Throttled(RecordedRequest request) =>
        Responses.Make(HttpStatusCode.BadRequest,
            "{\"RequestId\":\"REQ-THROTTLED-1\",\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}",
            "application/json", ("x-acs-request-id", "REQ-THROTTLED-1"));

    [Fact]
    public async Task ACallIsASpanWithAChildSpanPerAttemptAndTheRpcConventionsTags()
    {
        var handler = new FakeHttpHandler().Then(Throttled).Then(Ok);

        await Client(handler).DescribeBackupTasksAsync(TestClients.Request());

        var call = Assert.Single(_activities, a => a.Kind == ActivityKind.Client);
        Assert.Equal("Rds/DescribeBackupTasks", call.DisplayName);
        Assert.Equal("alibaba_cloud", call.GetTagItem("rpc.system"));
        Assert.Equal("Rds", call.GetTagItem("rpc.service"));
        Assert.Equal("DescribeBackupTasks", call.GetTagItem("rpc.method"));
        Assert.Equal("alibaba_cloud", call.GetTagItem("cloud.provider"));
        Assert.Equal(_region, call.GetTagItem("cloud.region"));
        Assert.Equal(443, call.GetTagItem("server.port"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal("REQ-OK-2", call.GetTagItem("alibaba_cloud.request_id"));
        Assert.Equal(1, call.GetTagItem("alibaba_cloud.retry_count"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);
        var retry = Assert.Single(call.Events);
        Assert.Equal("retry", retry.Name);
        Assert.Contains(retry.Tags, t => t.Key == "error.type" && Equals(t.Value, "Throttling.User"));

        var attempts = _activities.Where(a => a.Kind == ActivityKind.Internal).OrderBy(a => a.StartTimeUtc).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Equal("Rds/DescribeBackupTasks attempt", a.DisplayName);
            Assert.Equal(call.SpanId, a.ParentSpanId);
            Assert.Equal(call.TraceId, a.TraceId);
        });
        Assert.Equal(0, attempts[0].GetTagItem("http.request.resend_count"));
        Assert.Equal(400, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("REQ-THROTTLED-1", attempts[0].GetTagItem("alibaba_cloud.request_id"));
        Assert.Equal("Throttling.User", attempts[0].GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Equal("Throttling.User", attempts[0].StatusDescription);
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
    }

    [Fact]
    public async Task AFailedCallCarriesItsErrorTypeAndStatus()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.NotFound, "InvalidDBInstanceId.NotFound"));

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => Client(handler).DescribeBackupTasksAsync(TestClients.Request()));

        var call = Assert.Single(_activities, a => a.Kind == ActivityKind.Client);
        Assert.Equal("InvalidDBInstanceId.NotFound", call.GetTagItem("error.type"));
        Assert.Equal(404, call.GetTagItem("http.response.status_code"));
        Assert.Equal(Bodies.RequestId, call.GetTagItem("alibaba_cloud.request_id"));
        Assert.Equal(0, call.GetTagItem("alibaba_cloud.retry_count"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
    }

    [Fact]
    public async Task MetricsCountCallsAttemptsAndErrorsByCode()
    {
        var handler = new FakeHttpHandler().Then(Throttled).Then(Throttled).Then(Ok);

        await Client(handler).DescribeBackupTasksAsync(TestClients.Request());

        var duration = Assert.Single(_measurements, m => m.Instrument == "rpc.client.duration");
        Assert.InRange(duration.Value, 0, 60);
        Assert.Equal("alibaba_cloud", duration.Tags["rpc.system"]);
        Assert.Equal("Rds", duration.Tags["rpc.service"]);
        Assert.Equal("DescribeBackupTasks", duration.Tags["rpc.method"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Equal(3, _measurements.Where(m => m.Instrument == "alibaba_cloud.client.attempts").Sum(m => m.Value));
        var errors = _measurements.Where(m => m.Instrument == "alibaba_cloud.client.errors").ToList();
        Assert.Equal(2, errors.Sum(m => m.Value));
        Assert.All(errors, e => Assert.Equal("Throttling.User", e.Tags["error.type"]));
    }

    [Fact]
    public async Task NoTagEventOrStatusHoldsASecretOrAParameter()
    {
        // The token and the secret would be in the signed request and in an error that quoted it.
        var quoting = Responses.Make(HttpStatusCode.BadRequest,
            "{\"RequestId\":\"R\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation. server string to sign is:"
            + Bindings.Signing.AlibabaPercentEncoding.Encode(TestClients.StsToken) + "\"}", "application/json");
        var handler = new FakeHttpHandler().Then(Throttled).Then(_ => quoting);

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => Client(handler).DescribeBackupTasksAsync(TestClients.Request()));

        Assert.NotEmpty(_activities);
        var texts = new List<string?>();
        foreach (var activity in _activities)
        {
            texts.Add(activity.DisplayName);
            texts.Add(activity.StatusDescription);
            texts.AddRange(activity.TagObjects.Select(t => t.Key + "=" + t.Value));
            texts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => e.Name + ":" + t.Key + "=" + t.Value)));
        }

        texts.AddRange(_measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value)));
        foreach (var text in texts)
        {
            TestClients.AssertNoSecrets(text);
            Assert.DoesNotContain(TestClients.AccessKeyId, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("rm-uf6wjk5xxxxxxx", text ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
