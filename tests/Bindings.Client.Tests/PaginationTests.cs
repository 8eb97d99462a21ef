using System.Globalization;

namespace Bindings.Client.Tests;

/// <summary>
/// The runtime's pagers over a scripted service: pages by number and by token, exactly as many
/// requests as the pages need, the caller's request untouched, cancellation between and during pages.
/// </summary>
public class PaginationTests
{
    [Fact]
    public async Task ThreePagesWithAShortLastPageTakeExactlyThreeRequests()
    {
        var service = new PagedService(total: 70, reportTotal: true);
        var request = new PagedRequest();

        var items = await Collect(RpcPagination.Items(Pages(service, request, pageSize: 30), static r => r.Items));

        Assert.Equal(Enumerable.Range(1, 70), items);
        Assert.Equal(new[] { 1, 2, 3 }, service.PagesAsked);
        Assert.All(service.Sent, sent => Assert.Equal("30", sent["PageSize"]));
        Assert.Null(request.PageNumber);
    }

    [Fact]
    public async Task AShortPageEndsThePagingWhenTheServiceReportsNoTotal()
    {
        var service = new PagedService(total: 70, reportTotal: false);

        var pages = await Collect(Pages(service, new PagedRequest(), pageSize: 30));

        Assert.Equal(new[] { 30, 30, 10 }, pages.Select(p => p.Items.Count));
        Assert.Equal(3, service.Sent.Count);
    }

    [Fact]
    public async Task AServiceThatCapsThePageSizeIsPagedToTheEndByItsTotal()
    {
        // 30 asked for, 10 given: the short pages must not end the paging while the total says there is more.
        var service = new PagedService(total: 25, reportTotal: true, maxPageSize: 10);

        var items = await Collect(RpcPagination.Items(Pages(service, new PagedRequest(), pageSize: 30), static r => r.Items));

        Assert.Equal(Enumerable.Range(1, 25), items);
        Assert.Equal(new[] { 1, 2, 3 }, service.PagesAsked);
    }

    [Fact]
    public async Task AFullLastPageEndsThePagingWhenTheTotalIsReached()
    {
        var service = new PagedService(total: 60, reportTotal: true);

        await Collect(Pages(service, new PagedRequest(), pageSize: 30));

        Assert.Equal(new[] { 1, 2 }, service.PagesAsked);
    }

    [Fact]
    public async Task WithoutPageSizeOrTotalAnEmptyPageEndsThePaging()
    {
        var service = new PagedService(total: 10, reportTotal: false, serviceDefaultPageSize: 5);

        var pages = await Collect(Pages(service, new PagedRequest(), pageSize: null));

        Assert.Equal(new[] { 5, 5, 0 }, pages.Select(p => p.Items.Count));
        Assert.All(service.Sent, sent => Assert.False(sent.ContainsKey("PageSize")));
    }

    [Fact]
    public async Task WithoutPageSizeTheTotalEndsThePagingFromPageOne()
    {
        var service = new PagedService(total: 10, reportTotal: true, serviceDefaultPageSize: 5);

        await Collect(Pages(service, new PagedRequest(), pageSize: null));

        Assert.Equal(new[] { 1, 2 }, service.PagesAsked);
    }

    [Fact]
    public async Task AnEmptyResultIsOnePageAndOneRequest()
    {
        var service = new PagedService(total: 0, reportTotal: true);

        var pages = await Collect(Pages(service, new PagedRequest(), pageSize: 30));

        Assert.Single(pages);
        Assert.Single(service.Sent);
    }

    [Fact]
    public async Task StoppingAfterTheFirstItemMakesOneRequest()
    {
        var service = new PagedService(total: 70, reportTotal: true);

        await foreach (var item in RpcPagination.Items(Pages(service, new PagedRequest(), pageSize: 30), static r => r.Items))
        {
            Assert.Equal(1, item);
            break;
        }

        Assert.Single(service.Sent);
    }

    [Fact]
    public async Task PagingStartsAtTheRequestsPageAndCountsThePagesBeforeItTowardsTheTotal()
    {
        var service = new PagedService(total: 70, reportTotal: true);
        var request = new PagedRequest { PageNumber = 2, PageSize = 30 };

        var items = await Collect(RpcPagination.Items(Pages(service, request, pageSize: request.PageSize), static r => r.Items));

        Assert.Equal(Enumerable.Range(31, 40), items);
        Assert.Equal(new[] { 2, 3 }, service.PagesAsked);
        Assert.Equal(2, request.PageNumber);
    }

    [Fact]
    public async Task TheOtherParametersOfTheRequestGoWithEveryPage()
    {
        var service = new PagedService(total: 40, reportTotal: true);

        await Collect(Pages(service, new PagedRequest { Filter = "Success" }, pageSize: 30));

        Assert.All(service.Sent, sent => Assert.Equal("Success", sent["Filter"]));
        Assert.All(service.Sent, sent => Assert.Single(sent.Keys, k => k == "PageNumber"));
    }

    [Fact]
    public async Task TokensAreFollowedUntilNoTokenComesBack()
    {
        var service = new TokenService("t1", "t2", null);

        var pages = await Collect(Tokens(service, new PagedRequest()));

        Assert.Equal(3, pages.Count);
        Assert.Equal(new string?[] { null, "t1", "t2" }, service.TokensSent);
    }

    [Fact]
    public async Task AnEmptyTokenOrTheTokenJustSentEndsThePaging()
    {
        var empty = new TokenService("t1", string.Empty, "never");
        await Collect(Tokens(empty, new PagedRequest()));
        Assert.Equal(2, empty.TokensSent.Count);

        var repeated = new TokenService("t1", "t1", "never");
        await Collect(Tokens(repeated, new PagedRequest()));
        Assert.Equal(new string?[] { null, "t1" }, repeated.TokensSent);
    }

