using System.CommandLine;
using System.Diagnostics;
using Bindings.Client;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// <c>backup create [--wait] [--list]</c> and <c>backup delete ID...</c>: start a backup now and
/// follow it, through the generated waiters, to the finished backup set; delete backup sets.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var command = new Command("backup", "Back up an instance now, or delete its backup sets.");
        command.Subcommands.Add(CreateCommand(options, console, environment));
        command.Subcommands.Add(DeleteCommand(options, console, environment));
        return command;
    }

    private static Command CreateCommand(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var wait = new Option<bool>("--wait")
        {
            Description = "Follow the backup until its backup set exists (progress bar in a terminal, a line per change otherwise), then show the set.",
        };
        var list = new Option<bool>("--list") { Description = "Then list the instance's backup sets (the first page)." };
        var method = new Option<string?>("--method") { Description = "The backup method: Physical (the service's default), Logical or Snapshot." };
        var type = new Option<string?>("--type") { Description = "Auto (the service's default: full or incremental) or FullBackup." };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "With --wait: time between polls, e.g. 00:00:02.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
        };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "With --wait: give up after this long, e.g. 00:30:00 (default: the waiters' own maximum).",
        };
        var raw = CliOptions.Raw();
        var command = new Command("create", "Start a backup of an instance now (CreateBackup); with --wait, follow it to the finished backup set.");
        options.AddInstanceTo(command);
        command.Options.Add(wait);
        command.Options.Add(list);
        command.Options.Add(method);
        command.Options.Add(type);
        command.Options.Add(interval);
        command.Options.Add(timeout);
        command.Options.Add(raw);
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                result.AddError("--interval must be positive.");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan?>() is { } limit && limit <= TimeSpan.Zero)
            {
                result.AddError("--timeout must be positive.");
            }
        });
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "CreateBackup", cancellationToken, keepRawBody: result.GetValue(raw));
            var run = new BackupRun(connection, console, result.GetValue(raw), result.GetValue(interval), result.GetValue(timeout));
            var created = await connection.Client.CreateBackupAsync(
                new CreateBackupRequest
                {
                    DBInstanceId = connection.InstanceId,
                    BackupMethod = result.GetValue(method) is { } m ? BackupMethod.FromWireValue(m) : null,
                    BackupType = result.GetValue(type) is { } t ? CreateBackupType.FromWireValue(t) : null,
                },
                cancellationToken);
            var outcome = await run.FollowAsync(created, result.GetValue(wait), cancellationToken);
            if (outcome == ExitCodes.Success && result.GetValue(list))
            {
                var page = await connection.Client.DescribeBackupsAsync(new DescribeBackupsRequest { DBInstanceId = connection.InstanceId }, cancellationToken);
                run.Show(() =>
                {
                    BackupsCommand.Show(console, connection.InstanceId, page.Items);
                    console.MarkupLine(Display.PageLine(page.PageNumber, page.Items.Count, page.TotalRecordCount, "backup sets"));
                });
            }

            return outcome;
        }));
        return command;
    }

    private static Command DeleteCommand(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var ids = new Argument<string[]>("ID")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "The backup set IDs to delete (backups list shows them), separated by spaces or commas.",
        };
        var raw = CliOptions.Raw();
        var command = new Command("delete", "Delete backup sets of an instance (DeleteBackup). The service refuses automated sets within the retention period.");
        options.AddInstanceTo(command);
        command.Arguments.Add(ids);
        command.Options.Add(raw);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var backupIds = result.GetValue(ids)!
                .SelectMany(static id => id.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (backupIds.Length == 0)
            {
                throw new RequestValidationException("DeleteBackup", "BackupId", "is required: name at least one backup set");
            }

            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "DeleteBackup", cancellationToken, keepRawBody: result.GetValue(raw));
            var response = await connection.Client.DeleteBackupAsync(
                new DeleteBackupRequest { DBInstanceId = connection.InstanceId, BackupId = backupIds }, cancellationToken);
            if (result.GetValue(raw))
            {
                connection.PrintLastBody(console);
                return ExitCodes.Success;
            }

            var noun = backupIds.Length == 1 ? "backup set" : "backup sets";
            console.MarkupLine($"Deleted {backupIds.Length} {noun} of {Markup.Escape(connection.InstanceId)}: {Markup.Escape(string.Join(", ", backupIds))}.");
            console.MarkupLine($"[grey]RequestId {Display.Text(response.RequestId)}[/]");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One backup, from CreateBackup's answer to its backup set, shown as tables or as raw bodies.</summary>
    private sealed class BackupRun(ServiceConnection connection, IAnsiConsole console, bool raw, TimeSpan interval, TimeSpan? timeout)
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        private string Instance => Markup.Escape(connection.InstanceId);

        /// <summary>Shows what a table would show, unless --raw asked for the bodies only.</summary>
        public void Show(Action render)
        {
            if (raw)
            {
                connection.PrintLastBody(console);
            }
            else
            {
                render();
            }
        }

        public async Task<int> FollowAsync(CreateBackupResponse created, bool wait, CancellationToken cancellationToken)
        {
            Show(() => console.MarkupLine($"Started backup job {Display.Number(created.BackupJobId)} of {Instance}."));
            if (!wait)
            {
                return ExitCodes.Success;
            }

            if (created.BackupJobId is not { } jobId)
            {
                console.MarkupLine("[red]error:[/] CreateBackup answered without a BackupJobId: there is no task to follow.");
                return ExitCodes.TransportError;
            }

            DescribeBackupTasksResponse? finished;
            try
            {
                var request = new DescribeBackupTasksRequest { DBInstanceId = connection.InstanceId, BackupJobId = jobId };
                finished = raw
                    ? await connection.Client.WaitForBackupTaskFinishedAsync(request, Timing(), Bodies<DescribeBackupTasksResponse>(), cancellationToken)
                    : await BackupJobProgress.ShowAsync(console, show => connection.Client.WaitForBackupTaskFinishedAsync(
                        request, Timing(), new ImmediateProgress<DescribeBackupTasksResponse>(response => show(response.Items)), cancellationToken));
            }
            catch (WaiterFailedException)
            {
                console.MarkupLine($"[red]Backup job {jobId} of {Instance} failed.[/]");
                return ExitCodes.TaskFailed;
            }
            catch (WaiterTimeoutException)
            {
                return TimedOut($"Timed out with backup job {jobId} of {Instance} still running.");
            }

            var backupId = finished?.Items.FirstOrDefault(job => job.BackupJobId == jobId)?.BackupId;
            if (string.IsNullOrEmpty(backupId))
            {
                console.MarkupLine($"[red]error:[/] backup job {jobId} finished without naming its backup set (BackupId).");
                return ExitCodes.TransportError;
            }

            Backup? set;
            try
            {
                var sets = await connection.Client.WaitForBackupSetExistsAsync(
                    new DescribeBackupsRequest { DBInstanceId = connection.InstanceId, BackupId = backupId },
                    Timing(),
                    raw ? Bodies<DescribeBackupsResponse>() : null,
                    cancellationToken);
                set = sets?.Items.FirstOrDefault(s => s.BackupId == backupId);
            }
            catch (WaiterFailedException)
            {
                console.MarkupLine($"[red]Backup set {Markup.Escape(backupId)} of {Instance} is listed as failed.[/]");
                return ExitCodes.TaskFailed;
            }
            catch (WaiterTimeoutException)
            {
                return TimedOut($"Timed out before backup set {Markup.Escape(backupId)} of {Instance} was listed.");
            }

            if (set is null)
            {
                console.MarkupLine($"[red]error:[/] backup set {Markup.Escape(backupId)} is not in the list the waiter accepted.");
                return ExitCodes.TransportError;
            }

            if (!raw)
            {
                console.MarkupLine($"[green]Backup job {jobId} of {Instance} has finished: backup set {Markup.Escape(backupId)}.[/]");
                BackupSetTable.RenderOne(console, set);
            }

            return ExitCodes.Success;
        }

        /// <summary>Steady polls every --interval (a progress bar that moves), within what is left of --timeout.</summary>
        private WaiterOptions Timing() => new()
        {
            MinDelay = interval,
            MaxDelay = interval,
            UseJitter = false,
            MaxWaitTime = timeout is { } limit ? Max(limit - _elapsed.Elapsed, TimeSpan.FromMilliseconds(1)) : null,
        };

        private ImmediateProgress<T> Bodies<T>() => new(_ => connection.PrintLastBody(console));

        private int TimedOut(string message)
        {
            console.MarkupLine($"[yellow]{message}[/]");
            return ExitCodes.TimedOut;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
