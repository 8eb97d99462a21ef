using System.Globalization;
using System.Text;
using Bindings.Benchmarks.Alternatives;
using Bindings.Benchmarks.Payloads;
using Bindings.Rds;

namespace Bindings.Benchmarks.Tests;

/// <summary>
/// Every parser the benchmarks measure returns the same result on every payload, so that no
/// benchmark measures a wrong answer.
/// </summary>
public class SameResultTests
{
    public static TheoryData<PayloadSize> Payloads => new(Enum.GetValues<PayloadSize>());

    [Theory]
    [MemberData(nameof(Payloads))]
    public void GeneratedJsonReadsEveryJobAndKeepsUnknownFields(PayloadSize size)
    {
        var payload = Payload.Get(size);
        var parsed = DescribeBackupTasksResponse.ParseJson(payload.JsonUtf8);
        Assert.Equal(payload.JobCount, parsed.Items.Count);
        Assert.Equal(payload.UnknownMemberCount, PlainToGenerated.CountUnknownMembers(parsed));
        Assert.NotNull(parsed.RequestId);
        Assert.All(parsed.Items, job =>
        {
            Assert.NotNull(job.BackupJobId);
            Assert.True(job.JobMode?.IsKnown);
            Assert.True(job.BackupProgressStatus?.IsKnown);
            Assert.True(job.TaskAction?.IsKnown);
            Assert.True(job.BackupStatus is null || job.BackupStatus.Value.IsKnown);
        });
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void GeneratedXmlReadsWhatGeneratedJsonReads(PayloadSize size)
    {
        var payload = Payload.Get(size);
        var fromJson = DescribeBackupTasksResponse.ParseJson(payload.JsonUtf8);
        var fromXml = DescribeBackupTasksResponse.ParseXml(new MemoryStream(payload.XmlUtf8));
        Assert.Equal(payload.UnknownMemberCount, PlainToGenerated.CountUnknownMembers(fromXml));

        // Unknown members keep their raw text, which is JSON in one and XML in the other.
        Assert.Equal(PlainToGenerated.WithoutUnknownMembers(fromJson), PlainToGenerated.WithoutUnknownMembers(fromXml));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void EveryJsonEntryPointGivesTheSameResult(PayloadSize size)
    {
        var payload = Payload.Get(size);
        var expected = DescribeBackupTasksResponse.ParseJson(payload.JsonUtf8);
        Assert.Equal(expected, DescribeBackupTasksResponse.ParseJson(payload.Json));
        Assert.Equal(expected, DescribeBackupTasksResponse.ParseJson(new MemoryStream(payload.JsonUtf8)));
        Assert.Equal(DescribeBackupTasksResponse.ParseXml(new MemoryStream(payload.XmlUtf8)), DescribeBackupTasksResponse.ParseXml(payload.Xml));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SystemTextJsonSourceGeneratorAgrees(PayloadSize size)
        => AssertSameAsGenerated(size, SystemTextJsonAlternatives.ParseSourceGenerated(Payload.Get(size).JsonUtf8));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SystemTextJsonReflectionAgrees(PayloadSize size)
        => AssertSameAsGenerated(size, SystemTextJsonAlternatives.ParseReflection(Payload.Get(size).JsonUtf8));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SdkStyleNewtonsoftAgrees(PayloadSize size)
        => AssertSameAsGenerated(size, SdkStyleJson.Parse<PlainResponse>(Payload.Get(size).JsonUtf8));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SdkStyleNewtonsoftAgreesUnderAGermanCulture(PayloadSize size)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            AssertSameAsGenerated(size, SdkStyleJson.Parse<PlainResponse>(Payload.Get(size).JsonUtf8));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void XmlSerializerAgrees(PayloadSize size)
        => AssertSameAsGenerated(size, XmlAlternatives.ParseXmlSerializer(new MemoryStream(Payload.Get(size).XmlUtf8)));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void XDocumentAgrees(PayloadSize size)
        => AssertSameAsGenerated(size, XmlAlternatives.ParseXDocument(new MemoryStream(Payload.Get(size).XmlUtf8)));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void BareReadersReadTheWholeDocument(PayloadSize size)
    {
        var payload = Payload.Get(size);

        // Per job at least {, }, and a name and a value for each of its 4 or more fields; the same in XML with end tags.
        Assert.True(BareReaders.ReadAllJsonTokens(payload.JsonUtf8) > payload.JobCount * 10);
        Assert.True(BareReaders.ReadAllXmlNodes(new MemoryStream(payload.XmlUtf8)) > payload.JobCount * 14);

        // The text of every value: at least the documented one's enum names and id.
        Assert.True(BareReaders.ReadAllXmlNodesAndValues(new MemoryStream(payload.XmlUtf8)) > payload.JobCount * 30);
    }

    [Fact]
    public void PayloadsAreTheSameEveryTime()
    {
        var payload = Payload.Get(PayloadSize.Jobs100);
        Assert.Equal(100, payload.JobCount);
        Assert.Contains("\"BackupJobId\":\"", payload.Json, StringComparison.Ordinal);
        Assert.Matches("\"BackupJobId\":[0-9]", payload.Json);
        Assert.Matches("\"Process\":\"[0-9]", payload.Json);
        Assert.Matches("\"Process\":[0-9]", payload.Json);
        Assert.Contains("\"Failed\"", Payload.Get(PayloadSize.Jobs10000).Json, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(payload.Json), payload.JsonUtf8);
    }

    private static void AssertSameAsGenerated(PayloadSize size, PlainResponse? alternative)
    {
        var payload = Payload.Get(size);
        var generated = PlainToGenerated.WithoutUnknownMembers(DescribeBackupTasksResponse.ParseJson(payload.JsonUtf8));
        var mapped = PlainToGenerated.Map(alternative);
        Assert.Equal(payload.JobCount, mapped.Items.Count);
        for (var i = 0; i < generated.Items.Count; i++)
        {
            // Item by item first, so that a failure names the job.
            Assert.Equal(generated.Items[i], mapped.Items[i]);
        }

        Assert.Equal(generated, mapped);
    }
}
