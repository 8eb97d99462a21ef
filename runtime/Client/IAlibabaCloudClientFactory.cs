using System;
using Microsoft.Extensions.DependencyInjection;

namespace Bindings.Client;

/// <summary>
/// Hands out the named clients of one type that <c>services.AddRdsClient("tokyo", ...)</c> registered
/// (the model is the Azure SDK's <c>IAzureClientFactory&lt;TClient&gt;</c>): one per region or account.
/// </summary>
/// <typeparam name="TClient">The client or its interface, e.g. <c>IRdsClient</c>.</typeparam>
public interface IAlibabaCloudClientFactory<TClient>
    where TClient : class
{
    /// <summary>Creates the client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name it was registered with.</param>
    /// <returns>The client (a new instance over a pooled <c>HttpClient</c> handler).</returns>
    /// <exception cref="InvalidOperationException">No client of this type has that name.</exception>
    TClient CreateClient(string name);
}

/// <summary>The container's keyed registrations, behind <see cref="IAlibabaCloudClientFactory{TClient}"/>.</summary>
internal sealed class AlibabaCloudClientFactory<TClient> : IAlibabaCloudClientFactory<TClient>
    where TClient : class
{
    private readonly IServiceProvider _provider;

    public AlibabaCloudClientFactory(IServiceProvider provider) => _provider = provider;

    public TClient CreateClient(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return _provider.GetKeyedService<TClient>(name) ?? throw new InvalidOperationException(
            "No " + typeof(TClient).Name + " is registered under the name '" + name + "': register it with the generated Add...Client(name, ...).");
    }
}
