using System.Net;
using Bindings.Signing;

namespace Bindings.Client.Tests;

/// <summary>
/// <c>SignatureDoesNotMatch</c>: the server's string to sign, compared with the client's, tells a wrong
/// secret from a signing difference. The fake server computes its string with the real verifiers.
/// </summary>
public class SignatureMismatchTests
{
    private static string ServerStringToSign(RecordedRequest request, SignatureVersion version)
    {
        if (version == SignatureVersion.V1)
        {
            RpcSignatureV1.Verify(request.Method, request.AllParameters, "whatever the server holds", out var v1);
            return v1;
        }

        AcsSignatureV3.Verify(request.Method, "/", request.Query, request.Headers, request.Body, "whatever the server holds", out var v3);
        return v3;
    }

    private static HttpResponseMessage Mismatch(string serverStringToSign, bool xml)
    {
        var message = "Specified signature is not matched with our calculation. server string to sign is:" + serverStringToSign;
        return xml
            ? Responses.Make(HttpStatusCode.BadRequest, "<Error><RequestId>R-S</RequestId><HostId>rds.aliyuncs.com</HostId><Code>SignatureDoesNotMatch</Code><Message>"
                + System.Security.SecurityElement.Escape(message) + "</Message></Error>", "text/xml")
            : Responses.Make(HttpStatusCode.BadRequest, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Message"] = message, ["RequestId"] = "R-S", ["HostId"] = "rds.aliyuncs.com", ["Code"] = "SignatureDoesNotMatch",
                ["Recommend"] = "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch",
            }));
    }

    public static TheoryData<SignatureVersion, RpcHttpMethod, bool> Cases() => new()
    {
        { SignatureVersion.V1, RpcHttpMethod.Get, false },
        { SignatureVersion.V1, RpcHttpMethod.Post, true },
        { SignatureVersion.V3, RpcHttpMethod.Get, true },
        { SignatureVersion.V3, RpcHttpMethod.Post, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheSameStringToSignMeansTheSecretIsWrong(SignatureVersion version, RpcHttpMethod method, bool xml)
    {
        var handler = new FakeHttpHandler().Then(request => Mismatch(ServerStringToSign(request, version), xml));
        var client = TestClients.Rds(handler, o => { o.SignatureVersion = version; o.HttpMethod = method; o.Format = xml ? ResponseFormat.Xml : ResponseFormat.Json; });

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal(SignatureMismatchVerdict.SecretIsWrong, error.SignatureMismatch);
        Assert.Equal(error.ClientStringToSign, error.ServerStringToSign);
        Assert.Contains("the AccessKey secret is wrong", error.Message);
        Assert.DoesNotContain("signed differently", error.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ADifferentStringToSignMeansTheRequestWasSignedDifferently(SignatureVersion version, RpcHttpMethod method, bool xml)
    {
        // The server read the request with another path, as a rewriting proxy would make it.
        var handler = new FakeHttpHandler().Then(request => Mismatch(ServerStringToSign(request, version).Replace("%2F", "%2Fapi%2F") + "\nx", xml));
        var client = TestClients.Rds(handler, o => { o.SignatureVersion = version; o.HttpMethod = method; });

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(SignatureMismatchVerdict.SignedDifferently, error.SignatureMismatch);
        Assert.NotNull(error.ClientStringToSign);
        Assert.NotNull(error.ServerStringToSign);
        Assert.NotEqual(error.ClientStringToSign, error.ServerStringToSign);
        Assert.Contains("the request was signed differently", error.Message);
        Assert.Contains("Client string to sign: " + error.ClientStringToSign, error.Message);
        Assert.Contains("Server string to sign: " + error.ServerStringToSign, error.Message);
        Assert.DoesNotContain("secret is wrong", error.Message);
    }

    [Fact]
    public async Task WithoutTheServersStringTheVerdictIsUndetermined()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", "The request signature does not conform to Aliyun standards."));
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(SignatureMismatchVerdict.Undetermined, error.SignatureMismatch);
        Assert.Null(error.ServerStringToSign);
        Assert.Contains("did not quote its string to sign", error.Message);
    }

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task TheStsTokenInTheStringsToSignIsRedacted(SignatureVersion version)
    {
        var handler = new FakeHttpHandler().Then(request => Mismatch(ServerStringToSign(request, version) + (version == SignatureVersion.V3 ? "" : "%26Extra%3D1"), xml: false));
        var client = TestClients.Rds(handler, o => o.SignatureVersion = version, sts: true);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(version == SignatureVersion.V1 ? SignatureMismatchVerdict.SignedDifferently : SignatureMismatchVerdict.SecretIsWrong, error.SignatureMismatch);
        if (version == SignatureVersion.V1)
        {
            // The token sat, percent-encoded twice, in both strings; now only the mask does.
            Assert.Contains("SecurityToken%3D***", error.ClientStringToSign);
            Assert.Contains("SecurityToken%3D***", error.ServerStringToSign);
        }

        TestClients.AssertNoSecrets(error.Message);
        TestClients.AssertNoSecrets(error.ToString());
        TestClients.AssertNoSecrets(error.ServiceMessage);
        TestClients.AssertNoSecrets(error.ClientStringToSign);
        TestClients.AssertNoSecrets(error.ServerStringToSign);
    }
}
