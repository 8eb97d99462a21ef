using Bindings.StandIn;
using Bindings.StandIn.Credentials;

namespace Bindings.Credentials.Tests;

/// <summary>OIDC role federation and assumed roles, against the STS stand-in over real HTTP.</summary>
public sealed class StsProviderTests : IDisposable
{
    private const string RoleArn = "acs:ram::1234567890123456:role/rds-operator";
    private const string OidcProviderArn = "acs:ram::1234567890123456:oidc-provider/ack-rrsa";

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task OidcFederationReadsRrsasVariablesAndSendsTheTokenUnsignedInTheBody()
    {
        await using var sts = await StsStandIn.StartAsync(new StsStandInOptions { OidcTokens = [Secrets.OidcToken] });
        _env[AlibabaCloudEnvironmentVariables.RoleArn] = RoleArn;
        _env[AlibabaCloudEnvironmentVariables.OidcProviderArn] = OidcProviderArn;
        _env[AlibabaCloudEnvironmentVariables.OidcTokenFile] = _env.Write("var/run/secrets/tokens/oidc-token", Secrets.OidcToken + "\n");
        _env[AlibabaCloudEnvironmentVariables.RoleSessionName] = "pod-7f9c";
        _env[AlibabaCloudEnvironmentVariables.StsEndpoint] = sts.BaseAddress.ToString();
        var provider = new OidcRoleArnCredentialsProvider(_env.Options(new OidcRoleArnCredentialsProviderOptions()));

        var credentials = await provider.GetCredentialsAsync();

        var issued = Assert.Single(sts.Issued);
        Assert.Equal(issued.Account.AccessKeyId, credentials.AccessKeyId);
        Assert.Equal(issued.Account.AccessKeySecret, credentials.AccessKeySecret);
        Assert.Equal(issued.Account.SecurityToken, credentials.SecurityToken);
        Assert.Equal(issued.Account.SecurityTokenExpiresAt!.Value.ToUnixTimeSeconds(), credentials.Expiration!.Value.ToUnixTimeSeconds());
        Assert.Equal("oidc_role_arn", credentials.ProviderName);

        var sent = Assert.Single(sts.Requests);
        Assert.Equal("AssumeRoleWithOIDC", sent.Action);
        Assert.Equal("POST", sent.Method);
        // Anonymous, as Alibaba's SDKs send it: no AccessKey, no signature.
        Assert.False(sent.Signed);
        Assert.Null(sent.AccessKeyId);
        Assert.DoesNotContain("SignatureMethod", sent.Parameters.Keys);
        Assert.Equal(RoleArn, sent.Parameters["RoleArn"]);
        Assert.Equal(OidcProviderArn, sent.Parameters["OIDCProviderArn"]);
        Assert.Equal("pod-7f9c", sent.Parameters["RoleSessionName"]);
        Assert.Equal("3600", sent.Parameters["DurationSeconds"]);
        Assert.Equal("***", sent.Parameters["OIDCToken"]);
        // The token travels in the form body, never in a URL.
        Assert.DoesNotContain("OIDCToken", sent.QueryParameterNames);
        Assert.Equal(200, sent.Status);
    }

