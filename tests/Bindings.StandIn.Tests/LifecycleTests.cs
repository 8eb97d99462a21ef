using System.Globalization;
using System.Text.Json;

namespace Bindings.StandIn.Tests;

/// <summary>
/// The backup lifecycle over real HTTP, on a manual clock: one state per instance that every
/// operation agrees on (tasks, sets, policy, log files).
/// </summary>
public class LifecycleTests
{
    // No seeded tasks: every task and set below the history is the test's own.
    private const string Id = "rm-lifecycle";

    private static void QuietInstance(StandInOptions options)
    {
        options.Profile = StandInProfile.Fast;
        options.Instances = [new StandInInstance(Id, taskCount: 0), .. StandInInstance.Defaults()];
    }

    [Fact]
    public async Task CreateBackup_starts_a_task_that_progresses_and_ends_as_a_listed_set_that_can_be_deleted()
    {
        await using var h = await Harness.StartAsync(QuietInstance);
        var before = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id));
        var setsBefore = Count(before, "TotalRecordCount");

        var created = await h.OkAsync("CreateBackup", ("DBInstanceId", Id));
        var jobId = created.GetProperty("BackupJobId").GetString()!;
        Assert.Equal(JsonValueKind.String, created.GetProperty("BackupJobId").ValueKind);

        // The task is listed at once, NoStart, then runs through the phases to Finished.
        var seen = new List<string>();
        JsonElement job = default;
        for (var step = 0; step < 40; step++)
        {
            var tasks = await h.OkAsync("DescribeBackupTasks", ("DBInstanceId", Id), ("BackupJobId", jobId));
            job = Assert.Single(tasks.GetProperty("Items").GetProperty("BackupJob").EnumerateArray());
            Assert.Equal("Manual", job.GetProperty("JobMode").GetString());
            var phase = job.GetProperty("BackupProgressStatus").GetString()!;
            if (seen.Count == 0 || seen[^1] != phase)
            {
                seen.Add(phase);
            }

            // Not a set until it has ended.
            var listed = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupMode", "Manual"));
            Assert.Equal(phase == "Finished" ? 1 : 0, Count(listed, "TotalRecordCount"));
            if (phase == "Finished")
            {
                break;
            }

            h.Clock.Advance(TimeSpan.FromMilliseconds(700));
        }

        Assert.Equal(["NoStart", "Preparing", "Waiting", "Uploading", "Checking", "Finished"], seen);
        var backupId = job.GetProperty("BackupId").GetString()!;

        var sets = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id));
        Assert.Equal(setsBefore + 1, Count(sets, "TotalRecordCount"));
        var set = sets.GetProperty("Items").GetProperty("Backup").EnumerateArray().First();
        Assert.Equal(backupId, set.GetProperty("BackupId").GetString());      // newest first
        Assert.Equal("Success", set.GetProperty("BackupStatus").GetString());
        Assert.Equal("Manual", set.GetProperty("BackupMode").GetString());
        Assert.Equal("User", set.GetProperty("BackupInitiator").GetString());
        Assert.Equal("Enabled", set.GetProperty("StoreStatus").GetString());
        Assert.True(set.GetProperty("BackupSize").GetInt64() > 2_000_000_000);
        var start = DateTimeOffset.Parse(set.GetProperty("BackupStartTime").GetString()!, CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(set.GetProperty("BackupEndTime").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(start >= ManualClock.DefaultStart && end > start && end <= h.Clock.GetUtcNow(), $"{start} .. {end}");

        await h.OkAsync("DeleteBackup", ("DBInstanceId", Id), ("BackupId", backupId));
        var after = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupId", backupId));
        Assert.Equal(0, Count(after, "TotalRecordCount"));
        await h.RefusedAsync("DeleteBackup", 404, "InvalidBackupSetID.NotFound", ("DBInstanceId", Id), ("BackupId", backupId));
    }

    [Fact]
    public async Task A_backup_of_the_instance_set_up_to_fail_ends_Failed_and_lists_a_Failed_set()
    {
        await using var h = await Harness.StartAsync(o => o.Profile = StandInProfile.Fast);
        var jobId = (await h.OkAsync("CreateBackup", ("DBInstanceId", StandInInstance.FailingInstanceId))).GetProperty("BackupJobId").GetString()!;
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        var job = Assert.Single((await h.OkAsync("DescribeBackupTasks", ("DBInstanceId", StandInInstance.FailingInstanceId), ("BackupJobId", jobId)))
            .GetProperty("Items").GetProperty("BackupJob").EnumerateArray());
        Assert.Equal("Failed", job.GetProperty("BackupStatus").GetString());
        Assert.Equal("Uploading", job.GetProperty("BackupProgressStatus").GetString());
        Assert.False(job.TryGetProperty("BackupId", out _));

        var failed = await h.OkAsync("DescribeBackups", ("DBInstanceId", StandInInstance.FailingInstanceId), ("BackupStatus", "Failed"), ("BackupMode", "Manual"));
        var set = Assert.Single(failed.GetProperty("Items").GetProperty("Backup").EnumerateArray());
        Assert.Equal(0, set.GetProperty("IsAvail").GetInt32());
        Assert.Equal(0, set.GetProperty("BackupSize").GetInt64());
    }

    [Fact]
    public async Task A_second_CreateBackup_while_the_first_runs_is_BackupJobExists_and_allowed_once_it_ended()
    {
        await using var h = await Harness.StartAsync(QuietInstance);
        await h.OkAsync("CreateBackup", ("DBInstanceId", Id));
        await h.RefusedAsync("CreateBackup", 400, "BackupJobExists", ("DBInstanceId", Id));

        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await h.OkAsync("CreateBackup", ("DBInstanceId", Id));
    }

    [Fact]
    public async Task The_policy_is_read_changed_and_followed_by_the_schedule_and_the_retention()
    {
        await using var h = await Harness.StartAsync(QuietInstance);
        var policy = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", Id));
        Assert.Equal(7, policy.GetProperty("BackupRetentionPeriod").GetInt32());
        Assert.Equal("19:00Z-20:00Z", policy.GetProperty("PreferredBackupTime").GetString());
        Assert.Equal("2026-03-01T19:00Z", policy.GetProperty("PreferredNextBackupTime").GetString());
        Assert.Equal("30", policy.GetProperty("LocalLogRetentionSpace").GetString());   // a string, as documented

        // The history: one automated set per day of the period within the retention.
        var sets = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupMode", "Automated"));
        Assert.Equal(7, Count(sets, "TotalRecordCount"));

        var changed = await h.OkAsync("ModifyBackupPolicy", ("DBInstanceId", Id),
            ("PreferredBackupTime", "09:00Z-10:00Z"), ("PreferredBackupPeriod", "Sunday,Wednesday"),
            ("BackupRetentionPeriod", "10"), ("BackupLog", "Enable"));
        Assert.Equal(Id, changed.GetProperty("DBInstanceID").GetString());
        policy = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", Id));
        Assert.Equal(10, policy.GetProperty("BackupRetentionPeriod").GetInt32());
        Assert.Equal("Sunday,Wednesday", policy.GetProperty("PreferredBackupPeriod").GetString());
        // 2026-03-01 is a Sunday: the next window is today at 09:00.
        Assert.Equal("2026-03-01T09:00Z", policy.GetProperty("PreferredNextBackupTime").GetString());

        // The schedule starts an automated task at 09:00 that ends as a set.
        h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var tasks = await h.OkAsync("DescribeBackupTasks", ("DBInstanceId", Id), ("BackupMode", "Automated"));
        Assert.Contains(tasks.GetProperty("Items").GetProperty("BackupJob").EnumerateArray(), j => j.GetProperty("BackupStatus").GetString() == "Finished"
            && j.GetProperty("BackupId").GetString() is not null && !new[] { "NoStart" }.Contains(j.GetProperty("BackupProgressStatus").GetString()));
        sets = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupMode", "Automated"));
        Assert.Equal(8, Count(sets, "TotalRecordCount"));

        // A shorter retention drops the older sets at once.
        await h.OkAsync("ModifyBackupPolicy", ("DBInstanceId", Id),
            ("PreferredBackupTime", "09:00Z-10:00Z"), ("PreferredBackupPeriod", "Sunday,Wednesday"),
            ("BackupRetentionPeriod", "7"), ("BackupLog", "Enable"));
        sets = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupMode", "Automated"));
        Assert.All(sets.GetProperty("Items").GetProperty("Backup").EnumerateArray(), s =>
            Assert.True(DateTimeOffset.Parse(s.GetProperty("BackupEndTime").GetString()!, CultureInfo.InvariantCulture) >= h.Clock.GetUtcNow().AddDays(-7)));
    }

    [Fact]
    public async Task Log_files_rotate_hourly_and_at_each_backup_and_follow_the_log_backup_switch()
    {
        await using var h = await Harness.StartAsync(QuietInstance);
        var backups = (await h.OkAsync("DescribeBackups", ("DBInstanceId", Id))).GetProperty("Items").GetProperty("Backup").EnumerateArray().ToList();
        var newest = backups[0];
        var end = DateTimeOffset.Parse(newest.GetProperty("BackupEndTime").GetString()!, CultureInfo.InvariantCulture);

        // The day of the newest set: hourly files, one of which ends exactly when the backup ended.
        var from = end.AddHours(-3);
        var to = end.AddHours(3);
        var binlogs = await h.OkAsync("DescribeBinlogFiles", ("DBInstanceId", Id),
            ("StartTime", from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("EndTime", to.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        var files = binlogs.GetProperty("Items").GetProperty("BinLogFile").EnumerateArray().ToList();
        Assert.Equal(files.Count, binlogs.GetProperty("TotalRecordCount").GetInt32());
        Assert.Equal(files.Count, binlogs.GetProperty("PageRecordCount").GetInt32());
        Assert.InRange(files.Count, 7, 8);
        Assert.Contains(files, f => f.GetProperty("LogEndTime").GetString() == end.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        for (var i = 1; i < files.Count; i++)
        {
            // Contiguous, numbered in sequence.
            Assert.Equal(files[i - 1].GetProperty("LogEndTime").GetString(), files[i].GetProperty("LogBeginTime").GetString());
            var a = int.Parse(files[i - 1].GetProperty("LogFileName").GetString()!["mysql-bin.".Length..], CultureInfo.InvariantCulture);
            var b = int.Parse(files[i].GetProperty("LogFileName").GetString()!["mysql-bin.".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(a + 1, b);
        }

        Assert.Equal(files.Sum(static f => f.GetProperty("FileSize").GetInt64()), binlogs.GetProperty("TotalFileSize").GetInt64());

        var startTime = ("StartTime", from.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
        var endTime = ("EndTime", to.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
        var logBackups = await h.OkAsync("DescribeLogBackupFiles", ("DBInstanceId", Id), startTime, endTime);
        Assert.Equal(files.Count, logBackups.GetProperty("TotalRecordCount").GetInt32());

        await h.OkAsync("ModifyBackupPolicy", ("DBInstanceId", Id), ("BackupPolicyMode", "LogBackupPolicy"),
            ("EnableBackupLog", "0"), ("LocalLogRetentionHours", "18"), ("LocalLogRetentionSpace", "30"), ("HighSpaceUsageProtection", "Enable"));
        Assert.Equal("Disabled", (await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", Id))).GetProperty("BackupLog").GetString());
        logBackups = await h.OkAsync("DescribeLogBackupFiles", ("DBInstanceId", Id), startTime, endTime);
        Assert.Equal(0, logBackups.GetProperty("TotalRecordCount").GetInt32());
    }

    [Fact]
    public async Task Instances_are_listed_by_region_and_tag_and_tags_added_by_TagResources_are_seen_everywhere()
    {
        await using var h = await Harness.StartAsync();
        var all = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"));
        Assert.Equal(3, all.GetProperty("TotalRecordCount").GetInt32());
        Assert.Equal([StandInInstance.DefaultInstanceId, StandInInstance.FailingInstanceId, StandInInstance.IdleInstanceId], Ids(all));
        Assert.Empty((await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-beijing"))).GetProperty("Items").GetProperty("DBInstance").EnumerateArray());

        var production = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"), ("Tags", "{\"env\":\"production\"}"));
        Assert.Equal([StandInInstance.DefaultInstanceId, StandInInstance.IdleInstanceId], Ids(production));

        await h.OkAsync("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "INSTANCE"),
            ("ResourceId.1", StandInInstance.FailingInstanceId), ("ResourceId.2", StandInInstance.IdleInstanceId),
            ("Tag.1.Key", "backup"), ("Tag.1.Value", "nightly"));
        var nightly = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"), ("Tags", "{\"backup\":\"nightly\",\"env\":\"production\"}"));
        Assert.Equal([StandInInstance.IdleInstanceId], Ids(nightly));

        var listed = await h.OkAsync("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "INSTANCE"), ("Tag.1.Key", "backup"));
        var pairs = listed.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray()
            .Select(static t => (t.GetProperty("ResourceId").GetString(), t.GetProperty("TagKey").GetString(), t.GetProperty("TagValue").GetString(), t.GetProperty("ResourceType").GetString()))
            .ToList();
        Assert.Contains((StandInInstance.FailingInstanceId, "backup", "nightly", "ALIYUN::RDS::INSTANCE"), pairs);
        Assert.Contains((StandInInstance.IdleInstanceId, "team", "analytics", "ALIYUN::RDS::INSTANCE"), pairs);
        Assert.DoesNotContain(pairs, p => p.Item1 == StandInInstance.DefaultInstanceId);

        var attribute = await h.OkAsync("DescribeDBInstanceAttribute", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        var item = Assert.Single(attribute.GetProperty("Items").GetProperty("DBInstanceAttribute").EnumerateArray());
        Assert.Equal("Running", item.GetProperty("DBInstanceStatus").GetString());
        Assert.Equal("MySQL", item.GetProperty("Engine").GetString());
    }

    [Fact]
    public async Task CreateDBInstance_adds_an_instance_that_is_Creating_then_Running_and_can_be_backed_up()
    {
        await using var h = await Harness.StartAsync(o => o.Profile = StandInProfile.Fast);
        (string, string)[] create =
        [
            ("RegionId", "cn-hangzhou"), ("Engine", "MySQL"), ("EngineVersion", "8.0"), ("DBInstanceClass", "mysql.n2.small.1"),
            ("DBInstanceStorage", "20"), ("DBInstanceNetType", "Intranet"), ("SecurityIPList", "10.0.0.0/8,192.168.1.1"),
            ("PayType", "Postpaid"), ("ClientToken", "create-once"), ("Tag.1.Key", "env"), ("Tag.1.Value", "test"),
            ("ServerlessConfig", "{\"AutoPause\":true,\"MaxCapacity\":8,\"MinCapacity\":0.5,\"SwitchForce\":false}"),
        ];
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var created = await h.OkAsync("CreateDBInstance", create);
        var id = created.GetProperty("DBInstanceId").GetString()!;
        Assert.StartsWith("rm-", id);
        Assert.Equal("3306", created.GetProperty("Port").GetString());
        Assert.Equal(id, (await h.OkAsync("CreateDBInstance", create)).GetProperty("DBInstanceId").GetString());   // same ClientToken

        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var listed = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"), ("DBInstanceId", id));
        var summary = Assert.Single(listed.GetProperty("Items").GetProperty("DBInstance").EnumerateArray());
        Assert.Equal("Creating", summary.GetProperty("DBInstanceStatus").GetString());
        Assert.Equal("2026-03-01T08:05:00Z", summary.GetProperty("CreateTime").GetString());   // when it was asked for
        // Newest first: the new instance leads the region's list.
        Assert.Equal(id, (await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"))).GetProperty("Items").GetProperty("DBInstance")[0].GetProperty("DBInstanceId").GetString());
        await h.RefusedAsync("CreateBackup", 403, "IncorrectDBInstanceState", ("DBInstanceId", id));

        h.Clock.Advance(TimeSpan.FromSeconds(9));
        listed = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"), ("Tags", "{\"env\":\"test\"}"));
        Assert.Equal("Running", Assert.Single(listed.GetProperty("Items").GetProperty("DBInstance").EnumerateArray()).GetProperty("DBInstanceStatus").GetString());
        Assert.Equal(0, Count(await h.OkAsync("DescribeBackups", ("DBInstanceId", id)), "TotalRecordCount"));
        await h.OkAsync("CreateBackup", ("DBInstanceId", id));
    }

    private static int Count(JsonElement body, string name) =>
        body.GetProperty(name).ValueKind == JsonValueKind.String
            ? int.Parse(body.GetProperty(name).GetString()!, CultureInfo.InvariantCulture)
            : body.GetProperty(name).GetInt32();

    private static string[] Ids(JsonElement body) =>
        [.. body.GetProperty("Items").GetProperty("DBInstance").EnumerateArray().Select(static i => i.GetProperty("DBInstanceId").GetString()!)];
}
