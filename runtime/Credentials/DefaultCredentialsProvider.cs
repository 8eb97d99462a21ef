using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="DefaultCredentialsProvider"/>: which sources to try, and what they share.</summary>
public sealed class DefaultCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>Skip the environment variables <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> and <c>_SECRET</c>.</summary>
    public bool ExcludeEnvironment { get; set; }

    /// <summary>Skip OIDC role ARN federation (<c>ALIBABA_CLOUD_ROLE_ARN</c> and the two OIDC variables).</summary>
    public bool ExcludeOidcRoleArn { get; set; }

    /// <summary>Skip the <c>aliyun</c> CLI's <c>~/.aliyun/config.json</c>.</summary>
    public bool ExcludeCliProfile { get; set; }

    /// <summary>Skip <c>~/.alibabacloud/credentials.ini</c>.</summary>
    public bool ExcludeProfileFile { get; set; }

    /// <summary>Skip the ECS instance's RAM role (so does <c>ALIBABA_CLOUD_ECS_METADATA_DISABLED=true</c>).</summary>
    public bool ExcludeEcsRamRole { get; set; }

    /// <summary>Skip <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.</summary>
    public bool ExcludeCredentialsUri { get; set; }

    /// <summary>The metadata service's address; null for <c>BINDINGS_ECS_METADATA_ENDPOINT</c>, else <c>http://100.100.100.200</c>.</summary>
    public Uri? MetadataServiceEndpoint { get; set; }

    /// <summary>The STS endpoint for OIDC federation and assumed roles; null for the usual choice (region, VPC, <c>BINDINGS_STS_ENDPOINT</c>).</summary>
    public Uri? StsEndpoint { get; set; }
}

