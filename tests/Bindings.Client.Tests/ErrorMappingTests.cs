using System.Net;

namespace Bindings.Client.Tests;

/// <summary>Every error body, Alibaba's and not, becomes one clear <see cref="AlibabaCloudServiceException"/>.</summary>
public class ErrorMappingTests
{
    private static async Task<AlibabaCloudServiceException> Fail(FakeHttpHandler handler, Action<AlibabaCloudClientOptions>? configure = null)
    {
        var client = TestClients.Rds(handler, configure);
        return await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));
    }

    public static TheoryData<string, string> AlibabaErrorBodies() => new()
    {
        // XML, the documented order.
        { "application/xml", "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R-1</RequestId><HostId>rds.aliyuncs.com</HostId><Code>InvalidDBInstanceId.NotFound</Code><Message>The specified instance is not found.</Message></Error>" },
        // XML, another order, with white space and Recommend.
        { "text/xml", "<Error>\n  <Code>InvalidDBInstanceId.NotFound</Code>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound</Recommend>\n  <Message>The specified instance is not found.</Message>\n  <HostId>rds.aliyuncs.com</HostId>\n  <RequestId>R-1</RequestId>\n</Error>" },
        // JSON, the documented order.
        { "application/json", """{"RequestId":"R-1","HostId":"rds.aliyuncs.com","Code":"InvalidDBInstanceId.NotFound","Message":"The specified instance is not found."}""" },
        // JSON, reversed, with Recommend and unknown members of every kind.
        { "application/json;charset=utf-8", """{"Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound","AccessDeniedDetail":{"x":[1,2]},"Message":"The specified instance is not found.","Code":"InvalidDBInstanceId.NotFound","Retryable":false,"HostId":"rds.aliyuncs.com","RequestId":"R-1"}""" },
        // JSON with lower-case names, as some gateways send.
        { "application/json", """{"requestId":"R-1","hostId":"rds.aliyuncs.com","code":"InvalidDBInstanceId.NotFound","message":"The specified instance is not found."}""" },
    };

    [Theory]
    [MemberData(nameof(AlibabaErrorBodies))]
    public async Task AlibabaErrorBodiesAreReadInEitherFormatAndAnyOrder(string contentType, string body)
    {
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.BadRequest, body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidDBInstanceId.NotFound", error.Code);
        Assert.Equal("The specified instance is not found.", error.ServiceMessage);
        Assert.Equal("R-1", error.RequestId);
        Assert.Equal("rds.aliyuncs.com", error.HostId);
        Assert.True(error.IsServiceError);
        Assert.False(error.IsTransient);
        Assert.Null(error.BodyExcerpt);
        Assert.Equal("DescribeBackupTasks", error.Operation);
        Assert.Equal(1, error.Attempt);
        Assert.Equal(SignatureMismatchVerdict.None, error.SignatureMismatch);
        Assert.StartsWith("DescribeBackupTasks failed: InvalidDBInstanceId.NotFound (HTTP 400): The specified instance is not found. RequestId: R-1. HostId: rds.aliyuncs.com.", error.Message);
        if (body.Contains("Recommend"))
        {
            Assert.Equal("https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound", error.Recommend);
            Assert.EndsWith("Recommend: https://api.aliyun.com/troubleshoot?q=InvalidDBInstanceId.NotFound.", error.Message);
        }
        else
        {
            Assert.Null(error.Recommend);
            Assert.DoesNotContain("Recommend", error.Message);
        }
    }

    [Fact]
    public async Task AnErrorInTheOtherFormatThanAskedForIsStillRead()
    {
        var error = await Fail(
            new FakeHttpHandler().Then(HttpStatusCode.Forbidden, "<Error><Code>Forbidden.RAM</Code><Message>User not authorized.</Message><RequestId>R-2</RequestId></Error>", "text/xml"),
            o => o.Format = ResponseFormat.Json);

        Assert.Equal("Forbidden.RAM", error.Code);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Null(error.HostId);
    }

    [Fact]
    public async Task ANotFoundWith404IsMappedAndNotRetried()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.NotFound, "InvalidDBInstance.NotFound", "The instance does not exist."));
        var error = await Fail(handler);

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("InvalidDBInstance.NotFound", error.Code);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task AProxysHtmlPageGivesTheStatusAndAShortExcerpt()
    {
        var html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.BadGateway, html, "text/html", ("x-acs-request-id", "R-HEADER")), o => o.Retry.MaxRetries = 0);

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.Code);
        Assert.False(error.IsServiceError);
        Assert.True(error.IsTransient);
        Assert.Equal("R-HEADER", error.RequestId);
        Assert.Equal("<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>", error.BodyExcerpt);
        Assert.StartsWith("DescribeBackupTasks failed: HTTP 502 (BadGateway) with a body that is not an Alibaba Cloud error: <html> <head>", error.Message);
        Assert.Contains("RequestId: R-HEADER.", error.Message);
    }

    [Fact]
    public async Task AnEmptyBodySaysSo()
    {
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.InternalServerError, "", ""), o => o.Retry.MaxRetries = 0);

        Assert.Null(error.Code);
        Assert.Equal("", error.BodyExcerpt);
        Assert.Equal("DescribeBackupTasks failed: HTTP 500 (InternalServerError) with an empty body", error.Message);
    }

    [Theory]
    [InlineData("""{"RequestId":"R-1","Code":"InvalidParam""")]
    [InlineData("""<Error><Code>InvalidParameter</Code><Message>The parameter""")]
    [InlineData("""{"RequestId":"R-1","Code":"InvalidParameter"} trailing""")]
    [InlineData("""{"RequestId":"R-1","Message":"no code at all"}""")]
    [InlineData("""Service Unavailable""")]
    public async Task ATruncatedOrForeignBodyIsNotTakenForAnError(string body)
    {
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.BadRequest, body));

        Assert.Null(error.Code);
        Assert.Equal(body, error.BodyExcerpt);
        Assert.Contains("HTTP 400 (BadRequest) with a body that is not an Alibaba Cloud error: " + body, error.Message);
    }

    [Fact]
    public async Task ALongBodyIsCutTo512CharactersAndControlCharactersAreEscaped()
    {
        var body = "\u0001" + new string('x', 5000);
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.BadRequest, body, "text/plain"));

        Assert.StartsWith("\\u0001xxx", error.BodyExcerpt);
        Assert.Equal(512 + 1, error.BodyExcerpt!.Length);
        Assert.EndsWith("x…", error.BodyExcerpt);
        Assert.True(error.Message.Length < 700);
    }

    [Fact]
    public async Task AHugeErrorBodyIsNotReadWhole()
    {
        var body = """{"Code":"InvalidParameter","Message":" """ + new string('y', 200_000) + "\"}";
        var error = await Fail(new FakeHttpHandler().Then(HttpStatusCode.BadRequest, body));

        // Past 64 KiB the body counts as cut off: the excerpt says what it was.
        Assert.Null(error.Code);
        Assert.StartsWith("{\"Code\":\"InvalidParameter\"", error.BodyExcerpt);
        Assert.EndsWith("…", error.BodyExcerpt);
    }

    [Fact]
    public async Task ThrottlingIsTransientAndCarriesTheServicesRetryAfter()
    {
        var error = await Fail(
            new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling.User", "Request was denied due to user flow control.", ("x-acs-retry-after", "1500"))),
            o => o.Retry.MaxRetries = 0);

        Assert.True(error.IsThrottling);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
    }

    [Fact]
    public void TheExceptionCanBeBuiltByCodeThatTestsItsHandlers()
    {
        var error = new AlibabaCloudServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "Try later.", "R-9");

        Assert.True(error.IsTransient);
        Assert.Equal("The call failed: ServiceUnavailable (HTTP 503): Try later. RequestId: R-9.", error.Message);
    }
}
