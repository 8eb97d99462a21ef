using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Client;
using Bindings.Credentials.Sts;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>What the providers that assume a RAM role through STS share.</summary>
public abstract class StsCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>The default <see cref="DurationSeconds"/>: 3600, as Alibaba's libraries ask.</summary>
    public const int DefaultDurationSeconds = 3600;

    /// <summary>The ARN of the RAM role to assume, <c>acs:ram::{account}:role/{name}</c>. Null for <c>ALIBABA_CLOUD_ROLE_ARN</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>
    /// The role session name, shown in ActionTrail (2 to 64 letters, digits and <c>. @ - _</c>). Null for
    /// <c>ALIBABA_CLOUD_ROLE_SESSION_NAME</c>, else <c>bindings-</c> and the Unix time, as Alibaba's
    /// libraries make <c>credentials-python-...</c>.
    /// </summary>
    public string? RoleSessionName { get; set; }

    /// <summary>How long the STS token lives: at least 900 seconds, at most the role's MaxSessionDuration. Default 3600.</summary>
    public int DurationSeconds { get; set; } = DefaultDurationSeconds;

    /// <summary>A policy that restricts the token to fewer permissions than the role's; null for none.</summary>
    public string? Policy { get; set; }

    /// <summary>The region of the STS endpoint (<c>sts.{region}.aliyuncs.com</c>). Null for <c>ALIBABA_CLOUD_STS_REGION</c>, else the global <c>sts.aliyuncs.com</c>.</summary>
    public string? StsRegionId { get; set; }

    /// <summary>Use the STS VPC endpoint (<c>sts-vpc.{region}.aliyuncs.com</c>; needs a region). Null for <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>.</summary>
    public bool? UseVpcEndpoint { get; set; }

    /// <summary>Any STS endpoint (a stand-in at <c>http://127.0.0.1:PORT</c>); wins over the region. Null for <c>BINDINGS_STS_ENDPOINT</c>.</summary>
    public Uri? StsEndpoint { get; set; }

    internal void CopyStsTo(StsCredentialsProviderOptions other)
    {
        CopyTo(other);
        other.RoleArn = RoleArn;
        other.RoleSessionName = RoleSessionName;
        other.DurationSeconds = DurationSeconds;
        other.Policy = Policy;
        other.StsRegionId = StsRegionId;
        other.UseVpcEndpoint = UseVpcEndpoint;
        other.StsEndpoint = StsEndpoint;
    }
}

/// <summary>The shared part of <see cref="RamRoleArnCredentialsProvider"/> and <see cref="OidcRoleArnCredentialsProvider"/>.</summary>
public abstract class StsCredentialsProvider : RefreshingCredentialsProvider
{
    private const int MaxDurationSeconds = 43200;

    /// <summary>Reads the role, session and endpoint from the options and the environment, and makes the STS client.</summary>
    /// <param name="options">The options.</param>
    /// <param name="signer">Signs STS calls; null for an anonymous operation.</param>
    private protected StsCredentialsProvider(StsCredentialsProviderOptions options, IAlibabaCloudCredentialsProvider? signer)
        : base(options)
    {
        RoleArn = options.RoleArn ?? options.Variable(AlibabaCloudEnvironmentVariables.RoleArn)
            ?? throw new AlibabaCloudCredentialsUnavailableException(
                "No RAM role to assume: set RoleArn or " + AlibabaCloudEnvironmentVariables.RoleArn + ".");
        RoleSessionName = options.RoleSessionName ?? options.Variable(AlibabaCloudEnvironmentVariables.RoleSessionName)
            ?? "bindings-" + options.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (options.DurationSeconds < 900 || options.DurationSeconds > MaxDurationSeconds)
        {
            throw new ArgumentException("DurationSeconds must be between 900 and 43200.", nameof(options));
        }

        DurationSeconds = options.DurationSeconds;
        Policy = string.IsNullOrEmpty(options.Policy) ? null : options.Policy;
        StsEndpoint = CredentialsEndpoints.Sts(options, options.StsEndpoint, options.StsRegionId, options.UseVpcEndpoint);
        Client = new StsClient(CredentialsHttp.For(options, direct: false), new AlibabaCloudClientOptions
        {
            Endpoint = StsEndpoint,
            CredentialsProvider = signer ?? NoCredentials.Instance,
            // What Alibaba's credentials libraries send (credentials-python provider/ram_role_arn.py):
            // HMAC-SHA1, JSON; and their timeouts: 5 s to connect, 10 s to read.
            SignatureVersion = SignatureVersion.V1,
            Format = ResponseFormat.Json,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Timeout = TimeSpan.FromSeconds(30),
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TimeProvider,
        });
    }

    /// <summary>The ARN of the role assumed.</summary>
    public string RoleArn { get; }

    /// <summary>The session name sent.</summary>
    public string RoleSessionName { get; }

    /// <summary>The STS endpoint called.</summary>
    public Uri StsEndpoint { get; }

    private protected int DurationSeconds { get; }

    private protected string? Policy { get; }

    private protected StsClient Client { get; }

    /// <summary>Turns an STS answer's credentials into ours, or a clear failure.</summary>
    private protected AlibabaCloudCredentials FromResponse(string action, TemporaryCredentials? credentials)
    {
        if (credentials is not { AccessKeyId.Length: > 0, AccessKeySecret.Length: > 0, SecurityToken.Length: > 0, Expiration: { } expiration })
        {
            throw new AlibabaCloudCredentialsException(
                Name + ": STS " + action + " at " + StsEndpoint.Host + " answered without complete Credentials (AccessKeyId, AccessKeySecret, SecurityToken, Expiration).");
        }

        return AlibabaCloudCredentials.Create(credentials.AccessKeyId!, credentials.AccessKeySecret!, credentials.SecurityToken!, expiration, Name);
    }

    /// <summary>Runs an STS call, turning what it throws into a credentials failure that names the role and the endpoint.</summary>
    private protected async Task<T> CallAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AlibabaCloudServiceException or AlibabaCloudTransportException or ResponseParseException or RequestValidationException)
        {
            // The client's messages are redacted already (the signer's secret and token, an anonymous call's proof).
            throw new AlibabaCloudCredentialsException(
                Name + ": STS " + action + " for " + RoleArn + " at " + StsEndpoint.Host + " failed: " + exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name + " (role " + RoleArn + ", session " + RoleSessionName + ", STS " + StsEndpoint.Host + ")";

    /// <summary>Stands in for credentials where an anonymous operation needs none: asking for them is a bug.</summary>
    private sealed class NoCredentials : IAlibabaCloudCredentialsProvider
    {
        public static readonly NoCredentials Instance = new();

        public string Name => "none";

        public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            throw new AlibabaCloudCredentialsException("This STS client signs nothing: it calls anonymous operations only.");
    }
}
