using System;

namespace Bindings.Credentials;

/// <summary>Where the providers send: checked endpoints, and the STS host as Alibaba's libraries pick it.</summary>
internal static class CredentialsEndpoints
{
    /// <summary>An absolute http(s) URL reduced to its scheme, host and port, ending in <c>/</c>.</summary>
    public static Uri Base(Uri endpoint, string name)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            || endpoint.UserInfo.Length > 0)
        {
            throw new ArgumentException(name + " must be an absolute http or https URL without user information.", name);
        }

        return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
    }

    /// <summary>An endpoint from an environment variable, or null when it is unset.</summary>
    /// <exception cref="AlibabaCloudCredentialsException">The variable is set to something that is not an http(s) URL.</exception>
    public static Uri? FromVariable(CredentialsProviderOptions options, string variable)
    {
        if (options.Variable(variable) is not { } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AlibabaCloudCredentialsException(variable + " is not an absolute http or https URL.");
    }

    /// <summary>
    /// The STS endpoint, as Alibaba's credentials libraries choose it (credentials-python
    /// provider/ram_role_arn.py and oidc.py, credentials-go providers/oidc.go): an explicit endpoint;
    /// else <c>sts.{region}.aliyuncs.com</c> (<c>sts-vpc.</c> inside a VPC) for the configured region or
    /// <c>ALIBABA_CLOUD_STS_REGION</c>; else <c>sts.aliyuncs.com</c>. <c>BINDINGS_STS_ENDPOINT</c> (this
    /// project's) wins over the region.
    /// </summary>
    public static Uri Sts(CredentialsProviderOptions options, Uri? endpoint, string? regionId, bool? useVpcEndpoint)
    {
        if ((endpoint ?? FromVariable(options, AlibabaCloudEnvironmentVariables.StsEndpoint)) is { } explicitEndpoint)
        {
            return Base(explicitEndpoint, "StsEndpoint");
        }

        var region = string.IsNullOrWhiteSpace(regionId) ? options.Variable(AlibabaCloudEnvironmentVariables.StsRegion) : regionId!.Trim();
        // The spec's hosts (specs/sts): sts.aliyuncs.com, sts.{regionId}.aliyuncs.com, sts-vpc.{regionId}.aliyuncs.com.
        return global::Bindings.Credentials.Sts.StsClient.Endpoints.Resolve(new Client.AlibabaCloudClientOptions
        {
            RegionId = region,
            UseVpcEndpoint = region is not null && (useVpcEndpoint ?? options.IsTrue(AlibabaCloudEnvironmentVariables.VpcEndpointEnabled)),
        });
    }
}
