using System.Globalization;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// How the commands that follow backup tasks show them: a progress bar per task in a terminal, one
/// line per change otherwise (CI logs, pipes). <c>watch</c> uses it; so does anything else that waits.
/// </summary>
internal static class BackupJobProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it what shows each new view of the tasks.</summary>
    public static async Task<T> ShowAsync<T>(IAnsiConsole console, Func<Action<IReadOnlyList<BackupJob>>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var last = new Dictionary<string, string>();
            return await work(jobs =>
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
            });
        }

        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                result = await work(jobs =>
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
                });
            });
        return result;
    }

    public static bool IsDone(BackupJob job) => job.BackupStatus?.Kind is BackupStatusKind.Finished or BackupStatusKind.Failed;

    public static bool HasFailed(BackupJob job) => job.BackupStatus?.Kind == BackupStatusKind.Failed;

    // The service has been seen reporting 125 for a finished task: the bar stops at 100.
    public static double Percent(BackupJob job) => job.Process is { } process ? (double)Math.Clamp(process, 0m, 100m) : 0;

    public static string Describe(BackupJob job)
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

    private static string Key(BackupJob job)
        => job.BackupJobId?.ToString(CultureInfo.InvariantCulture) ?? job.GetHashCode().ToString(CultureInfo.InvariantCulture);
}
