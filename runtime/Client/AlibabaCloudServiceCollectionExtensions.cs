using System;
using System.Net.Http;
using Bindings.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Alibaba Cloud clients with dependency injection and <c>IHttpClientFactory</c>.</summary>
public static class AlibabaCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed <see cref="HttpClient"/> client, with its own
    /// named <see cref="AlibabaCloudClientOptions"/>. The client is built by <paramref name="create"/>,
    /// not by reflection, so this works with trimming and native AOT. Generated clients have shortcuts
    /// (<c>services.AddRdsClient(...)</c>) that register their interface too and check the options at start-up.
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
        Action<AlibabaCloudClientOptions>? configure)
        where TClient : class
    {
        CheckArguments(services, name, create);
        AddOptions(services, name, configure);
        return AddHttpClient(services, name)
            .AddTypedClient<TClient>((httpClient, provider) => create(httpClient, Options(provider, name)));
    }

    /// <summary>
    /// Registers a generated client and its interface: without a <paramref name="name"/> as typed
    /// <c>HttpClient</c> clients (inject <typeparamref name="TInterface"/> or <typeparamref name="TClient"/>);
    /// with one as keyed services (<c>[FromKeyedServices("tokyo")] IRdsClient</c>) and through
    /// <see cref="IAlibabaCloudClientFactory{TClient}"/>, so that several regions or accounts live in one
    /// container. The options are checked when the host starts (<c>ValidateOnStart</c>): a bad region,
    /// endpoint or timeout fails the start, not the first call.
    /// </summary>
    /// <typeparam name="TInterface">The client's interface, e.g. <c>IRdsClient</c>.</typeparam>
    /// <typeparam name="TClient">The client, e.g. <c>RdsClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="clientName">The client's full type name (<c>Bindings.Rds.RdsClient</c>): the name of its default options.</param>
    /// <param name="name">The client's name, or null for the default client. Its options and <c>HttpClient</c> are named <c>{clientName}:{name}</c>.</param>
    /// <param name="endpoints">The service's hosts, to check the options' region and endpoint at start-up.</param>
    /// <param name="create">Builds the client.</param>
    /// <param name="configure">Sets the options; may be null.</param>
    /// <returns>The <c>HttpClient</c> builder, to add handlers or configure the primary handler.</returns>
    /// <remarks>The primary handler does not follow redirects, as for <see cref="AddAlibabaCloudClient{TClient}"/>.</remarks>
    public static IHttpClientBuilder AddAlibabaCloudClient<TInterface, TClient>(
        this IServiceCollection services,
        string clientName,
        string? name,
        ServiceEndpoints endpoints,
        Func<HttpClient, AlibabaCloudClientOptions, TClient> create,
        Action<AlibabaCloudClientOptions>? configure)
        where TInterface : class
        where TClient : class, TInterface
    {
        CheckArguments(services, clientName, create);
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        if (name is not null && name.Length == 0)
        {
            throw new ArgumentException("The name must not be empty; pass null for the default client.", nameof(name));
        }

        var optionsName = name is null ? clientName : clientName + ":" + name;
        AddOptions(services, optionsName, configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlibabaCloudClientOptions>>(new AlibabaCloudClientOptionsValidator(optionsName, endpoints));
        var builder = AddHttpClient(services, optionsName);
        if (name is null)
        {
            builder.AddTypedClient<TClient>((httpClient, provider) => create(httpClient, Options(provider, optionsName)));
            services.AddTransient<TInterface>(static provider => provider.GetRequiredService<TClient>());
            return builder;
        }

        services.AddKeyedTransient<TClient>(name, (provider, _) =>
            create(provider.GetRequiredService<IHttpClientFactory>().CreateClient(optionsName), Options(provider, optionsName)));
        services.AddKeyedTransient<TInterface>(name, static (provider, key) => provider.GetRequiredKeyedService<TClient>(key));
        services.TryAddSingleton<IAlibabaCloudClientFactory<TInterface>, AlibabaCloudClientFactory<TInterface>>();
        services.TryAddSingleton<IAlibabaCloudClientFactory<TClient>, AlibabaCloudClientFactory<TClient>>();
        return builder;
    }

    /// <summary>
    /// Registers a named generated client whose options are read from configuration (an
    /// <c>appsettings.json</c> section), by a reader that needs no reflection: unknown keys and values
    /// that do not parse are reported, with their configuration path, when the host starts.
    /// </summary>
    /// <typeparam name="TInterface">The client's interface, e.g. <c>IRdsClient</c>.</typeparam>
    /// <typeparam name="TClient">The client, e.g. <c>RdsClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="clientName">The client's full type name.</param>
    /// <param name="name">The client's name, or null for the default client.</param>
    /// <param name="endpoints">The service's hosts.</param>
    /// <param name="create">Builds the client.</param>
    /// <param name="configuration">The section; its keys are listed at <see cref="AlibabaCloudClientOptionsBinder"/>.</param>
    /// <returns>The <c>HttpClient</c> builder.</returns>
    public static IHttpClientBuilder AddAlibabaCloudClient<TInterface, TClient>(
        this IServiceCollection services,
        string clientName,
        string? name,
        ServiceEndpoints endpoints,
        Func<HttpClient, AlibabaCloudClientOptions, TClient> create,
        IConfiguration configuration)
        where TInterface : class
        where TClient : class, TInterface
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddAlibabaCloudClient<TInterface, TClient>(
            clientName, name, endpoints, create, options => AlibabaCloudClientOptionsBinder.Bind(configuration, options));
    }

    private static void CheckArguments(IServiceCollection services, string name, Delegate create)
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
    }

    private static OptionsBuilder<AlibabaCloudClientOptions> AddOptions(IServiceCollection services, string name, Action<AlibabaCloudClientOptions>? configure)
    {
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
        return options;
    }

    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string name) =>
        services
            .AddHttpClient(name)
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // Alibaba Cloud RPC endpoints do not redirect: following one would send the signed request, its
            // token and signature, to whatever a Location header names.
            .ConfigurePrimaryHttpMessageHandler(static () => new HttpClientHandler { AllowAutoRedirect = false });

    private static AlibabaCloudClientOptions Options(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<AlibabaCloudClientOptions>>().Get(name);
}
