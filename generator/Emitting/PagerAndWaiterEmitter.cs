using System;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits what a client adds around an operation from its spec: the pagers (<c>XPagesAsync</c>, <c>XItemsAsync</c>
/// over <c>RpcPagination</c>) and the waiters (<c>WaitFor&lt;Name&gt;Async</c> over <c>Waiter&lt;T&gt;</c>). Each is a
/// method of the client's part in the operation's file; the loops and the timing live in the runtime.
/// </summary>
internal static class PagerAndWaiterEmitter
{
    private const string Token = "global::System.Threading.CancellationToken";
    private const string Pagination = "global::Bindings.Client.RpcPagination";
    private const string Matchers = "global::Bindings.Client.WaiterMatchers";

    /// <param name="send">The expression that sends a page's request (its first argument) with a cancellation token (its second).</param>
    public static void EmitPagers(SourceWriter writer, string ns, string operation, PaginationModel pager, Func<string, string, string> send, NameAllocator scope)
    {
        var request = "global::" + ns + "." + operation + TypeSurfaces.Request.TypeSuffix;
        var response = "global::" + ns + "." + operation + TypeSurfaces.Client.ResponseSuffix;
        var enumerable = "global::System.Collections.Generic.IAsyncEnumerable<";
        var pagesMethod = operation + "Pages" + TypeSurfaces.Client.OperationSuffix;
        var names = scope.NewScope();
        var (requestName, token, page, pageToken) = (names.New("request"), names.New("cancellationToken"), names.New("page"), names.New("pageCancellationToken"));
        var sendLambda = "(" + page + ", " + pageToken + ") => " + send(page, pageToken);

        writer.Line();
        writer.Doc("Every page of " + operation + ", one request per page as the pages are enumerated, never one more than needed.");
        writer.Remarks(
            pager.PageNumberWire is not null
                ? "Pages by <c>" + SourceWriter.Escape(pager.PageNumberWire) + "</c> from the request's (or 1)"
                  + (pager.TotalCountProperty is not null ? ", until the items reach the total the service reports or a page is empty" : ", until a page is empty or shorter than the page size")
                  + (pager.InputTokenWire is not null ? "; by token when the request sets <c>" + SourceWriter.Escape(pager.InputTokenWire) + "</c>" + (pager.MaxResultsProperty is not null ? " or MaxResults" : string.Empty) : string.Empty) + "."
                : "Follows <c>" + SourceWriter.Escape(pager.InputTokenWire!) + "</c> from page to page, until a page returns none or the one it was sent.",
            "The request object is not changed: the page parameter is replaced on the wire. Errors surface from the enumeration.");
        writer.Line("/// <param name=\"" + requestName + "\">The request of the first page; validated before each page is sent.</param>");
        writer.Line("/// <param name=\"" + token + "\">Cancels the paging, between and during requests.</param>");
        writer.Line("/// <returns>The pages, fetched lazily.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + requestName + "\"/> is null.</exception>");
        using (writer.Block("public " + enumerable + response + "> " + pagesMethod + "(" + request + " " + requestName + ", " + Token + " " + token + " = default)"))
        {
            writer.Line("if (" + requestName + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(requestName) + ");");
            var byToken = pager.InputTokenWire is null
                ? null
                : Pagination + ".ByToken<" + response + ">(" + requestName + ", " + sendLambda + ", " + SourceWriter.Literal(pager.InputTokenWire) + ", "
                  + requestName + "." + pager.InputTokenProperty + ", " + page + " => " + page + "." + pager.OutputTokenProperty + ", " + token + ")";
            if (pager.PageNumberWire is null)
            {
                writer.Line("return " + byToken + ";");
            }
            else
            {
                if (byToken is not null)
                {
                    var tokenSet = requestName + "." + pager.InputTokenProperty + " is object"
                        + (pager.MaxResultsProperty is not null ? " || " + requestName + "." + pager.MaxResultsProperty + ".HasValue" : string.Empty);
                    writer.Line("if (" + tokenSet + ") return " + byToken + ";");
                }

                var pageSize = pager.PageSizeProperty is null ? "null"
                    : requestName + "." + pager.PageSizeProperty + (pager.PageSizeDefault is { } size ? " ?? " + size : string.Empty);
                writer.Line("return " + Pagination + ".ByPageNumber<" + response + ">(");
                writer.Indent();
                writer.Line(requestName + ",");
                writer.Line(sendLambda + ",");
                writer.Line(SourceWriter.Literal(pager.PageNumberWire) + ",");
                writer.Line(requestName + "." + pager.PageNumberProperty + " ?? 1,");
                writer.Line((pager.PageSizeWire is null ? "null" : SourceWriter.Literal(pager.PageSizeWire)) + ",");
                writer.Line(pageSize + ",");
                writer.Line(page + " => " + page + "." + pager.ItemsProperty + ".Count,");
                writer.Line(page + " => " + (pager.TotalCountProperty is null ? "(long?)null" : page + "." + pager.TotalCountProperty) + ",");
                writer.Line(token + ");");
                writer.Outdent();
            }
        }

        writer.Line();
        writer.Doc("Every item of every page of " + operation + ", in order; a page is fetched only when its items are reached.");
        writer.Remarks("The pages are those of <see cref=\"" + pagesMethod + "\"/>: breaking out after the first item makes one request.");
        writer.Line("/// <param name=\"" + requestName + "\">The request of the first page; validated before each page is sent.</param>");
        writer.Line("/// <param name=\"" + token + "\">Cancels the paging, between and during requests.</param>");
        writer.Line("/// <returns>The items, fetched lazily.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + requestName + "\"/> is null.</exception>");
        using (writer.Block("public " + enumerable + pager.ItemType + "> " + operation + "Items" + TypeSurfaces.Client.OperationSuffix + "(" + request + " " + requestName + ", " + Token + " " + token + " = default)"))
        {
            writer.Line("return " + Pagination + ".Items(" + pagesMethod + "(" + requestName + ", " + token + "), " + page + " => " + page + "." + pager.ItemsProperty + ", " + token + ");");
        }
    }

    /// <param name="poll">The expression that calls the operation once with the request (its first argument) and a cancellation token (its second).</param>
    public static void EmitWaiter(SourceWriter writer, string ns, string operation, WaiterModel waiter, string rpc, Func<string, string, string> poll, NameAllocator scope)
    {
        var request = "global::" + ns + "." + operation + TypeSurfaces.Request.TypeSuffix;
        var response = "global::" + ns + "." + operation + TypeSurfaces.Client.ResponseSuffix;
        var names = scope.NewScope();
        var (requestName, options, progress, token) = (names.New("request"), names.New("options"), names.New("progress"), names.New("cancellationToken"));
        var (waiterName, result, pollToken, responseName, item, error) = (names.New("waiter"), names.New("result"), names.New("pollCancellationToken"), names.New("response"), names.New("item"), names.New("error"));
        var successOnError = waiter.Acceptors.Any(acceptor => acceptor.Matcher == AcceptorMatcher.Error && acceptor.State == "success");
        var returns = response + (successOnError ? "?" : string.Empty);

        writer.Line();
        writer.Summary(waiter.Description, "Waits until " + operation + " answers as the waiter " + waiter.Name + " expects.");
        writer.Remarks(
            "Calls " + operation + " at once, then after a growing delay (from " + waiter.MinDelay + " s up to " + waiter.MaxDelay + " s, with jitter),",
            "for at most " + waiter.MaxWait + " s; <paramref name=\"" + options + "\"/> overrides these. Acceptors, in order: "
            + SourceWriter.Escape(string.Join("; ", waiter.Acceptors.Select(acceptor => acceptor.State + " when " + Reason(acceptor)))) + ".");
        writer.Line("/// <param name=\"" + requestName + "\">The request sent on every attempt; validated before each.</param>");
        writer.Line("/// <param name=\"" + options + "\">Per-call delays and maximum time; null keeps the spec's.</param>");
        writer.Line("/// <param name=\"" + progress + "\">Told of every response, e.g. for a progress bar; may be null.</param>");
        writer.Line("/// <param name=\"" + token + "\">Cancels the wait, during a call or a delay.</param>");
        writer.Line("/// <returns>The response a success acceptor matched" + (successOnError ? "; null when it matched an error before any response" : string.Empty) + ".</returns>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.WaiterFailedException\">A failure acceptor matched; it names the state and carries the response or error.</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.WaiterTimeoutException\">The maximum time ran out; it carries the last response.</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.AlibabaCloudServiceException\">The service answered with an error no acceptor names.</exception>");
        writer.Line("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"" + token + "\"/> was cancelled.</exception>");
        var signature = "public async global::System.Threading.Tasks.Task<" + returns + "> WaitFor" + waiter.Name + TypeSurfaces.Client.OperationSuffix + "("
            + request + " " + requestName + ", global::Bindings.Client.WaiterOptions? " + options + " = null, global::System.IProgress<" + response + ">? "
            + progress + " = null, " + Token + " " + token + " = default)";
        using (writer.Block(signature))
        {
            writer.Line("if (" + requestName + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(requestName) + ");");
            writer.Line("var " + waiterName + " = new global::Bindings.Client.Waiter<" + response + ">(");
            writer.Indent();
            writer.Line(SourceWriter.Literal(waiter.Name) + ",");
            writer.Line("global::System.TimeSpan.FromSeconds(" + waiter.MinDelay + "),");
            writer.Line("global::System.TimeSpan.FromSeconds(" + waiter.MaxDelay + "),");
            writer.Line("global::System.TimeSpan.FromSeconds(" + waiter.MaxWait + "),");
            writer.Line("(" + response + " " + responseName + ") =>");
            writer.OpenBlock(string.Empty);
            foreach (var acceptor in waiter.Acceptors.Where(acceptor => acceptor.Matcher != AcceptorMatcher.Error))
            {
                writer.Line("if (" + Condition(acceptor, responseName, item) + ") return " + Decision(acceptor) + ";");
            }

            writer.Line("return null;");
            writer.Outdent().Line("}" + (waiter.Acceptors.Any(acceptor => acceptor.Matcher == AcceptorMatcher.Error) ? "," : ");"));
            if (waiter.Acceptors.Any(acceptor => acceptor.Matcher == AcceptorMatcher.Error))
            {
                writer.Line("(global::Bindings.Client.AlibabaCloudServiceException " + error + ") =>");
                writer.OpenBlock(string.Empty);
                foreach (var acceptor in waiter.Acceptors.Where(acceptor => acceptor.Matcher == AcceptorMatcher.Error))
                {
                    writer.Line("if (" + error + ".Code == " + SourceWriter.Literal(acceptor.Values[0]) + ") return " + Decision(acceptor) + ";");
                }

                writer.Line("return null;");
                writer.Outdent().Line("});");
            }

            writer.Outdent();
            writer.Line("var " + result + " = await " + rpc + ".WaitAsync(" + waiterName + ", " + pollToken + " => " + poll(requestName, pollToken) + ", " + options + ", " + progress + ", " + token + ").ConfigureAwait(false);");
            writer.Line("return " + result + (successOnError ? string.Empty : "!") + ";");
        }
    }

    private static string Condition(AcceptorModel acceptor, string response, string item)
    {
        var target = acceptor.Target!.Replace("{0}", response);
        var selector = acceptor.Selector?.Replace("{1}", item);
        var values = string.Concat(acceptor.Values.Select(value => ", " + SourceWriter.Literal(value)));
        var lambda = "(" + acceptor.ItemType + " " + item + ") => ";
        return acceptor.Matcher switch
        {
            AcceptorMatcher.EqualTo => Matchers + ".IsOneOf(" + target + values + ")",
            AcceptorMatcher.AnyEqual => Matchers + ".AnyIsOneOf(" + target + ", " + lambda + selector + values + ")",
            AcceptorMatcher.AllEqual => Matchers + ".AllAreOneOf(" + target + ", " + lambda + selector + values + ")",
            _ => (acceptor.Exists ? string.Empty : "!") + (selector is null
                ? Matchers + ".Exists(" + target + ")"
                : Matchers + ".AnyExists(" + target + ", " + lambda + "(object?)" + selector + ")"),
        };
    }

    private static string Decision(AcceptorModel acceptor)
        => "new global::Bindings.Client.WaiterDecision(global::Bindings.Client.WaiterState." + char.ToUpperInvariant(acceptor.State[0]) + acceptor.State.Substring(1)
           + ", " + SourceWriter.Literal(Reason(acceptor)) + ")";

    /// <summary>What matched, in words, for the failure exception and the doc comment: <c>Items[].BackupStatus is Failed</c>.</summary>
    private static string Reason(AcceptorModel acceptor)
    {
        var values = string.Join(" or ", acceptor.Values);
        return acceptor.Matcher switch
        {
            AcceptorMatcher.EqualTo or AcceptorMatcher.AnyEqual => acceptor.PathText + " is " + values,
            AcceptorMatcher.AllEqual => "every " + acceptor.PathText + " is " + values,
            AcceptorMatcher.Exists => acceptor.PathText + (acceptor.Exists ? " exists" : " does not exist"),
            _ => "the error " + values,
        };
    }
}
