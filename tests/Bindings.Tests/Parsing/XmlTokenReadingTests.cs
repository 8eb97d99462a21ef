using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// Enums and numbers in XML: the element's whole text whatever its length (around the lengths of the
/// reader's and the parsers' buffers), joined across text, CDATA and character references, trimmed of
/// the four white-space characters only, with non-ASCII characters and surrogate pairs kept.
/// </summary>
public class XmlTokenReadingTests
{
    public static TheoryData<int> Lengths => new() { 1, 2, 62, 63, 64, 65, 66, 127, 128, 129, 300, 5000 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AnUnknownEnumValueOfAnyLengthIsKeptWhole(int length)
    {
        var value = new string('x', length - 1) + "y";
        Assert.Equal(value, XmlJob("<BackupStatus>" + value + "</BackupStatus>").BackupStatus!.Value.WireValue);
        Assert.Equal(value, XmlJob("<BackupStatus>  " + value + "\n</BackupStatus>").BackupStatus!.Value.WireValue);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ANonAsciiEnumValueOfAnyLengthIsKeptWhole(int length)
    {
        // A surrogate pair (U+1F600) after every length, so that one falls across any buffer's end.
        var value = new string('\u30d0', length) + "\U0001F600" + "\u00e9";
        Assert.Equal(value, XmlJob("<JobMode>" + value + "</JobMode>").JobMode!.Value.WireValue);
        Assert.Equal(BackupModeKind.Unknown, XmlJob("<JobMode>" + value + "</JobMode>").JobMode!.Value.Kind);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void NumbersPaddedPastTheBufferAreStillNumbers(int padding)
    {
        var spaces = new string(' ', padding);
        Assert.Equal(4762614L, XmlJob("<BackupJobId>" + spaces + "4762614" + spaces + "</BackupJobId>").BackupJobId);
        Assert.Equal(25.5m, XmlJob("<Process>" + spaces + "25.5" + spaces + "</Process>").Process);
        Assert.Equal(BackupMode.Manual, XmlJob("<JobMode>" + spaces + "Manual" + spaces + "</JobMode>").JobMode);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LeadingZerosPastTheBufferAreTheSameNumber(int zeros)
    {
        var digits = new string('0', zeros) + "42";
        Assert.Equal(42L, XmlJob("<BackupJobId>" + digits + "</BackupJobId>").BackupJobId);
        Assert.Equal(decimal.Parse(digits + ".50", System.Globalization.CultureInfo.InvariantCulture), XmlJob("<Process>" + digits + ".50</Process>").Process);
    }

    [Fact]
    public void ValuesAcrossTheReadersOwnBufferBoundariesAreWhole()
    {
        // The reader decodes and parses in blocks of a few thousand characters: put short values at every
        // offset around the first boundaries, from a string and from UTF-8 bytes (with multi-byte characters
        // before them, so that characters and bytes fall differently).
        for (var pad = 4000; pad < 4140; pad++)
        {
            foreach (var filler in new[] { "x", "\u30d0" })
            {
                var xml = "<DescribeBackupTasksResponse><Note>" + string.Concat(Enumerable.Repeat(filler, pad / filler.Length)) + "</Note><Items><BackupJob>"
                    + "<JobMode>Manual</JobMode><BackupStatus>Cancelled-By-Someone</BackupStatus><BackupJobId>4762614</BackupJobId><Process>37.5</Process>"
                    + "</BackupJob></Items></DescribeBackupTasksResponse>";
                foreach (var job in new[]
                {
                    DescribeBackupTasksResponse.ParseXml(xml).Items[0],
                    DescribeBackupTasksResponse.ParseXml(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))).Items[0],
                })
                {
                    Assert.Equal(BackupMode.Manual, job.JobMode);
                    Assert.Equal("Cancelled-By-Someone", job.BackupStatus!.Value.WireValue);
                    Assert.Equal(4762614L, job.BackupJobId);
                    Assert.Equal(37.5m, job.Process);
                }
            }
        }
    }

    [Fact]
    public void AVeryLongValueIsKeptWhole()
    {
        var value = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26))));
        Assert.Equal(value, XmlJob("<TaskAction>" + value + "</TaskAction>").TaskAction!.Value.WireValue);
        Assert.Equal(value, XmlJob("<TaskAction>" + value[..9_000] + "<![CDATA[" + value[9_000..] + "]]></TaskAction>").TaskAction!.Value.WireValue);
    }

    [Fact]
    public void TextCdataAndReferencesJoinIntoOneToken()
    {
        Assert.Equal(BackupMode.Automated, XmlJob("<JobMode>Auto<![CDATA[mat]]>&#101;d</JobMode>").JobMode);
        Assert.Equal(4762614L, XmlJob("<BackupJobId>47<![CDATA[62]]>6&#49;4</BackupJobId>").BackupJobId);
        Assert.Equal(25.5m, XmlJob("<Process><![CDATA[ 25]]>.5 </Process>").Process);
        Assert.Equal(BackupMode.Manual, XmlJob("<JobMode><!-- c -->Man<?pi x?>ual</JobMode>").JobMode);
    }

    [Fact]
    public void ValuesTheFastPathsRefuseAreReadAsBefore()
    {
        // A sign, an integral decimal, an exponent.
        Assert.Equal(-5L, XmlJob("<BackupJobId>-5</BackupJobId>").BackupJobId);
        Assert.Equal(5L, XmlJob("<BackupJobId>+5</BackupJobId>").BackupJobId);
        Assert.Equal(4762614L, XmlJob("<BackupJobId>4762614.0</BackupJobId>").BackupJobId);
        Assert.Equal(4762614L, XmlJob("<BackupJobId>4.762614E6</BackupJobId>").BackupJobId);
        Assert.Equal(1.5e3m, XmlJob("<Process>1.5e3</Process>").Process);
        Assert.Equal(-2.5m, XmlJob("<Process>-2.5</Process>").Process);

        // Refused with the reason and the element's position, as before.
        var fraction = Assert.Throws<ResponseParseException>(() => XmlJob("<BackupJobId>1.5</BackupJobId>"));
        Assert.Contains("fractional", fraction.Message, StringComparison.Ordinal);
        Assert.Equal("Items.BackupJob[0].BackupJobId", fraction.Path);
        var notNumber = Assert.Throws<ResponseParseException>(() => XmlJob("<Process>25,5</Process>"));
        Assert.Equal("Items.BackupJob[0].Process", notNumber.Path);
        Assert.NotNull(notNumber.LineNumber);
        var nonAsciiDigits = Assert.Throws<ResponseParseException>(() => XmlJob("<BackupJobId>\u0664\u0662</BackupJobId>"));
        Assert.Equal("Items.BackupJob[0].BackupJobId", nonAsciiDigits.Path);
    }

    [Fact]
    public void EmptyWhiteSpaceAndNilAreAbsent()
    {
        Assert.Null(XmlJob("<JobMode></JobMode>").JobMode);
        Assert.Null(XmlJob("<JobMode>  \n\t </JobMode>").JobMode);
        Assert.Null(XmlJob("<BackupJobId/>").BackupJobId);
        Assert.Null(XmlJob("<Process xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\">5</Process>").Process);
    }

    [Fact]
    public void AnElementInsideAValueIsRefused()
    {
        var failure = Assert.Throws<ResponseParseException>(() => XmlJob("<JobMode>Man<b/>ual</JobMode>"));
        Assert.Equal("Items.BackupJob[0].JobMode", failure.Path);
    }
}
