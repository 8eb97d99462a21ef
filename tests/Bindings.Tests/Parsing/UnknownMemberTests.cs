using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// Fields and elements the spec does not describe, at any depth: skipped without disturbing the members
/// around them, and kept in <c>UnknownMembers</c> with their raw text (JSON text, or the element's outer XML).
/// </summary>
public class UnknownMemberTests
{
    [Fact]
    public void JsonUnknownScalarAtTheTopIsKeptAsItsLiteralText()
    {
        var response = FromJson("""{"TotalRecordCount":  12.50 ,"RequestId":"r","Note":"a \"quoted\" \u00e9"}""");
        Assert.Equal("r", response.RequestId);
        Assert.Equal(
            new[]
            {
                new UnknownMember("TotalRecordCount", "12.50", WireFormat.Json),
                new UnknownMember("Note", "\"a \\\"quoted\\\" \\u00e9\"", WireFormat.Json),
            },
            response.UnknownMembers);
    }

    [Fact]
    public void JsonNestedUnknownObjectIsSkippedAndKeptWhole()
    {
        const string meta = """{"RequestId":"inner","Deep":[1,{"Items":{"BackupJob":[{"BackupJobId":"x"}]}},null], "Flag" : true}""";
        var response = FromJson("{\"Meta\": " + meta + ", \"RequestId\": \"outer\", \"Items\": {\"BackupJob\": [{\"BackupJobId\": 5}]}}");

        // The names inside the unknown object are not mistaken for the top-level members.
        Assert.Equal("outer", response.RequestId);
        Assert.Equal(5L, Assert.Single(response.Items).BackupJobId);
        var unknown = Assert.Single(response.UnknownMembers);
        Assert.Equal("Meta", unknown.Name);
        Assert.Equal(meta, unknown.RawValue);
        Assert.Equal(WireFormat.Json, unknown.Format);
    }

    [Fact]
    public void JsonUnknownInsideTheItemWrapperIsKeptOnTheParentAsADottedName()
    {
        var response = FromJson("""{"Items":{"TotalCount":2,"BackupJob":[{"BackupJobId":1}],"Page":{"Number":1}}}""");
        Assert.Equal(1L, Assert.Single(response.Items).BackupJobId);
        Assert.Equal(
            new[]
            {
                new UnknownMember("Items.TotalCount", "2", WireFormat.Json),
                new UnknownMember("Items.Page", """{"Number":1}""", WireFormat.Json),
            },
            response.UnknownMembers);
    }

