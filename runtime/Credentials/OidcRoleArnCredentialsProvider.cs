using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Credentials.Sts;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="OidcRoleArnCredentialsProvider"/>.</summary>
public sealed class OidcRoleArnCredentialsProviderOptions : StsCredentialsProviderOptions
{
    /// <summary>The ARN of the OIDC identity provider. Null for <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>.</summary>
    public string? OidcProviderArn { get; set; }

    /// <summary>The file that holds the OIDC token, read again at every refresh. Null for <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>.</summary>
    public string? OidcTokenFile { get; set; }
}

/// <summary>
/// OIDC role ARN federation: the credentials of a RAM role whose trusted entity is an OIDC identity
/// provider, from STS <c>AssumeRoleWithOIDC</c> with a token read from a file. This is RRSA on ACK,
/// which sets <c>ALIBABA_CLOUD_ROLE_ARN</c>, <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c> and
/// <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c> in the pod and rotates the token file.
/// </summary>
/// <remarks>
/// <c>AssumeRoleWithOIDC</c> is anonymous: the token is the proof, nothing is signed (Alibaba's
/// sts-20150401 main.tea, <c>authType: 'Anonymous'</c>; credentials-go providers/oidc.go sends the
/// parameters in a form body). The token file is read at every refresh, since the token rotates; it
/// never reaches a log or a message.
/// </remarks>
public sealed class OidcRoleArnCredentialsProvider : StsCredentialsProvider
{
    private const int MaxTokenBytes = 64 * 1024;

    /// <summary>Creates the provider from the environment (RRSA's variables); nothing is sent until credentials are asked for.</summary>
    /// <exception cref="AlibabaCloudCredentialsUnavailableException">A variable is missing.</exception>
    public OidcRoleArnCredentialsProvider()
        : this(new OidcRoleArnCredentialsProviderOptions())
    {
    }

    /// <summary>Creates the provider; nothing is sent until credentials are asked for.</summary>
    /// <param name="options">The options; what they leave null comes from the environment.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="AlibabaCloudCredentialsUnavailableException">The role, the provider or the token file is set nowhere.</exception>
    public OidcRoleArnCredentialsProvider(OidcRoleArnCredentialsProviderOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)), signer: null)
    {
        OidcProviderArn = options.OidcProviderArn ?? options.Variable(AlibabaCloudEnvironmentVariables.OidcProviderArn)
            ?? throw new AlibabaCloudCredentialsUnavailableException(
                "No OIDC identity provider: set OidcProviderArn or " + AlibabaCloudEnvironmentVariables.OidcProviderArn + ".");
        OidcTokenFile = options.OidcTokenFile ?? options.Variable(AlibabaCloudEnvironmentVariables.OidcTokenFile)
            ?? throw new AlibabaCloudCredentialsUnavailableException(
                "No OIDC token file: set OidcTokenFile or " + AlibabaCloudEnvironmentVariables.OidcTokenFile + ".");
    }

    /// <summary>The ARN of the OIDC identity provider.</summary>
    public string OidcProviderArn { get; }

    /// <summary>The file the token is read from.</summary>
    public string OidcTokenFile { get; }

    /// <inheritdoc />
    public override string Name => ProviderNames.OidcRoleArn;

    /// <inheritdoc />
    protected override async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var request = new AssumeRoleWithOIDCRequest
        {
            RoleArn = RoleArn,
            OIDCProviderArn = OidcProviderArn,
            OIDCToken = await ReadTokenAsync(cancellationToken).ConfigureAwait(false),
            RoleSessionName = RoleSessionName,
            DurationSeconds = DurationSeconds,
            Policy = Policy,
        };
        var response = await CallAsync("AssumeRoleWithOIDC", token => Client.AssumeRoleWithOIDCAsync(request, token), cancellationToken)
            .ConfigureAwait(false);
        return FromResponse("AssumeRoleWithOIDC", response.Credentials);
    }

    private async Task<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        var bytes = await CredentialFiles.ReadAsync(
            OidcTokenFile, Name + ": the OIDC token file", MaxTokenBytes, missingIsUnavailable: false, cancellationToken).ConfigureAwait(false);
        var token = Encoding.UTF8.GetString(bytes).Trim();
        return token.Length > 0
            ? token
            : throw new AlibabaCloudCredentialsException(Name + ": the OIDC token file " + OidcTokenFile + " is empty.");
    }
}
