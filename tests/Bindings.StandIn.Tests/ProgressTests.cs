using System.Globalization;

namespace Bindings.StandIn.Tests;

/// <summary>Backup tasks progress with the stand-in's clock, deterministically from the seed.</summary>
public class ProgressTests
{
    private static readonly string[] Order = ["NoStart", "Preparing", "Waiting", "Uploading", "Checking", "Finished"];

    [Theory]
    [InlineData(StandInProfile.Realistic, 30)]
    [InlineData(StandInProfile.Fast, 1)]
    public async Task Tasks_progress_to_Finished_with_Process_rising_and_one_fails(StandInProfile profile, int stepSeconds)
    {
        await using var h = await Harness.StartAsync(o => o.Profile = profile);
        var history = new Dictionary<(string Instance, long Id), List<Bodies.Job>>();
        string[] instances = [StandInInstance.DefaultInstanceId, StandInInstance.FailingInstanceId];

        // Bounded: 40 steps cover the longest task of either profile (under 15 minutes / 20 seconds).
        for (var step = 0; step <= 40; step++)
        {
            foreach (var instance in instances)
            {
                var format = step % 2 == 0 ? "JSON" : "XML";
                var (answer, _) = await h.SendV1Async(Harness.Describe(instance), format);
                foreach (var job in Bodies.ReadJobs(answer, format).Jobs)
                {
                    if (!history.TryGetValue((instance, job.BackupJobId), out var list))
                    {
                        history[(instance, job.BackupJobId)] = list = [];
                    }

                    list.Add(job);
                }
            }

            h.Clock.Advance(TimeSpan.FromSeconds(stepSeconds));
        }

        foreach (var ((instance, id), jobs) in history)
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                // BackupStatus only once the task has run; BackupId only once it has finished.
                Assert.Equal(job.BackupProgressStatus == "NoStart", job.BackupStatus is null);
                Assert.Equal(job.BackupStatus == "Finished", job.BackupId is not null);
                if (i > 0)
                {
                    var previous = jobs[i - 1];
                    Assert.True(
                        Array.IndexOf(Order, job.BackupProgressStatus) >= Array.IndexOf(Order, previous.BackupProgressStatus),
                        $"{instance}/{id} went from {previous.BackupProgressStatus} to {job.BackupProgressStatus}");
                    Assert.True(Number(job.Process) >= Number(previous.Process), $"{instance}/{id}: Process fell");
                    Assert.False(previous.BackupStatus is "Finished" or "Failed" && previous != job, $"{instance}/{id} changed after it ended");
                }
            }

            Assert.Contains(jobs[^1].BackupStatus, new[] { "Finished", "Failed" });
            if (jobs[^1].BackupStatus == "Finished")
            {
                Assert.True(jobs.Select(static j => j.BackupProgressStatus).Distinct().Count() >= 3, $"{instance}/{id} skipped its phases");
            }
        }

        var defaultEnds = history.Where(static p => p.Key.Instance == StandInInstance.DefaultInstanceId).Select(static p => p.Value[^1]).ToList();
        var failingEnds = history.Where(static p => p.Key.Instance == StandInInstance.FailingInstanceId).Select(static p => p.Value[^1]).ToList();
        Assert.Equal(4, defaultEnds.Count);
        Assert.All(defaultEnds, static j => Assert.Equal("Finished", j.BackupStatus));
        Assert.All(defaultEnds, static j => Assert.True(Number(j.Process) >= 100));
        Assert.Equal(3, failingEnds.Count);
        var failed = Assert.Single(failingEnds, static j => j.BackupStatus == "Failed");
        Assert.NotEqual("Finished", failed.BackupProgressStatus);
        Assert.True(Number(failed.Process) < 100);
    }

    [Fact]
    public async Task The_fast_profile_ends_every_task_of_the_default_instance_within_twenty_seconds()
    {
        await using var standIn = await RdsStandIn.StartAsync(new StandInOptions { Profile = StandInProfile.Fast });

        var tasks = standIn.GetTasks(StandInInstance.DefaultInstanceId);
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, static t => Assert.Null(t.FailsIn));
        Assert.All(tasks, static t => Assert.InRange(t.EndsAfter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)));
        Assert.Contains(tasks, static t => t.StartsAfter == TimeSpan.Zero);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_tasks_and_another_seed_other_ones()
    {
        await using var a = await RdsStandIn.StartAsync(new StandInOptions { Seed = 7 });
        await using var b = await RdsStandIn.StartAsync(new StandInOptions { Seed = 7 });
        await using var c = await RdsStandIn.StartAsync(new StandInOptions { Seed = 8 });

        foreach (var instance in a.InstanceIds)
        {
            Assert.Equal(a.GetTasks(instance), b.GetTasks(instance));
        }

        Assert.NotEqual(a.GetTasks(StandInInstance.DefaultInstanceId), c.GetTasks(StandInInstance.DefaultInstanceId));
    }

    [Fact]
    public void A_task_goes_through_every_phase_and_may_report_125_when_finished()
    {
        var task = new StandInBackupTask
        {
            BackupJobId = 4762614,
            StartsAfter = TimeSpan.FromSeconds(10),
            Duration = TimeSpan.FromSeconds(100),
            FinishedProcess = "125",
            BackupId = "346650271",
        };

        Assert.Equal(("NoStart", null, "0", null), Describe(task, 5));
        Assert.Equal(("Preparing", "Preparing", "2", null), Describe(task, 15));
        Assert.Equal(("Waiting", "Waiting", "7", null), Describe(task, 25));
        Assert.Equal(("Uploading", "Uploading", "50", null), Describe(task, 60));
        Assert.Equal(("Checking", "Checking", "94", null), Describe(task, 100));
        Assert.Equal(("Finished", "Finished", "125", "346650271"), Describe(task, 110));
        Assert.Equal(("Finished", "Finished", "125", "346650271"), Describe(task, 10_000));
    }

    [Fact]
    public void A_failing_task_stops_in_its_phase_with_Process_frozen()
    {
        var task = new StandInBackupTask
        {
            BackupJobId = 1,
            Duration = TimeSpan.FromSeconds(100),
            FailsIn = "Uploading",
            FailsAtFraction = 0.5,
        };

        Assert.Equal(TimeSpan.FromSeconds(50), task.EndsAfter);
        Assert.Equal(("Uploading", "Uploading", "43", null), Describe(task, 45));
        Assert.Equal(("Uploading", "Failed", "50", null), Describe(task, 50));
        Assert.Equal(("Uploading", "Failed", "50", null), Describe(task, 1_000));
    }

    [Fact]
    public async Task Invalid_task_definitions_are_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => RdsStandIn.StartAsync(new StandInOptions
        {
            Instances = [new StandInInstance("rm-bad", [new StandInBackupTask { BackupJobId = 1, FailsIn = "Finished" }])],
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => RdsStandIn.StartAsync(new StandInOptions
        {
            Instances = [new StandInInstance("rm-bad", [new StandInBackupTask { BackupJobId = 1 }, new StandInBackupTask { BackupJobId = 1 }])],
        }));
    }

    private static (string, string?, string, string?) Describe(StandInBackupTask task, int seconds)
    {
        var state = task.StateAt(TimeSpan.FromSeconds(seconds));
        return (state.BackupProgressStatus, state.BackupStatus, state.Process, state.BackupId);
    }

    private static int Number(string process) => int.Parse(process, NumberStyles.None, CultureInfo.InvariantCulture);
}
