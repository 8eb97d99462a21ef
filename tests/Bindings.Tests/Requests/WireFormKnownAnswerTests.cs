using System.Globalization;
using Bindings.Serialization;
using Bindings.Tests.Shared;
using Bindings.Tests.Support;

namespace Bindings.Tests.Requests;

/// <summary>
/// The runtime's request writers against what the official SDK sent for the same values
/// (tests/Shared/OfficialSdk): every style, nesting, nulls, empty lists, numbers, JSON escaping.
/// The shapes below are written by hand the way the generator writes <see cref="IWireShape"/>.
/// </summary>
public class WireFormKnownAnswerTests
{
    [Fact]
    public void AddTagsToResourceSendsARepeatListUnderItsOwnLowerCaseMemberNames()
    {
        var sent = Write(w =>
        {
            w.Member("DBInstanceId", "rm-uf6wjk5xxxxxxx");
            w.Member("RegionId", "cn-hangzhou");
            w.ShapeList("Tag", new[] { new LowerCaseTag("env", "prod"), new LowerCaseTag("team", "a b&c=d/é") });
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("AddTagsToResource"), sent);
    }

    [Fact]
    public void TagResourcesSendsResourceIdsAndTagsAsRepeatListsAndAnEmptyValueButNoUnsetOne()
    {
        var sent = Write(w =>
        {
            w.Member("RegionId", "cn-hangzhou");
            w.List("ResourceId", new[] { "rm-a", "rm-b" }, WireScalar.String);
            w.Member("ResourceType", "INSTANCE");
            w.ShapeList("Tag", new[] { new Tag("k1", "v1"), new Tag("k2", null), new Tag("k3", string.Empty) });
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("TagResources"), sent);
    }

    [Fact]
    public void CreateDBInstanceSendsServerlessConfigAsJsonText()
    {
        var sent = Write(w =>
        {
            w.Member("DBInstanceClass", "mysql.n2.serverless.1c");
            w.Member("DBInstanceNetType", "Intranet");
            w.Member("DBInstanceStorage", (int?)20);
            w.Member("Engine", "MySQL");
            w.Member("EngineVersion", "8.0");
            w.Member("PayType", "Serverless");
            w.Member("RegionId", "cn-hangzhou");
            w.Json("ServerlessConfig", new ServerlessConfig { AutoPause = true, MaxCapacity = 8, MinCapacity = 0.5, SwitchForce = false });
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("CreateDBInstanceServerless"), sent);
    }

    [Fact]
    public void ASimpleListIsOneCommaJoinedParameter()
    {
        var sent = Write(w =>
        {
            w.Joined("InstanceIds", new[] { "rc-1", "rc-2", "rc-3" }, WireScalar.String, ',');
            w.Member("RegionId", "cn-hangzhou");
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("AttachRCInstancesSimple"), sent);
    }

    [Fact]
    public void DescribeBackupsSendsItsTimeRangeToTheMinute()
    {
        var sent = Write(w =>
        {
            w.Member("BackupStatus", "Success");
            w.Member("DBInstanceId", "rm-uf6wjk5xxxxxxx");
            w.Member("EndTime", new DateTimeOffset(2011, 6, 15, 16, 0, 0, TimeSpan.Zero), DateTimeWireFormat.Iso8601Minutes);
            w.Member("PageNumber", (int?)2);
            w.Member("PageSize", (int?)30);
            // An offset is converted to UTC: 2011-06-02T00:00+08:00 is 2011-06-01T16:00Z.
            w.Member("StartTime", new DateTimeOffset(2011, 6, 2, 0, 0, 0, TimeSpan.FromHours(8)), DateTimeWireFormat.Iso8601Minutes);
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("DescribeBackupsMinuteDates"), sent);
    }

    [Fact]
    public void ModifyBackupPolicySendsItsAdvancedPoliciesAsRepeatListsOfStructures()
    {
        var sent = Write(w =>
        {
            w.ShapeList("AdvancedDataPolicies", new[]
            {
                new AdvancedDataPolicy
                {
                    ActionType = "CREATE", BakType = "F", DestRegion = "cn-hangzhou", DestType = "level1", FilterKey = "Weekly",
                    FilterType = "crontab", FilterValue = "1,2", OnlyPreserveOneEachDay = true, OnlyPreserveOneEachHour = false,
                    RetentionType = "delay", RetentionValue = 7, SrcRegion = "cn-hangzhou", SrcType = "db",
                },
                new AdvancedDataPolicy { ActionType = "DELETE", StrategyId = "12345" },
            });
            w.ShapeList("AdvancedLogPolicies", new[]
            {
                new AdvancedLogPolicy
                {
                    ActionType = "UPDATE", DestRegion = "cn-hangzhou", DestType = "level1", EnableLogBackup = 1, LogRetentionType = "delay",
                    LogRetentionValue = 7, SrcRegion = "cn-hangzhou", SrcType = "db", StrategyId = "9",
                },
            });
            w.Member("DBInstanceId", "rm-uf6wjk5xxxxxxx");
            w.Member("BackupRetentionPeriod", "7");
            w.Member("PreferredBackupTime", "00:00Z-01:00Z");
            w.Member("PreferredBackupPeriod", "Monday,Wednesday");
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("ModifyBackupPolicyAdvanced"), sent);
    }

    [Fact]
    public void AMapIsFlatByDefaultAndOneJsonObjectInJsonStyle()
    {
        var sent = Write(w =>
        {
            w.Map("Flat", new Dictionary<string, string> { ["max_connections"] = "100", ["a.b"] = "x" }, WireScalar.String);
            w.JsonMap("Json", new Dictionary<string, RawValue>
            {
                ["max_connections"] = RawValue.FromJson("\"100\""),
                ["wait_timeout"] = RawValue.FromJson("30.0"),
                ["on"] = RawValue.FromJson("true"),
                ["nested"] = RawValue.FromJson("{ \"k\" : [ 1, \"two\" ] }"),
            }, WireScalar.Json);
        });

        AssertSameParameters(OfficialSdkAnswers.Parameters("MapFlatAndJson"), sent);
    }

    [Fact]
    public void ANullElementIsSkippedButKeepsItsIndexAndAnEmptyRepeatListSendsNothing()
    {
        AssertSameParameters(OfficialSdkAnswers.FlatEdge("repeatListWithNull"), Write(w => w.List("L", new[] { "a", null, "c" }, WireScalar.String)));
        AssertSameParameters(OfficialSdkAnswers.FlatEdge("repeatListEmpty"), Write(w => w.List("L", Array.Empty<string>(), WireScalar.String)));
        AssertSameParameters(OfficialSdkAnswers.FlatEdge("emptyStringValue"), Write(w => w.Member("E", string.Empty)));
    }

    [Fact]
    public void NestingCountsEveryListFromOne()
    {
        var sent = Write(w => w.ShapeList("A", new[] { new Outer(new Inner("x"), new Inner("y")) }));

        var expected = OfficialSdkAnswers.FlatEdge("nested").Where(p => p.Key.StartsWith("A.", StringComparison.Ordinal)).ToList();
        AssertSameParameters(expected, sent);
    }

    [Fact]
    public void AStructureInAStructureIsFlatAndAMapOfStructuresTakesTheKeyAsASegment()
    {
        AssertSameParameters(OfficialSdkAnswers.FlatEdge("flatShapeInShape"), Write(w => w.Shape("S", new ShapeWithInner())));
        AssertSameParameters(
            OfficialSdkAnswers.FlatEdge("flatMapOfModels"),
            Write(w => w.ShapeMap("M", new Dictionary<string, Tag?> { ["a"] = new Tag("k", "v") })));
    }

    [Fact]
    public void ScalarsAreWrittenAsTheSdksJavaScriptWritesThem()
    {
        var sent = Write(w =>
        {
            w.Member("I", (int?)7);
            w.Member("D", (double?)0.1);
            w.Member("Big", (double?)1e21);
            w.Member("Neg", (decimal?)-2.50m);
            w.Member("T", (bool?)true);
            w.Member("F", (bool?)false);
        });

        AssertSameParameters(OfficialSdkAnswers.FlatEdge("numbers"), sent);
    }

    [Theory]
    [InlineData(0.1, 0)]
    [InlineData(1e21, 1)]
    [InlineData(1e-7, 2)]
    [InlineData(123456789012d, 3)]
    [InlineData(2.5e-6, 4)]
    [InlineData(1e16, 5)]
    [InlineData(double.MaxValue, 6)]
    [InlineData(double.Epsilon, 7)]
    [InlineData(0.000001, 8)]
    [InlineData(123.456, 9)]
    public void ADoubleIsItsShortestDigitsLaidOutAsJavaScriptDoes(double value, int index)
    {
        var expected = OfficialSdkAnswers.Edge("numbersToString")[index].GetString();

        Assert.Equal(expected, WireScalar.From(value).Text);
    }

    [Fact]
    public void UnderAGermanCultureNumbersStayInvariant()
    {
        using var _ = new CultureScope("de-DE");

        Assert.Equal("25.5", WireScalar.From(25.5).Text);
        Assert.Equal("25.5", WireScalar.From(25.50m).Text);
        Assert.Equal("-1234567", WireScalar.From(-1234567L).Text);
    }

    [Fact]
    public void JsonStyleWritesEmptyListsNullElementsAndNumbersAsJsonStringify()
    {
        Assert.Equal(OfficialSdkAnswers.Edge("jsonEmpty").GetString(), JsonText(w => w.JsonList("J", Array.Empty<string>(), WireScalar.String)));
        Assert.Equal(OfficialSdkAnswers.Edge("jsonListWithNull").GetString(), JsonText(w => w.JsonList("J", new[] { "a", null, "c" }, WireScalar.String)));
        Assert.Equal(
            OfficialSdkAnswers.Edge("jsonNumbers").GetString(),
            JsonText(w => w.JsonList("J", new[] { 0.1, 1e21, 1e-7, 123456789012, -0.0, 2.5e-6, 100, 1.5 }, WireScalar.From)));
        Assert.Equal(
            OfficialSdkAnswers.Edge("jsonListOfModels").GetString(),
            JsonText(w => w.JsonShapeList("J", new[] { new Tag("k", "v"), new Tag("k2", null) })));
        Assert.Equal(
            OfficialSdkAnswers.Edge("jsonListOfModelsWithNull").GetString(),
            JsonText(w => w.JsonShapeList("J", new[] { new Tag("k", null), null })));
        Assert.Equal(
            OfficialSdkAnswers.Edge("jsonMapOfModels").GetString(),
            JsonText(w => w.JsonShapeMap("J", new Dictionary<string, Tag?> { ["a"] = new Tag("k", null) })));
        Assert.Equal(OfficialSdkAnswers.Edge("jsonModelWithUnset").GetString(), JsonText(w => w.Json("J", new ServerlessConfig { MaxCapacity = 8 })));
    }

    [Fact]
    public void JsonStyleEscapesStringsExactlyAsJsonStringify()
    {
        var text = JsonText(w => w.JsonList("J", new[] { "q\"b\\s/\u0001\n\t\u00e9\u2028<>&\ud800" }, WireScalar.String));

        Assert.Equal(OfficialSdkAnswers.Edge("jsonEscapes").GetString(), text);
    }

    [Fact]
    public void JoinedStylesKeepAnEmptySlotForANullElementAndSendAnEmptyValueForAnEmptyList()
    {
        Assert.Equal(OfficialSdkAnswers.Edge("simpleWithNull").GetString(), JoinedText(new[] { "a", null, "c" }, ','));
        Assert.Equal(OfficialSdkAnswers.Edge("simpleEmpty").GetString(), JoinedText(Array.Empty<string>(), ','));
        Assert.Equal(OfficialSdkAnswers.Edge("spaceDelimited").GetString(), JoinedText(new[] { "a", "b" }, ' '));
        Assert.Equal(OfficialSdkAnswers.Edge("pipeDelimited").GetString(), JoinedText(new[] { "a", "b" }, '|'));

        var booleans = Write(w => w.Joined("S", new[] { true, false }, WireScalar.From, ','));
        Assert.Equal("true,false", Assert.Single(booleans).Value);
    }

    [Fact]
    public void UnsetParametersAreNeverSentInAnyStyle()
    {
        var sent = Write(w =>
        {
            w.Member("S", (string?)null);
            w.Member("I", (int?)null);
            w.Member("When", null, DateTimeWireFormat.UnixSeconds);
            w.Member("Raw", (RawValue?)null);
            w.Shape("Shape", null);
            w.Json("Json", null);
            w.List<string>("L", null, WireScalar.String);
            w.ShapeList<Tag>("SL", null);
            w.JsonList<string>("JL", null, WireScalar.String);
            w.Joined<string>("J", null, WireScalar.String, ',');
            w.Map<string>("M", null, WireScalar.String);
            w.JsonMap<string>("JM", null, WireScalar.String);
            w.Shape("Empty", new Tag(null, null));
        });

        Assert.Empty(sent);
    }

    [Fact]
    public void UnixTimesAreNumbersInJsonAndIsoTimesAreStrings()
    {
        var when = new DateTimeOffset(2019, 12, 16, 14, 34, 16, TimeSpan.Zero);
        var text = JsonText(w => w.Json("J", new Dated { Seconds = when, Milliseconds = when, Minutes = when }));

        Assert.Equal("{\"Seconds\":1576506856,\"Milliseconds\":1576506856000,\"Minutes\":\"2019-12-16T14:34Z\"}", text);
    }

    [Fact]
    public void ARawValueFromXmlCannotBeSent()
    {
        var raw = RawValue.FromResponse("<a/>", WireFormat.Xml);

        Assert.Throws<ArgumentException>(() => WireScalar.Json(raw));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("[1,]")]
    [InlineData("// comment\n1")]
    public void RawJsonMustBeExactlyOneWellFormedValue(string json) => Assert.Throws<ArgumentException>(() => RawValue.FromJson(json));

    private static List<KeyValuePair<string, string>> Write(Action<RpcParameterWriter> write)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        write(new RpcParameterWriter(parameters));
        return parameters;
    }

    private static string JsonText(Action<RpcParameterWriter> write) => Assert.Single(Write(write)).Value;

    private static string JoinedText(string?[] items, char separator) => Assert.Single(Write(w => w.Joined("S", items, WireScalar.String, separator))).Value;

    private static void AssertSameParameters(IReadOnlyList<KeyValuePair<string, string>> expected, List<KeyValuePair<string, string>> actual)
    {
        static string Lines(IEnumerable<KeyValuePair<string, string>> parameters)
            => string.Join("\n", parameters.Select(p => p.Key + "=" + p.Value).OrderBy(line => line, StringComparer.Ordinal));

        Assert.Equal(Lines(expected), Lines(actual));
    }

    private sealed class Tag(string? key, string? value) : IWireShape
    {
        public void WriteMembers(WireWriter writer)
        {
            writer.Member("Key", key);
            writer.Member("Value", value);
        }
    }

    // AddTagsToResource's tags: the same members under the wire names `key` and `value`.
    private sealed class LowerCaseTag(string key, string value) : IWireShape
    {
        public void WriteMembers(WireWriter writer)
        {
            writer.Member("key", key);
            writer.Member("value", value);
        }
    }

    private sealed class ServerlessConfig : IWireShape
    {
        public bool? AutoPause { get; set; }

        public double? MaxCapacity { get; set; }

        public double? MinCapacity { get; set; }

        public bool? SwitchForce { get; set; }

        public void WriteMembers(WireWriter writer)
        {
            writer.Member("AutoPause", AutoPause);
            writer.Member("MaxCapacity", MaxCapacity);
            writer.Member("MinCapacity", MinCapacity);
            writer.Member("SwitchForce", SwitchForce);
        }
    }

    private sealed class AdvancedDataPolicy : IWireShape
    {
        public string? ActionType { get; set; }

        public string? BakType { get; set; }

        public string? DestRegion { get; set; }

        public string? DestType { get; set; }

        public string? FilterKey { get; set; }

        public string? FilterType { get; set; }

        public string? FilterValue { get; set; }

        public bool? OnlyPreserveOneEachDay { get; set; }

        public bool? OnlyPreserveOneEachHour { get; set; }

        public string? RetentionType { get; set; }

        public int? RetentionValue { get; set; }

        public string? SrcRegion { get; set; }

        public string? SrcType { get; set; }

        public string? StrategyId { get; set; }

        public void WriteMembers(WireWriter writer)
        {
            writer.Member("ActionType", ActionType);
            writer.Member("BakType", BakType);
            writer.Member("DestRegion", DestRegion);
            writer.Member("DestType", DestType);
            writer.Member("FilterKey", FilterKey);
            writer.Member("FilterType", FilterType);
            writer.Member("FilterValue", FilterValue);
            writer.Member("OnlyPreserveOneEachDay", OnlyPreserveOneEachDay);
            writer.Member("OnlyPreserveOneEachHour", OnlyPreserveOneEachHour);
            writer.Member("RetentionType", RetentionType);
            writer.Member("RetentionValue", RetentionValue);
            writer.Member("SrcRegion", SrcRegion);
            writer.Member("SrcType", SrcType);
            writer.Member("StrategyId", StrategyId);
        }
    }

    private sealed class AdvancedLogPolicy : IWireShape
    {
        public string? ActionType { get; set; }

        public string? DestRegion { get; set; }

        public string? DestType { get; set; }

        public int? EnableLogBackup { get; set; }

        public string? LogRetentionType { get; set; }

        public int? LogRetentionValue { get; set; }

        public string? SrcRegion { get; set; }

        public string? SrcType { get; set; }

        public string? StrategyId { get; set; }

        public void WriteMembers(WireWriter writer)
        {
            writer.Member("ActionType", ActionType);
            writer.Member("DestRegion", DestRegion);
            writer.Member("DestType", DestType);
            writer.Member("EnableLogBackup", EnableLogBackup);
            writer.Member("LogRetentionType", LogRetentionType);
            writer.Member("LogRetentionValue", LogRetentionValue);
            writer.Member("SrcRegion", SrcRegion);
            writer.Member("SrcType", SrcType);
            writer.Member("StrategyId", StrategyId);
        }
    }

    private sealed class Inner(string c) : IWireShape
    {
        public void WriteMembers(WireWriter writer) => writer.Member("C", c);
    }

    private sealed class Outer(params Inner[] b) : IWireShape
    {
        public void WriteMembers(WireWriter writer) => writer.ShapeList("B", b);
    }

    private sealed class ShapeWithInner : IWireShape
    {
        public void WriteMembers(WireWriter writer)
        {
            writer.Shape("Inner", new Number(1));
            writer.List("L", new[] { "p" }, WireScalar.String);
        }
    }

    private sealed class Number(int x) : IWireShape
    {
        public void WriteMembers(WireWriter writer) => writer.Member("X", (int?)x);
    }

    private sealed class Dated : IWireShape
    {
        public DateTimeOffset? Seconds { get; set; }

        public DateTimeOffset? Milliseconds { get; set; }

        public DateTimeOffset? Minutes { get; set; }

        public void WriteMembers(WireWriter writer)
        {
            writer.Member("Seconds", Seconds, DateTimeWireFormat.UnixSeconds);
            writer.Member("Milliseconds", Milliseconds, DateTimeWireFormat.UnixMilliseconds);
            writer.Member("Minutes", Minutes, DateTimeWireFormat.Iso8601Minutes);
        }
    }
}
