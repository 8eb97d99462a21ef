using Bindings;
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

    /// <summary>The last response body as received, for --raw (kept only when asked for).</summary>
    public RawBodyRecorder Recorder { get; }

    public string InstanceId { get; }

    public static async Task<ServiceConnection> OpenAsync(
        ConnectionSettings settings, IAnsiConsole console, Func<string, string?> environment, CancellationToken cancellationToken, bool keepRawBody = false)
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

        // Alibaba Cloud RPC endpoints do not redirect: a redirect is reported, never followed.
        var recorder = new RawBodyRecorder { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false }, Enabled = keepRawBody };
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

/// <summary>
/// For --raw only: keeps the last response body as the client reads it, within the parse limit. Nothing is
/// buffered ahead of the client, which reads the body once and stops at the limit, so an endless body
/// cannot grow the process; without --raw the recorder is a plain pass-through.
/// </summary>
internal sealed class RawBodyRecorder : DelegatingHandler
{
    private RecordingStream? _last;

    /// <summary>Whether bodies are kept at all (only --raw prints them).</summary>
    public bool Enabled { get; init; }

    /// <summary>The most bytes kept of a body: the client's <c>MaxDocumentSize</c>.</summary>
    public long Limit { get; init; } = ResponseParseOptions.Default.MaxDocumentSize;

    public string? LastBody => _last?.Text;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Enabled && response.Content is { } content)
        {
            var recorded = new RecordingContent(content, Limit);
            response.Content = recorded;
            _last = recorded.Recording;
        }

        return response;
    }

    /// <summary>The original content, read through a <see cref="RecordingStream"/>.</summary>
    private sealed class RecordingContent : HttpContent
    {
        private readonly HttpContent _inner;

        public RecordingContent(HttpContent inner, long limit)
        {
            _inner = inner;
            Recording = new RecordingStream(limit);
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        public RecordingStream Recording { get; }

        protected override async Task<Stream> CreateContentReadStreamAsync()
            => Recording.Over(await _inner.ReadAsStreamAsync());

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
            => Recording.Over(await _inner.ReadAsStreamAsync(cancellationToken));

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
            => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Copies what the client reads, up to the limit.</summary>
    private sealed class RecordingStream(long limit) : Stream
    {
        private readonly MemoryStream _kept = new();
        private Stream? _inner;

        public string Text => System.Text.Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

        public Stream Over(Stream inner)
        {
            _inner = inner;
            return this;
        }

        public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, Inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await Inner.ReadAsync(buffer, cancellationToken);
            return Keep(buffer.Span.Slice(0, read));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Keep(ReadOnlySpan<byte> read)
        {
            var room = limit <= 0 ? read.Length : (int)Math.Min(read.Length, Math.Max(0, limit - _kept.Length));
            _kept.Write(read.Slice(0, room));
            return read.Length;
        }

        private Stream Inner => _inner ?? throw new InvalidOperationException("The content has not been opened.");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
