using System.Net;
using Bindings.Client;
using Bindings.Rds;
using Bindings.Signing;
using Bindings.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bindings.Reliability.Tests;

/// <summary>
/// The transport as a hostile network would serve it, over real loopback HTTP: redirects to another origin,
/// error documents with a success status, documents with the wrong root, bodies that never end and lengths
/// that lie. The client must never send credentials elsewhere, never read an error as a success, and never
/// hold more than the configured limit.
/// </summary>
public sealed class HostileTransportTests
{
    private static readonly AlibabaCloudCredentials Sts = Secrets.Credentials(Secrets.Sts);

    private const string TasksJson = """{"RequestId":"r-1","Items":{"BackupJob":[{"BackupJobId":4762614,"BackupStatus":"Finished"}]}}""";

    [Theory]
    [InlineData(307, SignatureVersion.V1)]
    [InlineData(308, SignatureVersion.V1)]
    [InlineData(301, SignatureVersion.V3)]
    [InlineData(302, SignatureVersion.V3)]
    [InlineData(303, SignatureVersion.V3)]
    [InlineData(307, SignatureVersion.V3)]
    [InlineData(308, SignatureVersion.V3)]
    public async Task A_redirect_is_an_error_that_shows_its_location_and_is_never_followed_by_the_registered_client(int status, SignatureVersion signature)
    {
        await using var elsewhere = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, "application/json", TasksJson));
        var location = new Uri(elsewhere.BaseAddress, "/collect?AccessKeyId=echoed");
        await using var service = await LoopbackServer.StartAsync(Redirect(status, location));

        var services = new ServiceCollection();
        services.AddRdsClient(options => Configure(options, service.BaseAddress, signature));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<RdsClient>();

        var failure = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Equal(status, (int)failure.StatusCode);
        Assert.Equal(elsewhere.BaseAddress + "collect?…", failure.RedirectLocation);
        Assert.Contains("HTTP " + status, failure.Message, StringComparison.Ordinal);
        Assert.Contains("redirects to " + elsewhere.BaseAddress + "collect?…, which was not followed", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.Empty(elsewhere.Requests);
        // Not retried, although the call is read-only and the pipeline allows 3 retries.
        Assert.Single(service.Requests);
        Assert.Null(Secrets.FindLeak(failure.ToString()));
    }

    [Theory]
    [InlineData(307, SignatureVersion.V1)]
    [InlineData(308, SignatureVersion.V1)]
    [InlineData(302, SignatureVersion.V3)]
    [InlineData(307, SignatureVersion.V3)]
    public async Task A_redirect_that_the_callers_own_HttpClient_followed_fails_and_its_answer_is_not_returned(int status, SignatureVersion signature)
    {
        // The other origin answers as the service would: the client must not take it for the answer.
        await using var elsewhere = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, "application/json", TasksJson));
        await using var service = await LoopbackServer.StartAsync(Redirect(status, new Uri(elsewhere.BaseAddress, "/")));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions(), service.BaseAddress, signature));

        var failure = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.True(failure.IsRedirect);
        Assert.False(failure.IsTimeout);
        Assert.Contains("the request to " + Origin(service.BaseAddress) + " was redirected to " + Origin(elsewhere.BaseAddress), failure.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false", failure.Message, StringComparison.Ordinal);
        Assert.Null(Secrets.FindLeak(failure.ToString()));
        Assert.DoesNotContain("Signature", failure.Message, StringComparison.Ordinal);
        // HttpClient followed it once (the harm that setting AllowAutoRedirect prevents); the client did not retry.
        Assert.Single(service.Requests);
        Assert.Single(elsewhere.Requests);
    }

    [Theory]
    [InlineData(ResponseFormat.Json, "application/json", """{"Code":"Throttling.User","Message":"Request was denied due to user flow control.","RequestId":"r-1"}""")]
    [InlineData(ResponseFormat.Json, "application/json", """{"RequestId":"r-1","HostId":"rds.aliyuncs.com","Code":"Throttling","Message":"slow down","Recommend":"https://api.aliyun.com/troubleshoot"}""")]
    [InlineData(ResponseFormat.Xml, "text/xml", "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>r-1</RequestId><HostId>rds.aliyuncs.com</HostId><Code>Throttling</Code><Message>slow down</Message></Error>")]
    public async Task A_throttling_error_document_with_status_200_is_a_service_error_retried_as_throttling_is(ResponseFormat format, string contentType, string body)
    {
        await using var service = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, contentType, body));
        using var http = new HttpClient();
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions { Format = format }, service.BaseAddress, SignatureVersion.V3, maxRetries: 2));

        var failure = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.StartsWith("Throttling", failure.Code, StringComparison.Ordinal);
        Assert.Equal("r-1", failure.RequestId);
        Assert.True(failure.IsThrottling);
        Assert.Equal(3, failure.Attempt);
        Assert.Equal(3, service.Requests.Count);
    }

    [Theory]
    [InlineData(ResponseFormat.Json, "application/json", """{"Code":"InvalidDBInstanceId.NotFound","Message":"The specified instance is not found.","RequestId":"r-2"}""")]
    [InlineData(ResponseFormat.Xml, "text/xml", "<Error><Code>InvalidDBInstanceId.NotFound</Code><Message>The specified instance is not found.</Message><RequestId>r-2</RequestId></Error>")]
    public async Task Any_other_error_document_with_status_200_is_a_final_service_error(ResponseFormat format, string contentType, string body)
    {
        await using var service = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, contentType, body));
        using var http = new HttpClient();
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions { Format = format }, service.BaseAddress, SignatureVersion.V3, maxRetries: 2));

        var failure = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.Equal("InvalidDBInstanceId.NotFound", failure.Code);
        Assert.Equal("The specified instance is not found.", failure.ServiceMessage);
        Assert.Equal("r-2", failure.RequestId);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task A_response_that_has_Code_and_Message_beside_its_own_members_is_a_response()
    {
        // Code and Message are not members of this response, but Items is: a real answer, read as one.
        const string body = """{"Code":"200","Message":"successful","RequestId":"r-3","Items":{"BackupJob":[{"BackupJobId":1}]}}""";
        await using var service = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, "application/json", body));
        using var http = new HttpClient();
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions(), service.BaseAddress, SignatureVersion.V3));

        var response = await client.DescribeBackupTasksAsync(Request());

        Assert.Equal(1L, Assert.Single(response.Items).BackupJobId);
        Assert.Equal(["Code", "Message"], response.UnknownMembers.Select(member => member.Name));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>Sign in</body></html>", "DTD")]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><Items/></body></html>", "found <html>")]
    [InlineData("<DescribeBackupTasksResult><RequestId>r</RequestId><Items/></DescribeBackupTasksResult>", "found <DescribeBackupTasksResult>")]
    public async Task An_XML_success_body_rooted_elsewhere_is_a_parse_error_that_names_the_root(string body, string expected)
    {
        await using var service = await LoopbackServer.StartAsync(LoopbackServer.Answer(200, "text/xml", body));
        using var http = new HttpClient();
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions { Format = ResponseFormat.Xml }, service.BaseAddress, SignatureVersion.V3));

        var failure = await Assert.ThrowsAsync<ResponseParseException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Single(service.Requests);
    }

    [Theory]
    [InlineData(ResponseFormat.Json)]
    [InlineData(ResponseFormat.Xml)]
    public async Task A_body_that_never_ends_is_refused_at_the_limit(ResponseFormat format)
    {
        const int Limit = 256 * 1024;
        await using var service = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = format == ResponseFormat.Json ? "application/json" : "text/xml";
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)' ');
            await context.Response.Body.WriteAsync(format == ResponseFormat.Json ? "{\"Items\":"u8.ToArray() : "<DescribeBackupTasksResponse>"u8.ToArray());
            try
            {
                // Bounded: 64 MiB at most, far past the limit; the client stops reading long before.
                for (var i = 0; i < 4096 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                // The client dropped the connection.
            }
        });
        using var http = new HttpClient();
        var options = Configure(new AlibabaCloudClientOptions { Format = format, ParseOptions = new ResponseParseOptions { MaxDocumentSize = Limit } }, service.BaseAddress, SignatureVersion.V3);
        var client = new RdsClient(http, options);

        var failure = await Assert.ThrowsAsync<ResponseParseException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Equal("the document is larger than the limit of " + Limit + " bytes (ResponseParseOptions.MaxDocumentSize)", failure.Reason);
        Assert.Equal("DescribeBackupTasksResponse", failure.TargetType);
        // Not retried: a body over the limit would be as large the next time. (How much the server got to
        // write is not asserted: Kestrel and the sockets buffer, and the handler may drain some of the rest;
        // the client's memory bound is measured in StreamEntryPointTests.)
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task An_announced_length_over_the_limit_is_refused_before_the_body_is_read()
    {
        await using var service = await LoopbackServer.StartAsync(async context =>
        {
            // Claims 1 GiB, sends 112 bytes and stops.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1L << 30;
            await context.Response.Body.WriteAsync(new byte[112]);
            await context.Response.Body.FlushAsync();
            // Held open (bounded) until the client drops the connection, as it does on reading the headers.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            context.Abort();
        });
        using var http = new HttpClient();
        var client = new RdsClient(http, Configure(new AlibabaCloudClientOptions(), service.BaseAddress, SignatureVersion.V3));

        var failure = await Assert.ThrowsAsync<ResponseParseException>(() => client.DescribeBackupTasksAsync(Request()));

        Assert.Contains("larger than the limit of " + ResponseParseOptions.Default.MaxDocumentSize + " bytes", failure.Reason, StringComparison.Ordinal);
        Assert.Single(service.Requests);
    }

    private static Func<HttpContext, Task> Redirect(int status, Uri location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location.ToString();
        return Task.CompletedTask;
    };

    private static AlibabaCloudClientOptions Configure(AlibabaCloudClientOptions options, Uri endpoint, SignatureVersion signature, int maxRetries = 3)
    {
        options.Endpoint = endpoint;
        options.Credentials = Sts;
        options.SignatureVersion = signature;
        options.HttpMethod = RpcHttpMethod.Post;
        options.Retry = new AlibabaCloudRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false };
        return options;
    }

    private static DescribeBackupTasksRequest Request() => new() { DBInstanceId = "rm-uf6wjk5xxxxxxx" };

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
