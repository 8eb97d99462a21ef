using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>The options of the commands that list a paged collection: one page, a given page, or all of them.</summary>
internal sealed class PagedOptions
{
    public Option<bool> All { get; } = new("--all") { Description = "List every page (through the generated pager), not only one." };

    public Option<int?> Page { get; } = new("--page") { Description = "The page to show (from 1; default 1)." };

    public Option<int?> PageSize { get; } = new("--page-size") { Description = "Entries per page (the service's default when left out)." };

    public void AddTo(Command command)
    {
        command.Options.Add(All);
        command.Options.Add(Page);
        command.Options.Add(PageSize);
        command.Validators.Add(result =>
        {
            if (result.GetValue(All) && result.GetValue(Page) is not null)
            {
                result.AddError("--all and --page do not go together: --all starts at page 1.");
            }
        });
    }

    /// <summary>
    /// Shows one page (and the line that says which), or every page through the generated pager, or
    /// with --raw each body as received.
    /// </summary>
    /// <param name="items">The page's items.</param>
    /// <param name="pageLine">The line under one page (see <see cref="Display.PageLine"/>).</param>
    /// <param name="render">Shows the items of one page or of all of them.</param>
    /// <param name="what">What the items are, in the plural ("backup sets").</param>
    public async Task<int> ShowAsync<TPage, TItem>(
        ParseResult result,
        ServiceConnection connection,
        IAnsiConsole console,
        bool raw,
        Func<Task<TPage>> onePage,
        Func<IAsyncEnumerable<TPage>> allPages,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, string> pageLine,
        Action<IReadOnlyCollection<TItem>> render,
        string what)
    {
        if (!result.GetValue(All))
        {
            var page = await onePage();
            if (raw)
            {
                connection.PrintLastBody(console);
                return ExitCodes.Success;
            }

            render(items(page));
            console.MarkupLine(pageLine(page));
            return ExitCodes.Success;
        }

        var all = new List<TItem>();
        var pages = 0;
        await foreach (var page in allPages())
        {
            pages++;
            all.AddRange(items(page));
            if (raw)
            {
                connection.PrintLastBody(console);
            }
        }

        if (!raw)
        {
            render(all);
            console.MarkupLine($"[grey]{all.Count} {what} on {pages} {(pages == 1 ? "page" : "pages")}.[/]");
        }

        return ExitCodes.Success;
    }

    /// <summary>A date and time option: ISO 8601, UTC unless it says otherwise (e.g. 2026-03-01T00:00Z).</summary>
    public static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description + " ISO 8601, UTC unless an offset is given, e.g. 2026-03-01T00:00Z.",
        CustomParser = result => result.Tokens.Count == 0 ? null : DateTimeOffset.TryParse(
            result.Tokens[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : CliOptions.Fail<DateTimeOffset?>(result, name + " must be a date and time such as 2026-03-01T00:00Z"),
    };
}
