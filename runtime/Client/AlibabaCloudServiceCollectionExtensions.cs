using System;
using System.Net.Http;
using Bindings.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Alibaba Cloud clients with dependency injection and <c>IHttpClientFactory</c>.</summary>
public static class AlibabaCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed <see cref="HttpClient"/> client, with its own
    /// named <see cref="AlibabaCloudClientOptions"/>. The client is built by <paramref name="create"/>,
    /// not by reflection, so this works with trimming and native AOT. Generated clients have a shortcut
    /// (<c>services.AddRdsClient(...)</c>) that calls this.
    /// </summary>
    /// <typeparam name="TClient">The client type, e.g. <c>RdsClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">
    /// The name of the <c>HttpClient</c> and of the options (configure them further with
    /// <c>services.Configure&lt;AlibabaCloudClientOptions&gt;(name, ...)</c>).
    /// </param>
    /// <param name="create">Builds the client from the <c>HttpClient</c> and the options, e.g. <c>(http, o) =&gt; new RdsClient(http, o)</c>.</param>
    /// <param name="configure">Sets the options; may be null.</param>
    /// <returns>The <c>HttpClient</c> builder, to add handlers or configure the primary handler.</returns>
    /// <remarks>
    /// The primary handler does not follow redirects (a redirect is an error that shows its <c>Location</c>);
    /// a handler configured in its place should not either. The <c>HttpClient</c>'s own timeout is turned off: <see cref="AlibabaCloudClientOptions.AttemptTimeout"/>
    /// and <see cref="AlibabaCloudClientOptions.Timeout"/> rule. Unless the options name a logger factory,
    /// the container's <see cref="ILoggerFactory"/> is used. The client should not be wrapped in another
    /// retry handler: it retries itself, and only what is safe to repeat.
    /// </remarks>
    public static IHttpClientBuilder AddAlibabaCloudClient<TClient>(
        this IServiceCollection services,
        string name,
        Func<HttpClient, AlibabaCloudClientOptions, TClient> create,
        Action<AlibabaCloudClientOptions>? configure = null)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The name must not be empty.", nameof(name));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        var options = services.AddOptions<AlibabaCloudClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>(static (o, provider) =>
        {
            if (o.LoggerFactory is null)
            {
                o.LoggerFactory = provider.GetService<ILoggerFactory>();
            }
        });

        return services
            .AddHttpClient(name)
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // Alibaba Cloud RPC endpoints do not redirect: following one would send the signed request, its
            // token and signature, to whatever a Location header names.
            .ConfigurePrimaryHttpMessageHandler(static () => new HttpClientHandler { AllowAutoRedirect = false })
            .AddTypedClient<TClient>((httpClient, provider) =>
                create(httpClient, provider.GetRequiredService<IOptionsMonitor<AlibabaCloudClientOptions>>().Get(name)));
    }
}
