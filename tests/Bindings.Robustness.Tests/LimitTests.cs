using System.Text;
using Bindings.Rds;

namespace Bindings.Robustness.Tests;

/// <summary>
/// The depth and size limits of <see cref="ResponseParseOptions"/>: safe defaults, enforced the same way in
/// JSON and XML (also for fields the spec does not describe, which are skipped whole), and changeable in
/// both directions per call.
/// </summary>
public class LimitTests
{
    [Fact]
    public void TheDefaultsAreSafe()
    {
        Assert.Equal(64, ResponseParseOptions.Default.MaxDepth);
        Assert.Equal(64L * 1024 * 1024, ResponseParseOptions.Default.MaxDocumentSize);
    }

    [Fact]
    public void TheSharedDefaultsCannotBeLoosenedForEveryone()
    {
        Assert.Throws<InvalidOperationException>(() => ResponseParseOptions.Default.MaxDepth = 100_000);
        Assert.Throws<InvalidOperationException>(() => ResponseParseOptions.Default.MaxDocumentSize = 0);
        Assert.Equal(64, ResponseParseOptions.Default.MaxDepth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void ADepthBelowOneIsRefusedWhenSet(int depth)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseParseOptions { MaxDepth = depth });

    [Fact]
    public void ANegativeSizeIsRefusedWhenSet()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseParseOptions { MaxDocumentSize = -1 });

