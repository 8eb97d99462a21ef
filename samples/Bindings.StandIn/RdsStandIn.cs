using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bindings.StandIn.Backups;
using Bindings.StandIn.Credentials;
using Bindings.StandIn.Faults;
using Bindings.StandIn.Operations;
using Bindings.StandIn.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bindings.StandIn;

/// <summary>
/// A local stand-in of the ApsaraDB RDS RPC endpoint (API version 2014-08-15) on Kestrel: it checks
/// V1 and V3 signatures, timestamps, nonces and STS tokens like the service, answers in JSON or
/// XML, and serves seeded instances whose backup tasks progress with its clock.
/// </summary>
/// <example>
/// <code>
/// await using var standIn = await RdsStandIn.StartAsync(new StandInOptions { Profile = StandInProfile.Fast });
/// // Sign with StandInAccount.Default and send to standIn.BaseAddress.
/// </code>
/// </example>
public sealed class RdsStandIn : IAsyncDisposable
{
    private static readonly Action<ILogger, string, string, int, string, Exception?> LogRequest =
        LoggerMessage.Define<string, string, int, string>(
            LogLevel.Information,
            new EventId(1, "Request"),
            "{Request} key={AccessKeyId} -> {Status} {Outcome}");

    private static readonly Action<ILogger, Uri, int, int, Exception?> LogStarted =
        LoggerMessage.Define<Uri, int, int>(
            LogLevel.Information,
            new EventId(2, "Started"),
            "RDS stand-in listening on {BaseAddress} with {InstanceCount} instances and {AccountCount} accounts");

    private LoopbackHost? _host;
    private readonly BackupCatalog _catalog;
    private readonly RequestAuthenticator _authenticator;
    private readonly FaultInjector _faultInjector;
    private readonly Dictionary<(string Version, string Action), IRpcOperation> _operations;
    private readonly TimeProvider _time;
    private readonly string _hostId;
    private readonly ILogger _logger;
    private readonly int _recentCapacity;
    private readonly Queue<StandInRequestRecord> _recent = new();
    private readonly object _recentGate = new();
    private StandInFaults _faults;
    private int _disposed;

