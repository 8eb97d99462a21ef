using System.CommandLine;
using System.Globalization;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// <c>watch</c>: polls until every backup task has finished or failed, with a progress bar per task
/// from <c>Process</c> (see <see cref="BackupJobProgress"/>); exits non-zero when a task failed.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "Time between polls, e.g. 00:00:02.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Give up after this long, e.g. 00:10:00.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(10),
        };
        var command = new Command("watch", "Follow an instance's backup tasks until every one has finished or failed.");
        options.AddTo(command);
        command.Options.Add(interval);
        command.Options.Add(timeout);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "DescribeBackupTasks", cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(result.GetValue(timeout));
            var watcher = new Watcher(connection, settings, result.GetValue(interval));
            try
            {
                return await watcher.RunAsync(console, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine("[yellow]Timed out with tasks still running.[/]");
                return ExitCodes.TimedOut;
            }
        }));
        return command;
    }

    private sealed class Watcher
    {
        private readonly ServiceConnection _connection;
        private readonly ConnectionSettings _settings;
        private readonly TimeSpan _interval;

        public Watcher(ServiceConnection connection, ConnectionSettings settings, TimeSpan interval)
        {
            _connection = connection;
            _settings = settings;
            _interval = interval;
        }

        public async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
        {
            var outcome = await BackupJobProgress.ShowAsync(console, show => PollAsync(show, cancellationToken));
            Summarize(console, outcome);
            return outcome;
        }

        private async Task<int> PollAsync(Action<IReadOnlyList<BackupJob>> show, CancellationToken cancellationToken)
        {
            while (true)
            {
                var response = await _connection.Client.DescribeBackupTasksAsync(_connection.CreateRequest(_settings), cancellationToken);
                show(response.Items);
                if (response.Items.All(BackupJobProgress.IsDone))
                {
                    return response.Items.Any(BackupJobProgress.HasFailed) ? ExitCodes.TaskFailed : ExitCodes.Success;
                }

                await Task.Delay(_interval, cancellationToken);
            }
        }

        private void Summarize(IAnsiConsole console, int outcome)
        {
            var instance = Markup.Escape(_connection.InstanceId);
            console.MarkupLine(outcome == ExitCodes.Success
                ? $"[green]Every backup task of {instance} has finished.[/]"
                : $"[red]A backup task of {instance} failed.[/]");
        }
    }
}
