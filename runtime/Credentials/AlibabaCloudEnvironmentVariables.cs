namespace Bindings.Credentials;

/// <summary>
/// The environment variables the credential chain reads: Alibaba's, with the names and meanings of
/// its credentials libraries (aliyun/credentials-python alibabacloud_credentials/utils/auth_util.py at
/// 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84, credentials-go credentials/providers, credentials-nodejs
/// src/providers), and two of this project's own for pointing the chain at stand-ins.
/// </summary>
public static class AlibabaCloudEnvironmentVariables
{
    /// <summary>The AccessKey ID.</summary>
    public const string AccessKeyId = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The AccessKey secret.</summary>
    public const string AccessKeySecret = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The STS security token that goes with a temporary AccessKey pair.</summary>
    public const string SecurityToken = "ALIBABA_CLOUD_SECURITY_TOKEN";

    /// <summary>The ARN of the RAM role to assume (OIDC federation; also the default of <see cref="RamRoleArnCredentialsProvider"/>).</summary>
    public const string RoleArn = "ALIBABA_CLOUD_ROLE_ARN";

    /// <summary>The ARN of the OIDC identity provider.</summary>
    public const string OidcProviderArn = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";

    /// <summary>The file that holds the OIDC token (ACK's RRSA mounts it and rotates it).</summary>
    public const string OidcTokenFile = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";

    /// <summary>The role session name for STS.</summary>
    public const string RoleSessionName = "ALIBABA_CLOUD_ROLE_SESSION_NAME";

    /// <summary>The region whose STS endpoint to use (<c>sts.{region}.aliyuncs.com</c>).</summary>
    public const string StsRegion = "ALIBABA_CLOUD_STS_REGION";

    /// <summary><c>true</c> to use the STS VPC endpoint (<c>sts-vpc.{region}.aliyuncs.com</c>).</summary>
    public const string VpcEndpointEnabled = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

    /// <summary>The profile to use, in <c>~/.aliyun/config.json</c> and <c>~/.alibabacloud/credentials.ini</c>.</summary>
    public const string Profile = "ALIBABA_CLOUD_PROFILE";

    /// <summary>Another path for the <c>aliyun</c> CLI's <c>config.json</c> (credentials-go reads it).</summary>
    public const string ConfigFile = "ALIBABA_CLOUD_CONFIG_FILE";

    /// <summary><c>true</c> to skip the <c>aliyun</c> CLI's <c>config.json</c>.</summary>
    public const string CliProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

    /// <summary>Another path for <c>credentials.ini</c>.</summary>
    public const string CredentialsFile = "ALIBABA_CLOUD_CREDENTIALS_FILE";

    /// <summary>The name of the ECS instance's RAM role; when unset, the metadata service is asked for it.</summary>
    public const string EcsMetadata = "ALIBABA_CLOUD_ECS_METADATA";

    /// <summary><c>true</c> to skip the ECS metadata service.</summary>
    public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";

    /// <summary><c>true</c> to refuse the metadata service's version 1 (requests without a session token).</summary>
    public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";

    /// <summary>A URL that answers with temporary credentials.</summary>
    public const string CredentialsUri = "ALIBABA_CLOUD_CREDENTIALS_URI";

    /// <summary>
    /// This project's, not Alibaba's: another address for the ECS metadata service than
    /// <c>http://100.100.100.200</c>, for a stand-in (tests, local development).
    /// </summary>
    public const string MetadataServiceEndpoint = "BINDINGS_ECS_METADATA_ENDPOINT";

    /// <summary>
    /// This project's, not Alibaba's: a full STS endpoint URL (<c>http://127.0.0.1:5000</c>) for a
    /// stand-in, winning over <see cref="StsRegion"/> and <see cref="VpcEndpointEnabled"/>.
    /// </summary>
    public const string StsEndpoint = "BINDINGS_STS_ENDPOINT";
}
