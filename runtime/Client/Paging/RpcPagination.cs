using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Client;

/// <summary>
/// The pagers that generated clients return: every page of an operation, or every item of its
/// list, fetched lazily, one request per page as the caller enumerates, and never one more than
/// needed. The caller's request object is never changed: the page parameters are replaced on the wire.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RpcPagination
{
    /// <summary>
    /// Pages by number (<c>PageNumber</c>/<c>PageSize</c>/<c>TotalRecordCount</c>): from
    /// <paramref name="firstPage"/> on, until a page has no items or the items through it reach the
    /// total; only when the service reports no total, also after a page with fewer items than
    /// <paramref name="pageSize"/> (a service may cap a page below the size asked for).
    /// </summary>
    /// <typeparam name="TResponse">The operation's response.</typeparam>
    /// <param name="request">The caller's request.</param>
    /// <param name="send">Sends one page's request (the generated client's call).</param>
    /// <param name="pageNumberParameter">The wire name of the page number parameter.</param>
    /// <param name="firstPage">The first page: the request's page number, or 1.</param>
    /// <param name="pageSizeParameter">The wire name of the page size parameter, or null.</param>
    /// <param name="pageSize">
    /// The page size: the request's, else the spec's <c>default</c> (then sent explicitly, so that the
    /// short-page rule holds even if the service's default differs), else null (unknown).
    /// </param>
    /// <param name="itemCount">The number of items on a page.</param>
    /// <param name="totalCount">The total the service reports, or null when it does not.</param>
    /// <param name="cancellationToken">Cancels the enumeration, between and during requests.</param>
    public static async IAsyncEnumerable<TResponse> ByPageNumber<TResponse>(
        IRpcRequest request,
        Func<IRpcRequest, CancellationToken, Task<TResponse>> send,
        string pageNumberParameter,
        int firstPage,
        string? pageSizeParameter,
        int? pageSize,
        Func<TResponse, int> itemCount,
        Func<TResponse, long?> totalCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckArguments(request, send);
        if (firstPage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstPage), "Pages count from 1.");
        }

        var sizeParameter = pageSize is { } size && pageSizeParameter is not null
            ? new KeyValuePair<string, string>(pageSizeParameter, size.ToString(CultureInfo.InvariantCulture))
            : (KeyValuePair<string, string>?)null;
        long seen = 0;
        for (var page = firstPage; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = new KeyValuePair<string, string>(pageNumberParameter, page.ToString(CultureInfo.InvariantCulture));
            var pageRequest = sizeParameter is { } sized
                ? new RequestWithParameters(request, number, sized)
                : new RequestWithParameters(request, number);
            var response = await send(pageRequest, cancellationToken).ConfigureAwait(false);
            yield return response;

            var count = itemCount(response);
            seen += count;
            if (count == 0)
            {
                yield break;
            }

            if (totalCount(response) is { } total)
            {
                // The total decides: a service may cap a page below the size asked for, so a short page
                // alone proves nothing while a total is known. The pages before the first are taken as full.
                var through = firstPage == 1 ? seen : pageSize is { } full ? ((long)(firstPage - 1) * full) + seen : (long?)null;
                if (through >= total)
                {
                    yield break;
                }
            }
            else if (pageSize is { } known && count < known)
            {
                yield break;
            }

            if (page == int.MaxValue)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Pages by token (<c>NextToken</c>, with <c>MaxResults</c> left to the request): the first
    /// request as the caller made it, then with the token each page returns, until a page returns no
    /// token or the token it was sent.
    /// </summary>
    /// <typeparam name="TResponse">The operation's response.</typeparam>
    /// <param name="request">The caller's request.</param>
    /// <param name="send">Sends one page's request.</param>
    /// <param name="inputTokenParameter">The wire name of the request's token parameter.</param>
    /// <param name="firstToken">The token the caller's request carries, or null.</param>
    /// <param name="outputToken">The token a page returns.</param>
    /// <param name="cancellationToken">Cancels the enumeration, between and during requests.</param>
    public static async IAsyncEnumerable<TResponse> ByToken<TResponse>(
        IRpcRequest request,
        Func<IRpcRequest, CancellationToken, Task<TResponse>> send,
        string inputTokenParameter,
        string? firstToken,
        Func<TResponse, string?> outputToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckArguments(request, send);
        var sentToken = firstToken;
        var pageRequest = request;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await send(pageRequest, cancellationToken).ConfigureAwait(false);
            yield return response;

            var next = outputToken(response);
            if (string.IsNullOrEmpty(next) || next == sentToken)
            {
                yield break;
            }

            sentToken = next;
            pageRequest = new RequestWithParameters(request, new KeyValuePair<string, string>(inputTokenParameter, next!));
        }
    }

    /// <summary>Every item of every page, in order; pages are fetched only as the items are consumed.</summary>
    /// <typeparam name="TResponse">The operation's response.</typeparam>
    /// <typeparam name="TItem">The item of its list.</typeparam>
    /// <param name="pages">The pages, from <see cref="ByPageNumber{TResponse}"/> or <see cref="ByToken{TResponse}"/>.</param>
    /// <param name="items">The list of a page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static async IAsyncEnumerable<TItem> Items<TResponse, TItem>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, IReadOnlyList<TItem>> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page))
            {
                yield return item;
            }
        }
    }

    private static void CheckArguments(IRpcRequest request, Delegate send)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (send is null)
        {
            throw new ArgumentNullException(nameof(send));
        }
    }
}
