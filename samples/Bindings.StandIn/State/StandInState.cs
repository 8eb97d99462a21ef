using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Bindings.StandIn.State;

/// <summary>
/// The stand-in's whole state: the instances in the order they were configured or created, and
/// the counters that hand out task and backup set IDs. Every operation runs inside
/// <see cref="Use{T}"/>, under one lock, so that each answer sees one consistent state.
/// </summary>
internal sealed class StandInState
{
    private static readonly string[] FailPhases = ["Preparing", "Waiting", "Uploading", "Checking"];

    private readonly object _gate = new();
    private readonly Dictionary<string, InstanceState> _byId = new(StringComparer.Ordinal);
    private readonly List<InstanceState> _instances = [];
    private readonly HashSet<string> _backupIds = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly Timings _timings;
    private long _nextJobId = 4762614L;
    private long _nextBackupId = 346650271L;
    private long _nextHostId = 5882781L;

    public StandInState(IEnumerable<StandInInstance> instances, StandInProfile profile, int seed, DateTimeOffset startedAt)
    {
        StartedAt = startedAt;
        Profile = profile;
        _timings = profile == StandInProfile.Fast ? Timings.Fast : Timings.Realistic;
        _random = new Random(seed);
        foreach (var instance in instances)
        {
            ArgumentNullException.ThrowIfNull(instance);
            Validate(instance);
            if (_byId.ContainsKey(instance.DBInstanceId))
            {
                throw new ArgumentException($"The instance {instance.DBInstanceId} is listed twice.");
            }

            var tasks = instance.Tasks ?? GenerateTasks(instance, seed);
            var ids = new HashSet<long>();
            foreach (var task in tasks)
            {
                task.Validate(instance.DBInstanceId);
                if (!ids.Add(task.BackupJobId))
                {
                    throw new ArgumentException($"The task {task.BackupJobId} of {instance.DBInstanceId} is listed twice.");
                }

                _backupIds.Add(task.BackupId);
                _nextJobId = Math.Max(_nextJobId, task.BackupJobId + 1);
            }

            var state = new InstanceState(instance, tasks, [], startedAt, _nextHostId++);
            if (instance.SeedBackupHistory)
            {
                SeedHistory(state, seed);
            }

            Add(state);
        }
    }

    public DateTimeOffset StartedAt { get; }

    public StandInProfile Profile { get; }

