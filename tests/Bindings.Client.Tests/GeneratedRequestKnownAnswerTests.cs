using Bindings.Rds;
using Bindings.Tests.Shared;

namespace Bindings.Client.Tests;

/// <summary>
/// The generated requests of the shipped RDS specs against what the official SDK sent for the same values
/// (tests/Shared/OfficialSdk): repeat lists of structures and of strings, JSON-style structures, joined
/// lists, dates to the minute. The request writers are generated from specs/rds; nothing here is written by hand.
/// </summary>
public class GeneratedRequestKnownAnswerTests
{
    [Fact]
    public void TagResourcesSendsResourceIdsAndTagsAsTheOfficialSdkDoes()
    {
        var request = new TagResourcesRequest
        {
            RegionId = "cn-hangzhou",
            ResourceId = new[] { "rm-a", "rm-b" },
            ResourceType = "INSTANCE",
            Tag = new[]
            {
                new TagResourcesTag { Key = "k1", Value = "v1" },
                new TagResourcesTag { Key = "k2" },
                new TagResourcesTag { Key = "k3", Value = string.Empty },
            },
        };

        AssertSameParameters(OfficialSdkAnswers.Parameters("TagResources"), request);
    }

    [Fact]
    public void ModifyBackupPolicySendsItsAdvancedPoliciesAsTheOfficialSdkDoes()
    {
        var request = new ModifyBackupPolicyRequest
        {
            AdvancedDataPolicies = new[]
            {
                new AdvancedDataPolicy
                {
                    ActionType = "CREATE", BakType = "F", DestRegion = "cn-hangzhou", DestType = "level1", FilterKey = "Weekly",
                    FilterType = "crontab", FilterValue = "1,2", OnlyPreserveOneEachDay = true, OnlyPreserveOneEachHour = false,
                    RetentionType = "delay", RetentionValue = 7, SrcRegion = "cn-hangzhou", SrcType = "db",
                },
                new AdvancedDataPolicy { ActionType = "DELETE", StrategyId = "12345" },
            },
            AdvancedLogPolicies = new[]
            {
                new AdvancedLogPolicy
                {
                    ActionType = "UPDATE", DestRegion = "cn-hangzhou", DestType = "level1", EnableLogBackup = 1, LogRetentionType = "delay",
                    LogRetentionValue = 7, SrcRegion = "cn-hangzhou", SrcType = "db", StrategyId = "9",
                },
            },
            DBInstanceId = "rm-uf6wjk5xxxxxxx",
            BackupRetentionPeriod = "7",
            PreferredBackupTime = "00:00Z-01:00Z",
            PreferredBackupPeriod = "Monday,Wednesday",
        };

        AssertSameParameters(OfficialSdkAnswers.Parameters("ModifyBackupPolicyAdvanced"), request);
    }

    [Fact]
    public void CreateDBInstanceSendsServerlessConfigAsJsonTextAsTheOfficialSdkDoes()
    {
        var request = new CreateDBInstanceRequest
        {
            DBInstanceClass = "mysql.n2.serverless.1c",
            DBInstanceNetType = "Intranet",
            DBInstanceStorage = 20,
            Engine = "MySQL",
            EngineVersion = "8.0",
            PayType = "Serverless",
            RegionId = "cn-hangzhou",
            ServerlessConfig = new CreateDBInstanceServerlessConfig { AutoPause = true, MaxCapacity = 8, MinCapacity = 0.5, SwitchForce = false },
        };

        // The recording left out SecurityIPList, which the spec (main.dara) requires: compare the wire form unvalidated.
        AssertSameParameters(OfficialSdkAnswers.Parameters("CreateDBInstanceServerless"), request, validate: false);
    }

    [Fact]
    public void DescribeBackupsSendsItsTimeRangeToTheMinuteAsTheOfficialSdkDoes()
    {
        var request = new DescribeBackupsRequest
        {
            BackupStatus = BackupSetStatus.Success,
            DBInstanceId = "rm-uf6wjk5xxxxxxx",
            EndTime = new DateTimeOffset(2011, 6, 15, 16, 0, 0, TimeSpan.Zero),
            PageNumber = 2,
            PageSize = 30,
            // An offset is converted to UTC: 2011-06-02T00:00+08:00 is 2011-06-01T16:00Z.
            StartTime = new DateTimeOffset(2011, 6, 2, 0, 0, 0, TimeSpan.FromHours(8)),
        };

        AssertSameParameters(OfficialSdkAnswers.Parameters("DescribeBackupsMinuteDates"), request);
    }

    [Fact]
    public void ADateWithSecondsIsRefusedByAMinutesParameterBeforeAnythingIsSent()
    {
        var request = new DescribeBackupsRequest { DBInstanceId = "rm-a", StartTime = new DateTimeOffset(2011, 6, 1, 16, 0, 30, TimeSpan.Zero) };

        var error = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Contains("StartTime", error.Message);
    }

    [Fact]
    public void DeleteBackupJoinsItsBackupIdsWithCommasAsTheSimpleStyleDoes()
    {
        // main.dara: BackupId is shrink='simple'; OpenApiUtil joins a simple list with ',' (AttachRCInstances' recording).
        var request = new DeleteBackupRequest { DBInstanceId = "rm-a", BackupId = new[] { "1", "2", "3" } };

        Assert.Equal("1,2,3", Parameters(request)["BackupId"]);
        Assert.Equal(
            OfficialSdkAnswers.Parameters("AttachRCInstancesSimple").Single(p => p.Key == "InstanceIds").Value,
            Parameters(new DeleteBackupRequest { BackupId = new[] { "rc-1", "rc-2", "rc-3" } })["BackupId"]);
    }

    [Fact]
    public void UnsetStructuresAndListsSendNothing()
    {
        var sent = Parameters(new ModifyBackupPolicyRequest { DBInstanceId = "rm-a" });

        Assert.Equal(new[] { "Action", "DBInstanceId", "Version" }, sent.Keys.OrderBy(key => key, StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Parameters(IRpcRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        request.WriteParameters(parameters);
        return parameters.ToDictionary(p => p.Key, p => p.Value);
    }

    private static void AssertSameParameters(IReadOnlyList<KeyValuePair<string, string>> expected, IRpcRequest request, bool validate = true)
    {
        if (validate)
        {
            request.Validate();
        }

        var actual = new List<KeyValuePair<string, string>>();
        request.WriteParameters(actual);
        static string Lines(IEnumerable<KeyValuePair<string, string>> parameters)
            => string.Join("\n", parameters.Where(p => p.Key is not ("Action" or "Version")).Select(p => p.Key + "=" + p.Value).OrderBy(line => line, StringComparer.Ordinal));

        Assert.Equal(Lines(expected), Lines(actual));
    }
}
