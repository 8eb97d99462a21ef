using System.Net;
using Bindings.Credentials;
using Bindings.Rds;
using Bindings.Signing;
using Bindings.Sts;

namespace Bindings.Client.Tests;

/// <summary>The raw answer beside the typed result, the interface to mock, anonymous operations, and credentials asked at every attempt.</summary>
public class ClientSurfaceTests
{
    [Fact]
    public async Task WithResponseGivesTheStatusTheHeadersTheRequestIdAndTheAttempts()
    {
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"))
            .Then(_ => Responses.Make(HttpStatusCode.OK, Bodies.Json, "application/json", ("x-acs-request-id", "REQ-RAW"), ("x-acs-trace-id", "trace-1")));

        var response = await TestClients.Rds(handler).DescribeBackupTasksWithResponseAsync(TestClients.Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("REQ-RAW", response.RequestId);
        Assert.Equal("trace-1", response.Headers["X-ACS-TRACE-ID"]);
        Assert.StartsWith("application/json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(2, response.Attempts);
        DescribeBackupTasksResponse value = response;
        Assert.Same(response.Value, value);
        Assert.Single(value.Items);
        Assert.DoesNotContain("trace-1", response.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Code under test that depends on the interface, as a user's would.</summary>
    private sealed class BackupReport(IRdsClient rds)
    {
        public async Task<string> SummarizeAsync(string instance)
        {
            var answer = await rds.DescribeBackupTasksWithResponseAsync(new DescribeBackupTasksRequest { DBInstanceId = instance });
            return $"{answer.Value.Items.Count} task(s), request {answer.RequestId}";
        }
    }

    /// <summary>
    /// A fake made the way mocking libraries make them (a proxy of the interface): the interface is all they
    /// need. It answers the one operation the code under test calls and refuses every other.
    /// </summary>
    public class FakeRds : System.Reflection.DispatchProxy
    {
        public List<DescribeBackupTasksRequest> Requests { get; } = [];

        public static (IRdsClient Client, FakeRds Fake) Create()
        {
            var client = Create<IRdsClient, FakeRds>();
            return (client, (FakeRds)(object)client);
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod!.Name)
            {
                case "get_Endpoint":
                    return new Uri("https://rds.aliyuncs.com/");
                case nameof(IRdsClient.DescribeBackupTasksWithResponseAsync):
                    Requests.Add((DescribeBackupTasksRequest)args![0]!);
                    return Task.FromResult(new AlibabaCloudResponse<DescribeBackupTasksResponse>(
                        DescribeBackupTasksResponse.ParseJson(Bodies.Json), HttpStatusCode.OK, requestId: "FAKE-1"));
                default:
                    throw new NotSupportedException(targetMethod.Name + " is not faked.");
            }
        }
    }

    [Fact]
    public async Task TheGeneratedInterfaceLetsCodeBeTestedWithoutTheService()
    {
        var (client, fake) = FakeRds.Create();

        var summary = await new BackupReport(client).SummarizeAsync("rm-test");

        Assert.Equal("1 task(s), request FAKE-1", summary);
        Assert.Equal("rm-test", Assert.Single(fake.Requests).DBInstanceId);
        IRdsClient real = TestClients.Rds(new FakeHttpHandler().Then(Bodies.Ok));
        Assert.Equal(TestClients.LocalEndpoint.Authority, real.Endpoint.Authority);
    }

    [Theory]
    [InlineData(SignatureVersion.V3)]
    [InlineData(SignatureVersion.V1)]
    public async Task AnAnonymousOperationIsSentUnsignedWithItsProofInTheBody(SignatureVersion version)
    {
        const string OidcToken = "eyJraWQiOiJKQzl3eHpyaHFKMGd0.oidc-dont-log-token.sig";
        var handler = new FakeHttpHandler().Then(_ => Responses.Make(HttpStatusCode.OK,
            "{\"RequestId\":\"R\",\"Credentials\":{\"AccessKeyId\":\"STS.a\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"2030-01-01T00:00:00Z\"}}"));
        var sts = new StsClient(new HttpClient(handler), TestClients.Options(o =>
        {
            o.Credentials = null;
            o.CredentialsProvider = new NoCredentials();
            o.SignatureVersion = version;
        }));

        var response = await sts.AssumeRoleWithOIDCAsync(new AssumeRoleWithOIDCRequest
        {
            RoleArn = "acs:ram::1:role/r", OIDCProviderArn = "acs:ram::1:oidc-provider/p", OIDCToken = OidcToken, RoleSessionName = "s1",
        });

        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), response.Credentials!.Expiration);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        // The common parameters in the URL, as the official SDK's doRPCRequest; the OIDC token in the body.
        Assert.Equal(["Action", "Format", "SignatureNonce", "Timestamp", "Version"], sent.Query.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(OidcToken, sent.Form.Single(p => p.Key == "OIDCToken").Value);
        Assert.Equal("AssumeRoleWithOIDC", sent.Parameter("Action"));
        Assert.Equal("2015-04-01", sent.Parameter("Version"));
        Assert.Equal("JSON", sent.Parameter("Format"));
        Assert.NotNull(sent.Parameter("Timestamp"));
        Assert.NotNull(sent.Parameter("SignatureNonce"));
        foreach (var signed in new[] { "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SecurityToken" })
        {
            Assert.Null(sent.Parameter(signed));
        }

        Assert.Null(sent.Header("Authorization"));
        Assert.Null(sent.Header("x-acs-security-token"));
    }

    [Fact]
    public async Task AnAnonymousCallsProofIsRedactedFromItsErrors()
    {
        const string OidcToken = "eyJraWQiOiJKQzl3eHpyaHFKMGd0.oidc-dont-log-token.sig";
        var handler = new FakeHttpHandler().Then(_ => Responses.Make(HttpStatusCode.BadRequest,
            "{\"RequestId\":\"R\",\"Code\":\"AuthenticationFail.OIDCToken.Invalid\",\"Message\":\"The token " + OidcToken + " is not valid.\"}"));
        var sts = new StsClient(new HttpClient(handler), TestClients.Options(o => o.CredentialsProvider = new NoCredentials()));

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => sts.AssumeRoleWithOIDCAsync(new AssumeRoleWithOIDCRequest
        {
            RoleArn = "acs:ram::1:role/r", OIDCProviderArn = "acs:ram::1:oidc-provider/p", OIDCToken = OidcToken, RoleSessionName = "s1",
        }));

        Assert.DoesNotContain("oidc-dont-log-token", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("The token *** is not valid.", error.Message);
    }

    /// <summary>Hands out new credentials at every call, as a provider does across a refresh.</summary>
    private sealed class Rotating : IAlibabaCloudCredentialsProvider
    {
        private int _calls;

        public string Name => "rotating";

        public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            new(new AlibabaCloudCredentials("LTAI-rotation-" + Interlocked.Increment(ref _calls), TestClients.Secret));
    }

    [Fact]
    public async Task CredentialsAreAskedAtEveryAttemptSoThatARetryAfterARefreshSignsWithTheNewOnes()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling")).Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => { o.Credentials = null; o.CredentialsProvider = new Rotating(); o.SignatureVersion = SignatureVersion.V1; });

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(["LTAI-rotation-1", "LTAI-rotation-2"], handler.Requests.Select(r => r.Parameter("AccessKeyId")));
    }
}
