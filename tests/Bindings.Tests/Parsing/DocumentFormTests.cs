using System.Text;
using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// How a document may be laid out: a UTF-8 byte order mark, members in any order, JSON property names
/// written with escapes, XML declarations, comments and namespaces.
/// </summary>
public class DocumentFormTests
{
    private const string JsonDocument = """{"Items":{"BackupJob":[{"BackupJobId":7,"JobMode":"Manual"}]},"RequestId":"r-1"}""";
    private const string XmlDocument = "<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>7</BackupJobId><JobMode>Manual</JobMode></BackupJob></Items><RequestId>r-1</RequestId></DescribeBackupTasksResponse>";

    [Fact]
    public void JsonSpanWithAByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(JsonDocument)];
        AssertExpected(DescribeBackupTasksResponse.ParseJson(bytes));
    }

    [Fact]
    public async Task JsonStreamWithAByteOrderMark()
    {
        AssertExpected(DescribeBackupTasksResponse.ParseJson(Utf8Stream(JsonDocument, bom: true)));
        AssertExpected(await DescribeBackupTasksResponse.ParseJsonAsync(Utf8Stream(JsonDocument, bom: true)));
    }

    [Fact]
    public async Task XmlStreamWithAByteOrderMark()
    {
        AssertExpected(DescribeBackupTasksResponse.ParseXml(Utf8Stream(XmlDocument, bom: true)));
        AssertExpected(await DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(XmlDocument, bom: true)));
    }

    [Fact]
    public void JsonAndXmlTextDecodedWithTheByteOrderMarkKept()
    {
        // Encoding.UTF8.GetString keeps the mark as a leading U+FEFF.
        var json = Encoding.UTF8.GetString([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(JsonDocument)]);
        var xml = Encoding.UTF8.GetString([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(XmlDocument)]);
        Assert.Equal('\uFEFF', xml[0]);
        AssertExpected(DescribeBackupTasksResponse.ParseJson(json));
        AssertExpected(DescribeBackupTasksResponse.ParseXml(xml));
    }

    [Fact]
    public void XmlStreamWithADeclarationAndAByteOrderMark()
        => AssertExpected(DescribeBackupTasksResponse.ParseXml(Utf8Stream("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + XmlDocument, bom: true)));

    [Fact]
    public void XmlStreamInUtf16WithItsByteOrderMark()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(XmlDocument)).ToArray();
        AssertExpected(DescribeBackupTasksResponse.ParseXml(new MemoryStream(bytes)));
    }

    [Fact]
    public void JsonMembersInAnyOrder()
        => AssertExpected(FromJson("""{"RequestId":"r-1","Items":{"BackupJob":[{"JobMode":"Manual","BackupJobId":7}]}}"""));

    [Fact]
    public void XmlElementsInAnyOrder()
        => AssertExpected(FromXml("<DescribeBackupTasksResponse><RequestId>r-1</RequestId><Items><BackupJob><JobMode>Manual</JobMode><BackupJobId>7</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>"));

    [Fact]
    public void JsonEscapedPropertyNamesAreMatchedUnescaped()
        => AssertExpected(FromJson("""{"\u0049tems":{"Backup\u004Aob":[{"\u0042ackupJobId":7,"JobMode":"Manual"}]},"RequestI\u0064":"r-1"}"""));

    [Fact]
    public void JsonEscapedUnknownNameIsKeptUnescaped()
    {
        var response = FromJson("""{"\u0046oo":1}""");
        Assert.Equal("Foo", Assert.Single(response.UnknownMembers).Name);
    }

    [Fact]
    public void JsonWhiteSpaceEverywhere()
        => AssertExpected(FromJson(" \r\n\t{ \"Items\" : { \"BackupJob\" : [ { \"BackupJobId\" : 7 , \"JobMode\" : \"Manual\" } ] } , \"RequestId\" : \"r-1\" } \r\n "));

    [Fact]
    public void XmlCommentsProcessingInstructionsAndWhiteSpaceAreIgnored()
        => AssertExpected(FromXml("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment before the root -->
            <DescribeBackupTasksResponse>
              <?pi ignored?>
              <Items>
                <!-- a comment between items -->
                <BackupJob>
                  <BackupJobId>7</BackupJobId>
                  <JobMode>Manual</JobMode>
                </BackupJob>
              </Items>
              <RequestId>r-1</RequestId>
            </DescribeBackupTasksResponse>
            <!-- a comment after the root -->
            """));

    [Fact]
    public void XmlElementsInANamespaceAreMatchedByLocalName()
        => AssertExpected(FromXml("<DescribeBackupTasksResponse xmlns=\"http://rds.aliyuncs.com/doc/2014-08-15/\"><Items><BackupJob><BackupJobId>7</BackupJobId><JobMode>Manual</JobMode></BackupJob></Items><RequestId>r-1</RequestId></DescribeBackupTasksResponse>"));

    [Theory]
    [InlineData("<Response><RequestId>r-1</RequestId></Response>", "<Response>")]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"><RequestId>r-1</RequestId></html>", "<html>")]
    [InlineData("<DescribeBackupTasksResult><RequestId>r-1</RequestId></DescribeBackupTasksResult>", "<DescribeBackupTasksResult>")]
    [InlineData("<Error><Code>Throttling</Code><Message>m</Message><RequestId>r-1</RequestId></Error>", "<Error>, an Alibaba Cloud error document")]
    public async Task XmlRootOtherThanTheResponseIsRefusedByEveryEntryPoint(string xml, string found)
    {
        foreach (var failure in new[]
        {
            Assert.Throws<ResponseParseException>(() => FromXml(xml)),
            Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml))),
            await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml))),
        })
        {
            Assert.Equal("expected the root element <DescribeBackupTasksResponse>, found " + found, failure.Reason);
            Assert.Equal(1L, failure.LineNumber);
            Assert.Equal(string.Empty, failure.Path);
        }
    }

    [Fact]
    public void XmlStructureParsedAloneHasNoRootNameToCheck()
        => Assert.Equal(7L, BackupJob.ParseXml("<Anything><BackupJobId>7</BackupJobId></Anything>").BackupJobId);

    private static void AssertExpected(DescribeBackupTasksResponse response)
    {
        Assert.Equal("r-1", response.RequestId);
        var job = Assert.Single(response.Items);
        Assert.Equal(7L, job.BackupJobId);
        Assert.Equal(BackupMode.Manual, job.JobMode);
        Assert.Empty(response.UnknownMembers);
        Assert.Empty(job.UnknownMembers);
    }
}
