using System.CommandLine;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary><c>describe</c>: one call, the instance's backup tasks as a table (or the raw body).</summary>
internal static class DescribeCommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var raw = new Option<bool>("--raw") { Description = "Print the response body as received (JSON or XML) instead of a table." };
        var command = new Command("describe", "List an instance's backup tasks.");
        options.AddTo(command);
        command.Options.Add(raw);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            var printRaw = result.GetValue(raw);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, cancellationToken, keepRawBody: printRaw);
            var response = await connection.Client.DescribeBackupTasksAsync(connection.CreateRequest(settings), cancellationToken);
            if (printRaw)
            {
                console.Profile.Out.Writer.WriteLine(connection.Recorder.LastBody);
                return ExitCodes.Success;
            }

            Render(console, connection.InstanceId, response);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, string instanceId, DescribeBackupTasksResponse response)
    {
        if (response.Items.Count == 0)
        {
            console.MarkupLine($"No backup tasks for {Markup.Escape(instanceId)}.");
            return;
        }

        var table = new Table().Title($"Backup tasks of {Markup.Escape(instanceId)}")
            .AddColumns("Job", "Mode", "Action", "Status", "Progress status", "Process", "Backup set");
        foreach (var job in response.Items)
        {
            table.AddRow(
                Markup.Escape(job.BackupJobId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                Markup.Escape(job.JobMode?.WireValue ?? "-"),
                Markup.Escape(job.TaskAction?.WireValue ?? "-"),
                StatusMarkup(job.BackupStatus),
                Markup.Escape(job.BackupProgressStatus?.WireValue ?? "-"),
                Markup.Escape(job.Process is { } process ? process.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : "-"),
                Markup.Escape(job.BackupId ?? "-"));
        }

        console.Write(table);
        console.MarkupLine($"[grey]RequestId {Markup.Escape(response.RequestId ?? "-")}[/]");
    }

    private static string StatusMarkup(BackupStatus? status) => status?.Kind switch
    {
        null => "[grey]not run yet[/]",
        BackupStatusKind.Finished => "[green]Finished[/]",
        BackupStatusKind.Failed => "[red]Failed[/]",
        _ => Markup.Escape(status.Value.WireValue),
    };
}
