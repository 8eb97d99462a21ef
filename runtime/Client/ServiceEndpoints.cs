using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// A service's hosts, from its spec: a default host, regional and VPC host templates holding
/// <c>{regionId}</c>, and a map from region to host that wins over the templates. The generated
/// client passes its own to <see cref="AlibabaCloudRpcClient"/>.
/// </summary>
public sealed class ServiceEndpoints
{
    private const string RegionPlaceholder = "{regionId}";

    private static readonly IReadOnlyDictionary<string, string> NoRegions = new Dictionary<string, string>();

    /// <summary>Creates the set without a region map; any of the three may be null.</summary>
    /// <param name="defaultHost">The host used without a region, for example <c>rds.aliyuncs.com</c>.</param>
    /// <param name="regionalTemplate">For example <c>rds.{regionId}.aliyuncs.com</c>.</param>
    /// <param name="vpcTemplate">For example <c>rds-vpc.{regionId}.aliyuncs.com</c>.</param>
    public ServiceEndpoints(string? defaultHost, string? regionalTemplate, string? vpcTemplate)
        : this(defaultHost, regionalTemplate, vpcTemplate, null)
    {
    }

    /// <summary>Creates the set; any of the four may be null.</summary>
    /// <param name="defaultHost">The host used without a region, for example <c>rds.aliyuncs.com</c>.</param>
    /// <param name="regionalTemplate">For example <c>rds.{regionId}.aliyuncs.com</c>.</param>
    /// <param name="vpcTemplate">For example <c>rds-vpc.{regionId}.aliyuncs.com</c>.</param>
    /// <param name="regions">
    /// Hosts by region ID (the official SDK's <c>@endpointMap</c>, from <c>api-info.json</c>), for
    /// example <c>cn-hangzhou</c> → <c>rds.aliyuncs.com</c>: used before the templates, for every network.
    /// </param>
    /// <exception cref="ArgumentException">A region ID or a host of <paramref name="regions"/> is malformed.</exception>
    public ServiceEndpoints(string? defaultHost, string? regionalTemplate, string? vpcTemplate, IReadOnlyDictionary<string, string>? regions)
    {
        DefaultHost = defaultHost;
        RegionalTemplate = regionalTemplate;
        VpcTemplate = vpcTemplate;
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in regions ?? NoRegions)
        {
            CheckRegion(entry.Key, nameof(regions));
            if (Uri.CheckHostName(entry.Value) != UriHostNameType.Dns)
            {
                throw new ArgumentException("The host '" + entry.Value + "' of region " + entry.Key + " is not a host name.", nameof(regions));
            }

            copy.Add(entry.Key, entry.Value);
        }

        Regions = copy;
    }

    /// <summary>The host used without a region, or when the service has no regional template.</summary>
    public string? DefaultHost { get; }

    /// <summary>The regional host template, holding <c>{regionId}</c>.</summary>
    public string? RegionalTemplate { get; }

    /// <summary>The VPC host template, holding <c>{regionId}</c>.</summary>
    public string? VpcTemplate { get; }

    /// <summary>Hosts by region ID, used before the templates whatever the network (as the official SDK does).</summary>
    public IReadOnlyDictionary<string, string> Regions { get; }

    /// <summary>
    /// Picks the address for the options as the official SDK's <c>getEndpoint</c> does:
    /// <see cref="AlibabaCloudClientOptions.Endpoint"/> when set; else, with a region, its host in
    /// <see cref="Regions"/> (even when <see cref="AlibabaCloudClientOptions.UseVpcEndpoint"/> is set: the
    /// official SDK sends <c>cn-hangzhou</c> on the VPC network to <c>rds.aliyuncs.com</c> too), else the
    /// VPC template (when asked for) or the regional one, falling back to the default host; without a
    /// region, the default host (where the official SDK refuses). Hosts are reached over <c>https</c>.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <returns>An absolute URL ending in <c>/</c>.</returns>
    /// <exception cref="ArgumentException">
    /// The endpoint or the region is malformed, or nothing fits (no host for the choice made).
    /// </exception>
    public Uri Resolve(AlibabaCloudClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Endpoint is { } endpoint)
        {
            return CheckEndpoint(endpoint);
        }

        var region = options.RegionId;
        string? host;
        if (string.IsNullOrEmpty(region))
        {
            if (options.UseVpcEndpoint)
            {
                throw new ArgumentException("UseVpcEndpoint needs a RegionId.", nameof(options));
            }

            host = DefaultHost;
        }
        else
        {
            CheckRegion(region!, nameof(AlibabaCloudClientOptions.RegionId));
            if (Regions.TryGetValue(region!, out var mapped))
            {
                host = mapped;
            }
            else if (options.UseVpcEndpoint)
            {
                host = VpcTemplate?.Replace(RegionPlaceholder, region)
                    ?? throw new ArgumentException("The service has no VPC endpoint; set Endpoint instead.", nameof(options));
            }
            else
            {
                host = RegionalTemplate?.Replace(RegionPlaceholder, region) ?? DefaultHost;
            }
        }

        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException("The service has no default host: set RegionId or Endpoint.", nameof(options));
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new ArgumentException("The host '" + host + "' is not a valid host name.", nameof(options));
        }

        return new Uri("https://" + host + "/", UriKind.Absolute);
    }

    private static Uri CheckEndpoint(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https URL.", nameof(AlibabaCloudClientOptions.Endpoint));
        }

        if ((endpoint.AbsolutePath.Length > 0 && endpoint.AbsolutePath != "/") || endpoint.Query.Length > 0
            || endpoint.Fragment.Length > 0 || endpoint.UserInfo.Length > 0)
        {
            throw new ArgumentException(
                "The endpoint must be a scheme, a host and a port only: every RPC call goes to '/'.",
                nameof(AlibabaCloudClientOptions.Endpoint));
        }

        return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
    }

    private static void CheckRegion(string region, string parameterName)
    {
        if (region.Length == 0)
        {
            throw new ArgumentException("A region ID cannot be empty.", parameterName);
        }

        // A region goes into a host name: letters, digits and hyphens only keep it from naming another host.
        foreach (var c in region)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                throw new ArgumentException(
                    "A region ID must consist of lower-case letters, digits and hyphens, like cn-hangzhou.",
                    parameterName);
            }
        }
    }
}