    [Fact]
    public async Task TheTokenFileIsReadAgainAtEveryRefreshBecauseRrsaRotatesIt()
    {
        const string Rotated = "eyJhbGciOiJSUzI1NiJ9.rotated-token-never-log-me.c2ln";
        await using var sts = await StsStandIn.StartAsync(new StsStandInOptions
        {
            OidcTokens = [Secrets.OidcToken, Rotated],
            CredentialLifetime = TimeSpan.FromMinutes(20),
        });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokenFile = _env.Write("token", Secrets.OidcToken);
        var provider = new OidcRoleArnCredentialsProvider(_env.Options(
            new OidcRoleArnCredentialsProviderOptions
            {
                RoleArn = RoleArn, OidcProviderArn = OidcProviderArn, OidcTokenFile = tokenFile, StsEndpoint = sts.BaseAddress,
            },
            time: time));

        var first = await provider.GetCredentialsAsync();
        File.WriteAllText(tokenFile, Rotated);
        // 20-minute credentials are refreshed after half their life.
        time.Advance(TimeSpan.FromMinutes(11));
        var second = await provider.GetCredentialsAsync();

        Assert.NotEqual(first.AccessKeyId, second.AccessKeyId);
        Assert.Equal(2, sts.Requests.Count);
        Assert.All(sts.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task ARefusedTokenIsAFailureThatNamesTheRoleAndNeverTheToken()
    {
        await using var sts = await StsStandIn.StartAsync(new StsStandInOptions { OidcTokens = ["another-token"] });
        var logs = new CapturingLoggerFactory();
        var provider = new OidcRoleArnCredentialsProvider(_env.Options(
            new OidcRoleArnCredentialsProviderOptions
            {
                RoleArn = RoleArn, OidcProviderArn = OidcProviderArn, OidcTokenFile = _env.Write("token", Secrets.OidcToken), StsEndpoint = sts.BaseAddress,
            },
            logs));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.IsNotType<AlibabaCloudCredentialsUnavailableException>(error);
        Assert.Contains("AssumeRoleWithOIDC", error.Message);
        Assert.Contains(RoleArn, error.Message);
        Assert.Contains("AuthenticationFail.OIDCToken.Invalid", error.Message);
        Secrets.AssertAbsent(error.ToString(), Secrets.Of());
        Secrets.AssertAbsent(logs, Secrets.Of());
    }

    [Fact]
    public async Task AMissingTokenFileIsAFailureNamingThePath()
    {
        await using var sts = await StsStandIn.StartAsync();
        var missing = Path.Combine(_env.Home, "no-such-token");
        var provider = new OidcRoleArnCredentialsProvider(_env.Options(new OidcRoleArnCredentialsProviderOptions
        {
            RoleArn = RoleArn, OidcProviderArn = OidcProviderArn, OidcTokenFile = missing, StsEndpoint = sts.BaseAddress,
        }));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains(missing, error.Message);
        Assert.Empty(sts.Requests);
    }

    [Fact]
    public void WithoutTheVariablesOidcFederationIsUnavailable()
    {
        var error = Assert.Throws<AlibabaCloudCredentialsUnavailableException>(
            () => new OidcRoleArnCredentialsProvider(_env.Options(new OidcRoleArnCredentialsProviderOptions())));

        Assert.Contains("ALIBABA_CLOUD_ROLE_ARN", error.Message);
    }

    [Fact]
    public async Task AnAssumedRoleIsSignedWithTheSourceCredentialsAndItsOwnSign()
    {
        await using var sts = await StsStandIn.StartAsync();
        var provider = new RamRoleArnCredentialsProvider(_env.Options(new RamRoleArnCredentialsProviderOptions
        {
            SourceProvider = new StaticCredentialsProvider(new(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret)),
            RoleArn = RoleArn,
            RoleSessionName = "nightly-backup",
            ExternalId = "abcd1234",
            Policy = "{\"Version\":\"1\"}",
            DurationSeconds = 900,
            StsEndpoint = sts.BaseAddress,
        }));

        var credentials = await provider.GetCredentialsAsync();
        var identity = await WhoAmI.AskAsync(sts, provider);

        var sent = sts.Requests[0];
        Assert.Equal("AssumeRole", sent.Action);
        Assert.True(sent.Signed);
        Assert.Equal(StandInAccount.Default.AccessKeyId, sent.AccessKeyId);
        Assert.Equal("HMAC-SHA1", sent.Parameters["SignatureMethod"]);
        Assert.Equal("900", sent.Parameters["DurationSeconds"]);
        Assert.Equal("abcd1234", sent.Parameters["ExternalId"]);
        Assert.Equal("{\"Version\":\"1\"}", sent.Parameters["Policy"]);
        Assert.StartsWith("STS.", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("ram_role_arn", credentials.ProviderName);
        // The assumed credentials sign the next call: STS says whose they are.
        Assert.Equal("acs:ram::1234567890123456:assumed-role/rds-operator/nightly-backup", identity.Arn);
        Assert.Equal(Bindings.Sts.CallerIdentityType.AssumedRoleUser, identity.IdentityType);
    }

    [Fact]
    public async Task AnStsErrorIsAFailureWithItsCodeAndRequestId()
    {
        await using var sts = await StsStandIn.StartAsync();
        sts.Faults = new CredentialsStandInFaults { StatusCode = 403, ErrorCode = "NoPermission" };
        var provider = new RamRoleArnCredentialsProvider(_env.Options(new RamRoleArnCredentialsProviderOptions
        {
            SourceProvider = new StaticCredentialsProvider(new(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret)),
            RoleArn = RoleArn,
            StsEndpoint = sts.BaseAddress,
        }));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("NoPermission", error.Message);
        Assert.Contains("RequestId", error.Message);
        var service = Assert.IsType<Client.AlibabaCloudServiceException>(error.InnerException);
        Assert.Equal("NoPermission", service.Code);
        Secrets.AssertAbsent(error.ToString(), Secrets.Of());
    }

    [Fact]
    public void TheStsEndpointFollowsTheRegionAndTheVpcSwitchAsTheLibrariesDo()
    {
        RamRoleArnCredentialsProvider Make(Action<RamRoleArnCredentialsProviderOptions> set)
        {
            var options = _env.Options(new RamRoleArnCredentialsProviderOptions
            {
                SourceProvider = new StaticCredentialsProvider(new("id", "secret")), RoleArn = RoleArn,
            });
            set(options);
            return new RamRoleArnCredentialsProvider(options);
        }

        Assert.Equal(new Uri("https://sts.aliyuncs.com/"), Make(_ => { }).StsEndpoint);
        Assert.Equal(new Uri("https://sts.cn-shanghai.aliyuncs.com/"), Make(o => o.StsRegionId = "cn-shanghai").StsEndpoint);
        Assert.Equal(new Uri("https://sts-vpc.cn-shanghai.aliyuncs.com/"), Make(o => { o.StsRegionId = "cn-shanghai"; o.UseVpcEndpoint = true; }).StsEndpoint);
        _env[AlibabaCloudEnvironmentVariables.StsRegion] = "ap-northeast-1";
        _env[AlibabaCloudEnvironmentVariables.VpcEndpointEnabled] = "true";
        Assert.Equal(new Uri("https://sts-vpc.ap-northeast-1.aliyuncs.com/"), Make(_ => { }).StsEndpoint);
        Assert.Throws<ArgumentException>(() => Make(o => o.StsRegionId = "evil.example.com/"));
    }
}
