using Bindings.Client;
using Bindings.Credentials;
using Bindings.Rds;
using Bindings.Signing;
using Bindings.StandIn;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// The client the commands use: against the real service when the credential chain finds credentials,
/// otherwise against the local stand-in, started on a free loopback port for the program's lifetime.
/// </summary>
internal sealed class ServiceConnection : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly RdsStandIn? _standIn;

    private ServiceConnection(RdsClient client, HttpClient http, RawBodyRecorder recorder, RdsStandIn? standIn, string instanceId)
    {
        Client = client;
        _http = http;
        Recorder = recorder;
        _standIn = standIn;
        InstanceId = instanceId;
    }

    public RdsClient Client { get; }

    /// <summary>The last response body as received, for --raw.</summary>
    public RawBodyRecorder Recorder { get; }

    public string InstanceId { get; }

    public static async Task<ServiceConnection> OpenAsync(
        ConnectionSettings settings, IAnsiConsole console, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var found = await CredentialSources.ResolveAsync(environment, cancellationToken);
        IAlibabaCloudCredentialsProvider? credentials = found?.Provider;
        RdsStandIn? standIn = null;
        var endpoint = settings.Endpoint;
        var instanceId = settings.Instance;
        if (credentials is null)
        {
            // No account: run against the stand-in, unless the user pointed at an endpoint of their own.
            standIn = await RdsStandIn.StartAsync(new StandInOptions { Profile = StandInProfile.Fast }, cancellationToken);
            var account = StandInAccount.Default;
            credentials = new StaticCredentialsProvider(new AlibabaCloudCredentials(account.AccessKeyId, account.AccessKeySecret));
            endpoint ??= standIn.BaseAddress;
            instanceId ??= StandInInstance.DefaultInstanceId;
            // One plain line, never wrapped, so that scripts and logs can find it.
            console.Profile.Out.Writer.WriteLine($"No Alibaba Cloud credentials in the environment: using the local RDS stand-in at {endpoint}");
        }

        if (string.IsNullOrWhiteSpace(instanceId))
        {
            if (standIn is not null)
            {
                await standIn.DisposeAsync();
            }

            throw new RequestValidationException("DescribeBackupTasks", "DBInstanceId", "is required: pass --instance");
        }

        var recorder = new RawBodyRecorder { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(recorder, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new AlibabaCloudClientOptions
        {
            CredentialsProvider = credentials,
            Endpoint = endpoint,
            RegionId = settings.Region,
            Format = settings.Format,
            SignatureVersion = settings.Signature,
        };

        try
        {
            return new ServiceConnection(new RdsClient(http, options), http, recorder, standIn, instanceId!);
        }
        catch
        {
            http.Dispose();
            if (standIn is not null)
            {
                await standIn.DisposeAsync();
            }

            throw;
        }
    }

    public DescribeBackupTasksRequest CreateRequest(ConnectionSettings settings) => new()
    {
        DBInstanceId = InstanceId,
        BackupJobStatus = settings.JobStatus is { } status ? BackupJobStatus.FromWireValue(status) : null,
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }
}

/// <summary>Keeps the last response body as text, so that --raw can print exactly what the service sent.</summary>
internal sealed class RawBodyRecorder : DelegatingHandler
{
    public string? LastBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content is { } content)
        {
            // Buffer it, so that the client still reads the same bytes after we have looked at them.
            await content.LoadIntoBufferAsync(cancellationToken);
            LastBody = await content.ReadAsStringAsync(cancellationToken);
        }

        return response;
    }
}
