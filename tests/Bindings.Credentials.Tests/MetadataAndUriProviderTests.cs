using System.Diagnostics;
using Bindings.StandIn.Credentials;

namespace Bindings.Credentials.Tests;

/// <summary>The ECS instance's RAM role and a credentials URI, against their stand-ins over real HTTP.</summary>
public sealed class MetadataAndUriProviderTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private EcsRamRoleCredentialsProvider Ecs(MetadataServiceStandIn metadata, Action<EcsRamRoleCredentialsProviderOptions>? set = null, CapturingLoggerFactory? logs = null)
    {
        var options = _env.Options(new EcsRamRoleCredentialsProviderOptions { Endpoint = metadata.BaseAddress }, logs);
        set?.Invoke(options);
        return new EcsRamRoleCredentialsProvider(options);
    }

    [Fact]
    public async Task TheInstanceRoleComesWithASessionTokenFirstThenTheRolesNameThenItsCredentials()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { RequireTokens = true });

        var credentials = await Ecs(metadata).GetCredentialsAsync();

        var issued = Assert.Single(metadata.Issued);
        Assert.Equal(issued.Account.AccessKeyId, credentials.AccessKeyId);
        Assert.Equal(issued.Account.SecurityToken, credentials.SecurityToken);
        Assert.Equal("ecs_ram_role", credentials.ProviderName);
        Assert.Equal(1, metadata.TokenRequests);
        Assert.Equal(1, metadata.RoleNameRequests);
        Assert.Equal(1, metadata.CredentialRequests);
        Assert.Equal(0, metadata.RequestsWithoutToken);
    }

    [Fact]
    public async Task ANamedRoleSkipsTheQuestionOfItsName()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { RoleName = "backup-role" });
        _env[AlibabaCloudEnvironmentVariables.EcsMetadata] = "backup-role";

        await Ecs(metadata).GetCredentialsAsync();

        Assert.Equal(0, metadata.RoleNameRequests);
        Assert.Equal(1, metadata.CredentialRequests);
    }

    [Fact]
    public async Task AnOldMetadataServiceWithoutTokensIsAskedWithoutOne()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { SupportsTokens = false });

        var credentials = await Ecs(metadata).GetCredentialsAsync();

        Assert.Equal(metadata.Issued[0].Account.AccessKeyId, credentials.AccessKeyId);
        Assert.Equal(2, metadata.RequestsWithoutToken);
    }

    [Fact]
    public async Task WithVersionOneDisabledNoTokenIsAFailure()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { SupportsTokens = false });
        _env[AlibabaCloudEnvironmentVariables.ImdsV1Disabled] = "true";

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Ecs(metadata).GetCredentialsAsync().AsTask());

        Assert.IsNotType<AlibabaCloudCredentialsUnavailableException>(error);
        Assert.Contains("ALIBABA_CLOUD_IMDSV1_DISABLED", error.Message);
        Assert.Equal(0, metadata.RequestsWithoutToken);
    }

    [Fact]
    public async Task AnInstanceWithoutARoleAndAMachineWithoutAMetadataServiceAreUnavailable()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync(new MetadataServiceStandInOptions { RoleName = null });
        await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => Ecs(metadata).GetCredentialsAsync().AsTask());

        // Nothing listens on the closed port: refused at once.
        var nowhere = new EcsRamRoleCredentialsProvider(_env.Options(new EcsRamRoleCredentialsProviderOptions()));
        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => nowhere.GetCredentialsAsync().AsTask());
        Assert.Contains("127.0.0.1:1", error.Message);
    }

    [Fact]
    public async Task AMetadataServiceThatDoesNotAnswerIsGivenUpAfterTheRequestTimeout()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync();
        metadata.Faults = new CredentialsStandInFaults { Delay = TimeSpan.FromSeconds(30) };
        var provider = Ecs(metadata, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsUnavailableException>(() => provider.GetCredentialsAsync().AsTask());
        watch.Stop();

        Assert.Contains("did not answer within 300 ms", error.Message);
        // The bound is the request timeout, not the stand-in's 30 seconds (a wide margin for a loaded machine).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task AnErrorFromTheMetadataServiceIsAFailureAndNeverQuotesTheBody()
    {
        await using var metadata = await MetadataServiceStandIn.StartAsync();
        metadata.Faults = new CredentialsStandInFaults { StatusCode = 500 };

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => Ecs(metadata).GetCredentialsAsync().AsTask());

        Assert.IsNotType<AlibabaCloudCredentialsUnavailableException>(error);
        Assert.Contains("HTTP 500", error.Message);
    }

    [Fact]
    public async Task ACredentialsUriAnswersWithTemporaryCredentials()
    {
        await using var uri = await CredentialsUriStandIn.StartAsync();
        _env[AlibabaCloudEnvironmentVariables.CredentialsUri] = uri.CredentialsUri + "?key=do-not-show";
        var provider = new UriCredentialsProvider(_env.Options(new UriCredentialsProviderOptions()));

        var credentials = await provider.GetCredentialsAsync();

        var issued = Assert.Single(uri.Issued);
        Assert.Equal(issued.Account.AccessKeyId, credentials.AccessKeyId);
        Assert.Equal(issued.Account.AccessKeySecret, credentials.AccessKeySecret);
        Assert.Equal("credential_uri", credentials.ProviderName);
        Assert.DoesNotContain("do-not-show", provider.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACredentialsUriThatFailsIsAFailureWithoutItsQueryOrBody()
    {
        await using var uri = await CredentialsUriStandIn.StartAsync();
        uri.Faults = new CredentialsStandInFaults { StatusCode = 503 };
        var provider = new UriCredentialsProvider(_env.Options(new UriCredentialsProviderOptions { Uri = new Uri(uri.CredentialsUri + "?key=do-not-show") }));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("HTTP 503", error.Message);
        Assert.DoesNotContain("do-not-show", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Code\":\"Failed\",\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"leaked-secret-1\",\"SecurityToken\":\"t\",\"Expiration\":\"2030-01-01T00:00:00Z\"}", "Code 'Failed'")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"leaked-secret-1\",\"Expiration\":\"2030-01-01T00:00:00Z\"}", "without SecurityToken")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"leaked-secret-1\",\"SecurityToken\":\"t\",\"Expiration\":\"tomorrow\"}", "Expiration")]
    [InlineData("leaked-secret-1 is not JSON", "not JSON")]
    public void ABrokenAnswerIsNamedWithoutTheSecretItHolds(string body, string expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);

        var error = Assert.Throws<AlibabaCloudCredentialsException>(() => CredentialsDocumentProbe.Read(bytes));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("leaked-secret-1", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Reads a body the way both providers do, through a stand-in of our own over real HTTP.</summary>
    private static class CredentialsDocumentProbe
    {
        public static void Read(byte[] body)
        {
            using var handler = new FixedAnswer(body);
            var provider = new UriCredentialsProvider(new UriCredentialsProviderOptions
            {
                Uri = new Uri("http://127.0.0.1:1/credentials"),
                HttpClient = new HttpClient(handler),
                EnvironmentVariables = _ => null,
            });
            try
            {
                provider.GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (AggregateException aggregate) when (aggregate.InnerException is AlibabaCloudCredentialsException inner)
            {
                throw inner;
            }
        }

        private sealed class FixedAnswer(byte[] body) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }
}