    [Fact]
    public void JsonUnknownInsideAnItemIsKeptOnThatItem()
    {
        var response = FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1,"BackupSize":[1024, 2048]},{"BackupJobId":2}]}}""");
        Assert.Empty(response.UnknownMembers);
        Assert.Equal(new UnknownMember("BackupSize", "[1024, 2048]", WireFormat.Json), Assert.Single(response.Items[0].UnknownMembers));
        Assert.Empty(response.Items[1].UnknownMembers);
    }

    [Fact]
    public void JsonUnknownNullIsKeptAsNull()
    {
        var job = JsonJob("""  "StartTime": null, "BackupJobId": 3""");
        Assert.Equal(3L, job.BackupJobId);
        Assert.Equal(new UnknownMember("StartTime", "null", WireFormat.Json), Assert.Single(job.UnknownMembers));
    }

    [Fact]
    public void JsonUnknownNamesAreMatchedCaseSensitively()
    {
        // "backupJobId" is not the documented "BackupJobId": it is kept, not read.
        var job = JsonJob(""" "backupJobId": 3 """);
        Assert.Null(job.BackupJobId);
        Assert.Equal("backupJobId", Assert.Single(job.UnknownMembers).Name);
    }

    [Fact]
    public void XmlNestedUnknownElementIsSkippedAndKeptAsOuterXml()
    {
        var response = FromXml("""
            <DescribeBackupTasksResponse>
              <Meta kind="x"><RequestId>inner</RequestId><Deep><Items><BackupJob/></Items></Deep></Meta>
              <RequestId>outer</RequestId>
              <Items><BackupJob><BackupJobId>5</BackupJobId></BackupJob></Items>
            </DescribeBackupTasksResponse>
            """);
        Assert.Equal("outer", response.RequestId);
        Assert.Equal(5L, Assert.Single(response.Items).BackupJobId);
        Assert.Equal(
            new UnknownMember("Meta", """<Meta kind="x"><RequestId>inner</RequestId><Deep><Items><BackupJob /></Items></Deep></Meta>""", WireFormat.Xml),
            Assert.Single(response.UnknownMembers));
    }

    [Fact]
    public void XmlUnknownInsideTheItemWrapperIsKeptOnTheParentAsADottedName()
    {
        var response = FromXml("<DescribeBackupTasksResponse><Items><TotalCount>2</TotalCount><BackupJob><BackupJobId>1</BackupJobId></BackupJob><Page><Number>1</Number></Page></Items></DescribeBackupTasksResponse>");
        Assert.Equal(1L, Assert.Single(response.Items).BackupJobId);
        Assert.Equal(
            new[]
            {
                new UnknownMember("Items.TotalCount", "<TotalCount>2</TotalCount>", WireFormat.Xml),
                new UnknownMember("Items.Page", "<Page><Number>1</Number></Page>", WireFormat.Xml),
            },
            response.UnknownMembers);
    }

    [Fact]
    public void XmlUnknownInsideAnItemIsKeptOnThatItem()
    {
        var response = FromXml("<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>1</BackupJobId><BackupSize>1024</BackupSize></BackupJob><BackupJob><BackupJobId>2</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>");
        Assert.Empty(response.UnknownMembers);
        Assert.Equal(new UnknownMember("BackupSize", "<BackupSize>1024</BackupSize>", WireFormat.Xml), Assert.Single(response.Items[0].UnknownMembers));
        Assert.Empty(response.Items[1].UnknownMembers);
        Assert.Equal(2L, response.Items[1].BackupJobId);
    }

    [Theory]
    [InlineData("<Meta a=\"1\" b='x &amp; y'><Inner/><Inner></Inner></Meta>")]
    [InlineData("<Meta>a &amp; b &lt; c &gt; d</Meta>")]
    [InlineData("<Meta><![CDATA[<not> & parsed]]></Meta>")]
    [InlineData("<Meta><!-- kept? --><A>1</A><?pi data?></Meta>")]
    [InlineData("<Meta xmlns=\"urn:x\"><A xmlns:p=\"urn:p\" p:b=\"2\"><p:C/></A></Meta>")]
    [InlineData("<Meta>\n  <A> spaced </A>\n</Meta>")]
    [InlineData("<Meta/>")]
    public void XmlUnknownRawValueIsWhatReadOuterXmlGives(string element)
    {
        var xml = "<DescribeBackupTasksResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><RequestId>r</RequestId>" + element + "<Items/></DescribeBackupTasksResponse>";
        using var reader = Bindings.Serialization.XmlParsing.CreateReader(new StringReader(xml), ResponseParseOptions.Default);
        reader.ReadToDescendant("Meta");
        var expected = reader.ReadOuterXml();

        var response = FromXml(xml);
        Assert.Equal("r", response.RequestId);
        Assert.Equal(new UnknownMember("Meta", expected, WireFormat.Xml), Assert.Single(response.UnknownMembers));
    }

    [Fact]
    public void XmlDeepUnknownWithinTheDepthLimitIsKept()
    {
        var inner = string.Concat(Enumerable.Repeat("<a>", 40)) + "x" + string.Concat(Enumerable.Repeat("</a>", 40));
        var response = FromXml("<DescribeBackupTasksResponse><Meta>" + inner + "</Meta><RequestId>r</RequestId></DescribeBackupTasksResponse>");
        Assert.Equal("r", response.RequestId);
        Assert.Equal("<Meta>" + inner + "</Meta>", Assert.Single(response.UnknownMembers).RawValue);
    }

    [Fact]
    public void UnknownMembersTakePartInEquality()
    {
        var with = JsonJob(""" "BackupJobId": 1, "Extra": 1 """);
        var other = JsonJob(""" "BackupJobId": 1, "Extra": 2 """);
        var without = JsonJob(""" "BackupJobId": 1 """);
        Assert.NotEqual(with, other);
        Assert.NotEqual(with, without);
        Assert.Equal(with, JsonJob(""" "Extra": 1, "BackupJobId": 1 """));
    }
}
