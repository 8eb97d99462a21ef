using System.CommandLine;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary><c>backups list</c>: an instance's backup sets (<c>DescribeBackups</c>), one page or every page.</summary>
internal static class BackupsCommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var paging = new PagedOptions();
        var from = PagedOptions.Time("--from", "Only sets whose backup started at or after this time.");
        var to = PagedOptions.Time("--to", "Only sets whose backup started at or before this time.");
        var mode = new Option<string?>("--mode") { Description = "Only Automated or Manual sets (default: both)." };
        var raw = CliOptions.Raw();
        var list = new Command("list", "List an instance's backup sets, newest first.");
        options.AddInstanceTo(list);
        paging.AddTo(list);
        list.Options.Add(from);
        list.Options.Add(to);
        list.Options.Add(mode);
        list.Options.Add(raw);
        list.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "DescribeBackups", cancellationToken, keepRawBody: result.GetValue(raw));
            var request = new DescribeBackupsRequest
            {
                DBInstanceId = connection.InstanceId,
                StartTime = result.GetValue(from),
                EndTime = result.GetValue(to),
                BackupMode = result.GetValue(mode) is { } m ? BackupMode.FromWireValue(m) : null,
                PageNumber = result.GetValue(paging.Page),
                PageSize = result.GetValue(paging.PageSize),
            };
            return await paging.ShowAsync(
                result,
                connection,
                console,
                result.GetValue(raw),
                () => connection.Client.DescribeBackupsAsync(request, cancellationToken),
                () => connection.Client.DescribeBackupsPagesAsync(request, cancellationToken),
                static page => page.Items,
                page => Display.PageLine(page.PageNumber ?? request.PageNumber, page.Items.Count, page.TotalRecordCount, "backup sets"),
                sets => Show(console, connection.InstanceId, sets),
                "backup sets");
        }));

        var command = new Command("backups", "The backup sets of an instance.");
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>The sets as a table, or a line that says there are none.</summary>
    public static void Show(IAnsiConsole console, string instanceId, IReadOnlyCollection<Backup> sets)
    {
        if (sets.Count == 0)
        {
            console.MarkupLine($"No backup sets of {Markup.Escape(instanceId)}.");
            return;
        }

        BackupSetTable.Render(console, $"Backup sets of {Markup.Escape(instanceId)}", sets);
    }
}