    public IReadOnlyCollection<string> InstanceIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances.Select(static i => i.Id)];
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> under the lock, after the schedules have caught up with <paramref name="now"/>.</summary>
    public T Use<T>(DateTimeOffset now, Func<StandInView, T> action)
    {
        lock (_gate)
        {
            foreach (var instance in _instances)
            {
                CatchUpSchedule(instance, now);
            }

            return action(new StandInView(this, now));
        }
    }

    /// <summary>A size that varies by a few percent around the instance's data size, the same for the same set.</summary>
    public static long SizeOf(long dataSize, string backupId)
    {
        var hash = StableHash(backupId);
        return dataSize + dataSize / 100 * ((hash & 0x7fffffff) % 7 - 3);
    }

    public static int StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomized per process.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    internal InstanceState? Find(string id) => _byId.TryGetValue(id, out var state) ? state : null;

    internal IReadOnlyList<InstanceState> Instances => _instances;

    internal StandInBackupTask StartBackup(InstanceState instance, DateTimeOffset now, string method, string type)
    {
        var startsAfter = now - StartedAt + _timings.CreatedStartDelay * (0.5 + _random.NextDouble() / 2);
        var task = NewTask(instance, "Manual", startsAfter);
        task = task with { BackupMethod = method, BackupType = type };
        instance.AddTask(task, createdByUser: true);
        return task;
    }

    internal InstanceState CreateInstance(StandInInstance definition, DateTimeOffset now)
    {
        var state = new InstanceState(definition, [], [], StartedAt, _nextHostId++, createdAt: now, runningAt: now + _timings.InstanceCreation)
        {
            ScheduledUntil = now,
        };
        Add(state);
        return state;
    }

    internal string NewInstanceId(string engine)
    {
        var prefix = engine switch
        {
            "PostgreSQL" => "pgm-",
            "SQLServer" => "rm-",
            "MariaDB" => "rdsm-",
            _ => "rm-",
        };
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        while (true)
        {
            var id = prefix + "bp1" + new string(Enumerable.Range(0, 11).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
            if (!_byId.ContainsKey(id))
            {
                return id;
            }
        }
    }

    internal long NewOrderId() => 100789370_0000L + _random.Next(1, 9999);

    private void Add(InstanceState state)
    {
        _byId.Add(state.Id, state);
        _instances.Add(state);
    }

    private void CatchUpSchedule(InstanceState instance, DateTimeOffset now)
    {
        if (!instance.Definition.ScheduledBackups || now <= instance.ScheduledUntil)
        {
            return;
        }

        // A clock moved years ahead gives at most the retention period's backups, not one per day since.
        var from = instance.ScheduledUntil < now.AddDays(-730) ? now.AddDays(-730) : instance.ScheduledUntil;
        foreach (var at in instance.Policy.Occurrences(from, now))
        {
            if (instance.Status(at) == "Running")
            {
                instance.AddTask(NewTask(instance, "Automated", at - StartedAt), createdByUser: false);
            }
        }

        instance.ScheduledUntil = now;
    }

    private StandInBackupTask NewTask(InstanceState instance, string mode, TimeSpan startsAfter)
    {
        var duration = _timings.MinDuration + (_timings.MaxDuration - _timings.MinDuration) * _random.NextDouble();
        return new StandInBackupTask
        {
            BackupJobId = _nextJobId++,
            JobMode = mode,
            TaskAction = "NormalBackupTask",
            StartsAfter = Round(startsAfter),
            Duration = Round(duration),
            FailsIn = instance.Definition.BackupsFailIn,
            FailsAtFraction = 0.2 + 0.6 * _random.NextDouble(),
            FinishedProcess = "100",
            BackupId = NewBackupId(),
        };
    }

    private string NewBackupId()
    {
        while (true)
        {
            var id = (_nextBackupId++).ToString(CultureInfo.InvariantCulture);
            if (_backupIds.Add(id))
            {
                return id;
            }
        }
    }

    private void SeedHistory(InstanceState instance, int seed)
    {
        var random = new Random(unchecked(seed * 17 + StableHash(instance.Id)));
        var history = new List<BackupSet>();
        var from = StartedAt.AddDays(-instance.Policy.BackupRetentionPeriod);
        foreach (var at in instance.Policy.Occurrences(from, StartedAt))
        {
            var end = at + TimeSpan.FromMinutes(8 + random.Next(0, 12)) + TimeSpan.FromSeconds(random.Next(0, 60));
            if (end >= StartedAt || at < instance.CreationTime)
            {
                continue;
            }

            var id = NewBackupId();
            history.Add(new BackupSet(
                id, instance.Id, at, end, Succeeded: true, "Automated", "Physical", "FullBackup",
                SizeOf(instance.Definition.DataSize, id), BackupJobId: null));
        }

        instance.AddHistory(history);
    }

    private IReadOnlyList<StandInBackupTask> GenerateTasks(StandInInstance instance, int seed)
    {
        // One generator per instance, seeded by the seed and a stable hash of the ID, so that adding
        // an instance does not change the tasks of the others.
        var random = new Random(unchecked(seed * 31 + StableHash(instance.DBInstanceId)));
        var (maxStart, minDuration, maxDuration) = (_timings.SeededMaxStart, _timings.MinDuration, _timings.MaxDuration);
        var failing = Enumerable.Range(0, instance.TaskCount)
            .OrderBy(_ => random.Next())
            .Take(instance.FailedTaskCount)
            .ToHashSet();

        var tasks = new List<StandInBackupTask>(instance.TaskCount);
        for (var i = 0; i < instance.TaskCount; i++)
        {
            // The first task starts at once, so that something is always moving; the others
            // wait a while in NoStart.
            var startsAfter = i == 0 ? TimeSpan.Zero : maxStart * random.NextDouble();
            var duration = minDuration + (maxDuration - minDuration) * random.NextDouble();
            var manual = i > 0 && random.NextDouble() < 0.4;
            var backupId = 346650271L + random.Next(1, 9_000_000);
            tasks.Add(new StandInBackupTask
            {
                BackupJobId = _nextJobId,
                JobMode = manual ? "Manual" : "Automated",
                TaskAction = manual && random.NextDouble() < 0.7 ? "TempBackupTask" : "NormalBackupTask",
                StartsAfter = Round(startsAfter),
                Duration = Round(duration),
                FailsIn = failing.Contains(i) ? FailPhases[random.Next(FailPhases.Length)] : null,
                FailsAtFraction = 0.2 + 0.6 * random.NextDouble(),
                // Like the real service, now and then a finished task reports more than 100.
                FinishedProcess = random.NextDouble() < 0.25 ? "125" : "100",
                BackupId = backupId.ToString(CultureInfo.InvariantCulture),
            });
            _nextJobId += 1 + random.Next(1, 40);
        }

        return tasks;
    }

    private static void Validate(StandInInstance instance)
    {
        if (instance.BackupRetentionPeriod is < 7 or > 730)
        {
            throw new ArgumentException($"The BackupRetentionPeriod of {instance.DBInstanceId} must be 7 to 730 days.");
        }

        if (!Policies.IsPeriod(instance.PreferredBackupPeriod))
        {
            throw new ArgumentException($"The PreferredBackupPeriod of {instance.DBInstanceId} must name at least two days of the week.");
        }

        if (!Policies.IsBackupWindow(instance.PreferredBackupTime))
        {
            throw new ArgumentException($"The PreferredBackupTime of {instance.DBInstanceId} must be HH:mmZ-HH:mmZ, one hour.");
        }

        if (instance.BackupsFailIn is { } phase && Array.IndexOf(FailPhases, phase) < 0)
        {
            throw new ArgumentException($"The BackupsFailIn of {instance.DBInstanceId} must be Preparing, Waiting, Uploading or Checking.");
        }

        if (instance.DataSize <= 0 || instance.Age < TimeSpan.Zero)
        {
            throw new ArgumentException($"The DataSize of {instance.DBInstanceId} must be positive and its Age not negative.");
        }
    }

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));

    /// <summary>How long things take in each profile.</summary>
    private sealed record Timings(
        TimeSpan SeededMaxStart, TimeSpan MinDuration, TimeSpan MaxDuration, TimeSpan CreatedStartDelay, TimeSpan InstanceCreation)
    {
        public static readonly Timings Fast = new(
            TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        public static readonly Timings Realistic = new(
            TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(12), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
    }
}

/// <summary>The state at one moment, as an operation sees it inside the lock.</summary>
internal readonly record struct StandInView(StandInState State, DateTimeOffset Now)
{
    public TimeSpan Elapsed => Now - State.StartedAt;

    public InstanceState? Find(string id) => State.Find(id);

    public IReadOnlyList<InstanceState> Instances => State.Instances;
}
