using System.Text;
using System.Text.Json;
using System.Xml;
using Bindings.Rds;
using Bindings.Robustness.Tests.Wire;
using Xunit.Abstractions;

namespace Bindings.Robustness.Tests;

/// <summary>
/// Damaged documents (see <see cref="Mutator"/>) give either a parse or <see cref="ResponseParseException"/>:
/// never another exception, never a hang, never a stack overflow. A parse is only allowed for a document
/// that a strict reader also finds well-formed, so the parsers never accept broken JSON or XML. Nesting
/// 10,000 levels deep is always refused by the depth limit.
/// </summary>
public class MutationTests
{
    /// <summary>Damaged documents per format; bounded for CI.</summary>
    public const int CasesPerFormat = 2500;

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void DamagedJsonParsesOrIsRefused()
    {
        var seeds = Documents.JsonSeeds(40, seed: 6);
        var random = new Random(6006);
        var tally = new Tally();
        for (var i = 0; i < CasesPerFormat; i++)
        {
            var mutation = (Mutation)(i % Enum.GetValues<Mutation>().Length);
            var seedIndex = random.Next(seeds.Count);
            var document = Mutator.Apply(mutation, seeds[seedIndex], WireFormat.Json, random);
            var what = $"JSON case {i} ({mutation} of seed {seedIndex})";
            var outcome = Guard.Run(() => DescribeBackupTasksResponse.ParseJson(document), what);
            if (outcome.Parsed)
            {
                Assert.True(IsWellFormedJson(document), what + ": parsed a document that is not well-formed JSON");
            }

            if (i % 4 == 0)
            {
                var fromStream = Guard.Run(() => DescribeBackupTasksResponse.ParseJson(new MemoryStream(document)), what + " (stream)");
                Assert.Equal(outcome.Parsed, fromStream.Parsed);
                Assert.Equal(outcome.Value, fromStream.Value);
            }

            if (mutation == Mutation.DeepNesting)
            {
                Assert.False(outcome.Parsed, what + ": 10,000 levels of nesting were not refused");
            }

            tally.Add(mutation, outcome.Parsed, outcome.Elapsed);
        }

        tally.Report(_output, "JSON");
    }

    [Fact]
    public void DamagedXmlParsesOrIsRefused()
    {
        var seeds = Documents.XmlSeeds(40, seed: 7);
        var random = new Random(7007);
        var tally = new Tally();
        for (var i = 0; i < CasesPerFormat; i++)
        {
            var mutation = (Mutation)(i % Enum.GetValues<Mutation>().Length);
            var seedIndex = random.Next(seeds.Count);
            var document = Mutator.Apply(mutation, seeds[seedIndex], WireFormat.Xml, random);
            var what = $"XML case {i} ({mutation} of seed {seedIndex})";
            var outcome = Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(document)), what);
            if (outcome.Parsed)
            {
                Assert.True(IsWellFormedXml(document), what + ": parsed a document that is not well-formed XML");
            }

            if (i % 2 == 0)
            {
                // The text entry point, over the same bytes decoded leniently (invalid bytes become U+FFFD).
                var text = Encoding.UTF8.GetString(document);
                Guard.Run(() => DescribeBackupTasksResponse.ParseXml(text), what + " (text)");
            }

            if (mutation == Mutation.DeepNesting)
            {
                Assert.False(outcome.Parsed, what + ": 10,000 levels of nesting were not refused");
            }

