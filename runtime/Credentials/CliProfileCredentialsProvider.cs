using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="CliProfileCredentialsProvider"/>.</summary>
public sealed class CliProfileCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>The profile. Null for <c>ALIBABA_CLOUD_PROFILE</c>, else the file's <c>current</c>.</summary>
    public string? ProfileName { get; set; }

    /// <summary>The file. Null for <c>ALIBABA_CLOUD_CONFIG_FILE</c>, else <c>~/.aliyun/config.json</c>.</summary>
    public string? ConfigFile { get; set; }
}

/// <summary>
/// The credentials of a profile in the <c>aliyun</c> command-line program's <c>~/.aliyun/config.json</c>
/// (what <c>aliyun configure</c> writes), with the modes <c>AK</c>, <c>StsToken</c>, <c>RamRoleArn</c>,
/// <c>ChainableRamRoleArn</c>, <c>EcsRamRole</c>, <c>RamRoleArnWithRoleName</c>, <c>OIDC</c> and
/// <c>CredentialsURI</c>.
/// </summary>
/// <remarks>
/// The fields are the CLI's (aliyun/aliyun-cli config/profile.go: <c>access_key_id</c>,
/// <c>access_key_secret</c>, <c>sts_token</c>, <c>ram_role_arn</c>, <c>ram_session_name</c>,
/// <c>expired_seconds</c>, <c>sts_region</c>, <c>enable_vpc</c>, <c>policy</c>, <c>external_id</c>,
/// <c>ram_role_name</c>, <c>oidc_provider_arn</c>, <c>oidc_token_file</c>, <c>source_profile</c>,
/// <c>credentials_uri</c>), read as aliyun/credentials-python provider/cli_profile.py (at
/// 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84) reads them. <c>CloudSSO</c>, <c>OAuth</c>, <c>External</c>
/// and <c>RsaKeyPair</c> profiles are refused with a clear error. No file, or no such profile in it:
/// <see cref="AlibabaCloudCredentialsUnavailableException"/>. <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true</c>
/// turns the source off.
/// </remarks>
public sealed class CliProfileCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private const string What = "aliyun CLI config file";

    private readonly CliProfileCredentialsProviderOptions _options;
    private readonly ProfileSource _source;

    /// <summary>Reads <c>~/.aliyun/config.json</c> at the first call.</summary>
    public CliProfileCredentialsProvider()
        : this(new CliProfileCredentialsProviderOptions())
    {
    }

    /// <summary>Reads the file at the first call.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public CliProfileCredentialsProvider(CliProfileCredentialsProviderOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        ConfigFile = options.ConfigFile ?? options.Variable(AlibabaCloudEnvironmentVariables.ConfigFile)
            ?? (ProfileSource.HomeDirectory(options) is { } home ? Path.Combine(home, ".aliyun", "config.json") : null);
        _source = new ProfileSource(Name, LoadAsync);
    }

    /// <summary>The file read; null when no home directory is known.</summary>
    public string? ConfigFile { get; }

    /// <inheritdoc />
    public string Name => ProviderNames.CliProfile;

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        _source.GetCredentialsAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "cli_profile (" + (ConfigFile ?? "no home directory") + ")";

    private async Task<IAlibabaCloudCredentialsProvider> LoadAsync(CancellationToken cancellationToken)
    {
        if (_options.IsTrue(AlibabaCloudEnvironmentVariables.CliProfileDisabled))
        {
            throw new AlibabaCloudCredentialsUnavailableException(
                "The aliyun CLI's profiles are turned off (" + AlibabaCloudEnvironmentVariables.CliProfileDisabled + ").");
        }

        if (ConfigFile is null)
        {
            throw new AlibabaCloudCredentialsUnavailableException("No home directory, so no ~/.aliyun/config.json.");
        }

        var bytes = await CredentialFiles.ReadAsync(ConfigFile, What, 1024 * 1024, missingIsUnavailable: true, cancellationToken).ConfigureAwait(false);
        Dictionary<string, JsonElement> profiles;
        string? current;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            (profiles, current) = ReadProfiles(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            // The parser's message may quote what it choked on: only the line is told.
            throw new AlibabaCloudCredentialsException(
                "The " + What + " " + ConfigFile + " is not valid JSON (line " + ((exception.LineNumber ?? 0) + 1) + ").");
        }

        var name = _options.ProfileName ?? _options.Variable(AlibabaCloudEnvironmentVariables.Profile) ?? current;
        if (string.IsNullOrEmpty(name))
        {
            throw new AlibabaCloudCredentialsUnavailableException("The " + What + " " + ConfigFile + " names no current profile.");
        }

        if (!profiles.ContainsKey(name!))
        {
            throw new AlibabaCloudCredentialsUnavailableException("The " + What + " " + ConfigFile + " has no profile '" + name + "'.");
        }

        try
        {
            return Build(profiles, name!, new HashSet<string>(StringComparer.Ordinal));
        }
        catch (ArgumentException exception)
        {
            throw Broken("profile '" + name + "' has a value out of range: " + exception.Message.Split('\n')[0]);
        }
    }

    private (Dictionary<string, JsonElement> Profiles, string? Current) ReadProfiles(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Broken("is not a JSON object");
        }

        var profiles = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("profiles", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var profile in list.EnumerateArray())
            {
                if (profile.ValueKind == JsonValueKind.Object && Text(profile, "name") is { Length: > 0 } name && !profiles.ContainsKey(name))
                {
                    profiles.Add(name, profile);
                }
            }
        }

        return (profiles, Text(root, "current"));
    }

    private IAlibabaCloudCredentialsProvider Build(Dictionary<string, JsonElement> profiles, string name, HashSet<string> visited)
    {
        if (!visited.Add(name))
        {
            throw Broken("has profiles whose source_profile goes round in a circle through '" + name + "'");
        }

        if (!profiles.TryGetValue(name, out var profile))
        {
            throw Broken("has no profile '" + name + "' (a source_profile)");
        }

        var mode = Text(profile, "mode");
        switch (mode)
        {
            case "AK":
                return Static(profile, name, withToken: false);
            case "StsToken":
                return Static(profile, name, withToken: true);
            case "RamRoleArn":
                return RamRole(profile, name, Static(profile, name, withToken: Text(profile, "sts_token") is not null));
            case "ChainableRamRoleArn":
                var source = Text(profile, "source_profile") ?? throw Broken("profile '" + name + "' (ChainableRamRoleArn) has no source_profile");
                return RamRole(profile, name, Build(profiles, source, visited));
            case "EcsRamRole":
                return Ecs(profile);
            case "RamRoleArnWithRoleName":
                return RamRole(profile, name, Ecs(profile));
            case "OIDC":
                var oidc = new OidcRoleArnCredentialsProviderOptions
                {
                    OidcProviderArn = Required(profile, name, "oidc_provider_arn"),
                    OidcTokenFile = Required(profile, name, "oidc_token_file"),
                };
                SetSts(oidc, profile, name);
                return new OidcRoleArnCredentialsProvider(oidc);
            case "CredentialsURI":
                var uri = Text(profile, "credentials_uri") ?? _options.Variable(AlibabaCloudEnvironmentVariables.CredentialsUri)
                    ?? throw Broken("profile '" + name + "' (CredentialsURI) has no credentials_uri");
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
                {
                    throw Broken("profile '" + name + "' has a credentials_uri that is not an absolute URL");
                }

                var uriOptions = new UriCredentialsProviderOptions { Uri = parsed };
                _options.CopyTo(uriOptions);
                return new UriCredentialsProvider(uriOptions);
            case null:
                throw Broken("profile '" + name + "' has no mode");
            default:
                throw Broken("profile '" + name + "' has the mode '" + mode + "', which this library does not support"
                    + " (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, RamRoleArnWithRoleName, OIDC and CredentialsURI are)");
        }
    }

    private IAlibabaCloudCredentialsProvider Static(JsonElement profile, string name, bool withToken) =>
        new StaticCredentialsProvider(AlibabaCloudCredentials.Create(
            Required(profile, name, "access_key_id"),
            Required(profile, name, "access_key_secret"),
            withToken ? Required(profile, name, "sts_token") : null,
            null,
            ProviderNames.Static));

    private IAlibabaCloudCredentialsProvider Ecs(JsonElement profile)
    {
        var ecs = new EcsRamRoleCredentialsProviderOptions { RoleName = Text(profile, "ram_role_name") };
        _options.CopyTo(ecs);
        return new EcsRamRoleCredentialsProvider(ecs);
    }

    private IAlibabaCloudCredentialsProvider RamRole(JsonElement profile, string name, IAlibabaCloudCredentialsProvider source)
    {
        var options = new RamRoleArnCredentialsProviderOptions { SourceProvider = source, ExternalId = Text(profile, "external_id") };
        SetSts(options, profile, name);
        return new RamRoleArnCredentialsProvider(options);
    }

    private void SetSts(StsCredentialsProviderOptions sts, JsonElement profile, string name)
    {
        _options.CopyTo(sts);
        sts.RoleArn = Required(profile, name, "ram_role_arn");
        // The CLI writes ram_session_name; credentials-python reads role_session_name for OIDC.
        sts.RoleSessionName = Text(profile, "ram_session_name") ?? Text(profile, "role_session_name");
        sts.Policy = Text(profile, "policy");
        sts.StsRegionId = Text(profile, "sts_region");
        sts.UseVpcEndpoint = profile.TryGetProperty("enable_vpc", out var vpc) && vpc.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? vpc.GetBoolean()
            : null;
        if (profile.TryGetProperty("expired_seconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt32(out var value) && value > 0)
        {
            sts.DurationSeconds = value;
        }
    }

    private string Required(JsonElement profile, string name, string field) =>
        Text(profile, field) ?? throw Broken("profile '" + name + "' has no " + field);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private AlibabaCloudCredentialsException Broken(string problem) =>
        new("The " + What + " " + ConfigFile + " " + problem + ".");
}