/// <summary>
/// The default credential chain: the first source that is set up gives the credentials, in the order of
/// Alibaba's credentials libraries (aliyun/credentials-python provider/default.py at
/// 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84, credentials-nodejs src/providers/default.ts,
/// credentials-csharp Provider/DefaultCredentialsProvider.cs):
/// <list type="number">
/// <item>environment variables: <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c>, <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>;</item>
/// <item>OIDC role ARN federation, when <c>ALIBABA_CLOUD_ROLE_ARN</c>, <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c> and <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c> are set (RRSA on ACK);</item>
/// <item>the <c>aliyun</c> CLI's profile in <c>~/.aliyun/config.json</c> (<c>ALIBABA_CLOUD_PROFILE</c>, else its current one);</item>
/// <item>the <c>ALIBABA_CLOUD_PROFILE</c> (or <c>default</c>) section of <c>~/.alibabacloud/credentials.ini</c>;</item>
/// <item>the ECS instance's RAM role, from the metadata service (unless <c>ALIBABA_CLOUD_ECS_METADATA_DISABLED=true</c>);</item>
/// <item>the credentials URI <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>, when it is set.</item>
/// </list>
/// Explicit credentials (<c>AlibabaCloudClientOptions.Credentials</c>) come before all of them.
/// </summary>
/// <remarks>
/// <para>The chain's choice is made at the first call and kept; it is a debug log line (category
/// <c>Bindings.Credentials</c>) that names the source, never a secret. A source that is not set up is
/// skipped (a debug line says why); a source that is set up but fails (a malformed profile, an STS
/// error) stops the chain with its error, as <c>DefaultAzureCredential</c> does, where Alibaba's
/// libraries would silently try the next one and sign with other credentials than you meant.</para>
/// <para>The credentials it hands out are named <c>default/{source}</c> (<see cref="AlibabaCloudCredentials.ProviderName"/>).</para>
/// </remarks>
public sealed class DefaultCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private readonly DefaultCredentialsProviderOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _choosing = new(1, 1);
    private IAlibabaCloudCredentialsProvider? _chosen;
    private NamedCredentials? _last;

    /// <summary>A chain over the process's environment and home directory.</summary>
    public DefaultCredentialsProvider()
        : this(new DefaultCredentialsProviderOptions())
    {
    }

    /// <summary>A chain with these options; nothing is read or sent until credentials are asked for.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public DefaultCredentialsProvider(DefaultCredentialsProviderOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _logger = options.LoggerFactory?.CreateLogger(CredentialsLog.Category) ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => ProviderNames.Default;

    /// <summary>The source the chain chose, once it has chosen; null before the first call.</summary>
    public IAlibabaCloudCredentialsProvider? ChosenProvider => Volatile.Read(ref _chosen);

    /// <inheritdoc />
    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _chosen) is { } chosen)
        {
            return Named(await chosen.GetCredentialsAsync(cancellationToken).ConfigureAwait(false));
        }

        await _choosing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _chosen) is { } raced)
            {
                return Named(await raced.GetCredentialsAsync(cancellationToken).ConfigureAwait(false));
            }

            return await ChooseAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _choosing.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => "default (" + (ChosenProvider?.ToString() ?? "not chosen yet") + ")";

    private async Task<AlibabaCloudCredentials> ChooseAsync(CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var (source, create) in Sources())
        {
            IAlibabaCloudCredentialsProvider provider;
            AlibabaCloudCredentials credentials;
            try
            {
                provider = create();
                credentials = await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AlibabaCloudCredentialsUnavailableException unavailable)
            {
                CredentialsLog.Skipped(_logger, source, unavailable.Message);
                reasons.Add(source + ": " + unavailable.Message);
                continue;
            }
            catch (ArgumentException invalid)
            {
                throw new AlibabaCloudCredentialsException(source + " is set up wrongly: " + invalid.Message, invalid);
            }

            CredentialsLog.Chose(_logger, provider.ToString() ?? provider.Name);
            Volatile.Write(ref _chosen, provider);
            return Named(credentials);
        }

        throw new AlibabaCloudCredentialsUnavailableException(
            "No Alibaba Cloud credentials: set AlibabaCloudClientOptions.Credentials or CredentialsProvider, or one of the default chain's sources. "
            + string.Join(" ", reasons));
    }

    private IEnumerable<(string Source, Func<IAlibabaCloudCredentialsProvider> Create)> Sources()
    {
        var o = _options;
        if (!o.ExcludeEnvironment)
        {
            yield return (ProviderNames.Environment, () => new EnvironmentCredentialsProvider(o.Environment));
        }

        if (!o.ExcludeOidcRoleArn)
        {
            yield return (ProviderNames.OidcRoleArn, CreateOidc);
        }

        if (!o.ExcludeCliProfile)
        {
            yield return (ProviderNames.CliProfile, () => new CliProfileCredentialsProvider(Copy(new CliProfileCredentialsProviderOptions())));
        }

        if (!o.ExcludeProfileFile)
        {
            yield return (ProviderNames.Profile, () => new ProfileCredentialsProvider(Copy(new ProfileCredentialsProviderOptions())));
        }

        if (!o.ExcludeEcsRamRole)
        {
            yield return (ProviderNames.EcsRamRole, CreateEcs);
        }

        if (!o.ExcludeCredentialsUri)
        {
            yield return (ProviderNames.CredentialsUri, () => new UriCredentialsProvider(Copy(new UriCredentialsProviderOptions())));
        }
    }

    private IAlibabaCloudCredentialsProvider CreateOidc()
    {
        // As the libraries do: only when all three variables are set; two of three is a mistake to show.
        string[] variables = { AlibabaCloudEnvironmentVariables.RoleArn, AlibabaCloudEnvironmentVariables.OidcProviderArn, AlibabaCloudEnvironmentVariables.OidcTokenFile };
        var set = Array.FindAll(variables, name => _options.Variable(name) is not null);
        if (set.Length == 0)
        {
            throw new AlibabaCloudCredentialsUnavailableException(string.Join(", ", variables) + " are not set.");
        }

        if (set.Length < variables.Length)
        {
            throw new AlibabaCloudCredentialsException(
                "OIDC role ARN federation needs " + string.Join(", ", variables) + "; only " + string.Join(", ", set) + (set.Length == 1 ? " is" : " are") + " set.");
        }

        return new OidcRoleArnCredentialsProvider(Copy(new OidcRoleArnCredentialsProviderOptions { StsEndpoint = _options.StsEndpoint }));
    }

    private IAlibabaCloudCredentialsProvider CreateEcs()
    {
        if (_options.IsTrue(AlibabaCloudEnvironmentVariables.EcsMetadataDisabled))
        {
            throw new AlibabaCloudCredentialsUnavailableException(
                "The ECS metadata service is turned off (" + AlibabaCloudEnvironmentVariables.EcsMetadataDisabled + ").");
        }

        return new EcsRamRoleCredentialsProvider(Copy(new EcsRamRoleCredentialsProviderOptions { Endpoint = _options.MetadataServiceEndpoint }));
    }

    private T Copy<T>(T options)
        where T : CredentialsProviderOptions
    {
        _options.CopyTo(options);
        if (options is StsCredentialsProviderOptions sts && _options.StsEndpoint is { } endpoint)
        {
            sts.StsEndpoint = endpoint;
        }

        return options;
    }

    private AlibabaCloudCredentials Named(AlibabaCloudCredentials credentials)
    {
        return NamedCredentials.For(ref _last, credentials, Name + "/" + (credentials.ProviderName ?? "unknown"));
    }
}
