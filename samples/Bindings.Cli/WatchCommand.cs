using System.CommandLine;
using System.Globalization;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// <c>watch</c>: polls until every backup task has finished or failed, with a progress bar per task
/// from <c>Process</c>; exits non-zero when a task failed.
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
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(result.GetValue(timeout));
            var watcher = new Watcher(connection, settings, result.GetValue(interval));
            try
            {
                return console.Profile.Capabilities.Interactive
                    ? await watcher.RunWithProgressBarsAsync(console, deadline.Token)
                    : await watcher.RunWithLinesAsync(console, deadline.Token);
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

        public async Task<int> RunWithProgressBarsAsync(IAnsiConsole console, CancellationToken cancellationToken)
        {
            var outcome = ExitCodes.Success;
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var bars = new Dictionary<string, ProgressTask>();
                    await PollAsync(jobs =>
                    {
                        foreach (var job in jobs)
                        {
                            var key = Key(job);
                            if (!bars.TryGetValue(key, out var bar))
                            {
                                bar = bars[key] = context.AddTask(Describe(job), maxValue: 100);
                            }

                            bar.Description = Describe(job);
                            bar.Value = Percent(job);
                            if (IsDone(job))
                            {
                                bar.Value = 100;
                                bar.StopTask();
                            }
                        }
                    }, cancellationToken, code => outcome = code);
                });
            Summarize(console, outcome);
            return outcome;
        }

        public async Task<int> RunWithLinesAsync(IAnsiConsole console, CancellationToken cancellationToken)
        {
            // Without a terminal (CI logs, pipes), one line per change instead of redrawn bars.
            var outcome = ExitCodes.Success;
            var last = new Dictionary<string, string>();
            await PollAsync(jobs =>
            {
                foreach (var job in jobs)
                {
                    var line = Describe(job) + " " + Percent(job).ToString("0", CultureInfo.InvariantCulture) + "%";
                    if (!last.TryGetValue(Key(job), out var previous) || previous != line)
                    {
                        last[Key(job)] = line;
                        console.MarkupLine(line);
                    }
                }
            }, cancellationToken, code => outcome = code);
            Summarize(console, outcome);
            return outcome;
        }

        private async Task PollAsync(Action<IReadOnlyList<BackupJob>> show, CancellationToken cancellationToken, Action<int> setOutcome)
        {
            while (true)
            {
                var response = await _connection.Client.DescribeBackupTasksAsync(_connection.CreateRequest(_settings), cancellationToken);
                show(response.Items);
                if (response.Items.All(IsDone))
                {
                    setOutcome(response.Items.Any(job => job.BackupStatus?.Kind == BackupStatusKind.Failed) ? ExitCodes.TaskFailed : ExitCodes.Success);
                    return;
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

    private static string Key(BackupJob job)
        => job.BackupJobId?.ToString(CultureInfo.InvariantCulture) ?? job.GetHashCode().ToString(CultureInfo.InvariantCulture);

    private static bool IsDone(BackupJob job)
        => job.BackupStatus?.Kind is BackupStatusKind.Finished or BackupStatusKind.Failed;

    // The service has been seen reporting 125 for a finished task: the bar stops at 100.
    private static double Percent(BackupJob job) => job.Process is { } process ? (double)Math.Clamp(process, 0m, 100m) : 0;

    private static string Describe(BackupJob job)
    {
        var id = job.BackupJobId?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var status = job.BackupStatus?.Kind switch
        {
            null => "[grey]waiting to run[/]",
            BackupStatusKind.Finished => "[green]Finished[/]",
            BackupStatusKind.Failed => "[red]Failed[/]",
            _ => Markup.Escape(job.BackupStatus.Value.WireValue),
        };
        return $"Job {Markup.Escape(id)} ({Markup.Escape(job.JobMode?.WireValue ?? "?")}) {status}";
    }
}
