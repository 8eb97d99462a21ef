using Bindings.Rds;
using Bindings.Robustness.Tests.Wire;
using CsCheck;

namespace Bindings.Robustness.Tests;

/// <summary>
/// Random valid responses, built from the model of the spec, written as JSON and as XML in the shapes the
/// service sends, and parsed back: the result equals the model, and enum values the spec does not know
/// come back with the same wire value. CsCheck shrinks a failing case to a small one and prints its seed.
/// </summary>
public class RoundTripPropertyTests
{
    /// <summary>
    /// Cases per property: 1,500 in CI, from a fixed seed so that every run tries the same cases.
    /// <c>BINDINGS_PROPERTY_ITERATIONS=100000</c> tries more, and <c>BINDINGS_PROPERTY_SEED=random</c>
    /// (or a seed CsCheck printed) other ones.
    /// </summary>
    public static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("BINDINGS_PROPERTY_ITERATIONS"), out var iterations) ? iterations : 1500;

    private static string? Seed(ulong value)
        => Environment.GetEnvironmentVariable("BINDINGS_PROPERTY_SEED") switch
        {
            null or "" => Documents.Seed(value),
            "random" => null,
            var seed => seed,
        };

    private static readonly Gen<(ResponseCase Response, int Style)> Cases = Gen.Select(ResponseGen.Response, Gen.Int);

    [Fact]
    public void JsonRoundTripGivesEqualObjects()
        => Cases.Sample(
            (response, style) =>
            {
                var json = WireWriter.Json(response, new Random(style));
                var parsed = DescribeBackupTasksResponse.ParseJson(json);
                AssertSame(response.Expected(WireFormat.Json), parsed, () => System.Text.Encoding.UTF8.GetString(json));
            },
            seed: Seed(1),
            iter: Iterations,
            threads: 1,
            print: Print);

    [Fact]
    public void XmlRoundTripGivesEqualObjects()
        => Cases.Sample(
            (response, style) =>
            {
                var xml = WireWriter.Xml(response, new Random(style));
                AssertSame(response.Expected(WireFormat.Xml), DescribeBackupTasksResponse.ParseXml(xml), () => xml);
                using var stream = new MemoryStream(WireWriter.Utf8(xml));
                AssertSame(response.Expected(WireFormat.Xml), DescribeBackupTasksResponse.ParseXml(stream), () => xml);
            },
            seed: Seed(2),
            iter: Iterations,
            threads: 1,
            print: Print);

    [Fact]
    public void JsonAndXmlOfTheSameResponseAgreeApartFromUnknownMembers()
        => Cases.Sample(
            (response, style) =>
            {
                var plain = response with { Extras = Array.Empty<Extra>(), Jobs = response.Jobs.Select(job => job with { Extras = Array.Empty<Extra>() }).ToArray() };
                var fromJson = DescribeBackupTasksResponse.ParseJson(WireWriter.Json(plain, new Random(style)));
                var fromXml = DescribeBackupTasksResponse.ParseXml(WireWriter.Xml(plain, new Random(style)));
                Assert.Equal(fromJson, fromXml);
                Assert.Equal(fromJson.GetHashCode(), fromXml.GetHashCode());
            },
            seed: Seed(3),
            iter: Iterations / 3,
            threads: 1,
            print: Print);

    [Fact]
    public void UnknownEnumValuesKeepTheirWireValue()
    {
        var job = new JobCase(
            null,
            1,
            BackupProgressStatus.FromWireValue("Compressing"),
            BackupStatus.FromWireValue("SomethingNew"),
            BackupMode.FromWireValue("Scheduled"),
            null,
            TaskAction.FromWireValue("備份タスク😀"),
            Array.Empty<Extra>());
        var response = new ResponseCase("r", new[] { job }, Array.Empty<Extra>());
        for (var style = 0; style < 20; style++)
        {
            foreach (var parsed in new[]
                     {
                         DescribeBackupTasksResponse.ParseJson(WireWriter.Json(response, new Random(style))),
                         DescribeBackupTasksResponse.ParseXml(WireWriter.Xml(response, new Random(style))),
                     })
            {
                var item = Assert.Single(parsed.Items);
                Assert.Equal(BackupStatusKind.Unknown, item.BackupStatus!.Value.Kind);
                Assert.False(item.BackupStatus.Value.IsKnown);
                Assert.Equal("SomethingNew", item.BackupStatus.Value.WireValue);
                Assert.Equal("Compressing", item.BackupProgressStatus!.Value.WireValue);
                Assert.Equal("Scheduled", item.JobMode!.Value.WireValue);
                Assert.Equal("備份タスク😀", item.TaskAction!.Value.WireValue);
                Assert.Equal(BackupStatus.FromWireValue("SomethingNew"), item.BackupStatus);
            }
        }
    }

    private static void AssertSame(DescribeBackupTasksResponse expected, DescribeBackupTasksResponse actual, Func<string> document)
    {
        if (!expected.Equals(actual))
        {
            throw new Xunit.Sdk.XunitException("The parsed response differs from the one written. Document:\n" + document());
        }

        // Equal values must hash alike, or the generated types cannot be used as keys.
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
        for (var i = 0; i < expected.Items.Count; i++)
        {
            Assert.Equal(expected.Items[i].BackupStatus?.WireValue, actual.Items[i].BackupStatus?.WireValue);
            Assert.Equal(expected.Items[i].UnknownMembers, actual.Items[i].UnknownMembers);
        }
    }

    private static string Print((ResponseCase Response, int Style) value) => $"style {value.Style}: {value.Response}";
}
