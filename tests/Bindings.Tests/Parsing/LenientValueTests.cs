using System.Globalization;
using Bindings.Rds;
using Bindings.Tests.Support;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// Values of the other kind than documented: numbers where strings are documented and the reverse,
/// numbers outside the documented range, <c>null</c>, and empty strings that stand for "not set".
/// Number parsing never depends on the current culture.
/// </summary>
public class LenientValueTests
{
    [Fact]
    public void JsonNumberWhereAStringIsDocumentedIsKeptAsItsText()
        => Assert.Equal("346650271", JsonJob(""" "BackupId": 346650271 """).BackupId);

    [Theory]
    [InlineData("1e3")]
    [InlineData("-0.50")]
    [InlineData("12345678901234567890123456789")]
    public void JsonNumberWhereAStringIsDocumentedKeepsItsLiteralText(string literal)
        => Assert.Equal(literal, JsonJob(" \"BackupId\": " + literal + " ").BackupId);

    [Fact]
    public void JsonBooleanWhereAStringIsDocumentedIsKeptAsItsText()
        => Assert.Equal("true", JsonJob(""" "BackupId": true """).BackupId);

    [Fact]
    public void JsonNumericStringWhereANumberIsDocumentedIsParsed()
        => Assert.Equal(4762614L, JsonJob(""" "BackupJobId": "4762614" """).BackupJobId);

    [Fact]
    public void JsonNumberWhereANumberIsDocumentedIsParsed()
        => Assert.Equal(4762614L, JsonJob(""" "BackupJobId": 4762614 """).BackupJobId);

    [Fact]
    public void XmlNumberWithSurroundingWhiteSpaceIsParsed()
        => Assert.Equal(4762614L, XmlJob("<BackupJobId>\n  4762614\n</BackupJobId>").BackupJobId);

    [Fact]
    public void JsonLargestLongIsRead()
        => Assert.Equal(long.MaxValue, JsonJob(""" "BackupJobId": 9223372036854775807 """).BackupJobId);

    [Fact]
    public void JsonProcessAsANumericStringIsADecimal()
        => Assert.Equal(25m, JsonJob(""" "Process": "25" """).Process);

    [Fact]
    public void XmlProcessIsADecimal()
        => Assert.Equal(25m, XmlJob("<Process>25</Process>").Process);

    [Fact]
    public void JsonProcessAbove100IsKept()
    {
        Assert.Equal(125m, JsonJob(""" "Process": 125 """).Process);
        Assert.Equal(125m, JsonJob(""" "Process": "125" """).Process);
    }

    [Fact]
    public void XmlProcessAbove100IsKept()
        => Assert.Equal(125m, XmlJob("<Process>125</Process>").Process);

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-FR")]
    public void JsonDecimalStringIsReadInvariantlyUnderAnyCulture(string culture)
    {
        using var scope = new CultureScope(culture);
        Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        Assert.Equal(25.5m, JsonJob(""" "Process": "25.5" """).Process);
        Assert.Equal(25.5m, JsonJob(""" "Process": 25.5 """).Process);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-FR")]
    public void XmlDecimalIsReadInvariantlyUnderAnyCulture(string culture)
    {
        using var scope = new CultureScope(culture);
        Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        Assert.Equal(25.5m, XmlJob("<Process>25.5</Process>").Process);
    }

    [Fact]
    public void GermanDecimalCommaIsNotReadAsADecimalPoint()
    {
        using var scope = new CultureScope("de-DE");
        Assert.Throws<ResponseParseException>(() => JsonJob(""" "Process": "25,5" """));
        Assert.Throws<ResponseParseException>(() => XmlJob("<Process>25,5</Process>"));
    }

    [Fact]
    public void JsonNullForEveryMemberIsAbsent()
    {
        var response = FromJson("""
            {
              "Items": {"BackupJob": [{
                "BackupId": null, "BackupJobId": null, "BackupProgressStatus": null, "BackupStatus": null,
                "JobMode": null, "Process": null, "TaskAction": null
              }]},
              "RequestId": null
            }
            """);
        Assert.Null(response.RequestId);
        Assert.Equal(new BackupJob(), Assert.Single(response.Items));
        Assert.Empty(response.UnknownMembers);
    }

    [Fact]
    public void XmlNilForEveryMemberIsAbsent()
    {
        var response = FromXml("""
            <DescribeBackupTasksResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Items><BackupJob>
                <BackupId xsi:nil="true"/><BackupJobId xsi:nil="true"/><BackupProgressStatus xsi:nil="true"/>
                <BackupStatus xsi:nil="true"/><JobMode xsi:nil="true"/><Process xsi:nil="true"/><TaskAction xsi:nil="true"/>
              </BackupJob></Items>
              <RequestId xsi:nil="true"/>
            </DescribeBackupTasksResponse>
            """);
        Assert.Null(response.RequestId);
        Assert.Equal(new BackupJob(), Assert.Single(response.Items));
    }

    [Fact]
    public void JsonEmptyStringForNumbersAndEnumsIsAbsent()
    {
        var job = JsonJob("""
            "BackupJobId": "", "Process": "", "JobMode": "", "BackupStatus": "", "BackupProgressStatus": "", "TaskAction": ""
            """);
        Assert.Equal(new BackupJob(), job);
    }

    [Fact]
    public void XmlEmptyElementForNumbersAndEnumsIsAbsent()
    {
        var job = XmlJob("<BackupJobId/><Process></Process><JobMode/><BackupStatus></BackupStatus><BackupProgressStatus/><TaskAction>  </TaskAction>");
        Assert.Equal(new BackupJob(), job);
    }

    [Fact]
    public void JsonEmptyStringForAStringIsKeptAsEmpty()
        => Assert.Equal(string.Empty, JsonJob(""" "BackupId": "" """).BackupId);

    [Fact]
    public void XmlEmptyElementForAStringIsEmpty()
        => Assert.Equal(string.Empty, XmlJob("<BackupId/>").BackupId);

    [Fact]
    public void JsonEscapedStringValueIsUnescaped()
        => Assert.Equal("34/\"x\"", JsonJob(""" "BackupId": "\u0033\u0034\/\"x\"" """).BackupId);

    // ASCII strings are widened directly, others go through the reader's decoder (issue 13): both give the
    // text, whatever the length around the 4-, 8- and 16-byte steps of the ASCII check and wherever the
    // first non-ASCII character stands.
    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    [InlineData("abc")]
    [InlineData("abcdefg")]
    [InlineData("abcdefgé")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("abcdefghijklmnoé")]
    [InlineData("éabcdefghijklmnop")]
    [InlineData("http://rdsbak-hz-v3.oss-cn-hangzhou.aliyuncs.com/custins53664665/hins18676859.zip?Expires=1")]
    [InlineData("http://rdsbak-hz-v3.oss-cn-hangzhou.aliyuncs.com/custins53664665/hins18676859.zip?Expires=東")]
    public void JsonStringValuesReadAsSentAsciiOrNot(string value)
        => Assert.Equal(value, JsonJob(" \"BackupId\": \"" + value + "\" ").BackupId);

    [Fact]
    public void JsonEscapedNumericStringIsParsed()
        => Assert.Equal(42L, JsonJob(""" "BackupJobId": "\u0034\u0032" """).BackupJobId);

    [Fact]
    public void XmlEntitiesAndCDataInTextAreDecoded()
    {
        Assert.Equal("a&b<c", XmlJob("<BackupId>a&amp;b&lt;c</BackupId>").BackupId);
        Assert.Equal("x<y>", XmlJob("<BackupId><![CDATA[x<y>]]></BackupId>").BackupId);
    }
}
