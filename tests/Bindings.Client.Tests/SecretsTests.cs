using System.Net;
using Microsoft.Extensions.Logging;

namespace Bindings.Client.Tests;

/// <summary>Neither the AccessKey secret nor the STS token ever reaches a log, a message or a ToString.</summary>
public class SecretsTests
{
    [Theory]
    [InlineData(SignatureVersion.V1, RpcHttpMethod.Get)]
    [InlineData(SignatureVersion.V1, RpcHttpMethod.Post)]
    [InlineData(SignatureVersion.V3, RpcHttpMethod.Get)]
    [InlineData(SignatureVersion.V3, RpcHttpMethod.Post)]
    public async Task NoSecretInLogsOrExceptionsWhateverHappens(SignatureVersion version, RpcHttpMethod method)
    {
        var logs = new CapturingLoggerFactory();
        var texts = new List<string?>();
        void Configure(AlibabaCloudClientOptions o)
        {
            o.LoggerFactory = logs;
            o.SignatureVersion = version;
            o.HttpMethod = method;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Retry.MaxRetries = 1;
        }

        // The service echoes the whole request back in its errors: the worst case.
        static HttpResponseMessage Echo(RecordedRequest request, HttpStatusCode status, string code) =>
            Responses.Make(status, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Code"] = code,
                ["Message"] = "Echo: " + request.Uri + " " + System.Text.Encoding.ASCII.GetString(request.Body) + " " + string.Join(";", request.Headers.Select(h => h.Key + "=" + h.Value))
                    + " server string to sign is:" + request.Uri.Query + System.Text.Encoding.ASCII.GetString(request.Body),
                ["RequestId"] = "R",
            }));

        var scenarios = new Func<FakeHttpHandler>[]
        {
            () => new FakeHttpHandler().Then(r => Echo(r, HttpStatusCode.BadRequest, "Throttling")).Then(Bodies.Ok),
            () => new FakeHttpHandler().Then(r => Echo(r, HttpStatusCode.BadRequest, "SignatureDoesNotMatch")),
            () => new FakeHttpHandler().Then(r => Echo(r, HttpStatusCode.InternalServerError, "InternalError")),
            () => new FakeHttpHandler().Then(r => Responses.Make(HttpStatusCode.BadGateway, "<html>" + r.Uri + System.Text.Encoding.ASCII.GetString(r.Body) + "</html>", "text/html")),
            () => new FakeHttpHandler().ThenHang(),
            () => new FakeHttpHandler().ThenThrow(new HttpRequestException("boom")),
        };

        foreach (var scenario in scenarios)
        {
            var client = TestClients.Rds(scenario(), Configure, sts: true);
            try
            {
                await client.DescribeBackupTasksAsync(TestClients.Request());
            }
            catch (Exception exception)
            {
                texts.Add(exception.Message);
                texts.Add(exception.ToString());
                if (exception is AlibabaCloudServiceException service)
                {
                    texts.AddRange([service.ServiceMessage, service.BodyExcerpt, service.ClientStringToSign, service.ServerStringToSign]);
                }
            }
        }

        Assert.NotEmpty(texts);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.Contains(texts, t => t!.Contains("***"));
        foreach (var text in texts.Concat(logs.Entries.Select(e => e.AllText)))
        {
            TestClients.AssertNoSecrets(text);
        }
    }

    [Fact]
    public async Task ATokenCutByTheExcerptLeavesNoFragment()
    {
        var body = new string('a', 500) + TestClients.StsToken + new string('b', 100);
        var client = TestClients.Rds(new FakeHttpHandler().Then(System.Net.HttpStatusCode.BadRequest, body, "text/plain"), sts: true);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(new string('a', 500) + "***" + new string('b', 9) + "…", error.BodyExcerpt);
        Assert.DoesNotContain("CAIS", error.Message);
    }

    [Fact]
    public void OptionsAndCredentialsDoNotShowTheirSecrets()
    {
        var options = TestClients.Options(sts: true);

        TestClients.AssertNoSecrets(options.ToString());
        TestClients.AssertNoSecrets(options.Credentials!.ToString());
        Assert.Contains("LTAI***", options.Credentials.ToString());
    }

    [Fact]
    public async Task LogsNameTheOperationHostAttemptAndStatus()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling")).Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.LoggerFactory = logs);

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.All(logs.Entries, e => Assert.Equal("Bindings.Client.AlibabaCloudRpcClient", e.Category));
        Assert.Equal(
            [
                "Sending DescribeBackupTasks to 127.0.0.1:5380, attempt 1",
                "DescribeBackupTasks answered HTTP 400 on attempt 1",
                "DescribeBackupTasks attempt 1 failed (Throttling, HTTP 400); retrying in 1 ms",
                "Sending DescribeBackupTasks to 127.0.0.1:5380, attempt 2",
                "DescribeBackupTasks answered HTTP 200 on attempt 2",
            ],
            logs.Entries.Select(e => e.Message));
    }
}
