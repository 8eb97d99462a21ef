using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="EcsRamRoleCredentialsProvider"/>.</summary>
public sealed class EcsRamRoleCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>The metadata service's address on ECS: <c>http://100.100.100.200</c>.</summary>
    public static readonly Uri DefaultEndpoint = new("http://100.100.100.200/");

    /// <summary>
    /// The instance's RAM role. Null for <c>ALIBABA_CLOUD_ECS_METADATA</c>, and when that is unset the
    /// metadata service is asked for the role attached to the instance.
    /// </summary>
    public string? RoleName { get; set; }

    /// <summary>
    /// Refuse the metadata service's version 1: fail when no session token can be had instead of asking
    /// without one. Null for <c>ALIBABA_CLOUD_IMDSV1_DISABLED</c> (default false).
    /// </summary>
    public bool? DisableImdsV1 { get; set; }

    /// <summary>
    /// The metadata service's address. Null for <c>BINDINGS_ECS_METADATA_ENDPOINT</c> (this project's
    /// variable, for stand-ins), else <see cref="DefaultEndpoint"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How long one request to the metadata service may take. Default 2 seconds (Alibaba's libraries: 1 s to connect, 1 s to read).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The lifetime asked for the session token: 21,600 seconds (6 hours), as Alibaba's libraries ask.</summary>
    public TimeSpan MetadataTokenLifetime { get; set; } = TimeSpan.FromSeconds(21600);
}

/// <summary>
/// The credentials of the RAM role attached to this ECS (or ECI) instance, from the instance
/// metadata service, refreshed before they expire.
/// </summary>
/// <remarks>
/// As Alibaba's credentials libraries do (aliyun/credentials-nodejs src/providers/ecs_ram_role.ts at
/// f61774c71bbfcb7c2f94d1b4628fba131a35c690, credentials-python provider/ecs_ram_role.py): first a
/// session token, <c>PUT /latest/api/token</c> with <c>X-aliyun-ecs-metadata-token-ttl-seconds</c>;
/// then, without a configured role, its name from <c>GET /latest/meta-data/ram/security-credentials/</c>;
/// then the credentials from <c>GET /latest/meta-data/ram/security-credentials/{role}</c>, both with
/// <c>X-aliyun-ecs-metadata-token</c>. Without a token (an older metadata service) the requests go
/// without it, unless version 1 is disabled. A service that cannot be reached, or that names no role,
/// means this is not an ECS instance with a role: <see cref="AlibabaCloudCredentialsUnavailableException"/>.
/// </remarks>
public sealed class EcsRamRoleCredentialsProvider : RefreshingCredentialsProvider
{
    private const string TokenPath = "latest/api/token";
    private const string CredentialsPath = "latest/meta-data/ram/security-credentials/";
    private const string TokenHeader = "X-aliyun-ecs-metadata-token";
    private const string TokenLifetimeHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";

    private readonly EcsRamRoleCredentialsProviderOptions _options;
    private readonly Uri _endpoint;
    private readonly string? _roleName;
    private readonly bool _disableImdsV1;
    private readonly string _what;

    /// <summary>Creates the provider with the default options; nothing is sent until credentials are asked for.</summary>
    public EcsRamRoleCredentialsProvider()
        : this(new EcsRamRoleCredentialsProviderOptions())
    {
    }

    /// <summary>Creates the provider; nothing is sent until credentials are asked for.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the endpoint is not an http(s) URL.</exception>
    public EcsRamRoleCredentialsProvider(EcsRamRoleCredentialsProviderOptions options)
        : base(options)
    {
        _options = options;
        _endpoint = CredentialsEndpoints.Base(
            options.Endpoint ?? CredentialsEndpoints.FromVariable(options, AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint)
            ?? EcsRamRoleCredentialsProviderOptions.DefaultEndpoint,
            nameof(options.Endpoint));
        _roleName = options.RoleName ?? options.Variable(AlibabaCloudEnvironmentVariables.EcsMetadata);
        _disableImdsV1 = options.DisableImdsV1 ?? options.IsTrue(AlibabaCloudEnvironmentVariables.ImdsV1Disabled);
        if (options.RequestTimeout <= TimeSpan.Zero || options.MetadataTokenLifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("RequestTimeout and MetadataTokenLifetime must be positive.", nameof(options));
        }

        _what = "the ECS metadata service at " + _endpoint.GetLeftPart(UriPartial.Authority);
    }

