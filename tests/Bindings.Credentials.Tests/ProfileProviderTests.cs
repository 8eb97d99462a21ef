using Bindings.StandIn;
using Bindings.StandIn.Credentials;

namespace Bindings.Credentials.Tests;

/// <summary>
/// The <c>aliyun</c> CLI's <c>~/.aliyun/config.json</c> (every supported mode) and
/// <c>~/.alibabacloud/credentials.ini</c>, written to a temporary home, with STS and the metadata
/// service as stand-ins.
/// </summary>
public sealed class ProfileProviderTests : IDisposable
{
    private const string RoleArn = "acs:ram::1234567890123456:role/rds-operator";
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static string Config(string current, params string[] profiles) =>
        "{\"current\":\"" + current + "\",\"profiles\":[" + string.Join(",", profiles) + "],\"meta_path\":\"\"}";

    private static string Ak(string name) =>
        "{\"name\":\"" + name + "\",\"mode\":\"AK\",\"access_key_id\":\"" + StandInAccount.Default.AccessKeyId + "\",\"access_key_secret\":\""
        + StandInAccount.Default.AccessKeySecret + "\",\"region_id\":\"cn-hangzhou\",\"output_format\":\"json\",\"language\":\"en\"}";

    private CliProfileCredentialsProvider Cli(string? profile = null, CapturingLoggerFactory? logs = null) =>
        new(_env.Options(new CliProfileCredentialsProviderOptions { ProfileName = profile }, logs));

    [Fact]
    public async Task TheCurrentProfileIsUsedWhenNoneIsNamed()
    {
        _env.Write(".aliyun/config.json", Config("default", Ak("default"),
            "{\"name\":\"other\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.other\",\"access_key_secret\":\"s\",\"sts_token\":\"tok\"}"));

        var credentials = await Cli().GetCredentialsAsync();

        Assert.Equal(StandInAccount.Default.AccessKeyId, credentials.AccessKeyId);
        Assert.Null(credentials.SecurityToken);
        Assert.Equal("cli_profile/static", credentials.ProviderName);
    }

    [Fact]
    public async Task AlibabaCloudProfileChoosesAnotherAndStsTokenModeKeepsTheToken()
    {
        _env.Write(".aliyun/config.json", Config("default", Ak("default"),
            "{\"name\":\"other\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.other\",\"access_key_secret\":\"s\",\"sts_token\":\"tok\"}"));
        _env[AlibabaCloudEnvironmentVariables.Profile] = "other";

        var credentials = await Cli().GetCredentialsAsync();

        Assert.Equal("STS.other", credentials.AccessKeyId);
        Assert.Equal("tok", credentials.SecurityToken);
    }

    [Fact]
    public async Task RamRoleArnAndChainableRamRoleArnAssumeRolesThroughSts()
    {
        await using var sts = await StsStandIn.StartAsync();
        _env[AlibabaCloudEnvironmentVariables.StsEndpoint] = sts.BaseAddress.ToString();
        _env.Write(".aliyun/config.json", Config("chained",
            "{\"name\":\"operator\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"" + StandInAccount.Default.AccessKeyId + "\",\"access_key_secret\":\""
                + StandInAccount.Default.AccessKeySecret + "\",\"ram_role_arn\":\"" + RoleArn + "\",\"ram_session_name\":\"first\",\"expired_seconds\":900}",
            "{\"name\":\"chained\",\"mode\":\"ChainableRamRoleArn\",\"source_profile\":\"operator\",\"ram_role_arn\":\"acs:ram::1234567890123456:role/auditor\",\"ram_session_name\":\"second\"}"));

        var provider = Cli();
        var identity = await WhoAmI.AskAsync(sts, provider);

        Assert.Equal("acs:ram::1234567890123456:assumed-role/auditor/second", identity.Arn);
        var assumed = sts.Requests.Where(r => r.Action == "AssumeRole").ToList();
        Assert.Equal(2, assumed.Count);
        // The first role is assumed with the AccessKey, the second with the first role's credentials.
        Assert.Equal(StandInAccount.Default.AccessKeyId, assumed[0].AccessKeyId);
        Assert.Equal("900", assumed[0].Parameters["DurationSeconds"]);
        Assert.Equal(sts.Issued[0].Account.AccessKeyId, assumed[1].AccessKeyId);
        Assert.Equal("cli_profile/ram_role_arn", (await provider.GetCredentialsAsync()).ProviderName);
    }

