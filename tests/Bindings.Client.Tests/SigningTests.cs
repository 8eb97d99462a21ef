using System.Net;
using Bindings.Signing;

namespace Bindings.Client.Tests;

/// <summary>What goes on the wire: signed correctly (checked with the server-side verifiers), complete, fresh per attempt.</summary>
public class SigningTests
{
    public static TheoryData<SignatureVersion, RpcHttpMethod, ResponseFormat, bool> Combinations()
    {
        var data = new TheoryData<SignatureVersion, RpcHttpMethod, ResponseFormat, bool>();
        foreach (var version in new[] { SignatureVersion.V1, SignatureVersion.V3 })
        {
            foreach (var method in new[] { RpcHttpMethod.Get, RpcHttpMethod.Post })
            {
                foreach (var format in new[] { ResponseFormat.Json, ResponseFormat.Xml })
                {
                    foreach (var sts in new[] { false, true })
                    {
                        data.Add(version, method, format, sts);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task EveryCombinationIsSignedSoThatTheServerVerifiesItAndParsesTheAnswer(
        SignatureVersion version, RpcHttpMethod method, ResponseFormat format, bool sts)
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => { o.SignatureVersion = version; o.HttpMethod = method; o.Format = format; }, sts);

        var response = await client.DescribeBackupTasksAsync(new() { DBInstanceId = "rm-uf6wjk5xxxxxxx", BackupJobId = 4762614, Flag = "a b*~/é" });

        Assert.Equal(Bodies.RequestId, response.RequestId);
        var job = Assert.Single(response.Items);
        Assert.Equal(4762614, job.BackupJobId);
        Assert.Equal(25m, job.Process);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(method == RpcHttpMethod.Get ? "GET" : "POST", sent.Method);
        Assert.Equal("/", sent.Uri.AbsolutePath);
        Assert.Equal(format == ResponseFormat.Xml ? "XML" : "JSON", sent.Parameter("Format"));
        Assert.Equal("rm-uf6wjk5xxxxxxx", sent.Parameter("DBInstanceId"));
        Assert.Equal("4762614", sent.Parameter("BackupJobId"));
        Assert.Equal("a b*~/é", sent.Parameter("Flag"));
        Assert.Equal(AlibabaCloudClientOptions.DefaultUserAgent, sent.Header("User-Agent"));
        if (method == RpcHttpMethod.Get)
        {
            Assert.Empty(sent.Body);
            Assert.Null(sent.Header("Content-Type"));
        }
        else
        {
            // Every parameter of DescribeBackupTasks is position: query: in the URL, as the official SDK
            // sends it; a V1 POST carries only SecurityToken and Signature in its body, a V3 POST no body.
            Assert.Equal("rm-uf6wjk5xxxxxxx", sent.Query.Single(p => p.Key == "DBInstanceId").Value);
            Assert.Equal(version == SignatureVersion.V1 ? (sts ? ["SecurityToken", "Signature"] : ["Signature"]) : [], sent.Form.Select(p => p.Key));
            Assert.Equal(version == SignatureVersion.V1 ? "application/x-www-form-urlencoded" : null, sent.Header("Content-Type"));
        }

        if (version == SignatureVersion.V1)
        {
            AssertV1(sent, sts);
        }
        else
        {
            AssertV3(sent, sts);
        }
    }

    private static void AssertV1(RecordedRequest sent, bool sts)
    {
        Assert.True(RpcSignatureV1.Verify(sent.Method, sent.AllParameters, TestClients.Secret, out _));
        Assert.False(RpcSignatureV1.Verify(sent.Method, sent.AllParameters, "another secret", out _));
        Assert.Equal("DescribeBackupTasks", sent.Parameter("Action"));
        Assert.Equal("2014-08-15", sent.Parameter("Version"));
        Assert.Equal(TestClients.AccessKeyId, sent.Parameter("AccessKeyId"));
        Assert.Equal("HMAC-SHA1", sent.Parameter("SignatureMethod"));
        Assert.Equal("1.0", sent.Parameter("SignatureVersion"));
        Assert.Matches("^[0-9a-f]{32}$", sent.Parameter("SignatureNonce"));
        Assert.True(AlibabaTimestamp.TryParse(sent.Parameter("Timestamp"), out _));
        Assert.Equal(sts ? TestClients.StsToken : null, sent.Parameter("SecurityToken"));
        Assert.Null(sent.Header("Authorization"));
    }

    private static void AssertV3(RecordedRequest sent, bool sts)
    {
        Assert.True(AcsSignatureV3.Verify(sent.Method, sent.Uri.AbsolutePath, sent.Query, sent.Headers, sent.Body, TestClients.Secret, out _));
        Assert.False(AcsSignatureV3.Verify(sent.Method, sent.Uri.AbsolutePath, sent.Query, sent.Headers, sent.Body, "another secret", out _));
        Assert.Equal("DescribeBackupTasks", sent.Header("x-acs-action"));
        Assert.Equal("2014-08-15", sent.Header("x-acs-version"));
        Assert.Equal("127.0.0.1:5380", sent.Header("Host"));
        Assert.Matches("^[0-9a-f]{32}$", sent.Header("x-acs-signature-nonce"));
        Assert.True(AlibabaTimestamp.TryParse(sent.Header("x-acs-date"), out _));
        Assert.Equal(AcsSignatureV3.HashPayload(sent.Body), sent.Header("x-acs-content-sha256"));
        Assert.Equal(sts ? TestClients.StsToken : null, sent.Header("x-acs-security-token"));
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=" + TestClients.AccessKeyId + ",SignedHeaders=", sent.Header("Authorization"));
        Assert.Null(sent.Parameter("Action"));
        Assert.Null(sent.Parameter("Signature"));
        Assert.Null(sent.Parameter("SecurityToken"));
        if (sent.Body.Length > 0)
        {
            Assert.Contains("content-type", sent.Header("Authorization"));
        }
        else
        {
            // A POST whose parameters are all in the query has no body, as the official SDK sends it.
            Assert.DoesNotContain("content-type", sent.Header("Authorization"));
        }
    }

    [Fact]
    public async Task TheTimestampComesFromTheConfiguredClock()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(9));
        var client = TestClients.Rds(handler, o => { o.TimeProvider = new FixedClock(now); o.SignatureVersion = SignatureVersion.V1; });

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal("2026-03-03T20:06:07Z", handler.Requests[0].Parameter("Timestamp"));
    }

    [Fact]
    public async Task TheDefaultsAreV3PostJsonToTheDefaultHostOverHttps()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = new Rds.RdsClient(new HttpClient(handler), new AlibabaCloudClientOptions { Credentials = TestClients.Credentials() });

        await client.DescribeBackupTasksAsync(TestClients.Request());

        var sent = handler.Requests[0];
        Assert.Equal("https://rds.aliyuncs.com/", sent.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("rm-uf6wjk5xxxxxxx", sent.Query.Single(p => p.Key == "DBInstanceId").Value);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("JSON", sent.Parameter("Format"));
        Assert.Equal("rds.aliyuncs.com", sent.Header("Host"));
        Assert.True(AcsSignatureV3.Verify("POST", "/", sent.Query, sent.Headers, sent.Body, TestClients.Secret, out _));
    }

    [Fact]
    public async Task TheConfiguredUserAgentIsSent()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.UserAgent = "backup-watch/2.0");

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal("backup-watch/2.0", handler.Requests[0].Header("User-Agent"));
    }

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task EachAttemptIsSignedAfreshWithANewNonce(SignatureVersion version)
    {
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling"))
            .Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"))
            .Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.SignatureVersion = version);

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(3, handler.Calls);
        var nonces = handler.Requests.Select(r => version == SignatureVersion.V1 ? r.Parameter("SignatureNonce") : r.Header("x-acs-signature-nonce")).ToList();
        Assert.Equal(3, nonces.Distinct().Count());
        var signatures = handler.Requests.Select(r => version == SignatureVersion.V1 ? r.Parameter("Signature") : r.Header("Authorization")).ToList();
        Assert.Equal(3, signatures.Distinct().Count());
        foreach (var sent in handler.Requests)
        {
            Assert.True(version == SignatureVersion.V1
                ? RpcSignatureV1.Verify(sent.Method, sent.AllParameters, TestClients.Secret, out _)
                : AcsSignatureV3.Verify(sent.Method, "/", sent.Query, sent.Headers, sent.Body, TestClients.Secret, out _));
        }
    }
}
