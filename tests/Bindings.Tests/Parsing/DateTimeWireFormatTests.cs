using System.Text;
using Bindings.Serialization;
using Bindings.Tests.Support;

namespace Bindings.Tests.Parsing;

/// <summary>Each date and time wire format, written and read: invariant, UTC, strict.</summary>
public class DateTimeWireFormatTests
{
    private static readonly DateTimeOffset Instant = new(2019, 2, 13, 12, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DateTimeWireFormat.Iso8601Seconds, "2019-02-13T12:20:00Z")]
    [InlineData(DateTimeWireFormat.Iso8601Minutes, "2019-02-13T12:20Z")]
    [InlineData(DateTimeWireFormat.SpaceSeparated, "2019-02-13 12:20:00")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "1550060400")]
    [InlineData(DateTimeWireFormat.UnixMilliseconds, "1550060400000")]
    public void EachFormatWritesTheDocumentedTextAndReadsItBack(DateTimeWireFormat format, string text)
    {
        Assert.Equal(text, DateTimeText.Format(Instant, format));
        Assert.True(DateTimeText.TryParse(text, format, out var parsed));
        Assert.Equal(Instant, parsed);
        Assert.True(DateTimeText.TryParse(Encoding.UTF8.GetBytes(text), format, out var fromUtf8));
        Assert.Equal(Instant, fromUtf8);
    }

    [Fact]
    public void AnOffsetIsWrittenInUtcUnderAnyCulture()
    {
        using var _ = new CultureScope("ar-SA"); // a non-Gregorian calendar by default
        var tokyo = new DateTimeOffset(2019, 2, 13, 21, 20, 0, TimeSpan.FromHours(9));

        Assert.Equal("2019-02-13T12:20Z", DateTimeText.Format(tokyo, DateTimeWireFormat.Iso8601Minutes));
        Assert.Equal("2019-02-13 12:20:00", DateTimeText.Format(tokyo, DateTimeWireFormat.SpaceSeparated));
    }

    [Theory]
    [InlineData("2019-02-13T12:20:00Z")]
    [InlineData("2019-02-13T12:20Z")]
    [InlineData("2019-02-13T21:20:00+09:00")]
    [InlineData("2019-02-13T12:20:00.000Z")]
    public void TheIsoFormatsReadEveryIsoFormBecauseTheServiceMixesThem(string text)
    {
        Assert.True(DateTimeText.TryParse(text, DateTimeWireFormat.Iso8601Minutes, out var value));
        Assert.Equal(Instant, value);
        Assert.True(DateTimeText.TryParse(text, DateTimeWireFormat.Iso8601Seconds, out value));
        Assert.Equal(Instant, value);
    }

    [Theory]
    [InlineData(DateTimeWireFormat.Iso8601Seconds, "2019/02/13 12:20:00")]
    [InlineData(DateTimeWireFormat.Iso8601Seconds, "1550060400")]
    [InlineData(DateTimeWireFormat.Iso8601Minutes, "13.02.2019 12:20")]
    [InlineData(DateTimeWireFormat.SpaceSeparated, "2019-02-13T12:20:00Z")]
    [InlineData(DateTimeWireFormat.SpaceSeparated, "2019-02-13 12:20")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "1550060400.5")]
    [InlineData(DateTimeWireFormat.UnixSeconds, " 1550060400")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "+1550060400")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "1e9")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "-")]
    [InlineData(DateTimeWireFormat.UnixSeconds, "253402300800")]
    [InlineData(DateTimeWireFormat.UnixMilliseconds, "99999999999999999999")]
    [InlineData(DateTimeWireFormat.UnixMilliseconds, "-62135596800001")]
    [InlineData(DateTimeWireFormat.UnixMilliseconds, "2019-02-13T12:20:00Z")]
    public void TextInAnotherShapeIsRefused(DateTimeWireFormat format, string text)
    {
        Assert.False(DateTimeText.TryParse(text, format, out _));
        Assert.False(DateTimeText.TryParse(Encoding.UTF8.GetBytes(text), format, out _));
    }

    [Fact]
    public void TheEdgesOfTheUnixRangeAreRead()
    {
        Assert.True(DateTimeText.TryParse("253402300799", DateTimeWireFormat.UnixSeconds, out var last));
        Assert.Equal(DateTimeOffset.MaxValue.UtcTicks / TimeSpan.TicksPerSecond, last.UtcTicks / TimeSpan.TicksPerSecond);
        Assert.True(DateTimeText.TryParse("-62135596800000", DateTimeWireFormat.UnixMilliseconds, out var first));
        Assert.Equal(DateTimeOffset.MinValue, first);
    }

    [Theory]
    [InlineData(DateTimeWireFormat.Iso8601Minutes, 0, 0, 30, 0)]
    [InlineData(DateTimeWireFormat.Iso8601Seconds, 0, 0, 0, 5)]
    [InlineData(DateTimeWireFormat.SpaceSeparated, 0, 0, 0, 5)]
    [InlineData(DateTimeWireFormat.UnixSeconds, 0, 0, 0, 5)]
    public void AValueTheFormatCannotCarryIsAProblemNotSilentlyCut(DateTimeWireFormat format, int hours, int minutes, int seconds, int milliseconds)
    {
        var value = Instant + new TimeSpan(0, hours, minutes, seconds, milliseconds);

        Assert.NotNull(DateTimeText.Problem(value, format));
        Assert.Null(DateTimeText.Problem(Instant, format));
    }

    [Fact]
    public void UnixTimeBefore1970IsAProblemAndMillisecondsCarryMilliseconds()
    {
        Assert.NotNull(DateTimeText.Problem(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), DateTimeWireFormat.UnixSeconds));
        Assert.Null(DateTimeText.Problem(Instant.AddMilliseconds(5), DateTimeWireFormat.UnixMilliseconds));
        Assert.NotNull(DateTimeText.Problem(Instant.AddTicks(1), DateTimeWireFormat.UnixMilliseconds));
    }

    // The forms the service sends are read from their bytes without DateTimeOffset.TryParseExact (issue 13);
    // the general parser still decides everything else, so the two paths must agree on every text.
    [Theory]
    [InlineData("2019-02-13T12:20:00Z")]
    [InlineData("2019-02-13T12:20Z")]
    [InlineData("2019-02-13")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2024-02-29T23:59Z")]
    public void TheCommonFormsReadFromBytesAsTheGeneralParserReadsThem(string text)
    {
        Assert.True(WireText.TryParseDateTime(text, out var general));
        Assert.True(WireText.TryParseDateTime(Encoding.ASCII.GetBytes(text), out var fast));
        Assert.Equal(general, fast);
        Assert.Equal(general.Offset, fast.Offset);
    }

    [Fact]
    public void EveryDamagedCommonFormReadsFromBytesAsTheGeneralParserReadsIt()
    {
        // Each place of each form, replaced by each character that matters there: digits out of range
        // (month 13, day 30 in February, hour 24, second 60), separators, letters, case, signs, space.
        string[] forms = { "2023-02-28T23:59:59Z", "2024-02-29T12:20Z", "2019-12-31", "0001-01-01T00:00:00Z" };
        const string replacements = "0123456789-:TtZzx +.";
        var compared = 0;
        foreach (var form in forms)
        {
            for (var place = 0; place < form.Length; place++)
            {
                foreach (var replacement in replacements)
                {
                    var text = form.Substring(0, place) + replacement + form.Substring(place + 1);
                    AssertSameAsGeneral(text);
                    compared++;
                }
            }

            AssertSameAsGeneral(form + "Z");
            AssertSameAsGeneral(form.Substring(0, form.Length - 1));
        }

        Assert.True(compared > 1000);
    }

    private static void AssertSameAsGeneral(string text)
    {
        var general = WireText.TryParseDateTime(text, out var expected);
        Assert.Equal(general, WireText.TryParseDateTime(Encoding.ASCII.GetBytes(text), out var fast));
        Assert.Equal(expected, fast);
        Assert.Equal(expected.Offset, fast.Offset);
    }
}
