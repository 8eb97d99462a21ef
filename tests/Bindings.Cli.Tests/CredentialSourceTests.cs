using Bindings.StandIn;
using Bindings.StandIn.Credentials;

namespace Bindings.Cli.Tests;

/// <summary>
/// The program picks up credentials from each source of the chain, with loopback stand-ins of STS, the
/// ECS metadata service and a credentials URI; <c>whoami</c> asks STS whose they are.
/// </summary>
public sealed class CredentialSourceTests : IAsyncLifetime, IDisposable
{
    private const string OidcToken = "eyJhbGciOiJSUzI1NiJ9.cli-oidc-token-never-print.c2ln";
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly string _home = Directory.CreateTempSubdirectory("bindings-cli-home-").FullName;
    private StsStandIn _sts = null!;

    public async Task InitializeAsync()
    {
        _sts = await StsStandIn.StartAsync(new StsStandInOptions { OidcTokens = [OidcToken] });
        _environment["BINDINGS_STS_ENDPOINT"] = _sts.BaseAddress.ToString();
        _environment["HOME"] = _home;
    }

    public Task DisposeAsync() => _sts.DisposeAsync().AsTask();

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Task<(int ExitCode, string Output)> WhoAmIAsync() =>
        CliTests.RunAsync(name => _environment.GetValueOrDefault(name), "whoami", "--endpoint", _sts.BaseAddress.ToString());

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void AssertNoSecret(string output)
    {
        Assert.DoesNotContain(StandInAccount.Default.AccessKeySecret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(OidcToken, output, StringComparison.Ordinal);
        foreach (var issued in _sts.Issued)
        {
            Assert.DoesNotContain(issued.Account.AccessKeySecret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Account.SecurityToken!, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnvironmentVariables()
    {
        _environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = StandInAccount.Default.AccessKeyId;
        _environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = StandInAccount.Default.AccessKeySecret;

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("acs:ram::1234567890123456:user/" + StandInAccount.Default.AccessKeyId, output);
        Assert.Contains("RAMUser", output);
        Assert.Contains("default/env", output);
        Assert.DoesNotContain("stand-in", output);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task OidcRoleFederation()
    {
        Write("tokens/oidc", OidcToken);
        _environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1234567890123456:role/pod-role";
        _environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1234567890123456:oidc-provider/ack";
        _environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = Path.Combine(_home, "tokens/oidc");
        _environment["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "cli-pod";

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("acs:ram::1234567890123456:assumed-role/pod-role/cli-pod", output);
        Assert.Contains("default/oidc_role_arn", output);
        Assert.False(_sts.Requests.Single(r => r.Action == "AssumeRoleWithOIDC").Signed);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task TheAliyunCliProfile()
    {
        Write(".aliyun/config.json", "{\"current\":\"ops\",\"profiles\":[{\"name\":\"ops\",\"mode\":\"RamRoleArn\",\"access_key_id\":\""
            + StandInAccount.Default.AccessKeyId + "\",\"access_key_secret\":\"" + StandInAccount.Default.AccessKeySecret
            + "\",\"ram_role_arn\":\"acs:ram::1234567890123456:role/operator\",\"ram_session_name\":\"cli\"}]}");

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("acs:ram::1234567890123456:assumed-role/operator/cli", output);
        Assert.Contains("default/cli_profile/ram_role_arn", output);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task TheCredentialsFile()
    {
        Write(".alibabacloud/credentials.ini", "[ci]\ntype = access_key\naccess_key_id = " + StandInAccount.Default.AccessKeyId
            + "\naccess_key_secret = " + StandInAccount.Default.AccessKeySecret + "\n");
        _environment["ALIBABA_CLOUD_PROFILE"] = "ci";

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("default/profile/static", output);
        Assert.Contains("user/" + StandInAccount.Default.AccessKeyId, output);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task TheEcsInstanceRole()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { RoleName = "cli-instance-role", OnIssued = _sts.Accept });
        _environment["BINDINGS_ECS_METADATA_ENDPOINT"] = metadata.BaseAddress.ToString();

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("acs:ram::1234567890123456:assumed-role/cli-instance-role/ecs-instance", output);
        Assert.Contains("default/ecs_ram_role", output);
        Assert.Equal(1, metadata.TokenRequests);
        Assert.DoesNotContain(metadata.Issued[0].Account.SecurityToken!, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACredentialsUri()
    {
        await using var uri = await CredentialsUriStandIn.StartAsync(new CredentialsUriStandInOptions { OnIssued = _sts.Accept });
        _environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = uri.CredentialsUri.ToString();

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("assumed-role/StandInUriRole/credentials-uri", output);
        Assert.Contains("default/credential_uri", output);
    }

    [Fact]
    public async Task WithoutAnySourceWhoAmIAsksALocalStandIn()
    {
        var (exitCode, output) = await CliTests.RunAsync(name => name == "HOME" ? _home : null, "whoami");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Single(output.Split('\n'), line => line.Contains("using the local STS stand-in at http://127.0.0.1:"));
        Assert.Contains("user/" + StandInAccount.Default.AccessKeyId, output);
    }

    [Fact]
    public async Task ABrokenSourceIsOneLineAndExitCodeFive()
    {
        Write(".aliyun/config.json", "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"External\",\"process_command\":\"x\"}]}");

        var (exitCode, output) = await WhoAmIAsync();

        Assert.Equal(ExitCodes.CredentialsError, exitCode);
        Assert.Contains("'External', which this library does not support", output);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task DescribeUsesTheChainToo()
    {
        // The ECS role's credentials, accepted by an RDS stand-in that knows them in advance.
        await using var metadata = await MetadataServiceStandIn.StartAsync();
        _environment["BINDINGS_ECS_METADATA_ENDPOINT"] = metadata.BaseAddress.ToString();
        var (exitCode, output) = await CliTests.RunAsync(name => _environment.GetValueOrDefault(name), "describe", "--endpoint", "http://127.0.0.1:1/", "--instance", "rm-x");

        // The credentials were found (no stand-in started); the endpoint then refused the connection.
        Assert.Equal(ExitCodes.TransportError, exitCode);
        Assert.DoesNotContain("stand-in", output);
        Assert.Equal(1, metadata.CredentialRequests);
    }
}
