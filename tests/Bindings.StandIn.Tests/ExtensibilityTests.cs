using System.Globalization;
using System.Text.Json;

namespace Bindings.StandIn.Tests;

/// <summary>Operations of a user's own: registered by version and action, reached only by checked requests.</summary>
public class ExtensibilityTests
{
    private const string WidgetsVersion = "2020-01-01";

    private static StandInReply DescribeWidgets(StandInCall call)
    {
        var owner = call.RequiredParameter("Owner");
        var limit = call.Int64Parameter("Limit", 1, 10) ?? 3;
        var widgets = new StandInArray();
        foreach (var name in call.RepeatList("Name").Take((int)limit))
        {
            widgets.Add(new StandInObject { { "Name", name }, { "Owner", owner }, { "Weight", 2.5m }, { "Shiny", true } });
        }

        return new StandInObject
        {
            { "Widgets", new StandInObject { { "Widget", widgets } } },
            { "Count", widgets.Items.Count },
            { "Tags", string.Join(",", call.RepeatListOfObjects("Tag").Select(static t => t["Key"] + "=" + t.GetValueOrDefault("Value"))) },
            { "Caller", call.AccessKeyId + "/" + call.SignatureVersion + "/" + call.HttpMethod },
        };
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_registered_operation_gets_its_parameters_parsed_and_answers_in_the_requested_format(string format)
    {
        await using var h = await Harness.StartAsync(o => o.Operations.Add(new StandInOperation(WidgetsVersion, "DescribeWidgets", DescribeWidgets)));
        var (answer, _) = await h.SendV1Async(new Dictionary<string, string>
        {
            ["Action"] = "DescribeWidgets",
            ["Version"] = WidgetsVersion,
            ["Owner"] = "ana",
            ["Name.2"] = "second",
            ["Name.1"] = "first",
            ["Name.10"] = "tenth",
            ["Tag.1.Key"] = "env",
            ["Tag.1.Value"] = "prod & test",
            ["Tag.2.Key"] = "team",
        }, format);

        Assert.Equal(200, answer.StatusCode);
        if (format == "JSON")
        {
            var body = answer.Json();
            Assert.Equal(["first", "second", "tenth"], body.GetProperty("Widgets").GetProperty("Widget").EnumerateArray().Select(static w => w.GetProperty("Name").GetString()!).ToArray());
            Assert.Equal(3, body.GetProperty("Count").GetInt32());
            Assert.Equal(2.5m, body.GetProperty("Widgets").GetProperty("Widget")[0].GetProperty("Weight").GetDecimal());
            Assert.True(body.GetProperty("Widgets").GetProperty("Widget")[0].GetProperty("Shiny").GetBoolean());
            Assert.Equal("env=prod & test,team=", body.GetProperty("Tags").GetString());
            Assert.Equal("STANDINACCESSKEYID/V1/GET", body.GetProperty("Caller").GetString());
            // The stand-in adds the RequestId, the same as the header's.
            Assert.Equal(answer.Headers.GetValues("x-acs-request-id").Single(), body.GetProperty("RequestId").GetString());
        }
        else
        {
            var xml = answer.Xml();
            Assert.Equal("DescribeWidgetsResponse", xml.Name.LocalName);
            Assert.Equal(["first", "second", "tenth"], xml.Element("Widgets")!.Elements("Widget").Select(static w => w.Element("Name")!.Value).ToArray());
            Assert.Equal("true", xml.Element("Widgets")!.Element("Widget")!.Element("Shiny")!.Value);
            Assert.Equal("2.5", xml.Element("Widgets")!.Element("Widget")!.Element("Weight")!.Value);
            Assert.NotNull(xml.Element("RequestId"));
        }
    }

    [Fact]
    public async Task A_registered_operation_is_reached_only_by_a_correctly_signed_request_and_answers_V3_too()
    {
        var calls = 0;
        await using var h = await Harness.StartAsync(o => o.Operations.Add(new StandInOperation(WidgetsVersion, "DescribeWidgets", call =>
        {
            Interlocked.Increment(ref calls);
            return DescribeWidgets(call);
        })));
        var parameters = new Dictionary<string, string> { ["Action"] = "DescribeWidgets", ["Version"] = WidgetsVersion, ["Owner"] = "ana" };

        var (bad, _) = await h.SendV1Async(parameters, credentials: new(StandInAccount.Default.AccessKeyId, "wrong"));
        Bodies.AssertError(bad, "JSON", 400, "SignatureDoesNotMatch");
        Assert.Equal(0, calls);

        var (v3, _) = await h.SendV3Async(parameters, method: "POST", formBody: "Name.1=form%20body");
        Assert.Equal(200, v3.StatusCode);
        Assert.Equal("form body", v3.Json().GetProperty("Widgets").GetProperty("Widget")[0].GetProperty("Name").GetString());
        Assert.Equal("STANDINACCESSKEYID/V3/POST", v3.Json().GetProperty("Caller").GetString());
        Assert.Equal(1, calls);

        // Another version of the same product is another operation: unknown.
        var (other, _) = await h.SendV1Async(new Dictionary<string, string> { ["Action"] = "DescribeWidgets", ["Version"] = "2021-01-01" });
        Bodies.AssertError(other, "JSON", 400, "InvalidVersion");
    }

    [Fact]
    public async Task Refusals_from_the_helpers_and_from_StandInException_are_service_errors_and_a_bug_is_InternalError()
    {
        await using var h = await Harness.StartAsync(o => o.Operations.Add(new StandInOperation(WidgetsVersion, "DescribeWidgets", DescribeWidgets)));
        h.StandIn.MapOperation(WidgetsVersion, "DeleteWidget", call => call.RequiredParameter("Name") == "locked"
            ? throw new StandInException(new StandInError(403, "OperationDenied.WidgetLocked", "The widget is locked."))
            : StandInReply.Fail(new StandInError(404, "InvalidWidget.NotFound", "No such widget.")));
        h.StandIn.MapOperation(WidgetsVersion, "BreakWidget", _ => throw new InvalidOperationException("a bug in the handler"));
        h.StandIn.MapOperation(StandInOperation.FromAsync(WidgetsVersion, "SlowWidget", async call =>
        {
            await Task.Delay(10, call.CancellationToken);
            return new StandInObject { { "Slow", true } };
        }));

        async Task<Bodies.Error> Refused(int status, string code, params (string, string)[] parameters)
        {
            var all = new Dictionary<string, string> { ["Version"] = WidgetsVersion };
            foreach (var (name, value) in parameters)
            {
                all[name] = value;
            }

            var (answer, _) = await h.SendV1Async(all, "XML");
            return Bodies.AssertError(answer, "XML", status, code);
        }

        await Refused(400, "MissingParameter", ("Action", "DescribeWidgets"));
        await Refused(400, "InvalidParameter", ("Action", "DescribeWidgets"), ("Owner", "ana"), ("Limit", "11"));
        Assert.Equal("The widget is locked.", (await Refused(403, "OperationDenied.WidgetLocked", ("Action", "DeleteWidget"), ("Name", "locked"))).Message);
        await Refused(404, "InvalidWidget.NotFound", ("Action", "DeleteWidget"), ("Name", "spare"));
        var bug = await Refused(500, "InternalError", ("Action", "BreakWidget"));
        Assert.DoesNotContain("a bug", bug.Message, StringComparison.Ordinal);
        Assert.Equal(5, h.StandIn.Counters.ServiceErrors);   // the bug's InternalError too: not injected
        Assert.True((await h.SendV1Async(new Dictionary<string, string> { ["Action"] = "SlowWidget", ["Version"] = WidgetsVersion })).Answer.Json().GetProperty("Slow").GetBoolean());
    }

    [Fact]
    public async Task A_registration_replaces_a_built_in_operation_at_run_time()
    {
        await using var h = await Harness.StartAsync();
        Assert.Contains((StandInOperationVersion, "DescribeBackupPolicy"), h.StandIn.Operations);
        var original = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        Assert.Equal(7, original.GetProperty("BackupRetentionPeriod").GetInt32());

        h.StandIn.MapOperation(StandInOperationVersion, "DescribeBackupPolicy", call => new StandInObject
        {
            { "BackupRetentionPeriod", 730 },
            { "PreferredBackupTime", "00:00Z-01:00Z" },
            { "Seen", call.Parameter("DBInstanceId")! },
        });
        var replaced = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        Assert.Equal(730, replaced.GetProperty("BackupRetentionPeriod").GetInt32());
        Assert.Equal(StandInInstance.DefaultInstanceId, replaced.GetProperty("Seen").GetString());
    }

    [Fact]
    public async Task Faults_apply_to_registered_operations_too()
    {
        await using var h = await Harness.StartAsync(o =>
        {
            o.Operations.Add(new StandInOperation(WidgetsVersion, "DescribeWidgets", DescribeWidgets));
            o.Faults = new StandInFaults { ServerErrorRate = 1, ServiceUnavailableShare = 1, Actions = new HashSet<string> { "DescribeWidgets" } };
        });
        var (answer, _) = await h.SendV1Async(new Dictionary<string, string> { ["Action"] = "DescribeWidgets", ["Version"] = WidgetsVersion, ["Owner"] = "a" });
        Bodies.AssertError(answer, "JSON", 503, "ServiceUnavailable");
        await h.OkAsync("DescribeBackupTasks", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        Assert.Equal(1, h.StandIn.Counters.ServerErrors);
    }

    [Fact]
    public void Bodies_refuse_a_member_named_twice_and_null_values()
    {
        var body = new StandInObject { { "A", "x" } };
        Assert.Throws<ArgumentException>(() => body.Add("A", "y"));
        Assert.Throws<ArgumentNullException>(() => body.Add("B", (string?)null!));
        body.AddIfPresent("C", (string?)null);
        Assert.False(body.Contains("C"));
        Assert.Equal("1.5", new StandInNumber(1.50m).Literal.TrimEnd('0'));
        Assert.Equal(long.MaxValue.ToString(CultureInfo.InvariantCulture), new StandInNumber(long.MaxValue).Literal);
    }

    private const string StandInOperationVersion = "2014-08-15";
}
