namespace Bindings.Client;

/// <summary>
/// The names under which the client reports traces and metrics, following the OpenTelemetry
/// semantic conventions for RPC clients. Subscribe with
/// <c>tracing.AddSource(AlibabaCloudTelemetry.ActivitySourceName)</c> and
/// <c>metrics.AddMeter(AlibabaCloudTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// <para>Spans: one per call, <c>{service}/{operation}</c> (kind Client, e.g. <c>Rds/DescribeBackupTasks</c>),
/// and under it one per attempt, <c>{service}/{operation} attempt</c> (kind Internal), under which
/// <c>HttpClient</c>'s own span comes. Tags: <c>rpc.system</c> (<c>alibaba_cloud</c>), <c>rpc.service</c>,
/// <c>rpc.method</c>, <c>cloud.provider</c>, <c>cloud.region</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>http.response.status_code</c>, <c>alibaba_cloud.request_id</c>, <c>error.type</c> (the error code,
/// or <c>timeout</c>, <c>connection_failed</c>, <c>connection_broken</c>, <c>parse_error</c>,
/// <c>credentials</c>); on the call <c>alibaba_cloud.retry_count</c> and a <c>retry</c> event per retry;
/// on an attempt <c>http.request.resend_count</c>.</para>
/// <para>Metrics: <c>rpc.client.duration</c> (histogram, seconds, per call), <c>alibaba_cloud.client.attempts</c>
/// (counter, per attempt) and <c>alibaba_cloud.client.errors</c> (counter, per failed attempt, by
/// <c>error.type</c>), tagged with <c>rpc.system</c>, <c>rpc.service</c>, <c>rpc.method</c>,
/// <c>server.address</c> and, on failure, <c>error.type</c>.</para>
/// <para>No tag, event or status ever holds a parameter, a credential, a signature or a message.</para>
/// </remarks>
public static class AlibabaCloudTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>Bindings.Client</c>.</summary>
    public const string ActivitySourceName = "Bindings.Client";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>Bindings.Client</c>.</summary>
    public const string MeterName = "Bindings.Client";

    /// <summary>The value of <c>rpc.system</c> and <c>cloud.provider</c>: <c>alibaba_cloud</c>.</summary>
    public const string SystemName = "alibaba_cloud";
}
