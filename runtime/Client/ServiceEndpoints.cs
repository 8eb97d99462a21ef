using System;

namespace Bindings.Client;

/// <summary>
/// A service's hosts, from its spec: a default host, and regional and VPC host templates holding
/// <c>{regionId}</c>. The generated client passes its own to <see cref="AlibabaCloudRpcClient"/>.
/// </summary>
public sealed class ServiceEndpoints
{
    private const string RegionPlaceholder = "{regionId}";

    /// <summary>Creates the set; any of the three may be null.</summary>
    /// <param name="defaultHost">The host used without a region, for example <c>rds.aliyuncs.com</c>.</param>
    /// <param name="regionalTemplate">For example <c>rds.{regionId}.aliyuncs.com</c>.</param>
    /// <param name="vpcTemplate">For example <c>rds-vpc.{regionId}.aliyuncs.com</c>.</param>
    public ServiceEndpoints(string? defaultHost, string? regionalTemplate, string? vpcTemplate)
    {
        DefaultHost = defaultHost;
        RegionalTemplate = regionalTemplate;
        VpcTemplate = vpcTemplate;
    }

    /// <summary>The host used without a region, or when the service has no regional template.</summary>
    public string? DefaultHost { get; }

    /// <summary>The regional host template, holding <c>{regionId}</c>.</summary>
    public string? RegionalTemplate { get; }

    /// <summary>The VPC host template, holding <c>{regionId}</c>.</summary>
    public string? VpcTemplate { get; }

    /// <summary>
    /// Picks the address for the options: <see cref="AlibabaCloudClientOptions.Endpoint"/> when set;
    /// else, with a region, the VPC template (when asked for) or the regional one, falling back to the
    /// default host; else the default host. Hosts are reached over <c>https</c>.
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
            CheckRegion(region!);
            if (options.UseVpcEndpoint)
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

    private static void CheckRegion(string region)
    {
        // A region goes into a host name: letters, digits and hyphens only keep it from naming another host.
        foreach (var c in region)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                throw new ArgumentException(
                    "The RegionId must consist of lower-case letters, digits and hyphens, like cn-hangzhou.",
                    nameof(AlibabaCloudClientOptions.RegionId));
            }
        }
    }
}
