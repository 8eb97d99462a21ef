using System.Text;
using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// What is not tolerated fails with <see cref="ResponseParseException"/> and nothing else: it names the
/// path of the offending value with wire names, says where it stands, and never quotes the value.
/// </summary>
public class ParseErrorTests
{
    private const string Secret = "s3cr3t";

    // The third job's id is on line 4; in JSON the value starts at byte 16 of that line.
    private static string JsonWithThirdJobId(string value) =>
        "{\"Items\":{\"BackupJob\":[\n" +
        "{\"BackupJobId\":1},\n" +
        "{\"BackupJobId\":2},\n" +
        "{\"BackupJobId\":" + value + "}\n" +
        "]},\"RequestId\":\"r\"}";

    // The third job's id is on line 4; in XML its element name starts at column 13 of that line.
    private static string XmlWithThirdJobId(string content) =>
        "<DescribeBackupTasksResponse><Items>\n" +
        "<BackupJob><BackupJobId>1</BackupJobId></BackupJob>\n" +
        "<BackupJob><BackupJobId>2</BackupJobId></BackupJob>\n" +
        "<BackupJob><BackupJobId>" + content + "</BackupJobId></BackupJob>\n" +
        "</Items><RequestId>r</RequestId></DescribeBackupTasksResponse>";

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("\"abc\"")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"Id\":1}")]
    [InlineData("\"12.5\"")]
    [InlineData("12.5")]
    [InlineData("\"s3cr3t\"")]
    public void JsonWrongValueNamesItsPathAndPosition(string value)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(JsonWithThirdJobId(value)));
        Assert.Equal("Items.BackupJob[2].BackupJobId", failure.Path);
        Assert.Equal(4L, failure.LineNumber);
        Assert.Equal(16L, failure.LinePosition);
        Assert.Equal(WireFormat.Json, failure.Format);
        Assert.Equal("DescribeBackupTasksResponse", failure.TargetType);
        Assert.Contains("Items.BackupJob[2].BackupJobId", failure.Message);
        Assert.Contains("line 4", failure.Message);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("abc")]
    [InlineData("12.5")]
    [InlineData("0x10")]
    [InlineData("s3cr3t")]
    public void XmlWrongValueNamesItsPathAndPosition(string content)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(XmlWithThirdJobId(content)));
        Assert.Equal("Items.BackupJob[2].BackupJobId", failure.Path);
        Assert.Equal(4L, failure.LineNumber);
        Assert.Equal(13L, failure.LinePosition);
        Assert.Equal(WireFormat.Xml, failure.Format);
        Assert.Equal("DescribeBackupTasksResponse", failure.TargetType);
        Assert.Contains("Items.BackupJob[2].BackupJobId", failure.Message);
    }

    [Fact]
    public void XmlElementWhereANumberIsExpectedNamesItsPathAndPosition()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(XmlWithThirdJobId("<Id>1</Id>")));
        Assert.Equal("Items.BackupJob[2].BackupJobId", failure.Path);
        Assert.Equal(4L, failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
    }

    [Fact]
    public void JsonObjectWhereAStringIsExpected()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"RequestId\":{\"Value\":\"" + Secret + "\"}}"));
        Assert.Equal("RequestId", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.Equal(14L, failure.LinePosition);
        AssertNoSecret(failure);
    }

    [Fact]
    public void JsonArrayWhereAStringIsExpected()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":[{\"BackupId\":[\"" + Secret + "\"]}]}"));
        Assert.Equal("Items[0].BackupId", failure.Path);
        AssertNoSecret(failure);
    }

    [Fact]
    public void XmlElementWhereAStringIsExpected()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse>\n  <RequestId><Value>" + Secret + "</Value></RequestId>\n</DescribeBackupTasksResponse>"));
        Assert.Equal("RequestId", failure.Path);
        Assert.Equal(2L, failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
        AssertNoSecret(failure);
    }

    [Fact]
    public void JsonScalarWhereAnItemObjectIsExpected()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1},"s3cr3t"]}}"""));
        Assert.Equal("Items.BackupJob[1]", failure.Path);
        AssertNoSecret(failure);
    }

    [Fact]
    public void JsonScalarWhereTheResponseObjectIsExpected()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("\"" + Secret + "\""));
        Assert.Equal(string.Empty, failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        AssertNoSecret(failure);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("\"9223372036854775808\"")]
    [InlineData("1e30")]
    public void JsonNumberOutOfRangeForLong(string value)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(JsonWithThirdJobId(value)));
        Assert.Equal("Items.BackupJob[2].BackupJobId", failure.Path);
        Assert.Equal(4L, failure.LineNumber);
        Assert.DoesNotContain(value.Trim('"'), failure.Message);
    }

    [Fact]
    public void XmlNumberOutOfRangeForLong()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(XmlWithThirdJobId("9223372036854775808")));
        Assert.Equal("Items.BackupJob[2].BackupJobId", failure.Path);
        Assert.DoesNotContain("9223372036854775808", failure.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"1e400\"")]
    [InlineData("-1E+99")]
    [InlineData("79228162514264337593543950336")]
    public void JsonHugeExponentForDecimal(string value)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{\"BackupJob\":[{\"Process\":" + value + "}]}}"));
        Assert.Equal("Items.BackupJob[0].Process", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.Equal(35L, failure.LinePosition);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("79228162514264337593543950336")]
    public void XmlHugeExponentForDecimal(string value)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse><Items><BackupJob><Process>" + value + "</Process></BackupJob></Items></DescribeBackupTasksResponse>"));
        Assert.Equal("Items.BackupJob[0].Process", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
    }

    [Fact]
    public void JsonTruncatedDocument()
    {
        // The reader finds the end of the data while it reads the last value.
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1"""));
        Assert.Equal("Items.BackupJob[0].BackupJobId", failure.Path);
        Assert.NotNull(failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(failure.InnerException);
    }

    [Fact]
    public void JsonTruncatedAfterAMember()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{\"BackupJob\":[{\"BackupJobId\":1,"));
        Assert.Equal("Items.BackupJob[0]", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
    }

    [Fact]
    public void JsonTruncatedInsideAString()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"RequestId\":\"" + Secret));
        Assert.Equal("RequestId", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        AssertNoSecret(failure);
    }

    [Fact]
    public void JsonTrailingCommaInAnObject()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("{\"RequestId\":\"r\",\n}"));
        Assert.Equal(2L, failure.LineNumber);
        Assert.Equal(1L, failure.LinePosition);

        // The comma is not in RequestId, whose value was fine.
        Assert.Equal(string.Empty, failure.Path);
    }

    [Fact]
    public void JsonTrailingCommaInsideAnItem()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1,}]}}"""));
        Assert.Equal("Items.BackupJob[0]", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
    }

    [Fact]
    public void JsonTrailingCommaInAnArray()
    {
        // Where the second item should start.
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1},]}}"""));
        Assert.Equal("Items.BackupJob[1]", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
    }

    [Fact]
    public void JsonInvalidTokenAsAValueNamesTheMember()
    {
        Assert.Equal("RequestId", Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{},\"RequestId\": tru}")).Path);
        Assert.Equal("Items.BackupJob[0].BackupJobId", Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{\"BackupJob\":[{\"BackupJobId\": 1.}]}}")).Path);
        Assert.Equal("Items.BackupJob", Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{\"BackupJob\": nul}}")).Path);
        Assert.Equal("Extra", Assert.Throws<ResponseParseException>(() => FromJson("{\"RequestId\":\"r\",\"Extra\": [1, 2,]}")).Path);
        Assert.Equal("Items.Extra", Assert.Throws<ResponseParseException>(() => FromJson("{\"Items\":{\"Extra\": -}}")).Path);
    }

    [Fact]
    public void JsonInvalidTokenAsAnItemNamesItsIndex()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1},{"BackupJobId":2},tru]}}"""));
        Assert.Equal("Items.BackupJob[2]", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
    }

    [Theory]
    [InlineData("{\"RequestId\":\"r\"} x")]
    [InlineData("{\"RequestId\":\"r\"}{}")]
    [InlineData("{\"RequestId\":\"r\"}\n\"s3cr3t\"")]
    public void JsonTrailingGarbageAfterTheDocument(string json)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(json));
        Assert.Equal(string.Empty, failure.Path);
        Assert.NotNull(failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
        AssertNoSecret(failure);
    }

    [Fact]
    public void JsonComments()
        => Assert.Throws<ResponseParseException>(() => FromJson("{/* c */\"RequestId\":\"r\"}"));

    [Fact]
    public void XmlUnclosedTag()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse>\n<RequestId>r</RequestId>\n<Items><BackupJob>"));
        Assert.NotNull(failure.LineNumber);
        Assert.NotNull(failure.LinePosition);
        Assert.IsType<System.Xml.XmlException>(failure.InnerException);
        Assert.Equal("Items.BackupJob[0]", failure.Path);
    }

    [Fact]
    public void XmlMismatchedEndTag()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse>\n<RequestId>r</Request>\n</DescribeBackupTasksResponse>"));
        Assert.Equal(2L, failure.LineNumber);
        Assert.Equal("RequestId", failure.Path);
    }

    [Fact]
    public void XmlTwoRoots()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse><RequestId>r</RequestId></DescribeBackupTasksResponse>\n<R/>"));
        Assert.Equal(2L, failure.LineNumber);
        Assert.Equal(string.Empty, failure.Path);
    }

    [Fact]
    public void XmlTextOutsideTheRoot()
        => Assert.Throws<ResponseParseException>(() => FromXml("<R/>" + Secret));

    [Fact]
    public void XmlDtdWithAnEntityIsRefused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE R [<!ENTITY secret "s3cr3t"><!ENTITY lol "lol&secret;&secret;">]>
            <DescribeBackupTasksResponse><RequestId>&lol;</RequestId></DescribeBackupTasksResponse>
            """;
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(xml));

        // XmlReader reports a refused DTD without a position (its line and position are 0): none is made up.
        Assert.Null(failure.LineNumber);
        Assert.IsType<System.Xml.XmlException>(failure.InnerException);
        Assert.Contains("DTD", failure.Message);
        AssertNoSecret(failure);
    }

    [Fact]
    public void XmlDtdWithAnExternalEntityIsRefused()
    {
        var xml = "<!DOCTYPE R [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><DescribeBackupTasksResponse><RequestId>&ext;</RequestId></DescribeBackupTasksResponse>";
        Assert.Throws<ResponseParseException>(() => FromXml(xml));
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml)));
    }

    [Fact]
    public void XmlUndeclaredEntityIsRefused()
        => Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse><RequestId>&secret;</RequestId></DescribeBackupTasksResponse>"));

    [Fact]
    public void JsonDeeperThanTheDefaultMaxDepth()
    {
        var deep = "{\"Meta\":" + new string('[', 70) + new string(']', 70) + "}";
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(deep));
        Assert.Equal("Meta", failure.Path);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void JsonLargerThanMaxDocumentSize()
    {
        var options = new ResponseParseOptions { MaxDocumentSize = 32 };
        var json = """{"RequestId":"0123456789012345678901234567890123456789"}""";
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(json), options));
        AssertSizeFailure(failure, WireFormat.Json);
        AssertSizeFailure(Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(json, options)), WireFormat.Json);
        AssertSizeFailure(Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(Utf8Stream(json), options)), WireFormat.Json);
    }

    [Fact]
    public async Task JsonStreamLargerThanMaxDocumentSizeReadAsynchronously()
    {
        var options = new ResponseParseOptions { MaxDocumentSize = 32 };
        var json = """{"RequestId":"0123456789012345678901234567890123456789"}""";
        AssertSizeFailure(await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJsonAsync(Utf8Stream(json), options)), WireFormat.Json);
    }

    [Fact]
    public async Task XmlLargerThanMaxDocumentSize()
    {
        var options = new ResponseParseOptions { MaxDocumentSize = 32 };
        var xml = "<DescribeBackupTasksResponse><RequestId>0123456789012345678901234567890123456789</RequestId></DescribeBackupTasksResponse>";
        AssertSizeFailure(Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(xml, options)), WireFormat.Xml);
        AssertSizeFailure(Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml), options)), WireFormat.Xml);
        AssertSizeFailure(await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml), options)), WireFormat.Xml);

        // Far over the limit: refused while the stream is still being read.
        var huge = "<DescribeBackupTasksResponse><RequestId>" + new string('x', 4096) + "</RequestId></DescribeBackupTasksResponse>";
        AssertSizeFailure(await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(huge), options)), WireFormat.Xml);
    }

    [Fact]
    public async Task DocumentsWithinMaxDocumentSizeAreRead()
    {
        var json = """{"RequestId":"r"}""";
        var xml = "<DescribeBackupTasksResponse><RequestId>r</RequestId></DescribeBackupTasksResponse>";
        var jsonOptions = new ResponseParseOptions { MaxDocumentSize = Encoding.UTF8.GetByteCount(json) };
        var xmlOptions = new ResponseParseOptions { MaxDocumentSize = xml.Length + 1 };
        Assert.Equal("r", DescribeBackupTasksResponse.ParseJson(json, jsonOptions).RequestId);
        Assert.Equal("r", DescribeBackupTasksResponse.ParseJson(Utf8Stream(json), jsonOptions).RequestId);
        Assert.Equal("r", (await DescribeBackupTasksResponse.ParseJsonAsync(Utf8Stream(json), jsonOptions)).RequestId);
        Assert.Equal("r", DescribeBackupTasksResponse.ParseXml(xml, xmlOptions).RequestId);
        Assert.Equal("r", DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml), xmlOptions).RequestId);
        Assert.Equal("r", (await DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml), xmlOptions)).RequestId);
    }

    [Fact]
    public async Task XmlSizeLimitCountsBytesOnEveryEntryPoint()
    {
        // 40 characters of text, 120 bytes of UTF-8: the limit is in bytes, for XML as for JSON.
        var xml = "<DescribeBackupTasksResponse><RequestId>" + new string('\u4e2d', 40) + "</RequestId></DescribeBackupTasksResponse>";
        var bytes = Encoding.UTF8.GetByteCount(xml);
        var exact = new ResponseParseOptions { MaxDocumentSize = bytes };
        Assert.Equal(new string('\u4e2d', 40), DescribeBackupTasksResponse.ParseXml(xml, exact).RequestId);
        Assert.Equal(new string('\u4e2d', 40), DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml), exact).RequestId);
        Assert.Equal(new string('\u4e2d', 40), (await DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml), exact)).RequestId);

        // One byte less: refused by every entry point, although the text has far fewer characters.
        var under = new ResponseParseOptions { MaxDocumentSize = bytes - 1 };
        Assert.True(xml.Length < bytes - 1);
        foreach (var failure in new[]
        {
            Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(xml, under)),
            Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml), under)),
            await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml), under)),
        })
        {
            Assert.Contains("larger than the limit of " + (bytes - 1) + " bytes", failure.Reason);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void JsonEmptyDocument(string json)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(json));
        Assert.Equal(string.Empty, failure.Path);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void JsonEmptyStreamAndByteOrderMarkOnly()
    {
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(new MemoryStream()));
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("<!-- nothing -->")]
    public void XmlEmptyDocument(string xml)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(xml));
        Assert.Equal(string.Empty, failure.Path);
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml)));
    }

    [Fact]
    public void JsonNullDocument()
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson("null"));
        Assert.Equal(string.Empty, failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.Equal(1L, failure.LinePosition);
        Assert.Contains("null", failure.Reason);
    }

    [Fact]
    public void JsonArrayDocument()
        => Assert.Throws<ResponseParseException>(() => FromJson("[{\"RequestId\":\"r\"}]"));

    [Fact]
    public void JsonInvalidUtf8InAStringValue()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes("{\"RequestId\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(json));
        Assert.Equal("RequestId", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.Equal(14L, failure.LinePosition);
    }

    [Fact]
    public void JsonInvalidUtf8InAnEscapedNumericString()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes("{\"Items\":[{\"BackupJobId\":\"\\u0031"), 0xFF, .. Encoding.UTF8.GetBytes("\"}]}")];
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(json));
        Assert.Equal("Items[0].BackupJobId", failure.Path);
        Assert.Equal(1L, failure.LineNumber);
        Assert.Equal(26L, failure.LinePosition);
    }

    [Fact]
    public void JsonWrongTypedSecretIsNotInTheMessage()
    {
        var json = """{"Items":{"BackupJob":[{"BackupJobId":"s3cr3t"}]}}""";
        AssertNoSecret(Assert.Throws<ResponseParseException>(() => FromJson(json)));
        AssertNoSecret(Assert.Throws<ResponseParseException>(() => JsonJob(""" "Process": "s3cr3t" """)));
        AssertNoSecret(Assert.Throws<ResponseParseException>(() => JsonJob(""" "BackupJobId": "s3cr3t\u0021" """)));
    }

    [Theory]
    [InlineData("{\"RequestId\": s3cr3t}", "RequestId")]
    [InlineData("{\"RequestId\": \"s3cr3t\\q\"}", "RequestId")]
    [InlineData("{\"RequestId\": \"s3cr3t", "RequestId")]
    [InlineData("{\"RequestId\": \"s3cr3t\" \"s3cr3t\"}", "")]
    public void JsonMalformedSecretIsNotInTheMessage(string json, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(json));
        Assert.Equal(path, failure.Path);
        AssertNoSecret(failure);
    }

    [Theory]
    [InlineData("<DescribeBackupTasksResponse><RequestId>s3cr3t</Request></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><RequestId>s3cr3t & more</RequestId></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><RequestId a=\"s3cr3t\" a=\"s3cr3t\">x</RequestId></DescribeBackupTasksResponse>")]
    public void XmlMalformedSecretIsNotInTheMessage(string xml)
        => AssertNoSecret(Assert.Throws<ResponseParseException>(() => FromXml(xml)));

    [Fact]
    public void XmlWrongTypedSecretIsNotInTheMessage()
    {
        AssertNoSecret(Assert.Throws<ResponseParseException>(() => XmlJob("<BackupJobId>s3cr3t</BackupJobId>")));
        AssertNoSecret(Assert.Throws<ResponseParseException>(() => XmlJob("<Process>s3cr3t</Process>")));
    }

    [Fact]
    public async Task EveryEntryPointThrowsOnlyResponseParseException()
    {
        var json = JsonWithThirdJobId("\"abc\"");
        var xml = XmlWithThirdJobId("abc");
        Assert.Equal("Items.BackupJob[2].BackupJobId", Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(json)).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(json))).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(Utf8Stream(json))).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", (await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJsonAsync(Utf8Stream(json)))).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(xml)).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(Utf8Stream(xml))).Path);
        Assert.Equal("Items.BackupJob[2].BackupJobId", (await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(Utf8Stream(xml)))).Path);
    }

    [Fact]
    public void AShapeParsedAloneNamesPathsFromItsOwnRoot()
    {
        var failure = Assert.Throws<ResponseParseException>(() => BackupJob.ParseJson("{\"BackupJobId\":true}"));
        Assert.Equal("BackupJobId", failure.Path);
        Assert.Equal("BackupJob", failure.TargetType);
        Assert.Equal("BackupJobId", Assert.Throws<ResponseParseException>(() => BackupJob.ParseXml("<BackupJob><BackupJobId>x</BackupJobId></BackupJob>")).Path);
    }

    [Fact]
    public void JsonDeeperThanACustomMaxDepth()
    {
        const string json = """{"Items":{"BackupJob":[{"BackupJobId":1,"Extra":{"A":1}}]}}""";
        var options = new ResponseParseOptions { MaxDepth = 4 };
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(json), options));
        Assert.Equal("Items.BackupJob[0].Extra", failure.Path);

        // One level less is within the limit.
        var response = DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes("""{"Items":{"BackupJob":[{"BackupJobId":1,"Extra":1}]}}"""), options);
        Assert.Equal(1L, Assert.Single(response.Items).BackupJobId);
    }

    [Fact]
    public void XmlDeeperThanACustomMaxDepth()
    {
        var options = new ResponseParseOptions { MaxDepth = 2 };
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml("<DescribeBackupTasksResponse><Items><BackupJob><Extra><A>1</A></Extra></BackupJob></Items></DescribeBackupTasksResponse>", options));
        Assert.StartsWith("Items.BackupJob[0]", failure.Path);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void XmlDeeperThanTheDefaultMaxDepthInsideAnUnknownElement()
    {
        var deep = "<DescribeBackupTasksResponse><Meta>" + string.Concat(Enumerable.Repeat("<a>", 80)) + string.Concat(Enumerable.Repeat("</a>", 80)) + "</Meta></DescribeBackupTasksResponse>";
        var failure = Assert.Throws<ResponseParseException>(() => FromXml(deep));
        Assert.Equal("Meta", failure.Path);
        Assert.NotNull(failure.LineNumber);
    }

    private static void AssertSizeFailure(ResponseParseException failure, WireFormat format)
    {
        Assert.Equal(format, failure.Format);
        Assert.Equal("DescribeBackupTasksResponse", failure.TargetType);
        Assert.Contains("limit", failure.Message);
    }

    private static void AssertNoSecret(ResponseParseException failure)
    {
        Assert.DoesNotContain(Secret, failure.Message);
        Assert.DoesNotContain(Secret, failure.Reason);
        for (Exception? inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain(Secret, inner.Message);
        }
    }
}
