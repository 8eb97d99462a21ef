namespace Bindings.Credentials;

/// <summary>
/// The names of the sources, as Alibaba's credentials libraries give them (<c>get_provider_name</c>
/// in aliyun/credentials-python, <c>getProviderName</c> in credentials-nodejs): the chain's log line
/// and <see cref="Signing.AlibabaCloudCredentials.ProviderName"/> use them, joined with <c>/</c> for a
/// source behind another (<c>cli_profile/ram_role_arn</c>).
/// </summary>
public static class ProviderNames
{
    /// <summary>Credentials given to the client or provider as they are.</summary>
    public const string Static = "static";

    /// <summary><c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> and the other environment variables.</summary>
    public const string Environment = "env";

    /// <summary>OIDC role ARN federation (STS <c>AssumeRoleWithOIDC</c>).</summary>
    public const string OidcRoleArn = "oidc_role_arn";

    /// <summary>A RAM role assumed with other credentials (STS <c>AssumeRole</c>).</summary>
    public const string RamRoleArn = "ram_role_arn";

    /// <summary>The <c>aliyun</c> command-line program's <c>~/.aliyun/config.json</c>.</summary>
    public const string CliProfile = "cli_profile";

    /// <summary>The credentials file <c>~/.alibabacloud/credentials.ini</c>.</summary>
    public const string Profile = "profile";

    /// <summary>The ECS instance's RAM role, from the metadata service.</summary>
    public const string EcsRamRole = "ecs_ram_role";

    /// <summary>A credentials URI (<c>ALIBABA_CLOUD_CREDENTIALS_URI</c>).</summary>
    public const string CredentialsUri = "credential_uri";

    /// <summary>The default chain, in front of the source it chose (<c>default/env</c>).</summary>
    public const string Default = "default";
}
