using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bindings.Client.Tests;

/// <summary>What is retried, how often, after how long, and with which token.</summary>
public class RetryTests
{
    private static HttpResponseMessage Throttled(RecordedRequest _) =>
        Bodies.Error(HttpStatusCode.BadRequest, "Throttling", "Request was denied due to request throttling.");

    private static HttpRequestException ConnectionRefused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5380)", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpRequestException ConnectionReset() =>
        new(HttpRequestError.ResponseEnded, "An error occurred while sending the request.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)));

    [Theory]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    [InlineData("Throttling.User", HttpStatusCode.BadRequest)]
    [InlineData("Throttling.Api", HttpStatusCode.BadRequest)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task TransientErrorsAreRetriedUntilTheySucceed(string code, HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(status, code)).Then(_ => Bodies.Error(status, code)).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task RetriesAreBoundedAndTheLastErrorIsThrown()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"));
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(1 + 3, handler.Calls);
        Assert.Equal(4, error.Attempt);
        Assert.EndsWith("(attempt 4)", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task MaxRetriesIsHonoured(int maxRetries)
    {
        var handler = new FakeHttpHandler().Then(Throttled);
        var client = TestClients.Rds(handler, o => o.Retry.MaxRetries = maxRetries);

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(1 + maxRetries, handler.Calls);
    }

    [Theory]
    [InlineData("InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("InvalidAccessKeyId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("Forbidden.RAM", HttpStatusCode.Forbidden)]
    [InlineData("SignatureNonceUsed", HttpStatusCode.BadRequest)]
    public async Task OtherClientErrorsAreNeverRetried(string code, HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(status, code)).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(code, error.Code);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task TheSameClientTokenIsSentOnEveryAttemptOfACallAndANewOneForTheNextCall()
    {
        var handler = new FakeHttpHandler().Then(Throttled).Then(Throttled).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);
        var request = TestClients.Request();

        await client.DescribeBackupTasksAsync(request);
        var tokens = handler.Requests.Select(r => r.Parameter("ClientToken")).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Single(tokens.Distinct());
        Assert.Matches("^[0-9a-f]{32}$", tokens[0]);
        Assert.Null(request.ClientToken);

        await client.DescribeBackupTasksAsync(request);
        Assert.NotEqual(tokens[0], handler.Requests[3].Parameter("ClientToken"));
    }

    [Theory]
    [InlineData("caller-token-0001")]
    [InlineData("")]
    public async Task ACallersTokenIsKeptAndAnEmptyOneReplaced(string token)
    {
        var handler = new FakeHttpHandler().Then(Throttled).Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.SignatureVersion = SignatureVersion.V1);

        await client.DescribeBackupTasksAsync(new() { DBInstanceId = "rm-1", ClientToken = token });

        var sent = handler.Requests.Select(r => r.AllParameters.Where(p => p.Key == "ClientToken").Select(p => p.Value).Single()).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Single(sent.Distinct());
        Assert.Equal(token.Length > 0 ? token : sent[0], sent[0]);
        Assert.NotEqual("", sent[0]);
    }

    [Fact]
    public async Task TheBackoffDoublesFromTheBaseDelayUpToTheMaximum()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new FakeHttpHandler().Then(Throttled);
        var client = TestClients.Rds(handler, o =>
        {
            o.LoggerFactory = logs;
            o.Retry = new AlibabaCloudRetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.FromMilliseconds(40), MaxDelay = TimeSpan.FromMilliseconds(100), UseJitter = false };
        });
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        var delays = logs.Named("Retrying").Select(entry => (double)entry.Value("DelayMilliseconds")!).ToList();
        Assert.Equal(new double[] { 40, 80, 100, 100 }, delays);
        Assert.True(clock.ElapsedMilliseconds >= 300, "the delays were not waited: " + clock.ElapsedMilliseconds + " ms");
        Assert.Equal(5, handler.Calls);
    }

    [Fact]
    public async Task JitterSpreadsTheDelays()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new FakeHttpHandler().Then(Throttled);
        var client = TestClients.Rds(handler, o =>
        {
            o.LoggerFactory = logs;
            o.Retry = new AlibabaCloudRetryOptions { MaxRetries = 6, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200), UseJitter = true };
        });

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        var delays = logs.Named("Retrying").Select(entry => (double)entry.Value("DelayMilliseconds")!).ToList();
        Assert.Equal(6, delays.Count);
        Assert.All(delays, delay => Assert.InRange(delay, 0, 200));
        Assert.NotEqual(new double[] { 10, 20, 40, 80, 160, 200 }, delays);
    }

    [Fact]
    public async Task TheServicesRetryAfterInMillisecondsIsHonoured()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling.User", "denied", ("x-acs-retry-after", "250")))
            .Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o =>
        {
            o.LoggerFactory = logs;
            o.Retry = new AlibabaCloudRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false };
        });
        var clock = Stopwatch.StartNew();

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.True(clock.ElapsedMilliseconds >= 240, "x-acs-retry-after was not waited: " + clock.ElapsedMilliseconds + " ms");
        Assert.Equal(250d, logs.Named("Retrying").Single().Value("DelayMilliseconds"));
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task TheStandardRetryAfterIsHonouredWhenTheServiceSendsNoOwnHeader()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "busy", ("Retry-After", "1")))
            .Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o =>
        {
            o.LoggerFactory = logs;
            o.Retry = new AlibabaCloudRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(2), UseJitter = false };
        });

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(1000d, logs.Named("Retrying").Single().Value("DelayMilliseconds"));
    }

    [Fact]
    public async Task AWaitLongerThanTheMaximumDelayIsNotWaitedButReported()
    {
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling", "denied", ("x-acs-retry-after", "60000")))
            .Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task TransientNetworkFailuresOfAReadOnlyCallAreRetried()
    {
        var handler = new FakeHttpHandler().ThenThrow(ConnectionReset()).ThenThrow(new IOException("broken pipe")).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task NetworkFailuresAreReportedAsTransportExceptionsWhenRetriesRunOut()
    {
        var handler = new FakeHttpHandler().ThenThrow(ConnectionReset());
        var client = TestClients.Rds(handler, o => o.Retry.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.False(error.IsTimeout);
        Assert.True(error.RequestMayHaveReachedService);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, error.Attempt);
        Assert.Equal("DescribeBackupTasks: the connection to 127.0.0.1:5380 failed after the request was sent (attempt 2): An error occurred while sending the request.", error.Message);
    }

    [Fact]
    public async Task AnOperationThatIsNotReadOnlyAndHasNoTokenIsNotRetriedOnceTheRequestMayHaveArrived()
    {
        foreach (var failure in new Func<FakeHttpHandler, FakeHttpHandler>[]
        {
            h => h.Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")),
            h => h.Then(_ => Bodies.Error(HttpStatusCode.InternalServerError, "InternalError")),
            h => h.ThenThrow(ConnectionReset()),
        })
        {
            var handler = failure(new FakeHttpHandler()).Then(Bodies.Ok);
            var client = CreateThingRequest.Client(handler);

            var error = await Assert.ThrowsAnyAsync<Exception>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));

            Assert.True(error is AlibabaCloudServiceException or AlibabaCloudTransportException, error.ToString());
            Assert.Equal(1, handler.Calls);
        }
    }

    [Fact]
    public async Task AnOperationThatIsNotReadOnlyAndHasNoTokenIsRetriedWhenTheConnectionCouldNotBeMade()
    {
        var handler = new FakeHttpHandler().ThenThrow(ConnectionRefused()).ThenThrow(ConnectionRefused()).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        await CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null);

        Assert.Equal(3, handler.Calls);
        Assert.All(handler.Requests, r => Assert.Null(r.Parameter("ClientToken")));
    }

    [Fact]
    public async Task AConnectionThatCouldNotBeMadeIsReportedAsNeverSent()
    {
        var handler = new FakeHttpHandler().ThenThrow(ConnectionRefused());
        var client = CreateThingRequest.Client(handler, o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));

        Assert.False(error.RequestMayHaveReachedService);
        Assert.Equal(3, handler.Calls);
        Assert.StartsWith("CreateThing: could not connect to 127.0.0.1:5380 (attempt 3)", error.Message);
    }

    [Fact]
    public async Task AnOperationThatIsNotReadOnlyButHasATokenIsRetriedWithTheSameToken()
    {
        var handler = new FakeHttpHandler()
            .Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"))
            .ThenThrow(ConnectionReset())
            .Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        await CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: "ClientToken");

        Assert.Equal(3, handler.Calls);
        var tokens = handler.Requests.Select(r => r.Parameter("ClientToken")).ToList();
        Assert.NotNull(tokens[0]);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task AReadOnlyOperationWithoutTokenIsRetriedAndSendsNoToken()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        await CreateThingRequest.Send(client, new CreateThingRequest(readOnly: true), tokenParameter: null);

        Assert.Equal(2, handler.Calls);
        Assert.All(handler.Requests, r => Assert.Null(r.Parameter("ClientToken")));
    }

    [Fact]
    public async Task ASuccessBodyThatCannotBeParsedIsNotRetried()
    {
        var handler = new FakeHttpHandler().Then(HttpStatusCode.OK, """{"Items":{"BackupJob":[{"BackupJobId":"not a number"}]}}""").Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<ResponseParseException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Contains("Items.BackupJob[0].BackupJobId", error.Message);
        Assert.Equal(1, handler.Calls);
    }

    /// <summary>
    /// An answer whose headers arrive whole and whose body stops after <paramref name="breakAfter"/>
    /// bytes, as when a server closes the connection short of its Content-Length.
    /// </summary>
    private static HttpResponseMessage BrokenBody(HttpStatusCode status, string body, int breakAfter)
    {
        var response = new HttpResponseMessage(status) { Content = new StreamContent(new BreakingStream(System.Text.Encoding.UTF8.GetBytes(body), breakAfter)) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Headers.TryAddWithoutValidation("x-acs-request-id", "R-broken");
        return response;
    }

    [Fact]
    public async Task AnErrorAnswerWhoseBodyBreaksOffIsRetriedLikeABrokenConnection()
    {
        // Half a Throttling answer: the code never arrived, so it cannot be taken for a final 400.
        var throttled = """{"RequestId":"R-1","HostId":"rds.aliyuncs.com","Code":"Throttling","Message":"Request was denied due to request throttling."}""";
        var handler = new FakeHttpHandler().Then(_ => BrokenBody(HttpStatusCode.BadRequest, throttled, throttled.Length / 2)).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task AnErrorAnswerThatKeepsBreakingOffEndsAsATransportFailureShowingNoneOfTheBody()
    {
        // The body echoes the request and breaks off inside the STS token: no redaction could recognise
        // the fragment, so nothing of the body may be shown.
        var echo = """{"Code":"SignatureDoesNotMatch","Message":"server string to sign is:POST&%2F&SecurityToken%3D""" + AlibabaCloudCredentialsForms.Encoded + "\"}";
        var breakAfter = echo.IndexOf("dont-log", StringComparison.Ordinal) + 4;
        var handler = new FakeHttpHandler().Then(_ => BrokenBody(HttpStatusCode.BadRequest, echo, breakAfter));
        var client = TestClients.Rds(handler, o => o.Retry.MaxRetries = 1, sts: true);

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.Equal(2, handler.Calls);
        Assert.Equal(2, error.Attempt);
        Assert.False(error.IsTimeout);
        Assert.True(error.RequestMayHaveReachedService);
        Assert.IsType<HttpIOException>(error.InnerException);
        Assert.Equal(
            "DescribeBackupTasks: the connection to 127.0.0.1:5380 broke while the body of its HTTP 400 answer was being read (attempt 2, RequestId R-broken): The response ended prematurely. (ResponseEnded)",
            error.Message);
        Assert.DoesNotContain("dont", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorAnswerBreakingOffIsNotRetriedForAnOperationThatCouldBeAppliedTwice()
    {
        var handler = new FakeHttpHandler().Then(_ => BrokenBody(HttpStatusCode.ServiceUnavailable, """{"Code":"ServiceUnavailable"}""", 5)).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));

        Assert.True(error.RequestMayHaveReachedService);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task ASuccessBodyThatBreaksOffIsRetriedAndNeverParsed()
    {
        var handler = new FakeHttpHandler().Then(_ => BrokenBody(HttpStatusCode.OK, Bodies.Json, Bodies.Json.Length / 2)).Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal(2, handler.Calls);
    }

    private static class AlibabaCloudCredentialsForms
    {
        public static readonly string Encoded = Bindings.Signing.AlibabaPercentEncoding.Encode(Bindings.Signing.AlibabaPercentEncoding.Encode(TestClients.StsToken));
    }

    /// <summary>Gives the first bytes of a body, then fails the read as a connection closed early does.</summary>
    private sealed class BreakingStream(byte[] body, int breakAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAfter)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            }

            var n = Math.Min(count, Math.Min(breakAfter, body.Length) - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
