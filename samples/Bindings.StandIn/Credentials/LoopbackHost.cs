using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bindings.StandIn.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bindings.StandIn.Credentials;

/// <summary>A Kestrel server on a loopback address that hands every request to one delegate: what every stand-in runs on.</summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static Task<LoopbackHost> StartAsync(RequestDelegate handle, CancellationToken cancellationToken) =>
        StartAsync(handle, IPAddress.Loopback, 0, cancellationToken);

    // port: 0 for a free one, read back from BaseAddress.
    public static async Task<LoopbackHost> StartAsync(RequestDelegate handle, IPAddress address, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoopbackHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = IncomingRequest.MaxBodyBytes;
            kestrel.Listen(address, port);
        });
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port
            .ToString(CultureInfo.InvariantCulture);
        return new LoopbackHost(app, new Uri(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "http://[" + address + "]:" + bound + "/"
            : "http://" + address + ":" + bound + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections still open are dropped by DisposeAsync.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
