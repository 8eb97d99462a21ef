using System;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Credentials.Sts;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="RamRoleArnCredentialsProvider"/>.</summary>
public sealed class RamRoleArnCredentialsProviderOptions : StsCredentialsProviderOptions
{
    /// <summary>The credentials that call STS <c>AssumeRole</c> (a RAM user's AccessKey, another role's). Required.</summary>
    public IAlibabaCloudCredentialsProvider? SourceProvider { get; set; }

    /// <summary>The role's external ID, against the confused deputy problem; null for none.</summary>
    public string? ExternalId { get; set; }
}

/// <summary>
/// The credentials of a RAM role, assumed with other credentials through STS <c>AssumeRole</c>
/// (the <c>RamRoleArn</c> and <c>ChainableRamRoleArn</c> modes of the <c>aliyun</c> CLI's profiles),
/// refreshed before they expire.
/// </summary>
/// <remarks>
/// As aliyun/credentials-python provider/ram_role_arn.py (at 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84)
/// sends it: <c>DurationSeconds</c>, <c>RoleArn</c>, <c>RoleSessionName</c>, <c>Policy</c> and
/// <c>ExternalId</c>, signed with the source's credentials (V1, HMAC-SHA1). The call goes through the
/// STS client generated from <c>specs/sts</c>, with its retries.
/// </remarks>
public sealed class RamRoleArnCredentialsProvider : StsCredentialsProvider
{
    private readonly string? _externalId;

    /// <summary>Creates the provider; nothing is sent until credentials are asked for.</summary>
    /// <param name="options">The options; <see cref="RamRoleArnCredentialsProviderOptions.SourceProvider"/> is required.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its source provider is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="AlibabaCloudCredentialsUnavailableException">No role ARN in the options or the environment.</exception>
    public RamRoleArnCredentialsProvider(RamRoleArnCredentialsProviderOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)), options.SourceProvider ?? throw new ArgumentNullException(nameof(options), "SourceProvider is required."))
    {
        Source = options.SourceProvider;
        _externalId = string.IsNullOrEmpty(options.ExternalId) ? null : options.ExternalId;
    }

    /// <summary>The credentials that sign <c>AssumeRole</c>.</summary>
    public IAlibabaCloudCredentialsProvider Source { get; }

    /// <inheritdoc />
    public override string Name => ProviderNames.RamRoleArn;

    /// <inheritdoc />
    protected override async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = RoleSessionName,
            DurationSeconds = DurationSeconds,
            Policy = Policy,
            ExternalId = _externalId,
        };
        var response = await CallAsync("AssumeRole", token => Client.AssumeRoleAsync(request, token), cancellationToken).ConfigureAwait(false);
        return FromResponse("AssumeRole", response.Credentials);
    }
}
