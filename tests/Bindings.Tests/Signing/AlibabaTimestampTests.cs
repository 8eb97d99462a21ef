using System;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

public class AlibabaTimestampTests
{
    [Theory]
    [MemberData(nameof(CultureScope.Awkward), MemberType = typeof(CultureScope))]
    public void Formats_in_UTC_with_the_Gregorian_calendar_whatever_the_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        Assert.Equal(
            "2016-02-23T12:46:24Z",
            AlibabaTimestamp.ToWireFormat(new DateTimeOffset(2016, 2, 23, 20, 46, 24, 999, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Parses_what_it_formats()
    {
        var moment = new DateTimeOffset(2023, 10, 26, 10, 22, 32, TimeSpan.Zero);

        Assert.True(AlibabaTimestamp.TryParse(AlibabaTimestamp.ToWireFormat(moment), out var parsed));
        Assert.Equal(moment, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2023-10-26 10:22:32Z")]
    [InlineData("2023-10-26T10:22:32")]
    [InlineData("2023-10-26T10:22:32+08:00")]
    [InlineData("2023-10-26T10:22:32.5Z")]
    public void Rejects_other_formats(string? text)
    {
        Assert.False(AlibabaTimestamp.TryParse(text, out _));
    }
}
