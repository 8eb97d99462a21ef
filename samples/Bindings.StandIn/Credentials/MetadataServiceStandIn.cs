using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;
using Microsoft.AspNetCore.Http;

namespace Bindings.StandIn.Credentials;

/// <summary>Everything <see cref="MetadataServiceStandIn.StartAsync"/> needs; every property has a usable default.</summary>
public sealed class MetadataServiceStandInOptions
{
    /// <summary>The RAM role attached to the "instance"; null for an instance without one (the role list is 404).</summary>
    public string? RoleName { get; set; } = "StandInEcsRole";

    /// <summary>Answer <c>PUT /latest/api/token</c>; false plays an old metadata service that has no session tokens (404).</summary>
    public bool SupportsTokens { get; set; } = true;

    /// <summary>Refuse requests without a valid session token (403), as an instance set to IMDSv2 only does.</summary>
    public bool RequireTokens { get; set; }

    /// <summary>How long the credentials it hands out live: 6 hours by default, as on ECS.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The clock for expiry times and token lifetimes.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told of every credential handed out (pass <see cref="StsStandIn.Accept"/> to let them call STS).</summary>
    public Action<IssuedCredential>? OnIssued { get; set; }
}

/// <summary>
/// A local stand-in of the ECS instance metadata service on loopback: session tokens
/// (<c>PUT /latest/api/token</c> with <c>X-aliyun-ecs-metadata-token-ttl-seconds</c>), the role's name
/// (<c>GET /latest/meta-data/ram/security-credentials/</c>) and its credentials
/// (<c>GET /latest/meta-data/ram/security-credentials/{role}</c>), new credentials at every request.
/// Point a provider at it with <c>BINDINGS_ECS_METADATA_ENDPOINT</c> or its options.
/// </summary>
public sealed class MetadataServiceStandIn : IAsyncDisposable
{
    private const string CredentialsPath = "/latest/meta-data/ram/security-credentials/";

    private readonly MetadataServiceStandInOptions _options;
    private readonly TemporaryCredentialIssuer _issuer = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private LoopbackHost? _host;
    private CredentialsStandInFaults _faults = CredentialsStandInFaults.None;
    private int _tokenRequests;
    private int _roleRequests;
    private int _credentialRequests;
    private int _requestsWithoutToken;

    private MetadataServiceStandIn(MetadataServiceStandInOptions options) => _options = options;

    /// <summary>Where the stand-in listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _host!.BaseAddress;

    /// <summary>The faults the next requests meet; set a new value at any time.</summary>
    public CredentialsStandInFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Every credential handed out, oldest first.</summary>
    public IReadOnlyList<IssuedCredential> Issued => _issuer.Issued;

    /// <summary>How many session tokens were asked for.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>How many times the role's name was asked for.</summary>
    public int RoleNameRequests => Volatile.Read(ref _roleRequests);

    /// <summary>How many times the role's credentials were asked for.</summary>
    public int CredentialRequests => Volatile.Read(ref _credentialRequests);

    /// <summary>How many GET requests came without a session token (version 1).</summary>
    public int RequestsWithoutToken => Volatile.Read(ref _requestsWithoutToken);

    /// <summary>Starts a stand-in and waits until it listens.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    public static async Task<MetadataServiceStandIn> StartAsync(MetadataServiceStandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        var standIn = new MetadataServiceStandIn(options ?? new MetadataServiceStandInOptions());
        standIn._host = await LoopbackHost.StartAsync(standIn.HandleAsync, cancellationToken).ConfigureAwait(false);
        return standIn;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? default;