    // Depth counts the containers: JSON objects and arrays, and XML elements that hold elements (a leaf
    // element such as <BackupJobId>1</BackupJobId> is a value, like a JSON number). The root counts.

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(10_000, false)]
    public void JsonDepthIsLimitedByDefault(int levels, bool parses)
    {
        var outcome = Guard.Run(() => DescribeBackupTasksResponse.ParseJson(DeepJson(levels)), $"{levels} levels");
        Assert.Equal(parses, outcome.Parsed);
        if (!parses)
        {
            Assert.Contains("depth", outcome.Refusal!.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(10_000, false)]
    public void XmlDepthIsLimitedByDefaultAlsoInsideSkippedElements(int levels, bool parses)
    {
        var outcome = Guard.Run(() => DescribeBackupTasksResponse.ParseXml(DeepXml(levels)), $"{levels} levels");
        Assert.Equal(parses, outcome.Parsed);
        if (!parses)
        {
            Assert.Contains("deeper than the limit of 64", outcome.Refusal!.Message);
        }
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void XmlDepthIsLimitedInsideDescribedElementsToo(int levels, bool parses)
    {
        // <DescribeBackupTasksResponse><Items><BackupJob><X>...: an unknown member of a list item.
        var xml = "<DescribeBackupTasksResponse><Items><BackupJob>" + Nested("X", levels - 3) + "</BackupJob></Items></DescribeBackupTasksResponse>";
        Assert.Equal(parses, Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml), xml.Length.ToString()).Parsed);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(10_000)]
    public void RaisingTheDepthLimitLetsADeeperDocumentParse(int levels)
    {
        var options = new ResponseParseOptions { MaxDepth = levels };

        var json = DescribeBackupTasksResponse.ParseJson(DeepJson(levels), options);
        Assert.Equal("r", json.RequestId);
        Assert.Equal(levels - 1, Assert.Single(json.UnknownMembers).RawValue.Count(c => c == '['));

        var xml = DescribeBackupTasksResponse.ParseXml(DeepXml(levels), options);
        Assert.Equal("r", xml.RequestId);
        Assert.StartsWith("<XDeep><a><a>", Assert.Single(xml.UnknownMembers).RawValue);

        // One level more is still refused.
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseJson(DeepJson(levels + 1), options), "json").Parsed);
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(DeepXml(levels + 1), options), "xml").Parsed);
    }

    [Fact]
    public void LoweringTheDepthLimitRefusesAShallowerDocument()
    {
        var options = new ResponseParseOptions { MaxDepth = 3 };
        var json = "{\"Items\":{\"BackupJob\":[{\"BackupJobId\":1}]}}"; // 4 levels
        var xml = "<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>1</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>";
        Assert.Single(DescribeBackupTasksResponse.ParseJson(json).Items);
        Assert.Single(DescribeBackupTasksResponse.ParseXml(xml).Items);
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseJson(json, options), "json").Parsed);

        // XML has no array level: <BackupJob> is the third container, <BackupJobId> a value.
        Assert.Single(DescribeBackupTasksResponse.ParseXml(xml, options).Items);
        Assert.False(Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml, new ResponseParseOptions { MaxDepth = 2 }), "xml").Parsed);
    }

    [Fact]
    public async Task DocumentSizeIsLimitedAndTheLimitCanBeRaisedOrRemoved()
    {
        var value = new string('a', 2 * 1024 * 1024);
        var json = Encoding.UTF8.GetBytes("{\"RequestId\":\"" + value + "\"}");
        var xml = "<DescribeBackupTasksResponse><RequestId>" + value + "</RequestId></DescribeBackupTasksResponse>";
        var small = new ResponseParseOptions { MaxDocumentSize = 1024 * 1024 };

        foreach (var refused in new[]
                 {
                     Guard.Run(() => DescribeBackupTasksResponse.ParseJson(json, small), "json span"),
                     Guard.Run(() => DescribeBackupTasksResponse.ParseJson(new MemoryStream(json), small), "json stream"),
                     await Guard.RunAsync(() => DescribeBackupTasksResponse.ParseJsonAsync(new MemoryStream(json), small), "json async"),
                     Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml, small), "xml text"),
                     Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(Encoding.UTF8.GetBytes(xml)), small), "xml stream"),
                     await Guard.RunAsync(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), small), "xml async"),
                 })
        {
            Assert.False(refused.Parsed);
            Assert.DoesNotContain("aaaa", refused.Refusal!.Message);
        }

        foreach (var options in new[] { ResponseParseOptions.Default, new ResponseParseOptions { MaxDocumentSize = 4 * 1024 * 1024 }, new ResponseParseOptions { MaxDocumentSize = 0 } })
        {
            Assert.Equal(value, DescribeBackupTasksResponse.ParseJson(json, options).RequestId);
            Assert.Equal(value, DescribeBackupTasksResponse.ParseJson(new MemoryStream(json), options).RequestId);
            Assert.Equal(value, DescribeBackupTasksResponse.ParseXml(xml, options).RequestId);
            Assert.Equal(value, (await DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), options)).RequestId);
        }
    }

    [Fact]
    public async Task TheSizeRefusalOfAnXmlStreamSaysXml()
    {
        var xml = Encoding.UTF8.GetBytes("<DescribeBackupTasksResponse><RequestId>" + new string('a', 4096) + "</RequestId></DescribeBackupTasksResponse>");
        var refusal = await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(xml), new ResponseParseOptions { MaxDocumentSize = 1024 }));
        Assert.Equal(WireFormat.Xml, refusal.Format);
    }

    /// <summary>{"RequestId":"r","XDeep":[[...]]}: the object and levels - 1 arrays.</summary>
    private static byte[] DeepJson(int levels)
        => Encoding.UTF8.GetBytes("{\"RequestId\":\"r\",\"XDeep\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}");

    /// <summary>&lt;DescribeBackupTasksResponse&gt;&lt;RequestId&gt;r&lt;/RequestId&gt;&lt;XDeep&gt;&lt;a&gt;...&lt;v&gt;1&lt;/v&gt;...: levels containers deep.</summary>
    private static string DeepXml(int levels)
        => "<DescribeBackupTasksResponse><RequestId>r</RequestId><XDeep>" + Nested("a", levels - 2) + "</XDeep></DescribeBackupTasksResponse>";

    /// <summary>count nested elements, the innermost holding the value &lt;v&gt;1&lt;/v&gt;.</summary>
    private static string Nested(string name, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append('<').Append(name).Append('>');
        }

        builder.Append("<v>1</v>");
        for (var i = 0; i < count; i++)
        {
            builder.Append("</").Append(name).Append('>');
        }

        return builder.ToString();
    }
}