    [Fact]
    public async Task EcsRamRoleOidcAndCredentialsUriProfilesReachTheirSources()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { RoleName = "profile-role" });
        await using var sts = await StsStandIn.StartAsync(new StsStandInOptions { OidcTokens = [Secrets.OidcToken] });
        await using var uri = await CredentialsUriStandIn.StartAsync();
        _env[AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint] = metadata.BaseAddress.ToString();
        _env[AlibabaCloudEnvironmentVariables.StsEndpoint] = sts.BaseAddress.ToString();
        var token = _env.Write("oidc-token", Secrets.OidcToken);
        _env.Write(".aliyun/config.json", Config("ecs",
            "{\"name\":\"ecs\",\"mode\":\"EcsRamRole\",\"ram_role_name\":\"profile-role\"}",
            "{\"name\":\"oidc\",\"mode\":\"OIDC\",\"ram_role_arn\":\"" + RoleArn + "\",\"oidc_provider_arn\":\"acs:ram::1:oidc-provider/p\",\"oidc_token_file\":\""
                + token.Replace("\\", "\\\\") + "\",\"ram_session_name\":\"from-profile\"}",
            "{\"name\":\"uri\",\"mode\":\"CredentialsURI\",\"credentials_uri\":\"" + uri.CredentialsUri + "\"}"));

        var ecs = await Cli("ecs").GetCredentialsAsync();
        var oidc = await Cli("oidc").GetCredentialsAsync();
        var fromUri = await Cli("uri").GetCredentialsAsync();

        Assert.Equal(metadata.Issued[0].Account.AccessKeyId, ecs.AccessKeyId);
        Assert.Equal(0, metadata.RoleNameRequests);
        Assert.Equal("cli_profile/ecs_ram_role", ecs.ProviderName);
        Assert.Equal(sts.Issued[0].Account.AccessKeyId, oidc.AccessKeyId);
        Assert.Equal("from-profile", sts.Requests[0].Parameters["RoleSessionName"]);
        Assert.Equal(uri.Issued[0].Account.AccessKeyId, fromUri.AccessKeyId);
    }

    [Theory]
    [InlineData("{\"name\":\"p\",\"mode\":\"CloudSSO\",\"cloud_sso_sign_in_url\":\"https://x\"}", "'CloudSSO', which this library does not support")]
    [InlineData("{\"name\":\"p\",\"mode\":\"AK\",\"access_key_id\":\"LTAI123\"}", "has no access_key_secret")]
    [InlineData("{\"name\":\"p\",\"mode\":\"ChainableRamRoleArn\",\"source_profile\":\"p\",\"ram_role_arn\":\"acs:ram::1:role/r\"}", "goes round in a circle")]
    [InlineData("{\"name\":\"p\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"a\",\"access_key_secret\":\"b\",\"ram_role_arn\":\"acs:ram::1:role/r\",\"expired_seconds\":60}", "out of range")]
    public async Task ABrokenProfileIsAFailureNamingTheFileAndTheProfile(string profile, string expected)
    {
        var path = _env.Write(".aliyun/config.json", Config("p", profile));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Cli().GetCredentialsAsync().AsTask());

        Assert.IsNotType<AlibabaCloudCredentialsUnavailableException>(error);
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task MalformedJsonIsAFailureThatQuotesNothingOfTheFile()
    {
        _env.Write(".aliyun/config.json", "{\"current\":\"p\",\n\"profiles\":[{\"name\":\"p\",\"access_key_secret\":\"leaked-secret-2\" oops}]}");

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Cli().GetCredentialsAsync().AsTask());

        Assert.Contains("not valid JSON (line 2)", error.Message);
        Assert.DoesNotContain("leaked-secret-2", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("oops", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFileNoProfileOrTheSwitchMakeTheSourceUnavailable()
    {
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Cli().GetCredentialsAsync().AsTask());
        _env.Write(".aliyun/config.json", Config("default", Ak("default")));
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Cli("nope").GetCredentialsAsync().AsTask());
        _env[AlibabaCloudEnvironmentVariables.CliProfileDisabled] = "true";
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Cli().GetCredentialsAsync().AsTask());
    }

    [Fact]
    public async Task TheCredentialsFileGivesAccessKeysAndRoles()
    {
        await using var sts = await StsStandIn.StartAsync();
        await using var metadata = await MetadataServiceStandIn.StartAsync();
        _env[AlibabaCloudEnvironmentVariables.StsEndpoint] = sts.BaseAddress.ToString();
        _env[AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint] = metadata.BaseAddress.ToString();
        _env.Write(".alibabacloud/credentials.ini", $$"""
            ; written by hand
            [default]
            type = access_key                  # the key of the CI user
            access_key_id = {{StandInAccount.Default.AccessKeyId}}
            access_key_secret = {{StandInAccount.Default.AccessKeySecret}}

            [operator]
            type = ram_role_arn
            access_key_id = {{StandInAccount.Default.AccessKeyId}}
            access_key_secret = {{StandInAccount.Default.AccessKeySecret}}
            role_arn = {{RoleArn}}
            role_session_name = from-ini

            [instance]
            type = ecs_ram_role
            role_name = StandInEcsRole
            """);
        ProfileCredentialsProvider Ini(string? name) => new(_env.Options(new ProfileCredentialsProviderOptions { ProfileName = name }));

        var plain = await Ini(null).GetCredentialsAsync();
        var identity = await WhoAmI.AskAsync(sts, Ini("operator"));
        var instance = await Ini("instance").GetCredentialsAsync();

        Assert.Equal(StandInAccount.Default.AccessKeyId, plain.AccessKeyId);
        Assert.Equal(StandInAccount.Default.AccessKeySecret, plain.AccessKeySecret);
        Assert.Equal("profile/static", plain.ProviderName);
        Assert.Equal("acs:ram::1234567890123456:assumed-role/rds-operator/from-ini", identity.Arn);
        Assert.Equal(metadata.Issued[0].Account.AccessKeyId, instance.AccessKeyId);
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Ini("missing").GetCredentialsAsync().AsTask());
    }

    [Fact]
    public async Task AnUnsupportedTypeInTheCredentialsFileIsAFailure()
    {
        _env.Write(".alibabacloud/credentials.ini", "[default]\ntype = rsa_key_pair\npublic_key_id = x\n");

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(
            () => new ProfileCredentialsProvider(_env.Options(new ProfileCredentialsProviderOptions())).GetCredentialsAsync().AsTask());

        Assert.Contains("rsa_key_pair", error.Message);
        Assert.Contains("[default]", error.Message);
    }
}