    private RdsStandIn(StandInOptions options)
    {
        _time = options.TimeProvider;
        _hostId = options.HostId;
        _recentCapacity = options.RecentRequestCapacity;
        _logger = options.Logger ?? (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Bindings.StandIn");
        _faults = options.Faults;
        _faultInjector = new FaultInjector(options.Seed);
        _catalog = new BackupCatalog(options.Instances, options.Profile, options.Seed);
        _operations = RpcOperations.All.ToDictionary(static o => (o.Version, o.Action));
        _authenticator = new RequestAuthenticator(
            options.Accounts,
            options.TimeProvider,
            options.MaxClockSkew,
            version => _operations.Keys.Any(k => k.Version == version),
            (action, version) => _operations.ContainsKey((version, action)));
        Accounts = [.. options.Accounts];
        StartedAt = options.TimeProvider.GetUtcNow();
        BaseAddress = new Uri("http://127.0.0.1/");
    }

    /// <summary>Where the stand-in listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>
    /// The <c>host</c> a V3 signature must name: what an <see cref="System.Net.Http.HttpClient"/>
    /// sends for <see cref="BaseAddress"/>, <c>127.0.0.1:PORT</c>.
    /// </summary>
    public string Host => BaseAddress.Authority;

    /// <summary>The accounts the stand-in accepts.</summary>
    public IReadOnlyList<StandInAccount> Accounts { get; }

    /// <summary>When the stand-in started, by its clock: task progress is measured from here.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Time since <see cref="StartedAt"/>, by the stand-in's clock (never negative).</summary>
    public TimeSpan Elapsed => Max(_time.GetUtcNow() - StartedAt, TimeSpan.Zero);

    /// <summary>What the stand-in has seen and done.</summary>
    public StandInCounters Counters { get; } = new();

    /// <summary>The fault-injection switches; set a new value at any time, it applies to the next request.</summary>
    public StandInFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            Volatile.Write(ref _faults, value);
        }
    }

    /// <summary>The instance IDs the stand-in serves.</summary>
    public IReadOnlyCollection<string> InstanceIds => _catalog.InstanceIds;

    /// <summary>The most recent requests, oldest first (at most <see cref="StandInOptions.RecentRequestCapacity"/>).</summary>
    public IReadOnlyList<StandInRequestRecord> RecentRequests
    {
        get
        {
            lock (_recentGate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Starts a stand-in and waits until it listens.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is out of range, or an address is not loopback.</exception>
    public static async Task<RdsStandIn> StartAsync(StandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StandInOptions();
        Validate(options);

        var standIn = new RdsStandIn(options);
        standIn._host = await LoopbackHost.StartAsync(standIn.HandleAsync, options.Address, options.Port, cancellationToken).ConfigureAwait(false);
        standIn.BaseAddress = standIn._host.BaseAddress;
        LogStarted(standIn._logger, standIn.BaseAddress, standIn._catalog.InstanceIds.Count, standIn.Accounts.Count, null);
        return standIn;
    }

    /// <summary>The tasks of an instance (their definitions; see <see cref="StandInBackupTask.StateAt"/>).</summary>
    /// <param name="dbInstanceId">The instance ID.</param>
    /// <returns>The tasks, in the order the service lists them.</returns>
    /// <exception cref="KeyNotFoundException">The instance does not exist.</exception>
    public IReadOnlyList<StandInBackupTask> GetTasks(string dbInstanceId) =>
        _catalog.TryGetTasks(dbInstanceId, out var tasks)
            ? tasks
            : throw new KeyNotFoundException($"The stand-in has no instance {dbInstanceId}.");

    /// <summary>Stops listening and releases the port.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(StandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Address, nameof(options.Address));
        if (!IPAddress.IsLoopback(options.Address))
        {
            throw new ArgumentException("The stand-in listens on loopback addresses only.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentNullException.ThrowIfNull(options.Accounts, nameof(options.Accounts));
        ArgumentNullException.ThrowIfNull(options.Instances, nameof(options.Instances));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentNullException.ThrowIfNull(options.Faults, nameof(options.Faults));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.HostId, nameof(options.HostId));
        if (options.MaxClockSkew <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxClockSkew must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.RecentRequestCapacity, nameof(options.RecentRequestCapacity));
        options.Faults.Validate();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Counters.CountRequest();
        var receivedAt = _time.GetUtcNow();
        var fault = _faultInjector.Draw(Faults);

        if (fault.Delay > TimeSpan.Zero)
        {
            Counters.CountDelayed();
            try
            {
                // Real time, whatever the stand-in's clock: a fake clock would never let it end.
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (fault.DropConnection)
        {
            Counters.CountDropped();
            Record(receivedAt, context.Request.Method, request: null, 0, null, "Dropped");
            context.Abort();
            return;
        }

        IncomingRequest request;
        try
        {
            request = await IncomingRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            Counters.CountServiceError();
            await WriteErrorAsync(context, ResponseFormat.Xml, StandInErrors.InvalidParameter("Body"), fault, null, receivedAt, null)
                .ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var formatOk = RequestAuthenticator.TryGetFormat(request, out var format);
        if (fault.Throttle)
        {
            Counters.CountThrottled();
            await WriteErrorAsync(context, format, StandInErrors.Throttling, fault, request, receivedAt, "Throttling")
                .ConfigureAwait(false);
            return;
        }

        if (fault.ServerError is { } serverError)
        {
            Counters.CountServerError();
            await WriteErrorAsync(context, format, serverError, fault, request, receivedAt, "ServerError").ConfigureAwait(false);
            return;
        }

        var error = Check(context, request, formatOk);
        AuthenticatedRequest? authenticated = null;
        error ??= _authenticator.Authenticate(request, out authenticated);
        if (error is not null)
        {
            Counters.CountServiceError();
            await WriteErrorAsync(context, format, error, fault, request, receivedAt, null).ConfigureAwait(false);
            return;
        }

        var requestId = NewRequestId();
        var operation = _operations[(authenticated!.Version, authenticated.Action)];
        var result = operation.Execute(new OperationContext(request, _catalog, Elapsed, requestId));
        if (result.Error is { } operationError)
        {
            Counters.CountServiceError();
            await WriteErrorAsync(context, format, operationError, fault, request, receivedAt, null, requestId).ConfigureAwait(false);
            return;
        }

        Counters.CountSuccess();
        var body = WireWriter.Write(format, operation.Action + "Response", result.Body!);
        Record(receivedAt, request.Method, request, 200, null, fault.TruncateBody ? "Truncated" : DelayFault(fault));
        await WriteAsync(context, 200, format, body, requestId, fault, extraHeaders: null).ConfigureAwait(false);
    }

    private static StandInError? Check(HttpContext context, IncomingRequest request, bool formatOk)
    {
        if (!formatOk)
        {
            return StandInErrors.InvalidParameterFormat;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return StandInErrors.UnsupportedHttpMethod;
        }

        // Every RPC operation lives at "/": the operation is named by Action / x-acs-action.
        return context.Request.Path.HasValue && context.Request.Path.Value != "/"
            ? StandInErrors.InvalidActionNotFound
            : null;
    }

    private async Task WriteErrorAsync(
        HttpContext context,
        ResponseFormat format,
        StandInError error,
        FaultDecision fault,
        IncomingRequest? request,
        DateTimeOffset receivedAt,
        string? injected,
        string? requestId = null)
    {
        requestId ??= NewRequestId();
        var members = new List<KeyValuePair<string, WireNode>>
        {
            new("RequestId", new WireText(requestId)),
            new("HostId", new WireText(_hostId)),
            new("Code", new WireText(error.Code)),
            new("Message", new WireText(error.Message)),
        };
        if (format == ResponseFormat.Json)
        {
            // Newer gateways add a link to a diagnosis page (JSON only in the documented shapes).
            members.Add(new("Recommend", new WireText(
                $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Rds&requestId={requestId}")));
        }

        var body = WireWriter.Write(format, "Error", new WireObject(members));
        Dictionary<string, string>? headers = null;
        if (error.Code == StandInErrors.Throttling.Code && injected is not null && Faults.ThrottlingRetryAfter is { } retryAfter)
        {
            headers = new() { ["x-acs-retry-after"] = ((long)retryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) };
        }

        var faultName = injected ?? (fault.TruncateBody ? "Truncated" : DelayFault(fault));
        Record(receivedAt, context.Request.Method, request, error.StatusCode, error.Code, faultName);
        await WriteAsync(context, error.StatusCode, format, body, requestId, fault, headers).ConfigureAwait(false);
    }

    private async Task WriteAsync(
        HttpContext context, int status, ResponseFormat format, byte[] body, string requestId, FaultDecision fault,
        Dictionary<string, string>? extraHeaders)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = WireWriter.ContentType(format);
        response.ContentLength = body.Length;
        response.Headers["x-acs-request-id"] = requestId;
        if (extraHeaders is not null)
        {
            foreach (var (name, value) in extraHeaders)
            {
                response.Headers[name] = value;
            }
        }

        try
        {
            if (fault.TruncateBody)
            {
                Counters.CountTruncated();
                // The headers promise the whole body; half of it arrives, then the connection ends.
                // Kestrel sends what was written and closes the connection itself when a response
                // ends short of its Content-Length. Aborting here instead would reset the
                // connection before the flushed bytes leave, and look like a dropped connection.
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private void Record(DateTimeOffset receivedAt, string method, IncomingRequest? request, int status, string? code, string? fault)
    {
        string scheme = "-", action = "-", accessKeyId = "-";
        string? nonce = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request is not null)
        {
            foreach (var (name, value) in request.Parameters)
            {
                // The signature and the token never leave the request: not in records, not in logs.
                if (name is not ("Signature" or "SecurityToken"))
                {
                    parameters.TryAdd(name, value);
                }
            }

            if (request.Scheme == SignatureScheme.V3)
            {
                scheme = "V3";
                action = request.Header("x-acs-action") ?? "-";
                nonce = request.Header("x-acs-signature-nonce");
                if (AcsSignatureV3TryKey(request, out var key))
                {
                    accessKeyId = key;
                }
            }
            else
            {
                scheme = "V1";
                action = request.Parameter("Action") ?? "-";
                nonce = request.Parameter("SignatureNonce");
                accessKeyId = request.Parameter("AccessKeyId") ?? "-";
            }
        }

        var record = new StandInRequestRecord(
            receivedAt, method, scheme, action == "-" ? null : action, accessKeyId == "-" ? null : accessKeyId, nonce,
            parameters, status, code, fault);
        if (_recentCapacity > 0)
        {
            lock (_recentGate)
            {
                _recent.Enqueue(record);
                while (_recent.Count > _recentCapacity)
                {
                    _recent.Dequeue();
                }
            }
        }

        LogRequest(
            _logger, $"{method} {scheme} {action}", Mask(accessKeyId), status, fault is null ? code ?? "OK" : $"{code ?? "OK"} (fault: {fault})", null);
    }

    private static bool AcsSignatureV3TryKey(IncomingRequest request, out string accessKeyId) =>
        Bindings.Signing.AcsSignatureV3.TryParseAuthorization(request.Header("Authorization"), out accessKeyId, out _, out _);

    private static string? DelayFault(FaultDecision fault) => fault.Delay > TimeSpan.Zero ? "Delayed" : null;

    private static string Mask(string accessKeyId) =>
        // The same masking as AlibabaCloudCredentials: an AccessKey ID is not a secret, but logs need not carry it whole.
        accessKeyId == "-" ? "-" : accessKeyId.Length >= 8 ? string.Concat(accessKeyId.AsSpan(0, 4), "***") : "***";

    private static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
