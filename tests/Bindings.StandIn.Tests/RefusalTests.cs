namespace Bindings.StandIn.Tests;

/// <summary>
/// Every documented refusal of the lifecycle operations: the status, code and message of the
/// operation's <c>errorCodes</c> in the OpenAPI description, and nothing changed by a refused request.
/// </summary>
public class RefusalTests
{
    private const string Id = StandInInstance.DefaultInstanceId;
    private const string Region = StandInInstance.DefaultRegionId;

    private static readonly (string, string)[] DataPolicy =
    [
        ("DBInstanceId", Id), ("PreferredBackupTime", "02:00Z-03:00Z"), ("PreferredBackupPeriod", "Monday,Thursday"),
        ("BackupRetentionPeriod", "30"), ("BackupLog", "Enable"),
    ];

    public static TheoryData<string, string[], int, string> Refusals() => new()
    {
        // CreateBackup
        { "CreateBackup", [], 400, "MissingParameter" },
        { "CreateBackup", ["DBInstanceId", "rm-nosuch"], 400, "InvalidDBInstanceId.NotFound" },
        { "CreateBackup", ["DBInstanceId", Id, "BackupMethod", "Incremental"], 400, "InvalidBackupMethod.ValueNotSupport" },
        { "CreateBackup", ["DBInstanceId", Id, "BackupType", "Differential"], 400, "BackupType.NotSupport" },
        { "CreateBackup", ["DBInstanceId", Id, "BackupMethod", "Logical", "BackupStrategy", "db", "DBName", "Orders-DB"], 400, "InvalidDBName.Format" },
        { "CreateBackup", ["DBInstanceId", Id, "BackupStrategy", "table"], 400, "InvalidParameter" },
        // DescribeBackups
        { "DescribeBackups", [], 400, "MissingParameter" },
        { "DescribeBackups", ["DBInstanceId", "rm-nosuch"], 400, "InvalidDBInstanceId.NotFound" },
        { "DescribeBackups", ["DBInstanceId", Id, "StartTime", "2026-02-01T00:00:00Z"], 400, "InvalidStartTime.Format" },
        { "DescribeBackups", ["DBInstanceId", Id, "StartTime", "2026-02-01"], 400, "InvalidStartTime.Format" },
        { "DescribeBackups", ["DBInstanceId", Id, "EndTime", "yesterday"], 400, "InvalidEndTime.Format" },
        { "DescribeBackups", ["DBInstanceId", Id, "StartTime", "2026-02-02T00:00Z", "EndTime", "2026-02-01T00:00Z"], 400, "InvalidParameterCombination" },
        { "DescribeBackups", ["DBInstanceId", Id, "StartTime", "2026-02-02T00:00Z", "EndTime", "2026-02-02T00:00Z"], 400, "InvalidParameterCombination" },
        { "DescribeBackups", ["DBInstanceId", Id, "PageSize", "29"], 403, "InvalidMaxRecordsPerPage.Malformed" },
        { "DescribeBackups", ["DBInstanceId", Id, "PageSize", "1001"], 403, "InvalidMaxRecordsPerPage.Malformed" },
        { "DescribeBackups", ["DBInstanceId", Id, "PageSize", "thirty"], 403, "InvalidMaxRecordsPerPage.Malformed" },
        { "DescribeBackups", ["DBInstanceId", Id, "PageNumber", "0"], 400, "InvalidPageNumbers.Malformed" },
        { "DescribeBackups", ["DBInstanceId", Id, "PageNumber", "-1"], 400, "InvalidPageNumbers.Malformed" },
        { "DescribeBackups", ["DBInstanceId", Id, "BackupStatus", "Finished"], 400, "InvalidParameter" },
        { "DescribeBackups", ["DBInstanceId", Id, "BackupMode", "Scheduled"], 400, "InvalidParameter" },
        // DeleteBackup
        { "DeleteBackup", ["DBInstanceId", Id], 400, "MissingParameter" },
        { "DeleteBackup", ["BackupId", "1"], 400, "MissingParameter" },
        { "DeleteBackup", ["DBInstanceId", Id, "BackupId", "1"], 404, "InvalidBackupSetID.NotFound" },
        { "DeleteBackup", ["DBInstanceId", Id, "BackupId", string.Join(',', Enumerable.Range(1, 101))], 400, "DeleteBackupSetNumExceed" },
        // DescribeBackupPolicy
        { "DescribeBackupPolicy", [], 400, "MissingParameter" },
        { "DescribeBackupPolicy", ["DBInstanceId", "rm-nosuch"], 400, "InvalidDBInstanceId.NotFound" },
        { "DescribeBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "FullPolicy"], 400, "InvalidParameter" },
        // ModifyBackupPolicy, data mode: the documented ranges and formats, and the values it must be given
        { "ModifyBackupPolicy", With(DataPolicy, "BackupRetentionPeriod", "6"), 400, "InvalidBackupRetentionPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "BackupRetentionPeriod", "731"), 400, "InvalidBackupRetentionPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "BackupRetentionPeriod", "7.5"), 400, "InvalidBackupRetentionPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupTime", "2:00Z-3:00Z"), 400, "InvalidPreferredBackupTime.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupTime", "02:00-03:00"), 400, "InvalidPreferredBackupTime.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupTime", "24:00Z-01:00Z"), 400, "InvalidPreferredBackupTime.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupTime", "02:00Z-02:00Z"), 400, "InvalidPreferredBackupTime.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupPeriod", "Monday"), 400, "InvalidPreferredBackupPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupPeriod", "Monday,Funday"), 400, "InvalidPreferredBackupPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupPeriod", "Monday,Monday"), 400, "InvalidPreferredBackupPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "PreferredBackupPeriod", "monday,tuesday"), 400, "InvalidPreferredBackupPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "LogBackupRetentionPeriod", "31"), 400, "InvalidBackupRetentionPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "LogBackupRetentionPeriod", "6"), 400, "InvalidBackupRetentionPeriod.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "LogBackupFrequency", "Hourly"), 400, "InvalidLogBackupFrequency.Malformed" },
        { "ModifyBackupPolicy", With(DataPolicy, "ArchiveBackupRetentionPeriod", "29"), 400, "InvalidColdRetention.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "ArchiveBackupRetentionPeriod", "1096"), 400, "InvalidColdRetention.Format" },
        { "ModifyBackupPolicy", With(With(DataPolicy, "ArchiveBackupKeepPolicy", "ByWeek"), "ArchiveBackupKeepCount", "8"), 400, "InvalidColdRetention.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "ArchiveBackupKeepCount", "32"), 400, "InvalidColdRetention.Format" },
        { "ModifyBackupPolicy", With(DataPolicy, "BackupLog", "On"), 400, "InvalidParameter" },
        { "ModifyBackupPolicy", With(DataPolicy, "CompressType", "3"), 400, "InvalidParameter" },
        { "ModifyBackupPolicy", With(DataPolicy, "BackupInterval", "45"), 400, "InvalidParameter" },
        { "ModifyBackupPolicy", With(DataPolicy, "ReleasedKeepPolicy", "Latest"), 400, "InvalidParameter" },
        { "ModifyBackupPolicy", Without(DataPolicy, "PreferredBackupTime"), 400, "MissingParameter" },
        { "ModifyBackupPolicy", Without(DataPolicy, "PreferredBackupPeriod"), 400, "MissingParameter" },
        { "ModifyBackupPolicy", Without(DataPolicy, "BackupRetentionPeriod"), 400, "MissingParameter" },
        { "ModifyBackupPolicy", Without(DataPolicy, "BackupLog"), 400, "MissingParameter" },
        { "ModifyBackupPolicy", With(DataPolicy, "DBInstanceId", "rm-nosuch"), 400, "InvalidDBInstanceId.NotFound" },
        // ModifyBackupPolicy, log mode
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "LogBackupPolicy", "EnableBackupLog", "1", "LocalLogRetentionHours", "169", "LocalLogRetentionSpace", "30", "HighSpaceUsageProtection", "Enable"], 400, "InvalidParameter" },
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "LogBackupPolicy", "EnableBackupLog", "1", "LocalLogRetentionHours", "18", "LocalLogRetentionSpace", "51", "HighSpaceUsageProtection", "Enable"], 400, "InvalidParameter" },
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "LogBackupPolicy", "EnableBackupLog", "yes", "LocalLogRetentionHours", "18", "LocalLogRetentionSpace", "30", "HighSpaceUsageProtection", "Enable"], 400, "InvalidParameter" },
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "LogBackupPolicy", "EnableBackupLog", "1", "LocalLogRetentionHours", "18", "LocalLogRetentionSpace", "30", "HighSpaceUsageProtection", "Enable", "LogBackupLocalRetentionNumber", "5"], 400, "InvalidParameter" },
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "LogBackupPolicy", "LocalLogRetentionHours", "18", "LocalLogRetentionSpace", "30", "HighSpaceUsageProtection", "Enable"], 400, "MissingParameter" },
        { "ModifyBackupPolicy", ["DBInstanceId", Id, "BackupPolicyMode", "Everything"], 400, "InvalidParameter" },
        // DescribeBinlogFiles / DescribeLogBackupFiles
        { "DescribeBinlogFiles", ["DBInstanceId", Id, "EndTime", "2026-03-01T00:00:00Z"], 400, "MissingParameter" },
        { "DescribeBinlogFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T00:00Z", "EndTime", "2026-03-01T01:00:00Z"], 400, "InvalidStartTime.Format" },
        { "DescribeBinlogFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T00:00:00Z", "EndTime", "soon"], 400, "InvalidEndTime.Format" },
        { "DescribeBinlogFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T01:00:00Z", "EndTime", "2026-03-01T00:00:00Z"], 400, "InvalidParameterCombination" },
        { "DescribeBinlogFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T00:00:00Z", "EndTime", "2026-03-01T01:00:00Z", "PageSize", "10"], 400, "InvalidParameters.Format" },
        { "DescribeLogBackupFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T00:00:00Z", "EndTime", "2026-03-01T01:00Z"], 400, "InvalidParameters.Format" },
        { "DescribeLogBackupFiles", ["DBInstanceId", Id, "StartTime", "2026-03-01T01:00Z", "EndTime", "2026-03-01T00:00Z"], 400, "InvalidParameters.Format" },
        { "DescribeLogBackupFiles", ["DBInstanceId", "rm-nosuch", "StartTime", "2026-03-01T00:00Z", "EndTime", "2026-03-01T01:00Z"], 400, "InvalidDBInstanceId.NotFound" },
        // DescribeDBInstances / DescribeDBInstanceAttribute
        { "DescribeDBInstances", [], 400, "MissingParameter" },
        { "DescribeDBInstances", ["RegionId", Region, "PageSize", "101"], 400, "InvalidParameter" },
        { "DescribeDBInstances", ["RegionId", Region, "PageSize", "0"], 400, "InvalidParameter" },
        { "DescribeDBInstances", ["RegionId", Region, "MaxResults", "101"], 400, "InvalidParameter" },
        { "DescribeDBInstances", ["RegionId", Region, "NextToken", "made-up"], 400, "Invalid.NextToken" },
        { "DescribeDBInstances", ["RegionId", Region, "DBInstanceType", "Secondary"], 400, "InvalidDBInstanceType.ValueNotSupport" },
        { "DescribeDBInstances", ["RegionId", Region, "Expired", "Maybe"], 400, "InvalidExpired.Format" },
        { "DescribeDBInstances", ["RegionId", Region, "Tags", "env=production"], 400, "InvalidParameter" },
        { "DescribeDBInstances", ["RegionId", Region, "Tags", "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\"}"], 400, "InvalidParameter" },
        { "DescribeDBInstanceAttribute", [], 400, "MissingParameter" },
        { "DescribeDBInstanceAttribute", ["DBInstanceId", Id + ",rm-nosuch"], 400, "InvalidDBInstanceId.NotFound" },
        // TagResources / ListTagResources
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "Tag.1.Key", "k", "Tag.1.Value", "v"], 400, "MissingParameter" },
        { "TagResources", ["RegionId", Region, "ResourceType", "CLUSTER", "ResourceId.1", Id, "Tag.1.Key", "k", "Tag.1.Value", "v"], 400, "InvalidParameter.ResourceType" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, "Tag.1.Key", " ", "Tag.1.Value", "v"], 400, "InvalidTagKey.Malformed" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, "Tag.1.Key", "k"], 400, "InvalidTagValue.Malformed" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, "Tag.1.Key", "k", "Tag.1.Value", "a", "Tag.2.Key", "k", "Tag.2.Value", "b"], 400, "Duplicate.TagKey" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, .. Many("Tag", 21, withValues: true)], 400, "NumberExceed.Tags" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", .. Many("ResourceId", 51, withValues: false), "Tag.1.Key", "k", "Tag.1.Value", "v"], 400, "NumberExceed.ResourceIds" },
        { "TagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, .. Many("Tag", 19, withValues: true)], 400, "OperationDenied.QuotaExceed" },
        { "TagResources", ["RegionId", "cn-beijing", "ResourceType", "INSTANCE", "ResourceId.1", Id, "Tag.1.Key", "k", "Tag.1.Value", "v"], 400, "InvalidDBInstanceId.NotFound" },
        { "ListTagResources", ["RegionId", Region, "ResourceType", "INSTANCE"], 400, "BothEmpty.TagsAndResources" },
        { "ListTagResources", ["RegionId", Region, "ResourceType", "DISK", "ResourceId.1", Id], 400, "InvalidParameter.ResourceType" },
        { "ListTagResources", ["RegionId", Region, "ResourceType", "INSTANCE", .. Many("ResourceId", 51, withValues: false)], 400, "NumberExceed.ResourceIds" },
        { "ListTagResources", ["RegionId", Region, "ResourceType", "INSTANCE", .. Many("Tag", 21, withValues: true)], 400, "NumberExceed.Tags" },
        { "ListTagResources", ["RegionId", Region, "ResourceType", "INSTANCE", "ResourceId.1", Id, "NextToken", "0o0"], 400, "Invalid.NextToken" },
        // CreateDBInstance
        { "CreateDBInstance", Create(), 200, "" },
        { "CreateDBInstance", Without(Create(), "SecurityIPList"), 400, "MissingParameter" },
        { "CreateDBInstance", With(Create(), "EngineVersion", "9.1"), 400, "InvalidEngineVersion.Malformed" },
        { "CreateDBInstance", With(Create(), "DBInstanceClass", "small"), 400, "InvalidDBInstanceClass.Malformed" },
        { "CreateDBInstance", With(Create(), "SecurityIPList", "10.0.0.0/33"), 400, "InvalidSecurityIPList.Format" },
        { "CreateDBInstance", With(Create(), "SecurityIPList", "example.com"), 400, "InvalidSecurityIPList.Format" },
        { "CreateDBInstance", With(Create(), "Port", "80"), 400, "InvalidPort.Malformed" },
        { "CreateDBInstance", With(Create(), "DBInstanceStorage", "21"), 400, "InvalidParameter" },
        { "CreateDBInstance", With(Create(), "ServerlessConfig", "{\"MinCapacity\":8,\"MaxCapacity\":1}"), 400, "InvalidParameter.MinCapacity" },
        { "CreateDBInstance", With(Create(), "ServerlessConfig", "MinCapacity=1"), 400, "InvalidParameter" },
        { "CreateDBInstance", With(Create(), "PayType", "Serverless"), 400, "MissingParameter" },
        // The common checks of every operation
        { "DescribeBackups", ["DBInstanceId", Id, "OwnerId", "me"], 400, "InvalidParameter" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_documented_refusal_answers_its_status_and_code_and_changes_nothing(string action, string[] parameters, int status, string code)
    {
        await using var h = await Harness.StartAsync();
        var before = await SnapshotAsync(h);
        var pairs = parameters.Chunk(2).Select(static p => (p[0], p[1])).ToArray();
        if (status == 200)
        {
            await h.OkAsync(action, pairs);
            return;
        }

        var error = await h.RefusedAsync(action, status, code, pairs);
        Assert.DoesNotContain("{", error.Message.Replace("{\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(h));
    }

    [Fact]
    public async Task An_automated_set_within_the_retention_period_cannot_be_deleted_and_nothing_of_a_mixed_request_is()
    {
        await using var h = await Harness.StartAsync(o => o.Profile = StandInProfile.Fast);
        var automated = (await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("BackupMode", "Automated")))
            .GetProperty("Items").GetProperty("Backup").EnumerateArray().First();
        Assert.Equal("Disabled", automated.GetProperty("StoreStatus").GetString());
        var error = await h.RefusedAsync("DeleteBackup", 403, "OperationDenied.BackupSetDeleteNotSupport",
            ("DBInstanceId", Id), ("BackupId", automated.GetProperty("BackupId").GetString()!));
        Assert.Equal("The Specified backup does not support this operation.", error.Message);

        await h.OkAsync("CreateBackup", ("DBInstanceId", StandInInstance.IdleInstanceId));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var manual = (await h.OkAsync("DescribeBackups", ("DBInstanceId", StandInInstance.IdleInstanceId), ("BackupMode", "Manual")))
            .GetProperty("Items").GetProperty("Backup").EnumerateArray().Single().GetProperty("BackupId").GetString()!;
        var idleAutomated = (await h.OkAsync("DescribeBackups", ("DBInstanceId", StandInInstance.IdleInstanceId), ("BackupMode", "Automated")))
            .GetProperty("Items").GetProperty("Backup").EnumerateArray().First().GetProperty("BackupId").GetString()!;

        // All or nothing: the deletable set survives a request that also names an undeletable one.
        await h.RefusedAsync("DeleteBackup", 403, "OperationDenied.BackupSetDeleteNotSupport",
            ("DBInstanceId", StandInInstance.IdleInstanceId), ("BackupId", manual + "," + idleAutomated));
        Assert.Equal("1", (await h.OkAsync("DescribeBackups", ("DBInstanceId", StandInInstance.IdleInstanceId), ("BackupId", manual))).GetProperty("TotalRecordCount").GetString());

        // Another instance's set is not this instance's.
        await h.RefusedAsync("DeleteBackup", 404, "InvalidBackupSetID.NotFound", ("DBInstanceId", Id), ("BackupId", manual));
    }

    [Fact]
    public async Task A_snapshot_policy_cannot_go_back_to_physical()
    {
        await using var h = await Harness.StartAsync();
        await h.OkAsync("ModifyBackupPolicy", With(DataPolicy, "BackupMethod", "Snapshot").Chunk(2).Select(static p => (p[0], p[1])).ToArray());
        var error = await h.RefusedAsync("ModifyBackupPolicy", 403, "OperationDenied.SwitchSnapshotToPhysical",
            With(DataPolicy, "BackupMethod", "Physical").Chunk(2).Select(static p => (p[0], p[1])).ToArray());
        Assert.Equal("Only physical backup to snapshot backup is supported.", error.Message);
    }

    [Fact]
    public async Task Hostile_values_are_refused_or_bounded_never_a_crash()
    {
        await using var h = await Harness.StartAsync(o => o.Instances = [.. Enumerable.Range(1, 999).Select(i => new StandInInstance($"rm-many{i}", taskCount: 0) { SeedBackupHistory = false })]);
        // Overflowing numbers and indexes.
        await h.RefusedAsync("DescribeBackups", 400, "InvalidPageNumbers.Malformed", ("DBInstanceId", "rm-many1"), ("PageNumber", "99999999999"));
        var last = await h.OkAsync("DescribeDBInstances", ("RegionId", Region), ("PageNumber", "21474836"), ("PageSize", "100"));
        Assert.Equal(999, last.GetProperty("TotalRecordCount").GetInt32());
        Assert.Empty(last.GetProperty("Items").GetProperty("DBInstance").EnumerateArray());
        await h.RefusedAsync("TagResources", 400, "MissingParameter", ("RegionId", Region), ("ResourceType", "INSTANCE"),
            ("ResourceId.99999999999", "rm-many1"), ("ResourceId.0", "rm-many2"), ("ResourceId.-1", "rm-many3"));
        // A time range of ten thousand years lists what exists, no more.
        var files = await h.OkAsync("DescribeBinlogFiles", ("DBInstanceId", "rm-many1"), ("StartTime", "0001-01-01T00:00:00Z"), ("EndTime", "9999-12-31T23:59:59Z"));
        Assert.Equal(7 * 24, files.GetProperty("TotalRecordCount").GetInt32());
        // At most 1000 instances: the 1000th is created, the next refused.
        string[] create = Create();
        await h.OkAsync("CreateDBInstance", create.Chunk(2).Select(static p => (p[0], p[1])).ToArray());
        await h.RefusedAsync("CreateDBInstance", 404, "InsufficientResourceCapacity", create.Chunk(2).Select(static p => (p[0], p[1])).ToArray());
    }

    private static string[] With((string Name, string Value)[] parameters, string name, string value) =>
        [.. parameters.Where(p => p.Name != name).SelectMany(static p => new[] { p.Name, p.Value }), name, value];

    private static string[] With(string[] parameters, string name, string value) =>
        With([.. parameters.Chunk(2).Select(static p => (p[0], p[1]))], name, value);

    private static string[] Without((string Name, string Value)[] parameters, string name) =>
        [.. parameters.Where(p => p.Name != name).SelectMany(static p => new[] { p.Name, p.Value })];

    private static string[] Without(string[] parameters, string name) =>
        Without([.. parameters.Chunk(2).Select(static p => (p[0], p[1]))], name);

    private static string[] Create() =>
    [
        "RegionId", Region, "Engine", "MySQL", "EngineVersion", "8.0", "DBInstanceClass", "mysql.n2.small.1", "DBInstanceStorage", "20",
        "DBInstanceNetType", "Intranet", "SecurityIPList", "10.0.0.0/8", "PayType", "Postpaid",
    ];

    private static string[] Many(string name, int count, bool withValues) =>
    [
        .. Enumerable.Range(1, count).SelectMany(i => withValues
            ? new[] { $"{name}.{i}.Key", $"k{i}", $"{name}.{i}.Value", $"v{i}" }
            : new[] { $"{name}.{i}", $"rm-{i}" }),
    ];

    /// <summary>What a refused request must not change: sets, policy, tags, instances.</summary>
    private static async Task<string> SnapshotAsync(Harness h)
    {
        var parts = new List<string>();
        foreach (var id in h.StandIn.InstanceIds)
        {
            parts.Add((await h.OkAsync("DescribeBackups", ("DBInstanceId", id))).GetProperty("TotalRecordCount").GetString()!);
            var policy = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", id));
            parts.Add(policy.GetRawText().Replace(policy.GetProperty("RequestId").GetString()!, "", StringComparison.Ordinal));
            parts.Add(h.StandIn.GetTasks(id).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        (string, string)[] list = [("RegionId", Region), ("ResourceType", "INSTANCE"), .. h.StandIn.InstanceIds.Select((id, i) => ($"ResourceId.{i + 1}", id))];
        var tags = await h.OkAsync("ListTagResources", list);
        parts.Add(tags.GetProperty("TagResources").GetRawText());
        return string.Join('\n', parts);
    }
}