            tally.Add(mutation, outcome.Parsed, outcome.Elapsed);
        }

        tally.Report(_output, "XML");
    }

    [Fact]
    public async Task DamagedDocumentsThroughTheAsyncEntryPoints()
    {
        var random = new Random(8008);
        var jsonSeeds = Documents.JsonSeeds(10, seed: 8);
        var xmlSeeds = Documents.XmlSeeds(10, seed: 8);
        for (var i = 0; i < 100; i++)
        {
            var mutation = (Mutation)(i % Enum.GetValues<Mutation>().Length);
            var json = Mutator.Apply(mutation, jsonSeeds[random.Next(jsonSeeds.Count)], WireFormat.Json, random);
            var xml = Mutator.Apply(mutation, xmlSeeds[random.Next(xmlSeeds.Count)], WireFormat.Xml, random);
            var fromJson = await Guard.RunAsync(() => DescribeBackupTasksResponse.ParseJsonAsync(new MemoryStream(json)), $"async JSON case {i} ({mutation})");
            Assert.Equal(Guard.Run(() => DescribeBackupTasksResponse.ParseJson(json), "JSON").Parsed, fromJson.Parsed);
            var fromXml = await Guard.RunAsync(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(xml)), $"async XML case {i} ({mutation})");
            Assert.Equal(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(xml)), "XML").Parsed, fromXml.Parsed);
        }
    }

    [Theory]
    [InlineData("{\"Items\":{\"BackupJob\":[{\"BackupStatus\":[1]}]}}")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"Items\":{\"BackupJob\":[{\"BackupJobId\":1e999999}]}}")]
    [InlineData("{\"Items\":{\"BackupJob\":[{\"BackupJobId\":\"9223372036854775808\"}]}}")]
    [InlineData("{\"Items\":{\"BackupJob\":[{\"Process\":\"1e999999\"}]}}")]
    [InlineData("{\"Items\":{\"BackupJob\":[{\"Process\":\"NaN\"}]}}")]
    [InlineData("{\"RequestId\":{\"a\":1}}")]
    [InlineData("{\"RequestId\":\"a\"} {}")]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"RequestId\":\"\\ud800\"}")]
    public void HandPickedJsonIsRefusedWithTheDocumentedException(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var outcome = Guard.Run(() => DescribeBackupTasksResponse.ParseJson(bytes), json);
        if (json.Contains("ud800"))
        {
            // A lone surrogate escape: refused, or read with a replacement character; never another exception.
            return;
        }

        Assert.False(outcome.Parsed);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x52, 0x65, 0x71, 0x75, 0x65, 0x73, 0x74, 0x49, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x49, 0x74, 0x65, 0x6D, 0x73, 0x22, 0x3A, 0x7B, 0x22, 0x42, 0x61, 0x63, 0x6B, 0x75, 0x70, 0x4A, 0x6F, 0x62, 0x22, 0x3A, 0x7B, 0x22, 0x4A, 0x6F, 0x62, 0x4D, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D, 0x7D, 0x7D })]
    public void InvalidUtf8InJsonIsRefusedOrReplacedNeverThrownThrough(byte[] json)
        => Guard.Run(() => DescribeBackupTasksResponse.ParseJson(json), "invalid UTF-8");

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?><DescribeBackupTasksResponse/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"IBM037\"?><DescribeBackupTasksResponse/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-32\"?><DescribeBackupTasksResponse/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-16\"?><DescribeBackupTasksResponse/>")]
    public void XmlDeclaringAnotherEncodingIsRefusedOrReadNeverThrownThrough(string xml)
    {
        // A stream of UTF-8 bytes that claims another (or an unknown) encoding is refused; text has no bytes to mis-decode.
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(Encoding.UTF8.GetBytes(xml))), xml).Parsed);
        Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml), xml);
    }

    [Theory]
    [InlineData("<?xml version=\"1.1\"?><DescribeBackupTasksResponse/>")]
    [InlineData("<DescribeBackupTasksResponse><RequestId>a</RequestId></DescribeBackupTasksResponse><Extra/>")]
    [InlineData("<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId xsi:nil=\"true\"/></BackupJob></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>1<x/></BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items><BackupJob><Process>1e999999</Process></BackupJob></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><RequestId>&#0;</RequestId></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><RequestId>&nbsp;</RequestId></DescribeBackupTasksResponse>")]
    [InlineData("text")]
    [InlineData("")]
    public void HandPickedXmlIsRefusedWithTheDocumentedException(string xml)
    {
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(Encoding.UTF8.GetBytes(xml))), xml).Parsed);
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml), xml).Parsed);
    }

    private static bool IsWellFormedJson(byte[] document)
    {
        try
        {
            var span = document.AsSpan();
            if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            {
                span = span.Slice(3);
            }

            var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsWellFormedXml(byte[] document)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>Counts cases by mutation, for the figures in the README.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<Mutation, (int Parsed, int Refused, TimeSpan Slowest, TimeSpan Total)> _counts = new();

        public void Add(Mutation mutation, bool parsed, TimeSpan elapsed)
        {
            var (p, r, slowest, total) = _counts.GetValueOrDefault(mutation);
            _counts[mutation] = (p + (parsed ? 1 : 0), r + (parsed ? 0 : 1), elapsed > slowest ? elapsed : slowest, total + elapsed);
        }

        public void Report(ITestOutputHelper output, string format)
        {
            foreach (var (mutation, (parsed, refused, slowest, total)) in _counts.OrderBy(pair => pair.Key))
            {
                output.WriteLine($"{format} {mutation}: {parsed + refused} cases, {parsed} parsed, {refused} refused with ResponseParseException; parsing took {total.TotalMilliseconds:F0} ms in all, {slowest.TotalMilliseconds:F0} ms at most");
            }
        }
    }
}
