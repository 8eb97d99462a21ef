using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bindings.StandIn.Faults;
using Bindings.StandIn.Hosting;
using Bindings.StandIn.Operations.Rds;
using Bindings.StandIn.Protocol;
using Bindings.StandIn.State;
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

    private static readonly Action<ILogger, string, Exception?> LogHandlerFailed =
        LoggerMessage.Define<string>(
            LogLevel.Error,
            new EventId(3, "HandlerFailed"),
            "The handler of {Action} threw; answered InternalError");

    private static readonly Action<ILogger, Uri, int, int, Exception?> LogStarted =
        LoggerMessage.Define<Uri, int, int>(
            LogLevel.Information,
            new EventId(2, "Started"),
            "RDS stand-in listening on {BaseAddress} with {InstanceCount} instances and {AccountCount} accounts");

    private LoopbackHost? _host;
    private readonly StandInState _state;
    private readonly RequestAuthenticator _authenticator;
    private readonly FaultInjector _faultInjector;
    private readonly ConcurrentDictionary<(string Version, string Action), StandInOperation> _operations = new();
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
        StartedAt = options.TimeProvider.GetUtcNow();
        _state = new StandInState(options.Instances, options.Profile, options.Seed, StartedAt);
        foreach (var builtIn in RdsOperations.Create())
        {
            var operation = builtIn;
            MapOperation(RdsOperation.ApiVersion, operation.Action, call => _state.Use(_time.GetUtcNow(), view => operation.Handle(call, view)));
        }

        foreach (var operation in options.Operations)
        {
            MapOperation(operation);
        }

        _authenticator = new RequestAuthenticator(
            options.Accounts,
            options.TimeProvider,
            options.MaxClockSkew,
            version => _operations.Keys.Any(k => k.Version == version),
            (action, version) => _operations.ContainsKey((version, action)));
        Accounts = [.. options.Accounts];
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

    /// <summary>The instance IDs the stand-in serves (those created by <c>CreateDBInstance</c> included).</summary>
    public IReadOnlyCollection<string> InstanceIds => _state.InstanceIds;

    /// <summary>The operations the stand-in answers, as (API version, <c>Action</c>) pairs.</summary>
    public IReadOnlyCollection<(string Version, string Action)> Operations => [.. _operations.Keys];

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
        LogStarted(standIn._logger, standIn.BaseAddress, standIn._state.InstanceIds.Count, standIn.Accounts.Count, null);
        return standIn;
    }

    /// <summary>
    /// The tasks of an instance (their definitions; see <see cref="StandInBackupTask.StateAt"/>):
    /// the seeded ones, those the schedule started and those <c>CreateBackup</c> started.
    /// </summary>
    /// <param name="dbInstanceId">The instance ID.</param>
    /// <returns>The tasks, in the order the service lists them.</returns>
    /// <exception cref="KeyNotFoundException">The instance does not exist.</exception>
    public IReadOnlyList<StandInBackupTask> GetTasks(string dbInstanceId) =>
        _state.Use(_time.GetUtcNow(), view => view.Find(dbInstanceId) is { } instance
            ? (IReadOnlyList<StandInBackupTask>)[.. instance.AllTasks]
            : throw new KeyNotFoundException($"The stand-in has no instance {dbInstanceId}."));

    /// <summary>
    /// Teaches the stand-in an operation, or replaces one it answers: requests for its action and
    /// version reach its handler once their signature, timestamp, nonce and token have been checked.
    /// Safe to call while requests run.
    /// </summary>
    /// <param name="operation">The operation (see <see cref="StandInOperation.FromAsync"/> for an asynchronous handler).</param>
    public void MapOperation(StandInOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _operations[(operation.Version, operation.Action)] = operation;
    }

    /// <summary>Teaches the stand-in an operation; see <see cref="MapOperation(StandInOperation)"/>.</summary>
    /// <param name="version">The API version, for example <c>2014-08-15</c> (any product's version works).</param>
    /// <param name="action">The <c>Action</c>.</param>
    /// <param name="handler">The handler.</param>
    public void MapOperation(string version, string action, Func<StandInCall, StandInReply> handler) =>
        MapOperation(new StandInOperation(version, action, handler));

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
        IncomingRequest request;
        try
        {
            request = await IncomingRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            Counters.CountServiceError();
            await WriteErrorAsync(context, ResponseFormat.Xml, StandInErrors.InvalidParameter("Body"), default, null, receivedAt, null)
                .ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Every request draws its fate, whatever its action, so that the same seed and requests give the same faults.
        var faults = Faults;
        var fault = _faultInjector.Draw(faults);
        if (faults.Actions is { } only && !only.Contains(request.Action ?? ""))
        {
            fault = default;
        }

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
            Record(receivedAt, context.Request.Method, request, 0, null, "Dropped");
            context.Abort();
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
        var reply = await InvokeAsync(context, request, authenticated!, requestId, receivedAt).ConfigureAwait(false);
        if (reply.Error is { } operationError)
        {
            Counters.CountServiceError();
            await WriteErrorAsync(context, format, operationError, fault, request, receivedAt, null, requestId).ConfigureAwait(false);
            return;
        }

        var members = reply.Body!;
        if (!members.Contains("RequestId"))
        {
            members.Add("RequestId", requestId);
        }

        Counters.CountSuccess();
        var body = WireWriter.Write(format, authenticated!.Action + "Response", members);
        Record(receivedAt, request.Method, request, 200, null, fault.TruncateBody ? "Truncated" : DelayFault(fault));
        await WriteAsync(context, 200, format, body, requestId, fault, extraHeaders: null).ConfigureAwait(false);
    }

    private async Task<StandInReply> InvokeAsync(
        HttpContext context, IncomingRequest request, AuthenticatedRequest authenticated, string requestId, DateTimeOffset receivedAt)
    {
        if (!_operations.TryGetValue((authenticated.Version, authenticated.Action), out var operation))
        {
            // Removed between the check and now: the same answer as an unknown action.
            return StandInErrors.InvalidActionNotFound;
        }

        var call = new StandInCall(
            this, authenticated.Action, authenticated.Version, authenticated.Account.AccessKeyId,
            request.Scheme == SignatureScheme.V3 ? "V3" : "V1", request.Method, requestId, receivedAt, request.Parameters,
            context.RequestAborted);
        try
        {
            return await operation.Handler(call).ConfigureAwait(false) ?? throw new InvalidOperationException("The handler returned null.");
        }
        catch (StandInException refusal)
        {
            return refusal.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A handler's bug is the service's failure, as the real one answers: never a dropped connection.
            LogHandlerFailed(_logger, authenticated.Action, ex);
            return StandInErrors.InternalError;
        }
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
        var members = new StandInObject
        {
            { "RequestId", requestId },
            { "HostId", _hostId },
            { "Code", error.Code },
            { "Message", error.Message },
        };
        if (format == ResponseFormat.Json)
        {
            // Newer gateways add a link to a diagnosis page (JSON only in the documented shapes).
            members.Add("Recommend", $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Rds&requestId={requestId}");
        }

        var body = WireWriter.Write(format, "Error", members);
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
