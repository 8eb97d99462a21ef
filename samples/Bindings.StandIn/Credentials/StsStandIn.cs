using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;
using Bindings.StandIn.Protocol;
using Microsoft.AspNetCore.Http;

namespace Bindings.StandIn.Credentials;

/// <summary>Everything <see cref="StsStandIn.StartAsync"/> needs; every property has a usable default.</summary>
public sealed class StsStandInOptions
{
    /// <summary>The AccessKeys that may call <c>AssumeRole</c> and <c>GetCallerIdentity</c>. Defaults to <see cref="StandInAccount.Default"/>.</summary>
    public IList<StandInAccount> Accounts { get; set; } = [StandInAccount.Default];

    /// <summary>The account ID in every ARN the stand-in makes.</summary>
    public string AccountId { get; set; } = "1234567890123456";

    /// <summary>The OIDC tokens <c>AssumeRoleWithOIDC</c> accepts; any other is <c>AuthenticationFail.OIDCToken.Invalid</c>.</summary>
    public IList<string> OidcTokens { get; set; } = [];

    /// <summary>
    /// How long issued credentials live, whatever <c>DurationSeconds</c> asked; null (the default) for
    /// what was asked (3600 seconds when nothing was).
    /// </summary>
    public TimeSpan? CredentialLifetime { get; set; }

    /// <summary>The clock for expiry times and the timestamp window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>One request the STS stand-in received, without its secrets (the OIDC token, the signature, the security token).</summary>
/// <param name="Action">The operation.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="AccessKeyId">The AccessKey that signed it; null for an unsigned (anonymous) request.</param>
/// <param name="Signed">Whether it carried a signature (V1 <c>Signature</c> or a V3 <c>Authorization</c>).</param>
/// <param name="Parameters">Its parameters, query and form, with the secret ones left out.</param>
/// <param name="QueryParameterNames">The names of the parameters that came in the URL's query.</param>
/// <param name="Status">The status answered.</param>
/// <param name="Code">The error code answered, if any.</param>
public sealed record StsStandInRequest(
    string? Action, string Method, string? AccessKeyId, bool Signed, IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> QueryParameterNames, int Status, string? Code);

/// <summary>
/// A local stand-in of Alibaba Cloud STS (API version 2015-04-01) on loopback: <c>AssumeRole</c>
/// (signed, V1 or V3, checked like the RDS stand-in checks its requests), <c>AssumeRoleWithOIDC</c>
/// (anonymous: the OIDC token is the proof) and <c>GetCallerIdentity</c>. The credentials it issues are
/// accepted by itself at once, so that a role can be assumed with another role's credentials and
/// <c>GetCallerIdentity</c> says whose credentials signed.
/// </summary>
public sealed class StsStandIn : IAsyncDisposable
{
    private const string Version = "2015-04-01";
    private static readonly string[] Actions = ["AssumeRole", "AssumeRoleWithOIDC", "GetCallerIdentity"];
    private static readonly string[] SecretParameters = ["Signature", "SecurityToken", "OIDCToken"];

    private readonly StsStandInOptions _options;
    private readonly RequestAuthenticator _authenticator;
    private readonly TemporaryCredentialIssuer _issuer = new();
    private readonly Dictionary<string, IssuedCredential> _identities = new(StringComparer.Ordinal);
    private readonly List<StsStandInRequest> _requests = [];
    private readonly object _gate = new();
    private LoopbackHost? _host;
    private CredentialsStandInFaults _faults = CredentialsStandInFaults.None;

    private StsStandIn(StsStandInOptions options)
    {
        _options = options;
        _authenticator = new RequestAuthenticator(
            options.Accounts, options.TimeProvider, TimeSpan.FromMinutes(15), v => v == Version, (a, v) => v == Version && Actions.Contains(a));
    }

    /// <summary>Where the stand-in listens, e.g. <c>http://127.0.0.1:41234/</c>: an STS endpoint for the credential providers.</summary>
    public Uri BaseAddress => _host!.BaseAddress;

