using Bindings.Credentials;
using Bindings.Signing;

namespace Bindings.Cli;

/// <summary>
/// Where the program's credentials come from: the default chain of Alibaba's credentials libraries
/// over the program's environment (environment variables, OIDC role federation, the aliyun CLI's
/// profile, ~/.alibabacloud/credentials.ini, the ECS instance's RAM role, a credentials URI).
/// </summary>
internal static class CredentialSources
{
    /// <summary>
    /// The chain, once it has found credentials; null when no source is set up (the commands then run
    /// against a stand-in). A source that is set up but fails throws its <see cref="AlibabaCloudCredentialsException"/>.
    /// </summary>
    public static async Task<(IAlibabaCloudCredentialsProvider Provider, AlibabaCloudCredentials Credentials)?> ResolveAsync(
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var chain = new DefaultCredentialsProvider(new DefaultCredentialsProviderOptions
        {
            EnvironmentVariables = environment,
            ExcludeEcsRamRole = !MayBeEcsInstance(environment),
        });
        try
        {
            return (chain, await chain.GetCredentialsAsync(cancellationToken));
        }
        catch (AlibabaCloudCredentialsUnavailableException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether to ask the ECS metadata service. The library's chain always does, as Alibaba's libraries
    /// do; this program, which falls back to a local stand-in, asks only where an answer can come: when
    /// <c>ALIBABA_CLOUD_ECS_METADATA</c> names the role or <c>BINDINGS_ECS_METADATA_ENDPOINT</c> names a
    /// metadata service, or when the machine says it is an Alibaba Cloud instance (its DMI vendor).
    /// Elsewhere it neither waits for the link-local address nor sends anything to it.
    /// </summary>
    private static bool MayBeEcsInstance(Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(environment(AlibabaCloudEnvironmentVariables.EcsMetadata))
            || !string.IsNullOrWhiteSpace(environment(AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint)))
        {
            return true;
        }

        try
        {
            return File.Exists(DmiVendor) && File.ReadAllText(DmiVendor).Contains("Alibaba", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private const string DmiVendor = "/sys/class/dmi/id/sys_vendor";
}
