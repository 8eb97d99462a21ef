using System.Net;

namespace Bindings.Client.Tests;

/// <summary>
/// Retries that follow what the error says: an answer that says the service did not execute the call
/// is retried for every operation, writes with no idempotency token included; other errors of such an
/// operation are not.
/// </summary>
public class NotExecutedRetryTests
{
    [Theory]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    [InlineData("Throttling.User", HttpStatusCode.BadRequest)]
    [InlineData("Throttling.Api", HttpStatusCode.Forbidden)]
    [InlineData("TooManyRequests", (HttpStatusCode)429)]
    public async Task AWriteWithoutATokenIsRetriedWhenTheServiceSaysItDidNotExecuteIt(string code, HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(status, code)).Then(_ => Bodies.Error(status, code)).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        var response = await CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null);

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal(3, handler.Calls);
        // Each attempt is signed afresh: a new nonce every time.
        Assert.Equal(3, handler.Requests.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count());
    }

    [Theory]
    [InlineData("InternalError", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("UnknownError", HttpStatusCode.InternalServerError)]
    [InlineData("InvalidParameter", HttpStatusCode.BadRequest)]
    // Never sent twice by this client: someone resent an earlier request, which may have run.
    [InlineData("SignatureNonceUsed", HttpStatusCode.BadRequest)]
    [InlineData("OperationDenied.DBInstanceStatus", HttpStatusCode.Forbidden)]
    public async Task OtherErrorsOfAWriteWithoutATokenAreNotRetried(string code, HttpStatusCode status)
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(status, code)).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler);

        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));

        Assert.Equal(code, error.Code);
        Assert.False(error.IsNotExecuted);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task AnOperationsOwnRetryableErrorsFromItsSpecAreRetriedForThatOperationOnly()
    {
        var busy = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "ConcurrentLimit")).Then(Bodies.Ok);
        var withCode = CreateThingRequest.Client(busy);
        await CreateThingRequest.Send(withCode, new CreateThingRequest(), tokenParameter: null, retryableErrors: ["ConcurrentLimit"]);
        Assert.Equal(2, busy.Calls);

        var other = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "ConcurrentLimit")).Then(Bodies.Ok);
        var withoutCode = CreateThingRequest.Client(other);
        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => CreateThingRequest.Send(withoutCode, new CreateThingRequest(), tokenParameter: null));
        Assert.Equal(1, other.Calls);
    }

    [Fact]
    public async Task CodesAddedInTheOptionsAreRetriedForEveryOperation()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "TimeoutRetryLater")).Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler, o => o.Retry.NotExecutedErrorCodes.Add("TimeoutRetryLater"));

        await CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null);

        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task ThrottlingOfAWriteIsStillBoundedByMaxRetriesAndByTheWaitTheServiceAsksFor()
    {
        var always = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling"));
        var bounded = CreateThingRequest.Client(always, o => o.Retry.MaxRetries = 2);
        await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => CreateThingRequest.Send(bounded, new CreateThingRequest(), tokenParameter: null));
        Assert.Equal(3, always.Calls);

        // The service asks for ten minutes; the longest delay is 20 ms: thrown at once.
        var tooLong = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.BadRequest, "Throttling", headers: ("x-acs-retry-after", "600000")));
        var client = CreateThingRequest.Client(tooLong);
        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));
        Assert.Equal(1, tooLong.Calls);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
    }

    [Fact]
    public void TheRuleIsExposedOnTheException()
    {
        Assert.True(new AlibabaCloudServiceException(HttpStatusCode.BadRequest, "Throttling.User", "denied").IsNotExecuted);
        Assert.True(new AlibabaCloudServiceException((HttpStatusCode)429, null, null).IsNotExecuted);
        Assert.False(new AlibabaCloudServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", null).IsNotExecuted);
        Assert.True(new AlibabaCloudServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", null).IsTransient);
    }
}