    [Fact]
    public async Task TheRequestsOwnTokenIsTheFirstOneSent()
    {
        var service = new TokenService("t9", null);
        var request = new PagedRequest { NextToken = "t8" };

        await Collect(Tokens(service, request, firstToken: request.NextToken));

        Assert.Equal(new string?[] { "t8", "t9" }, service.TokensSent);
        Assert.Equal("t8", request.NextToken);
    }

    [Fact]
    public async Task CancellingBetweenPagesMakesNoFurtherRequest()
    {
        var service = new PagedService(total: 70, reportTotal: true);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in Pages(service, new PagedRequest(), pageSize: 30).WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Single(service.Sent);
    }

    [Fact]
    public async Task TheMethodsTokenCancelsARequestUnderWay()
    {
        var service = new PagedService(total: 70, reportTotal: true) { HoldPage = 2 };
        using var cancellation = new CancellationTokenSource();
        var pages = Pages(service, new PagedRequest(), pageSize: 30, cancellation.Token);

        var enumeration = Task.Run(async () => await Collect(pages));
        await service.HeldPageReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration);
        Assert.Equal(new[] { 1, 2 }, service.PagesAsked);
    }

    [Fact]
    public async Task AnErrorOfAPageSurfacesFromTheEnumeration()
    {
        var service = new PagedService(total: 70, reportTotal: true) { FailPage = 2 };
        var seen = new List<int>();

        await Assert.ThrowsAsync<AlibabaCloudServiceException>(async () =>
        {
            await foreach (var item in RpcPagination.Items(Pages(service, new PagedRequest(), pageSize: 30), static r => r.Items))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(30, seen.Count);
    }

    private static IAsyncEnumerable<PagedResponse> Pages(PagedService service, PagedRequest request, int? pageSize, CancellationToken cancellationToken = default)
        => RpcPagination.ByPageNumber(
            request, service.SendAsync, "PageNumber", request.PageNumber ?? 1, "PageSize", pageSize, static r => r.Items.Count, static r => r.Total, cancellationToken);

    private static IAsyncEnumerable<PagedResponse> Tokens(TokenService service, PagedRequest request, string? firstToken = null)
        => RpcPagination.ByToken(request, service.SendAsync, "NextToken", firstToken, static r => r.NextToken);

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> sequence)
    {
        var list = new List<T>();
        await foreach (var item in sequence)
        {
            list.Add(item);
        }

        return list;
    }

    private static Dictionary<string, string> Parameters(IRpcRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        request.Validate();
        request.WriteParameters(parameters);
        return parameters.ToDictionary(p => p.Key, p => p.Value);
    }

    private sealed class PagedRequest : IRpcRequest
    {
        public int? PageNumber { get; set; }

        public int? PageSize { get; set; }

        public string? NextToken { get; set; }

        public string? Filter { get; set; }

        public string Action => "DescribeThings";

        public string Version => "2014-08-15";

        public bool IsReadOnly => true;

        public void Validate()
        {
        }

        public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters)
        {
            parameters.Add(new("Action", Action));
            if (PageNumber is { } number)
            {
                parameters.Add(new("PageNumber", number.ToString(CultureInfo.InvariantCulture)));
            }

            if (PageSize is { } size)
            {
                parameters.Add(new("PageSize", size.ToString(CultureInfo.InvariantCulture)));
            }

            if (NextToken is { } token)
            {
                parameters.Add(new("NextToken", token));
            }

            if (Filter is { } filter)
            {
                parameters.Add(new("Filter", filter));
            }
        }
    }

    private sealed record PagedResponse(IReadOnlyList<int> Items, long? Total, string? NextToken);

    // Items 1..total, by page number and size (the service's own default size when none is sent).
    private sealed class PagedService(int total, bool reportTotal, int serviceDefaultPageSize = 30, int maxPageSize = int.MaxValue)
    {
        public List<Dictionary<string, string>> Sent { get; } = new();

        public IEnumerable<int> PagesAsked => Sent.Select(s => int.Parse(s["PageNumber"], CultureInfo.InvariantCulture));

        public int? FailPage { get; init; }

        public int? HoldPage { get; init; }

        public TaskCompletionSource HeldPageReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<PagedResponse> SendAsync(IRpcRequest request, CancellationToken cancellationToken)
        {
            var parameters = Parameters(request);
            Sent.Add(parameters);
            var page = int.Parse(parameters["PageNumber"], CultureInfo.InvariantCulture);
            if (page == HoldPage)
            {
                HeldPageReached.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (page == FailPage)
            {
                throw new AlibabaCloudServiceException(System.Net.HttpStatusCode.InternalServerError, "InternalError", "boom");
            }

            var size = Math.Min(maxPageSize, parameters.TryGetValue("PageSize", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : serviceDefaultPageSize);
            var first = ((page - 1) * size) + 1;
            var items = Enumerable.Range(first, Math.Max(0, Math.Min(size, total - first + 1))).ToArray();
            return new PagedResponse(items, reportTotal ? total : null, null);
        }
    }

    // Answers with the scripted tokens in turn, recording the token each request carried.
    private sealed class TokenService(params string?[] tokens)
    {
        private int _next;

        public List<string?> TokensSent { get; } = new();

        public Task<PagedResponse> SendAsync(IRpcRequest request, CancellationToken cancellationToken)
        {
            TokensSent.Add(Parameters(request).TryGetValue("NextToken", out var token) ? token : null);
            var answer = tokens[Math.Min(_next++, tokens.Length - 1)];
            return Task.FromResult(new PagedResponse(new[] { _next }, null, answer));
        }
    }
}