    private async Task HandleAsync(HttpContext context)
    {
        if (await CredentialsStandInFault.ApplyAsync(Faults, context).ConfigureAwait(false))
        {
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var now = _options.TimeProvider.GetUtcNow();
        if (path == "/latest/api/token" && HttpMethods.IsPut(context.Request.Method))
        {
            Interlocked.Increment(ref _tokenRequests);
            if (!_options.SupportsTokens)
            {
                await CredentialsStandInFault.WriteAsync(context, 404, "text/plain", "Not Found").ConfigureAwait(false);
                return;
            }

            if (!int.TryParse(context.Request.Headers["X-aliyun-ecs-metadata-token-ttl-seconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl)
                || ttl < 1 || ttl > 21600)
            {
                await CredentialsStandInFault.WriteAsync(context, 400, "text/plain", "Bad Request").ConfigureAwait(false);
                return;
            }

            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            lock (_gate)
            {
                _tokens[token] = now.AddSeconds(ttl);
            }

            await CredentialsStandInFault.WriteAsync(context, 200, "text/plain", token).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith(CredentialsPath, StringComparison.Ordinal))
        {
            await CredentialsStandInFault.WriteAsync(context, 404, "text/plain", "Not Found").ConfigureAwait(false);
            return;
        }

        string? presented = context.Request.Headers["X-aliyun-ecs-metadata-token"];
        if (string.IsNullOrEmpty(presented))
        {
            Interlocked.Increment(ref _requestsWithoutToken);
            if (_options.RequireTokens)
            {
                await CredentialsStandInFault.WriteAsync(context, 403, "text/plain", "Forbidden").ConfigureAwait(false);
                return;
            }
        }
        else if (!IsValid(presented, now))
        {
            await CredentialsStandInFault.WriteAsync(context, 401, "text/plain", "Unauthorized").ConfigureAwait(false);
            return;
        }

        var role = path[CredentialsPath.Length..];
        if (role.Length == 0)
        {
            Interlocked.Increment(ref _roleRequests);
            await (_options.RoleName is { } name
                ? CredentialsStandInFault.WriteAsync(context, 200, "text/plain", name)
                : CredentialsStandInFault.WriteAsync(context, 404, "text/plain", "Not Found")).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _credentialRequests);
        if (role != _options.RoleName)
        {
            await CredentialsStandInFault.WriteAsync(context, 404, "text/plain", "Not Found").ConfigureAwait(false);
            return;
        }

        var issued = _issuer.Issue("Ecs", "acs:ram::1234567890123456:role/" + role, "ecs-instance", now + _options.CredentialLifetime);
        _options.OnIssued?.Invoke(issued);
        await CredentialsStandInFault.WriteAsync(context, 200, "text/plain", CredentialsStandInFault.CredentialsJson(issued, now)).ConfigureAwait(false);
    }

    private bool IsValid(string token, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var expiresAt) && now < expiresAt;
        }
    }
}

/// <summary>The answers and faults the metadata service and credentials URI stand-ins share.</summary>
internal static class CredentialsStandInFault
{
    /// <summary>Applies a fault; true when the request has been dealt with (dropped, or answered with an error).</summary>
    public static async Task<bool> ApplyAsync(CredentialsStandInFaults faults, HttpContext context)
    {
        var (handled, applied) = await BeginAsync(faults, context).ConfigureAwait(false);
        if (handled)
        {
            return true;
        }

        if (applied?.StatusCode is { } status)
        {
            await WriteAsync(context, status, "text/plain", applied.ErrorCode).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>Takes a use of the fault, waits its delay and drops the connection if asked; the error answer is the caller's.</summary>
    public static async Task<(bool Handled, CredentialsStandInFaults? Applied)> BeginAsync(CredentialsStandInFaults faults, HttpContext context)
    {
        if (!faults.Take())
        {
            return (false, null);
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(faults.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (true, faults);
            }
        }

        if (faults.DropConnection)
        {
            context.Abort();
            return (true, faults);
        }

        return (false, faults);
    }

    public static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    /// <summary>The answer both the metadata service and a credentials URI give: <c>{"Code":"Success",...}</c>.</summary>
    public static string CredentialsJson(IssuedCredential issued, DateTimeOffset now)
    {
        var account = issued.Account;
        return "{\"AccessKeyId\":\"" + account.AccessKeyId + "\",\"AccessKeySecret\":\"" + account.AccessKeySecret
            + "\",\"Expiration\":\"" + AlibabaTimestamp.ToWireFormat(account.SecurityTokenExpiresAt!.Value)
            + "\",\"SecurityToken\":\"" + account.SecurityToken + "\",\"LastUpdated\":\"" + AlibabaTimestamp.ToWireFormat(now)
            + "\",\"Code\":\"Success\"}";
    }
}