    /// <inheritdoc />
    public override string Name => ProviderNames.EcsRamRole;

    /// <inheritdoc />
    public override string ToString() =>
        "ecs_ram_role (" + (_roleName is null ? "the instance's role" : "role " + _roleName) + ", " + _what + ")";

    /// <inheritdoc />
    protected override async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var client = CredentialsHttp.For(_options, direct: true);
        var token = await GetTokenAsync(client, cancellationToken).ConfigureAwait(false);
        var role = _roleName ?? (await GetWithFallbackAsync(client, CredentialsPath, token, isRoleList: true, cancellationToken).ConfigureAwait(false)).Trim();
        if (role.Length == 0 || role.IndexOfAny(new[] { '/', '\n', '\r', '?', '#' }) >= 0)
        {
            throw new AlibabaCloudCredentialsUnavailableException(_what + " names no single RAM role for this instance.");
        }

        var body = await GetWithFallbackAsync(client, CredentialsPath + Uri.EscapeDataString(role), token, isRoleList: false, cancellationToken).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(body);
        return CredentialsDocument.Read(bytes, bytes.Length, _what + " (role " + role + ")", Name);
    }

    private async Task<string?> GetTokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_endpoint, TokenPath));
        request.Headers.TryAddWithoutValidation(
            TokenLifetimeHeader, ((long)_options.MetadataTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        try
        {
            var (status, body, length) = await CredentialsHttp.SendAsync(
                client, request, _options.RequestTimeout, _what, unreachableIsUnavailable: true, cancellationToken).ConfigureAwait(false);
            if (status == 200 && length > 0)
            {
                return Encoding.UTF8.GetString(body, 0, length).Trim();
            }

            if (_disableImdsV1)
            {
                throw new AlibabaCloudCredentialsException(
                    _what + " gave no session token (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ") and version 1 is disabled ("
                    + AlibabaCloudEnvironmentVariables.ImdsV1Disabled + ").");
            }

            return null;
        }
        catch (AlibabaCloudCredentialsUnavailableException)
        {
            // Nothing listens there: not an ECS instance, whatever the version.
            throw;
        }
        catch (AlibabaCloudCredentialsException) when (!_disableImdsV1)
        {
            return null;
        }
    }

    /// <summary>A GET with the session token; on failure, once more without it unless version 1 is disabled.</summary>
    private async Task<string> GetWithFallbackAsync(HttpClient client, string path, string? token, bool isRoleList, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(client, path, token, isRoleList, cancellationToken).ConfigureAwait(false);
        }
        catch (AlibabaCloudCredentialsException) when (token is not null && !_disableImdsV1)
        {
            return await GetAsync(client, path, null, isRoleList, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> GetAsync(HttpClient client, string path, string? token, bool isRoleList, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
        }

        var (status, body, length) = await CredentialsHttp.SendAsync(
            client, request, _options.RequestTimeout, _what, unreachableIsUnavailable: true, cancellationToken).ConfigureAwait(false);
        if (status == 200)
        {
            return Encoding.UTF8.GetString(body, 0, length);
        }

        var message = _what + " answered HTTP " + status.ToString(CultureInfo.InvariantCulture)
            + (isRoleList ? " for the instance's RAM role" : " for the role's credentials") + ".";
        throw isRoleList && status == 404
            ? new AlibabaCloudCredentialsUnavailableException(_what + " knows no RAM role attached to this instance (HTTP 404).")
            : new AlibabaCloudCredentialsException(message);
    }
}
