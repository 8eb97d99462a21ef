using System.Text;
using System.Xml;
using Bindings.Rds;
using Bindings.Tests.Widgets;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// The rules that the README's "What the parsers accept" states, each for both formats: duplicates, white
/// space, enum case, XML attributes and namespaces, invalid UTF-8, integral decimals, text where a
/// structure is expected, and <c>xsi:nil</c>.
/// </summary>
public class OneRuleTests
{
    private const string Xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    // Duplicates: refused, scalars, structures and lists alike.

    [Theory]
    [InlineData("""{"RequestId":"a","RequestId":"b"}""", "RequestId")]
    [InlineData("""{"RequestId":"a","Items":[],"RequestId":"a"}""", "RequestId")]
    [InlineData("""{"Items":{"BackupJob":[{"BackupJobId":1,"BackupJobId":2}]}}""", "Items.BackupJob[0].BackupJobId")]
    [InlineData("""{"Items":{"BackupJob":[{"JobMode":"Manual","JobMode":"Manual"}]}}""", "Items.BackupJob[0].JobMode")]
    [InlineData("""{"Items":{"BackupJob":[{"BackupJobId":1}]},"Items":{"BackupJob":[{"BackupJobId":2}]}}""", "Items")]
    [InlineData("""{"Items":{"BackupJob":[{"BackupJobId":1}],"BackupJob":[{"BackupJobId":2}]}}""", "Items.BackupJob")]
    public void JsonMemberGivenTwiceIsRefused(string json, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromJson(json));
        Assert.Equal(path, failure.Path);
        Assert.Equal("the member is given twice; either value could be the one meant, so neither is taken", failure.Reason);
        Assert.NotNull(failure.LineNumber);
    }

    [Theory]
    [InlineData("<RequestId>a</RequestId><RequestId>b</RequestId>", "RequestId")]
    [InlineData("<Items><BackupJob><BackupJobId>1</BackupJobId><BackupJobId>2</BackupJobId></BackupJob></Items>", "Items.BackupJob[0].BackupJobId")]
    [InlineData("<Items><BackupJob><JobMode>Manual</JobMode><JobMode>Manual</JobMode></BackupJob></Items>", "Items.BackupJob[0].JobMode")]
    [InlineData("<Items><BackupJob/></Items><Items><BackupJob/></Items>", "Items")]
    public void XmlMemberGivenTwiceIsRefused(string elements, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse>" + elements + "</DescribeBackupTasksResponse>"));
        Assert.Equal(path, failure.Path);
        Assert.Equal("the member is given twice; either value could be the one meant, so neither is taken", failure.Reason);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void StructureGivenTwiceIsRefusedInBothFormats()
    {
        Assert.Equal("Widgets.Widget[0].Size", Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseJson("""{"Widgets":{"Widget":[{"Size":{"Width":1},"Size":{"Width":2}}]}}""")).Path);
        Assert.Equal("Widgets.Widget[0].Size", Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseXml("<DescribeWidgetsResponse><Widgets><Widget><Size><Width>1</Width></Size><Size/></Widget></Widgets></DescribeWidgetsResponse>")).Path);
    }

    [Fact]
    public void AbsentThenGivenIsNotADuplicate()
    {
        // null (JSON) and xsi:nil (XML) say "no value": nothing is lost by taking the one value given.
        Assert.Equal("b", FromJson("""{"RequestId":null,"RequestId":"b"}""").RequestId);
        Assert.Equal("b", FromXml("<DescribeBackupTasksResponse " + Xsi + "><RequestId xsi:nil=\"true\"/><RequestId>b</RequestId></DescribeBackupTasksResponse>").RequestId);
    }

    [Fact]
    public void RepeatedElementsOfAnXmlListWithoutWrapperAreItsItems()
    {
        var widget = Widget.ParseXml("<Widget><Rating>1</Rating><Rating>2</Rating><Rating>3</Rating></Widget>");
        Assert.Equal([1, 2, 3], widget.Ratings);
        Assert.Equal("Rating", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Rating":[1],"Rating":[2]}""")).Path);
    }

    [Fact]
    public void UnknownMembersGivenTwiceAreAllKept()
    {
        Assert.Equal(["1", "2"], FromJson("""{"Extra":1,"Extra":2}""").UnknownMembers.Select(member => member.RawValue));
        Assert.Equal(["<Extra>1</Extra>", "<Extra>2</Extra>"], FromXml("<DescribeBackupTasksResponse><Extra>1</Extra><Extra>2</Extra></DescribeBackupTasksResponse>").UnknownMembers.Select(member => member.RawValue));
    }

    // White space: around a token it is not part of it, in both formats; strings are kept exactly.

    [Theory]
    [InlineData(" Automated ")]
    [InlineData("\tAutomated\r\n")]
    [InlineData("\n  Automated\n")]
    public void EnumReadsTheSameWithWhiteSpaceAroundIt(string text)
    {
        var json = JsonJob("\"JobMode\":\"" + JsonEscape(text) + "\"");
        var xml = XmlJob("<JobMode>" + text + "</JobMode>");
        Assert.Equal(BackupMode.Automated, json.JobMode);
        Assert.Equal(BackupMode.Automated, xml.JobMode);
        Assert.Equal("Automated", json.JobMode!.Value.WireValue);
    }

    [Theory]
    [InlineData(" 25 ", 25)]
    [InlineData("\n37.5\t", 37.5)]
    public void NumberReadsTheSameWithWhiteSpaceAroundIt(string text, double expected)
    {
        Assert.Equal((decimal)expected, JsonJob("\"Process\":\"" + JsonEscape(text) + "\"").Process);
        Assert.Equal((decimal)expected, XmlJob("<Process>" + text + "</Process>").Process);
        Assert.Equal(4762614L, JsonJob("\"BackupJobId\":\" 4762614\\n\"").BackupJobId);
        Assert.Equal(4762614L, XmlJob("<BackupJobId> 4762614\n</BackupJobId>").BackupJobId);
    }

    [Fact]
    public void BooleanAndDateReadTheSameWithWhiteSpaceAroundThem()
    {
        var json = Widget.ParseJson("""{"Enabled":" true ","CreationTime":"\n2026-03-01T08:00:00Z "}""");
        var xml = Widget.ParseXml("<Widget><Enabled> true </Enabled><CreationTime>\n2026-03-01T08:00:00Z </CreationTime></Widget>");
        Assert.True(json.Enabled);
        Assert.True(xml.Enabled);
        Assert.Equal(json.CreatedAt, xml.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), xml.CreatedAt);
    }

    [Fact]
    public void OnlyXmlWhiteSpaceIsTrimmedFromTokens()
    {
        // A no-break space is a character of the value: the enum value is one the spec does not list.
        var json = JsonJob("\"JobMode\":\"\u00A0Automated\"");
        var xml = XmlJob("<JobMode>\u00A0Automated</JobMode>");
        Assert.Equal(BackupModeKind.Unknown, json.JobMode!.Value.Kind);
        Assert.Equal(json.JobMode, xml.JobMode);
        Assert.Throws<ResponseParseException>(() => XmlJob("<Process>\u00A025</Process>"));
        Assert.Throws<ResponseParseException>(() => JsonJob("\"Process\":\"\u00A025\""));
    }

    [Theory]
    [InlineData(" a ")]
    [InlineData("\n  r-1\n")]
    [InlineData("   ")]
    public void StringsAreKeptExactlyInBothFormats(string text)
    {
        Assert.Equal(text, FromJson("{\"RequestId\":\"" + JsonEscape(text) + "\"}").RequestId);
        Assert.Equal(text, FromXml("<DescribeBackupTasksResponse><RequestId>" + text + "</RequestId></DescribeBackupTasksResponse>").RequestId);
    }

    [Fact]
    public void PrettyPrintedXmlGivesTheSameResponseAsCompactXml()
    {
        var compact = FromXml(Bindings.Testing.DocumentedExamples.Xml);
        var pretty = new StringBuilder();
        using (var reader = XmlReader.Create(new StringReader(Bindings.Testing.DocumentedExamples.Xml)))
        using (var writer = XmlWriter.Create(pretty, new XmlWriterSettings { Indent = true, IndentChars = "    ", NewLineChars = "\r\n" }))
        {
            writer.WriteNode(reader, defattr: false);
        }

        Assert.Contains("\r\n    <", pretty.ToString(), StringComparison.Ordinal);
        Assert.Equal(compact, FromXml(pretty.ToString()));
    }

    // Enum case: exact; a value in another case is kept as a value the spec does not list.

    [Fact]
    public void EnumValuesMatchExactlyAndAnotherCaseIsKeptAsSent()
    {
        var json = JsonJob("\"JobMode\":\"automated\"");
        var xml = XmlJob("<JobMode>automated</JobMode>");
        Assert.Equal(BackupModeKind.Unknown, json.JobMode!.Value.Kind);
        Assert.Equal("automated", json.JobMode.Value.WireValue);
        Assert.Equal(json.JobMode, xml.JobMode);
        Assert.NotEqual(BackupMode.Automated, xml.JobMode);
    }

    // XML attributes: kept on the structure whose element carries them, refused on values.

    [Fact]
    public void XmlAttributesOfStructuresAndListsAreKeptAsUnknownMembers()
    {
        var response = FromXml("<DescribeBackupTasksResponse version=\"2\" " + Xsi + "><Items type=\"array\"><BackupJob id=\"3\"><BackupJobId>3</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>");
        Assert.Equal([("@version", "2"), ("Items@type", "array")], response.UnknownMembers.Select(member => (member.Name, member.RawValue)));
        var job = Assert.Single(response.Items);
        Assert.Equal(("@id", "3"), (Assert.Single(job.UnknownMembers).Name, job.UnknownMembers[0].RawValue));
        Assert.All(response.UnknownMembers, member => Assert.Equal(WireFormat.Xml, member.Format));
    }

    [Fact]
    public void NamespaceDeclarationsAreNotData()
        => Assert.Empty(FromXml("<DescribeBackupTasksResponse xmlns=\"urn:rds\" xmlns:p=\"urn:p\" " + Xsi + "><RequestId>r</RequestId></DescribeBackupTasksResponse>").UnknownMembers);

    [Fact]
    public void XmlAttributeOnAValueIsRefused()
    {
        var failure = Assert.Throws<ResponseParseException>(() => XmlJob("<BackupJobId unit=\"id\">3</BackupJobId>"));
        Assert.Equal("Items.BackupJob[0].BackupJobId", failure.Path);
        Assert.Equal("expected a value without attributes, found the attribute 'unit', which no member can hold", failure.Reason);
        Assert.Equal("Items.BackupJob[0].JobMode", Assert.Throws<ResponseParseException>(() => XmlJob("<JobMode lang=\"en\">Manual</JobMode>")).Path);
    }

    // XML namespaces: members are elements of the root's namespace; others are kept as unknown.

    [Fact]
    public void XmlElementOfAnotherNamespaceIsKeptAsUnknown()
    {
        var response = FromXml("<DescribeBackupTasksResponse><x:RequestId xmlns:x=\"urn:other\">r</x:RequestId><Items><BackupJob><BackupJobId xmlns=\"urn:other\">1</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>");
        Assert.Null(response.RequestId);
        Assert.Equal("x:RequestId", Assert.Single(response.UnknownMembers).Name);
        Assert.Equal("<x:RequestId xmlns:x=\"urn:other\">r</x:RequestId>", response.UnknownMembers[0].RawValue);
        var job = Assert.Single(response.Items);
        Assert.Null(job.BackupJobId);
        Assert.Equal("BackupJobId", Assert.Single(job.UnknownMembers).Name);
    }

    [Fact]
    public void XmlElementsInTheRootsNamespaceAreMembers()
    {
        var response = FromXml("<r:DescribeBackupTasksResponse xmlns:r=\"urn:rds\"><r:RequestId>r</r:RequestId><RequestIdOfNothing/></r:DescribeBackupTasksResponse>");
        Assert.Equal("r", response.RequestId);
        // An unprefixed element here is in no namespace: not the root's, so not a member.
        Assert.Equal("RequestIdOfNothing", Assert.Single(response.UnknownMembers).Name);
    }

    // Invalid UTF-8: the same exception, with the path, wherever the bytes are.

    public static TheoryData<string, string> InvalidUtf8Places() => new()
    {
        { "{\"RequestId\":\"r\u0001\"}", "RequestId" },
        { "{\"Items\":{\"BackupJob\":[{\"JobMode\":\"Auto\u0001\"}]}}", "Items.BackupJob[0].JobMode" },
        { "{\"Items\":{\"BackupJob\":[{\"BackupJobId\":\"1\u0001\"}]}}", "Items.BackupJob[0].BackupJobId" },
        { "{\"Extra\":{\"a\":\"\u0001\"}}", "Extra" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Places))]
    public void JsonInvalidUtf8IsTheSameExceptionWhereverItStands(string template, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(WithInvalidByte(template)));
        Assert.Equal("the document is not valid UTF-8 (a byte sequence that encodes no character)", failure.Reason);
        Assert.Equal(path, failure.Path);
        Assert.Equal(1L, failure.LineNumber);
    }

    [Fact]
    public void JsonInvalidUtf8InAnUnknownNameIsTheSameException()
    {
        var failure = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseJson(WithInvalidByte("{\"Ex\u0001tra\":1}")));
        Assert.Equal("the document is not valid UTF-8 (a byte sequence that encodes no character)", failure.Reason);
    }

    public static TheoryData<string, string> XmlInvalidUtf8Places() => new()
    {
        { "<DescribeBackupTasksResponse><RequestId>r\u0001</RequestId></DescribeBackupTasksResponse>", "RequestId" },
        { "<DescribeBackupTasksResponse><Items><BackupJob><JobMode>Auto\u0001</JobMode></BackupJob></Items></DescribeBackupTasksResponse>", "Items.BackupJob[0].JobMode" },
        { "<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>1\u0001</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>", "Items.BackupJob[0].BackupJobId" },
        { "<DescribeBackupTasksResponse><Extra><a>\u0001</a></Extra></DescribeBackupTasksResponse>", "Extra" },
    };

    [Theory]
    [MemberData(nameof(XmlInvalidUtf8Places))]
    public async Task XmlInvalidUtf8IsTheSameExceptionWhereverItStands(string template, string path)
    {
        var bytes = WithInvalidByte(template);
        foreach (var failure in new[]
        {
            Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(bytes))),
            await Assert.ThrowsAsync<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(bytes))),
        })
        {
            Assert.Equal("the document is not valid UTF-8 (a byte sequence that encodes no character)", failure.Reason);
            Assert.Equal(path, failure.Path);
            Assert.Equal(1L, failure.LineNumber);
            Assert.Equal(template.IndexOf('\u0001') + 1, failure.LinePosition);
        }
    }

    [Fact]
    public void XmlInADeclaredEncodingOtherThanUtf8IsDecodedAsDeclared()
    {
        var latin1 = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><DescribeBackupTasksResponse><RequestId>caf\u00e9</RequestId></DescribeBackupTasksResponse>");
        Assert.Equal("caf\u00e9", DescribeBackupTasksResponse.ParseXml(new MemoryStream(latin1)).RequestId);
    }

    // Integral decimals: read as the integer; otherwise the true reason.

    [Theory]
    [InlineData("4762614.0")]
    [InlineData("4762614.000")]
    [InlineData("4.762614E6")]
    [InlineData("47626140e-1")]
    public void IntegralDecimalForAnIntegerMemberIsTheInteger(string literal)
    {
        Assert.Equal(4762614L, JsonJob("\"BackupJobId\":" + literal).BackupJobId);
        Assert.Equal(4762614L, JsonJob("\"BackupJobId\":\"" + literal + "\"").BackupJobId);
        Assert.Equal(4762614L, XmlJob("<BackupJobId>" + literal + "</BackupJobId>").BackupJobId);
        Assert.Equal([4762614], Widget.ParseJson("{\"Rating\":[" + literal + "]}").Ratings);
        Assert.Equal([4762614], Widget.ParseXml("<Widget><Rating>" + literal + "</Rating></Widget>").Ratings);
    }

    [Theory]
    [InlineData("4762614.5", "a number with a fractional part")]
    [InlineData("1e30", "a number out of its range")]
    [InlineData("9223372036854775808", "a number out of its range")]
    [InlineData("-9223372036854775809.0", "a number out of its range")]
    public void NonIntegralOrOutOfRangeNumberForAnIntegerMemberIsRefusedWithTheTrueReason(string literal, string found)
    {
        foreach (var failure in new[]
        {
            Assert.Throws<ResponseParseException>(() => JsonJob("\"BackupJobId\":" + literal)),
            Assert.Throws<ResponseParseException>(() => JsonJob("\"BackupJobId\":\"" + literal + "\"")),
            Assert.Throws<ResponseParseException>(() => XmlJob("<BackupJobId>" + literal + "</BackupJobId>")),
        })
        {
            Assert.StartsWith("expected a 64-bit integer, found " + found + " (", failure.Reason, StringComparison.Ordinal);
            Assert.Equal("Items.BackupJob[0].BackupJobId", failure.Path);
        }
    }

    [Fact]
    public void ThirtyTwoBitMembersHaveTheirOwnRange()
    {
        Assert.StartsWith("expected a 32-bit integer, found a number out of its range", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Rating":[2147483648.0]}""")).Reason, StringComparison.Ordinal);
        Assert.StartsWith("expected a 32-bit integer, found a number out of its range", Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget><Rating>2147483648</Rating></Widget>")).Reason, StringComparison.Ordinal);
        Assert.StartsWith("expected a 32-bit integer, found text that is not a number", Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget><Rating>many</Rating></Widget>")).Reason, StringComparison.Ordinal);
    }

    // Text where a structure or a list is expected: refused in XML as in JSON.

    [Theory]
    [InlineData("<Items>4762614</Items>", "Items")]
    [InlineData("<Items><BackupJob>4762614</BackupJob></Items>", "Items.BackupJob[0]")]
    [InlineData("<Items><BackupJob><BackupJobId>1</BackupJobId></BackupJob>stray<BackupJob/></Items>", "Items")]
    [InlineData("<Items><![CDATA[4762614]]></Items>", "Items")]
    [InlineData("text<RequestId>r</RequestId>", "")]
    public void XmlTextWhereAStructureOrAListIsExpectedIsRefused(string elements, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse>" + elements + "</DescribeBackupTasksResponse>"));
        Assert.Equal(path, failure.Path);
        Assert.Equal("expected an element or an end tag, found text", failure.Reason);
    }

    [Theory]
    [InlineData("""{"Items":4762614}""", "Items[0]")]
    [InlineData("""{"Items":{"BackupJob":[4762614]}}""", "Items.BackupJob[0]")]
    public void JsonNumberWhereAStructureOrAListIsExpectedIsRefused(string json, string path)
        => Assert.Equal(path, Assert.Throws<ResponseParseException>(() => FromJson(json)).Path);

    [Fact]
    public void XmlWhiteSpaceAndCommentsBetweenElementsAreNotText()
        => Assert.Single(FromXml("<DescribeBackupTasksResponse>\n  <Items>\n    <!-- one -->\n    <BackupJob>\n      <BackupJobId>1</BackupJobId>\n    </BackupJob>\n  </Items>\n</DescribeBackupTasksResponse>").Items);

    // xsi:nil on a structure or a list item means absent, as JSON's null does.

    [Fact]
    public void XsiNilOnAStructureOrAnItemIsAbsent()
    {
        var xml = FromXml("<DescribeBackupTasksResponse " + Xsi + "><Items><BackupJob xsi:nil=\"true\"/><BackupJob><BackupJobId>2</BackupJobId></BackupJob><BackupJob xsi:nil=\"1\"><BackupJobId>9</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>");
        var json = FromJson("""{"Items":{"BackupJob":[null,{"BackupJobId":2},null]}}""");
        Assert.Equal(2L, Assert.Single(xml.Items).BackupJobId);
        Assert.Equal(json.Items, xml.Items);
        Assert.Null(Widget.ParseXml("<Widget " + Xsi + "><Size xsi:nil=\"true\"><Width>1</Width></Size></Widget>").Size);
        Assert.Null(Widget.ParseJson("""{"Size":null}""").Size);
    }

    [Fact]
    public void XsiNilOnAListIsAnEmptyList()
    {
        var xml = FromXml("<DescribeBackupTasksResponse " + Xsi + "><Items xsi:nil=\"true\"><BackupJob/></Items></DescribeBackupTasksResponse>");
        Assert.Empty(xml.Items);
        Assert.Empty(FromJson("""{"Items":null}""").Items);
    }

    [Fact]
    public void XsiNilOnTheRootIsRefused()
        => Assert.Equal("expected a root element with content, found one marked xsi:nil", Assert.Throws<ResponseParseException>(() => FromXml("<DescribeBackupTasksResponse " + Xsi + " xsi:nil=\"true\"/>")).Reason);

    private static byte[] WithInvalidByte(string template)
    {
        var bytes = Encoding.UTF8.GetBytes(template);
        var at = Array.IndexOf(bytes, (byte)1);
        bytes[at] = 0xFF;
        return bytes;
    }

    private static string JsonEscape(string text) => text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
