using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bindings.StandIn.Credentials;

/// <summary>Everything <see cref="CredentialsUriStandIn.StartAsync"/> needs; every property has a usable default.</summary>
public sealed class CredentialsUriStandInOptions
{
    /// <summary>How long the credentials it hands out live. Default one hour.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The clock for expiry times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told of every credential handed out (pass <see cref="StsStandIn.Accept"/> to let them call STS).</summary>
    public Action<IssuedCredential>? OnIssued { get; set; }
}

/// <summary>
/// A local credentials URI (the <c>ALIBABA_CLOUD_CREDENTIALS_URI</c> of Alibaba's credentials libraries):
/// every <c>GET</c> answers <c>{"Code":"Success","AccessKeyId":...,"Expiration":...}</c> with new credentials.
/// </summary>
public sealed class CredentialsUriStandIn : IAsyncDisposable
{
    private readonly CredentialsUriStandInOptions _options;
    private readonly TemporaryCredentialIssuer _issuer = new();
    private LoopbackHost? _host;
    private CredentialsStandInFaults _faults = CredentialsStandInFaults.None;
    private int _requests;

    private CredentialsUriStandIn(CredentialsUriStandInOptions options) => _options = options;

    /// <summary>The URI to hand out, e.g. <c>http://127.0.0.1:41234/credentials</c>.</summary>
    public Uri CredentialsUri => new(_host!.BaseAddress, "credentials");

    /// <summary>The faults the next requests meet; set a new value at any time.</summary>
    public CredentialsStandInFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Every credential handed out, oldest first.</summary>
    public IReadOnlyList<IssuedCredential> Issued => _issuer.Issued;

    /// <summary>How many requests came.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a stand-in and waits until it listens.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stand-in; dispose it to stop it.</returns>
    public static async Task<CredentialsUriStandIn> StartAsync(CredentialsUriStandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        var standIn = new CredentialsUriStandIn(options ?? new CredentialsUriStandInOptions());
        standIn._host = await LoopbackHost.StartAsync(standIn.HandleAsync, cancellationToken).ConfigureAwait(false);
        return standIn;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? default;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (await CredentialsStandInFault.ApplyAsync(Faults, context).ConfigureAwait(false))
        {
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await CredentialsStandInFault.WriteAsync(context, 405, "text/plain", "Method Not Allowed").ConfigureAwait(false);
            return;
        }

        var now = _options.TimeProvider.GetUtcNow();
        var issued = _issuer.Issue("Uri", "acs:ram::1234567890123456:role/StandInUriRole", "credentials-uri", now + _options.CredentialLifetime);
        _options.OnIssued?.Invoke(issued);
        await CredentialsStandInFault.WriteAsync(context, 200, "application/json", CredentialsStandInFault.CredentialsJson(issued, now)).ConfigureAwait(false);
    }
}
