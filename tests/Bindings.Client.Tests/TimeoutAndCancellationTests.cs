using System.Diagnostics;
using System.Net;

namespace Bindings.Client.Tests;

/// <summary>The caller's token cancels promptly and plainly; timeouts are retried and reported as timeouts.</summary>
public class TimeoutAndCancellationTests
{
    [Fact]
    public async Task ARequiredParameterIsValidatedBeforeAnythingIsSent()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.DescribeBackupTasksAsync(new() { BackupJobId = 1 }));

        Assert.Equal("DBInstanceId", error.ParamName);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task AConstraintIsValidatedBeforeAnythingIsSent()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => client.DescribeBackupTasksAsync(new() { DBInstanceId = "rm-1", ClientToken = new string('t', 65) }));

        Assert.Equal("ClientToken", error.ParamName);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task ANullRequestIsRejected()
    {
        var client = TestClients.Rds(new FakeHttpHandler().Then(Bodies.Ok));

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DescribeBackupTasksAsync(null!));
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeBackupTasksAsync(TestClients.Request(), new CancellationToken(true)));

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task TheCallersTokenCancelsAPendingAttemptPromptlyAndIsNotRetried()
    {
        using var cancellation = new CancellationTokenSource();
        var clock = new Stopwatch();
        // Cancelled once the attempt is under way (a fixed delay could end before a loaded machine sends it).
        var handler = new FakeHttpHandler().Then(async (_, token) =>
        {
            clock.Start();
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var client = TestClients.Rds(handler);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeBackupTasksAsync(TestClients.Request(), cancellation.Token));

        Assert.True(clock.ElapsedMilliseconds < 5000, clock.ElapsedMilliseconds + " ms");
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task TheCallersTokenCancelsARetryDelayPromptly()
    {
        // Cancelled after the first answer, so during (or just before) the 30 s retry delay, however slow the machine.
        using var cancellation = new CancellationTokenSource();
        var clock = new Stopwatch();
        var handler = new FakeHttpHandler().Then(_ =>
        {
            clock.Start();
            cancellation.CancelAfter(50);
            return Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        });
        var client = TestClients.Rds(handler, o => o.Retry = new AlibabaCloudRetryOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeBackupTasksAsync(TestClients.Request(), cancellation.Token));

        Assert.True(clock.ElapsedMilliseconds < 5000, clock.ElapsedMilliseconds + " ms");
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task AnAttemptThatTimesOutIsRetried()
    {
        var handler = new FakeHttpHandler().ThenHang().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task AttemptsThatAllTimeOutEndInATimeoutTransportException()
    {
        var handler = new FakeHttpHandler().ThenHang();
        var client = TestClients.Rds(handler, o => { o.AttemptTimeout = TimeSpan.FromSeconds(1); o.Retry.MaxRetries = 2; });

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.True(error.IsTimeout);
        Assert.True(error.RequestMayHaveReachedService);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, error.Attempt);
        Assert.Equal("DescribeBackupTasks: attempt 3 got no complete answer within 1 s, and it was not retried further.", error.Message);
    }

    [Fact]
    public async Task TheOverallTimeoutEndsTheCallWhateverTheRetries()
    {
        var handler = new FakeHttpHandler().ThenHang();
        var client = TestClients.Rds(handler, o => { o.AttemptTimeout = Timeout.InfiniteTimeSpan; o.Timeout = TimeSpan.FromSeconds(1); });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.True(clock.ElapsedMilliseconds < 5000, clock.ElapsedMilliseconds + " ms");
        Assert.True(error.IsTimeout);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal("DescribeBackupTasks: no answer within the overall timeout of 1 s (1 attempt).", error.Message);
    }

    [Fact]
    public async Task TheOverallTimeoutAlsoCutsRetryDelaysShort()
    {
        var handler = new FakeHttpHandler().Then(_ => Bodies.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"));
        var client = TestClients.Rds(handler, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Retry = new AlibabaCloudRetryOptions { BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(20) };
        });

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));

        Assert.True(error.IsTimeout);
        Assert.Contains("overall timeout", error.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task HttpClientsOwnTimeoutIsATimeoutToo()
    {
        var handler = new FakeHttpHandler().ThenHang().Then(Bodies.Ok);
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(1) };
        var client = new Rds.RdsClient(http, TestClients.Options(o => o.AttemptTimeout = Timeout.InfiniteTimeSpan));

        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(2, handler.Calls);
        Assert.Equal(Bodies.RequestId, response.RequestId);
    }

    [Fact]
    public async Task ATimeoutOfAnOperationThatIsNotReadOnlyAndHasNoTokenIsNotRetried()
    {
        var handler = new FakeHttpHandler().ThenHang().Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<AlibabaCloudTransportException>(() => CreateThingRequest.Send(client, new CreateThingRequest(), tokenParameter: null));

        Assert.True(error.IsTimeout);
        Assert.Equal(1, handler.Calls);
    }
}
