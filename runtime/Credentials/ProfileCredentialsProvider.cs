using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="ProfileCredentialsProvider"/>.</summary>
public sealed class ProfileCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>The section. Null for <c>ALIBABA_CLOUD_PROFILE</c>, else <c>default</c>.</summary>
    public string? ProfileName { get; set; }

    /// <summary>The file. Null for <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>, else <c>~/.alibabacloud/credentials.ini</c>.</summary>
    public string? CredentialsFile { get; set; }
}

/// <summary>
/// The credentials of a section of <c>~/.alibabacloud/credentials.ini</c>, whose <c>type</c> is
/// <c>access_key</c>, <c>ram_role_arn</c>, <c>ecs_ram_role</c> or <c>oidc_role_arn</c>.
/// </summary>
/// <remarks>
/// Read as aliyun/credentials-python provider/profile.py (at 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84)
/// reads it: <c>[section]</c> headers, <c>key = value</c> lines, <c>#</c> and <c>;</c> comments (a
/// <c>#</c> also ends a value), keys <c>access_key_id</c>, <c>access_key_secret</c>, <c>role_arn</c>,
/// <c>role_session_name</c>, <c>policy</c>, <c>role_name</c>, <c>oidc_provider_arn</c>,
/// <c>oidc_token_file_path</c>. No file or no such section: <see cref="AlibabaCloudCredentialsUnavailableException"/>.
/// </remarks>
public sealed class ProfileCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private const string What = "credentials file";

    private readonly ProfileCredentialsProviderOptions _options;
    private readonly ProfileSource _source;
    private readonly string _profile;

    /// <summary>Reads <c>~/.alibabacloud/credentials.ini</c> at the first call.</summary>
    public ProfileCredentialsProvider()
        : this(new ProfileCredentialsProviderOptions())
    {
    }

    /// <summary>Reads the file at the first call.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ProfileCredentialsProvider(ProfileCredentialsProviderOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        CredentialsFile = options.CredentialsFile ?? options.Variable(AlibabaCloudEnvironmentVariables.CredentialsFile)
            ?? (ProfileSource.HomeDirectory(options) is { } home ? Path.Combine(home, ".alibabacloud", "credentials.ini") : null);
        _profile = options.ProfileName ?? options.Variable(AlibabaCloudEnvironmentVariables.Profile) ?? "default";
        _source = new ProfileSource(Name, LoadAsync);
    }

    /// <summary>The file read; null when no home directory is known.</summary>
    public string? CredentialsFile { get; }

    /// <inheritdoc />
    public string Name => ProviderNames.Profile;

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        _source.GetCredentialsAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "profile ([" + _profile + "] in " + (CredentialsFile ?? "no home directory") + ")";

    /// <summary>Reads INI text: sections of <c>key = value</c> (or <c>key: value</c>), keys lower-cased as Python's configparser does.</summary>
    internal static Dictionary<string, Dictionary<string, string>> ParseIni(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line.IndexOf(']') is var end and > 0)
            {
                var name = line.Substring(1, end - 1).Trim();
                if (!sections.TryGetValue(name, out section))
                {
                    section = new Dictionary<string, string>(StringComparer.Ordinal);
                    sections.Add(name, section);
                }

                continue;
            }

            var separator = line.IndexOfAny(new[] { '=', ':' });
            if (section is null || separator <= 0)
            {
                continue;
            }

            var value = line.Substring(separator + 1);
            var comment = value.IndexOf('#');
            section[line.Substring(0, separator).Trim().ToLowerInvariant()] = (comment >= 0 ? value.Substring(0, comment) : value).Trim();
        }

        return sections;
    }

    private async Task<IAlibabaCloudCredentialsProvider> LoadAsync(CancellationToken cancellationToken)
    {
        if (CredentialsFile is null)
        {
            throw new AlibabaCloudCredentialsUnavailableException("No home directory, so no ~/.alibabacloud/credentials.ini.");
        }

        var bytes = await CredentialFiles.ReadAsync(CredentialsFile, What, 1024 * 1024, missingIsUnavailable: true, cancellationToken).ConfigureAwait(false);
        var sections = ParseIni(Encoding.UTF8.GetString(bytes));
        if (!sections.TryGetValue(_profile, out var section))
        {
            throw new AlibabaCloudCredentialsUnavailableException("The " + What + " " + CredentialsFile + " has no section [" + _profile + "].");
        }

        try
        {
            return Build(section);
        }
        catch (ArgumentException exception)
        {
            throw Broken("has a value out of range: " + exception.Message.Split('\n')[0]);
        }
    }

    private IAlibabaCloudCredentialsProvider Build(Dictionary<string, string> section)
    {
        var type = Value(section, "type");
        switch (type)
        {
            case "access_key":
                return Static(section);
            case "ram_role_arn":
                var ram = new RamRoleArnCredentialsProviderOptions { SourceProvider = Static(section) };
                SetSts(ram, section);
                return new RamRoleArnCredentialsProvider(ram);
            case "ecs_ram_role":
                var ecs = new EcsRamRoleCredentialsProviderOptions { RoleName = Value(section, "role_name") };
                _options.CopyTo(ecs);
                return new EcsRamRoleCredentialsProvider(ecs);
            case "oidc_role_arn":
                var oidc = new OidcRoleArnCredentialsProviderOptions
                {
                    OidcProviderArn = Required(section, "oidc_provider_arn"),
                    OidcTokenFile = Required(section, "oidc_token_file_path"),
                };
                SetSts(oidc, section);
                return new OidcRoleArnCredentialsProvider(oidc);
            case null:
                throw Broken("has no type");
            default:
                throw Broken("has the type '" + type + "', which this library does not support (access_key, ram_role_arn, ecs_ram_role and oidc_role_arn are)");
        }
    }

    private IAlibabaCloudCredentialsProvider Static(Dictionary<string, string> section) =>
        new StaticCredentialsProvider(AlibabaCloudCredentials.Create(
            Required(section, "access_key_id"), Required(section, "access_key_secret"), null, null, ProviderNames.Static));

    private void SetSts(StsCredentialsProviderOptions sts, Dictionary<string, string> section)
    {
        _options.CopyTo(sts);
        sts.RoleArn = Required(section, "role_arn");
        sts.RoleSessionName = Value(section, "role_session_name");
        sts.Policy = Value(section, "policy");
    }

    private string Required(Dictionary<string, string> section, string key) => Value(section, key) ?? throw Broken("has no " + key);

    private static string? Value(Dictionary<string, string> section, string key) =>
        section.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private AlibabaCloudCredentialsException Broken(string problem) =>
        new("Section [" + _profile + "] of the " + What + " " + CredentialsFile + " " + problem + ".");
}