    /// <summary>The faults the next requests meet; set a new value at any time.</summary>
    public CredentialsStandInFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Every credential issued, oldest first.</summary>
    public IReadOnlyList<IssuedCredential> Issued => _issuer.Issued;

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<StsStandInRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a stand-in and waits until it listens.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    public static async Task<StsStandIn> StartAsync(StsStandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        var standIn = new StsStandIn(options ?? new StsStandInOptions());
        standIn._host = await LoopbackHost.StartAsync(standIn.HandleAsync, cancellationToken).ConfigureAwait(false);
        return standIn;
    }

    /// <summary>Accepts credentials issued elsewhere (by the metadata service stand-in, a credentials URI) from now on.</summary>
    /// <param name="issued">The credentials and whose they are.</param>
    public void Accept(IssuedCredential issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        _authenticator.AddAccount(issued.Account);
        lock (_gate)
        {
            _identities[issued.Account.AccessKeyId] = issued;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? default;

    private async Task HandleAsync(HttpContext context)
    {
        var (handled, faulted) = await CredentialsStandInFault.BeginAsync(Faults, context).ConfigureAwait(false);
        if (handled)
        {
            return;
        }

        IncomingRequest request;
        try
        {
            request = await IncomingRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or OperationCanceledException)
        {
            context.Abort();
            return;
        }

        RequestAuthenticator.TryGetFormat(request, out var format);
        var action = request.Scheme == SignatureScheme.V3 ? request.Header("x-acs-action") : request.Parameter("Action");
        StandInError? error;
        WireObject? body = null;
        string? accessKeyId = null;
        if (faulted is { StatusCode: { } status })
        {
            error = new StandInError(status, faulted.ErrorCode, "The stand-in was told to fail this request.");
        }
        else if (action == "AssumeRoleWithOIDC")
        {
            error = AssumeRoleWithOidc(request, out body);
        }
        else
        {
            error = _authenticator.Authenticate(request, out var authenticated);
            accessKeyId = authenticated?.Account.AccessKeyId;
            if (error is null)
            {
                error = authenticated!.Action == "AssumeRole" ? AssumeRole(request, out body) : CallerIdentity(authenticated.Account, out body);
            }
        }

        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        Record(request, action, accessKeyId, error);
        var answer = error is null
            ? With(body!, requestId)
            : new WireObject(
                new("RequestId", new WireText(requestId)), new("HostId", new WireText("sts.aliyuncs.com")),
                new("Code", new WireText(error.Code)), new("Message", new WireText(error.Message)));
        var bytes = WireWriter.Write(format, error is null ? action + "Response" : "Error", answer);
        context.Response.StatusCode = error?.StatusCode ?? 200;
        context.Response.ContentType = WireWriter.ContentType(format);
        context.Response.Headers["x-acs-request-id"] = requestId;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private StandInError? AssumeRoleWithOidc(IncomingRequest request, out WireObject? body)
    {
        body = null;
        foreach (var name in new[] { "Version", "Timestamp", "RoleArn", "OIDCProviderArn", "OIDCToken", "RoleSessionName" })
        {
            if (string.IsNullOrEmpty(request.Parameter(name)))
            {
                return StandInErrors.MissingParameter(name);
            }
        }

        if (request.Parameter("Version") != Version)
        {
            return StandInErrors.InvalidVersion;
        }

        if (!_options.OidcTokens.Contains(request.Parameter("OIDCToken")!))
        {
            return new StandInError(400, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is invalid.");
        }

        return Issue("AssumeRoleWithOIDC", request, out body);
    }

    private StandInError? AssumeRole(IncomingRequest request, out WireObject? body)
    {
        body = null;
        foreach (var name in new[] { "RoleArn", "RoleSessionName" })
        {
            if (string.IsNullOrEmpty(request.Parameter(name)))
            {
                return StandInErrors.MissingParameter(name);
            }
        }

        return Issue("AssumeRole", request, out body);
    }

    private StandInError? Issue(string source, IncomingRequest request, out WireObject? body)
    {
        body = null;
        var roleArn = request.Parameter("RoleArn")!;
        if (!roleArn.StartsWith("acs:ram::", StringComparison.Ordinal) || !roleArn.Contains(":role/", StringComparison.Ordinal))
        {
            return new StandInError(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
        }

        var duration = 3600L;
        if (request.Parameter("DurationSeconds") is { } text && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration < 900))
        {
            return new StandInError(400, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/1hr.");
        }

        var session = request.Parameter("RoleSessionName")!;
        var expiresAt = _options.TimeProvider.GetUtcNow() + (_options.CredentialLifetime ?? TimeSpan.FromSeconds(duration));
        var issued = _issuer.Issue(source, roleArn, session, expiresAt);
        Accept(issued);
        var role = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        body = new WireObject(
            new("AssumedRoleUser", new WireObject(
                new("Arn", new WireText("acs:ram::" + _options.AccountId + ":role/" + role + "/" + session)),
                new("AssumedRoleId", new WireText("3" + _options.AccountId + ":" + session)))),
            new("Credentials", new WireObject(
                new("AccessKeyId", new WireText(issued.Account.AccessKeyId)),
                new("AccessKeySecret", new WireText(issued.Account.AccessKeySecret)),
                new("SecurityToken", new WireText(issued.Account.SecurityToken!)),
                new("Expiration", new WireText(AlibabaTimestamp.ToWireFormat(expiresAt))))));
        return null;
    }

    private StandInError? CallerIdentity(StandInAccount account, out WireObject? body)
    {
        IssuedCredential? issued;
        lock (_gate)
        {
            _identities.TryGetValue(account.AccessKeyId, out issued);
        }

        var members = new List<KeyValuePair<string, WireNode>> { new("AccountId", new WireText(_options.AccountId)) };
        if (issued is { RoleArn: { } roleArn })
        {
            var role = roleArn[(roleArn.LastIndexOf('/') + 1)..];
            members.Add(new("IdentityType", new WireText("AssumedRoleUser")));
            members.Add(new("Arn", new WireText("acs:ram::" + _options.AccountId + ":assumed-role/" + role + "/" + issued.SessionName)));
            members.Add(new("PrincipalId", new WireText("3" + _options.AccountId + ":" + issued.SessionName)));
            members.Add(new("RoleId", new WireText("3" + _options.AccountId)));
        }
        else
        {
            members.Add(new("IdentityType", new WireText("RAMUser")));
            members.Add(new("Arn", new WireText("acs:ram::" + _options.AccountId + ":user/" + account.AccessKeyId)));
            members.Add(new("PrincipalId", new WireText("2" + _options.AccountId)));
            members.Add(new("UserId", new WireText("2" + _options.AccountId)));
        }

        body = new WireObject(members);
        return null;
    }

    private static WireObject With(WireObject body, string requestId) =>
        new([new("RequestId", new WireText(requestId)), .. body.Members]);

    private void Record(IncomingRequest request, string? action, string? accessKeyId, StandInError? error)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters)
        {
            if (!SecretParameters.Contains(name))
            {
                parameters.TryAdd(name, value);
            }
            else if (name == "OIDCToken")
            {
                // Whether it came, not what it was.
                parameters.TryAdd(name, "***");
            }
        }

        var signed = request.Parameter("Signature") is not null || request.Header("Authorization") is not null;
        var record = new StsStandInRequest(
            action, request.Method, accessKeyId ?? request.Parameter("AccessKeyId"), signed, parameters,
            [.. request.QueryParameters.Select(static p => p.Key)], error?.StatusCode ?? 200, error?.Code);
        lock (_gate)
        {
            _requests.Add(record);
        }
    }
}
