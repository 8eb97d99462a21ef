using System.Net;
using Bindings.StandIn.Protocol;
using Bindings.Testing;
using Microsoft.AspNetCore.Http;

namespace Bindings.StandIn.Tests;

/// <summary>
/// A client that gives up while its body is on the way (its own attempt timeout, say) has left:
/// the stand-in neither answers nor counts it as a request it refused, however Kestrel reports it.
/// </summary>
public class ClientGoneTests
{
    [Fact]
    public async Task A_client_that_gives_up_while_sending_its_body_is_not_counted_as_refused()
    {
        await using var h = await Harness.StartAsync();
        var partSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var giveUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new HalfSentForm("Action=DescribeBackupTasks&Version=2014-08-15&DBInstanceId=", declaredLength: 400, partSent),
        };

        var sending = h.Http.SendAsync(request, giveUp.Token);
        await partSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => h.StandIn.Counters.Requests == 1);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        // Stopping waits for the handler of the abandoned request to finish.
        await h.StandIn.DisposeAsync();
        Assert.Equal(1, h.StandIn.Counters.Requests);
        Assert.Equal(0, h.StandIn.Counters.ServiceErrors);
        Assert.Empty(h.StandIn.RecentRequests);
    }

    [Theory]
    [InlineData(400L, 400, true)] // the connection ended before the declared length: the client is gone
    [InlineData(null, 400, false)] // a chunked body that broke: a bad request, refused
    [InlineData(400L, 408, false)] // a body too slow to come: Kestrel's timeout, not the client leaving
    [InlineData(400L, 413, false)] // too large
    public async Task Only_a_body_cut_short_of_its_Content_Length_reads_as_the_client_leaving(long? contentLength, int status, bool gone)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = contentLength;
        context.Request.Body = new BreakingStream("Action=DescribeBackupTasks"u8.ToArray(), () => new BadHttpRequestException("The body broke.", status));

        var read = () => IncomingRequest.ReadAsync(context.Request, CancellationToken.None);

        if (gone)
        {
            var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(read);
            Assert.IsType<BadHttpRequestException>(cancelled.InnerException);
        }
        else
        {
            Assert.Equal(status, (await Assert.ThrowsAsync<BadHttpRequestException>(read)).StatusCode);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // A bound for a loaded machine, not an expectation of promptness: the loop ends as soon as it holds.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The stand-in did not see the request within 30 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Announces <c>declaredLength</c> bytes, sends the first part, then waits until the sender gives up.</summary>
    private sealed class HalfSentForm : HttpContent
    {
        private readonly byte[] _part;
        private readonly long _declaredLength;
        private readonly TaskCompletionSource _partSent;

        public HalfSentForm(string part, long declaredLength, TaskCompletionSource partSent)
        {
            _part = System.Text.Encoding.ASCII.GetBytes(part);
            _declaredLength = declaredLength;
            _partSent = partSent;
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_part, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _partSent.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _declaredLength;
            return true;
        }
    }
}
