using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Bindings.StandIn.Backups;

/// <summary>The instances and their tasks, fixed at start (task states follow from the clock).</summary>
internal sealed class BackupCatalog
{
    private readonly Dictionary<string, IReadOnlyList<StandInBackupTask>> _tasks;

    public BackupCatalog(IEnumerable<StandInInstance> instances, StandInProfile profile, int seed)
    {
        _tasks = new Dictionary<string, IReadOnlyList<StandInBackupTask>>(StringComparer.Ordinal);
        var nextJobId = 4762614L;
        foreach (var instance in instances)
        {
            ArgumentNullException.ThrowIfNull(instance);
            if (_tasks.ContainsKey(instance.DBInstanceId))
            {
                throw new ArgumentException($"The instance {instance.DBInstanceId} is listed twice.");
            }

            var tasks = instance.Tasks ?? Generate(instance, profile, seed, ref nextJobId);
            var ids = new HashSet<long>();
            foreach (var task in tasks)
            {
                task.Validate(instance.DBInstanceId);
                if (!ids.Add(task.BackupJobId))
                {
                    throw new ArgumentException($"The task {task.BackupJobId} of {instance.DBInstanceId} is listed twice.");
                }
            }

            _tasks.Add(instance.DBInstanceId, tasks);
        }
    }

    public IReadOnlyCollection<string> InstanceIds => _tasks.Keys;

    public bool TryGetTasks(string instanceId, out IReadOnlyList<StandInBackupTask> tasks) =>
        _tasks.TryGetValue(instanceId, out tasks!);

    private static IReadOnlyList<StandInBackupTask> Generate(StandInInstance instance, StandInProfile profile, int seed, ref long nextJobId)
    {
        // One generator per instance, seeded by the seed and a stable hash of the ID, so that adding
        // an instance does not change the tasks of the others.
        var random = new Random(unchecked(seed * 31 + StableHash(instance.DBInstanceId)));
        var (maxStart, minDuration, maxDuration) = profile switch
        {
            StandInProfile.Fast => (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(14)),
            _ => (TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(12)),
        };

        var failing = Enumerable.Range(0, instance.TaskCount)
            .OrderBy(_ => random.Next())
            .Take(instance.FailedTaskCount)
            .ToHashSet();
        string[] failPhases = ["Preparing", "Waiting", "Uploading", "Checking"];

        var tasks = new List<StandInBackupTask>(instance.TaskCount);
        for (var i = 0; i < instance.TaskCount; i++)
        {
            // The first task starts at once, so that something is always moving; the others
            // wait a while in NoStart.
            var startsAfter = i == 0 ? TimeSpan.Zero : maxStart * random.NextDouble();
            var duration = minDuration + (maxDuration - minDuration) * random.NextDouble();
            var manual = i > 0 && random.NextDouble() < 0.4;
            tasks.Add(new StandInBackupTask
            {
                BackupJobId = nextJobId,
                JobMode = manual ? "Manual" : "Automated",
                TaskAction = manual && random.NextDouble() < 0.7 ? "TempBackupTask" : "NormalBackupTask",
                StartsAfter = RoundToMilliseconds(startsAfter),
                Duration = RoundToMilliseconds(duration),
                FailsIn = failing.Contains(i) ? failPhases[random.Next(failPhases.Length)] : null,
                FailsAtFraction = 0.2 + 0.6 * random.NextDouble(),
                // Like the real service, now and then a finished task reports more than 100.
                FinishedProcess = random.NextDouble() < 0.25 ? "125" : "100",
                BackupId = (346650271L + random.Next(1, 9_000_000)).ToString(CultureInfo.InvariantCulture),
            });
            nextJobId += 1 + random.Next(1, 40);
        }

        return tasks;
    }

    private static TimeSpan RoundToMilliseconds(TimeSpan value) => TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));

    private static int StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomized per process.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
