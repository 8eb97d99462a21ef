using Bindings.StandIn;
using Bindings.StandIn.Credentials;

namespace Bindings.Credentials.Tests;

/// <summary>
/// The default chain: Alibaba's order, each source taken when the ones before it are not set up, the
/// choice logged by name and never by secret, and a broken source stopping the chain.
/// </summary>
public sealed class ChainTests : IAsyncLifetime, IDisposable
{
    private readonly TestEnvironment _env = new();
    private readonly CapturingLoggerFactory _logs = new();
    private StsStandIn _sts = null!;
    private MetadataServiceStandIn _metadata = null!;
    private CredentialsUriStandIn _uri = null!;

    public async Task InitializeAsync()
    {
        _sts = await StsStandIn.StartAsync(new StsStandInOptions { OidcTokens = [Secrets.OidcToken] });
        _metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { OnIssued = issued => _sts.Accept(issued) });
        _uri = await CredentialsUriStandIn.StartAsync(new CredentialsUriStandInOptions { OnIssued = issued => _sts.Accept(issued) });
        _env[AlibabaCloudEnvironmentVariables.StsEndpoint] = _sts.BaseAddress.ToString();
        _env[AlibabaCloudEnvironmentVariables.CredentialsUri] = _uri.CredentialsUri.ToString();
    }

    public async Task DisposeAsync()
    {
        await _uri.DisposeAsync();
        await _metadata.DisposeAsync();
        await _sts.DisposeAsync();
    }

    public void Dispose() => _env.Dispose();

    private DefaultCredentialsProvider Chain() => new(_env.Options(new DefaultCredentialsProviderOptions(), _logs));

    private void UseMetadata() => _env[AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint] = _metadata.BaseAddress.ToString();

    private void SetUpEnvironmentKeys()
    {
        _env[AlibabaCloudEnvironmentVariables.AccessKeyId] = StandInAccount.Default.AccessKeyId;
        _env[AlibabaCloudEnvironmentVariables.AccessKeySecret] = StandInAccount.Default.AccessKeySecret;
    }

    private void SetUpOidc()
    {
        _env[AlibabaCloudEnvironmentVariables.RoleArn] = "acs:ram::1234567890123456:role/pod-role";
        _env[AlibabaCloudEnvironmentVariables.OidcProviderArn] = "acs:ram::1234567890123456:oidc-provider/ack";
        _env[AlibabaCloudEnvironmentVariables.OidcTokenFile] = _env.Write("token", Secrets.OidcToken);
    }

    private void SetUpCliProfile() => _env.Write(".aliyun/config.json",
        "{\"current\":\"dev\",\"profiles\":[{\"name\":\"dev\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"" + StandInAccount.Default.AccessKeyId
        + "\",\"access_key_secret\":\"" + StandInAccount.Default.AccessKeySecret + "\",\"ram_role_arn\":\"acs:ram::1234567890123456:role/developer\",\"ram_session_name\":\"laptop\"}]}");

    private void SetUpCredentialsFile() => _env.Write(".alibabacloud/credentials.ini",
        "[default]\ntype = ram_role_arn\naccess_key_id = " + StandInAccount.Default.AccessKeyId + "\naccess_key_secret = "
        + StandInAccount.Default.AccessKeySecret + "\nrole_arn = acs:ram::1234567890123456:role/ini-role\nrole_session_name = ini\n");

    private async Task<(string Source, string? Arn)> ResolveAsync()
    {
        var chain = Chain();
        var credentials = await chain.GetCredentialsAsync();
        var identity = await WhoAmI.AskAsync(_sts, chain);
        return (credentials.ProviderName!, identity.Arn);
    }

    [Fact]
    public async Task EachSourceIsTakenWhenTheOnesBeforeItAreNotSetUp()
    {
        // From the last source to the first: each one set up wins over all that were set up before it.
        Assert.Equal(("default/credential_uri", "acs:ram::1234567890123456:assumed-role/StandInUriRole/credentials-uri"), await ResolveAsync());

        UseMetadata();
        Assert.Equal(("default/ecs_ram_role", "acs:ram::1234567890123456:assumed-role/StandInEcsRole/ecs-instance"), await ResolveAsync());

        SetUpCredentialsFile();
        Assert.Equal(("default/profile/ram_role_arn", "acs:ram::1234567890123456:assumed-role/ini-role/ini"), await ResolveAsync());

        SetUpCliProfile();
        Assert.Equal(("default/cli_profile/ram_role_arn", "acs:ram::1234567890123456:assumed-role/developer/laptop"), await ResolveAsync());

        SetUpOidc();
        var (oidcSource, oidcArn) = await ResolveAsync();
        Assert.Equal("default/oidc_role_arn", oidcSource);
        Assert.StartsWith("acs:ram::1234567890123456:assumed-role/pod-role/", oidcArn, StringComparison.Ordinal);

        SetUpEnvironmentKeys();
        Assert.Equal(("default/env", "acs:ram::1234567890123456:user/" + StandInAccount.Default.AccessKeyId), await ResolveAsync());
    }

    [Fact]
    public async Task TheChoiceIsOneDebugLineNamingTheSourceAndNoLogHoldsASecret()
    {
        SetUpCliProfile();
        var chain = Chain();

        await chain.GetCredentialsAsync();
        await chain.GetCredentialsAsync();

        var chose = Assert.Single(_logs.Entries, e => e.EventName == "CredentialsSource");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, chose.Level);
        Assert.Equal("Bindings.Credentials", chose.Category);
        Assert.Contains("cli_profile", chose.Text);
        Assert.Contains(Path.Combine(_env.Home, ".aliyun", "config.json"), chose.Text);
        // The sources before it were skipped, each with a reason.
        Assert.Contains(_logs.Entries, e => e.EventName == "CredentialsSourceSkipped" && e.Text.Contains("env", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.EventName == "CredentialsSourceSkipped" && e.Text.Contains("oidc_role_arn", StringComparison.Ordinal));
        Secrets.AssertAbsent(_logs, Secrets.Of(_sts.Issued));
        Assert.IsType<CliProfileCredentialsProvider>(chain.ChosenProvider);
    }

    [Fact]
    public async Task TheChoiceIsKeptOnceMade()
    {
        SetUpCredentialsFile();
        var chain = Chain();
        Assert.Equal("default/profile/ram_role_arn", (await chain.GetCredentialsAsync()).ProviderName);

        // A source before it appears: the chain keeps what it chose, as Alibaba's does.
        SetUpEnvironmentKeys();
        Assert.Equal("default/profile/ram_role_arn", (await chain.GetCredentialsAsync()).ProviderName);
    }

    [Fact]
    public async Task ASourceThatIsSetUpButBrokenStopsTheChainInsteadOfSigningAsSomeoneElse()
    {
        UseMetadata();
        _env.Write(".aliyun/config.json", "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"OAuth\"}]}");

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Chain().GetCredentialsAsync().AsTask());

        Assert.IsNotType<AlibabaCloudCredentialsUnavailableException>(error);
        Assert.Contains("'OAuth'", error.Message);
        Assert.Equal(0, _metadata.CredentialRequests);
    }

    [Fact]
    public async Task HalfAnAccessKeyOrTwoOfTheThreeOidcVariablesAreMistakesNotAbsences()
    {
        _env[AlibabaCloudEnvironmentVariables.AccessKeyId] = "LTAI-only-the-id";
        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Chain().GetCredentialsAsync().AsTask());
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not", error.Message);

        _env[AlibabaCloudEnvironmentVariables.AccessKeyId] = null;
        _env[AlibabaCloudEnvironmentVariables.RoleArn] = "acs:ram::1:role/r";
        _env[AlibabaCloudEnvironmentVariables.OidcProviderArn] = "acs:ram::1:oidc-provider/p";
        error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Chain().GetCredentialsAsync().AsTask());
        Assert.Contains("only ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN are set", error.Message);
    }

    [Fact]
    public async Task WithNothingSetUpTheErrorListsEverySource()
    {
        _env[AlibabaCloudEnvironmentVariables.CredentialsUri] = null;

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Chain().GetCredentialsAsync().AsTask());

        foreach (var source in new[] { "env:", "oidc_role_arn:", "cli_profile:", "profile:", "ecs_ram_role:", "credential_uri:" })
        {
            Assert.Contains(source, error.Message);
        }
    }

    [Fact]
    public async Task TheMetadataServiceCanBeTurnedOffAndSourcesExcluded()
    {
        UseMetadata();
        _env[AlibabaCloudEnvironmentVariables.EcsMetadataDisabled] = "true";
        Assert.Equal("default/credential_uri", (await Chain().GetCredentialsAsync()).ProviderName);
        Assert.Equal(0, _metadata.TokenRequests);

        var excluding = new DefaultCredentialsProvider(_env.Options(new DefaultCredentialsProviderOptions { ExcludeCredentialsUri = true }));
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => excluding.GetCredentialsAsync().AsTask());
    }
}
