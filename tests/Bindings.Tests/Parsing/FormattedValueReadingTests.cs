using System.Text;
using System.Text.Json;
using System.Xml;
using Bindings.Serialization;

namespace Bindings.Tests.Parsing;

/// <summary>The parse helpers for dates in a wire format and for raw (<c>any</c>) values, in JSON and XML.</summary>
public class FormattedValueReadingTests
{
    private static readonly DateTimeOffset Consistent = new(2019, 12, 16, 14, 34, 16, TimeSpan.Zero);

    [Theory]
    [InlineData("1576506856")]
    [InlineData("\"1576506856\"")]
    public void AUnixTimeIsReadFromANumberOrANumericString(string json)
    {
        var reader = On(json);

        Assert.Equal(Consistent, JsonParsing.ReadDateTime(ref reader, DateTimeWireFormat.UnixSeconds));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void NullAndAnEmptyStringAreAbsent(string json)
    {
        var reader = On(json);

        Assert.Null(JsonParsing.ReadDateTime(ref reader, DateTimeWireFormat.UnixMilliseconds));
    }

    [Theory]
    [InlineData("1576506856.5", DateTimeWireFormat.UnixSeconds)]
    [InlineData("\"2019-12-16T14:34:16Z\"", DateTimeWireFormat.UnixSeconds)]
    [InlineData("\"2019-12-16T14:34:16Z\"", DateTimeWireFormat.SpaceSeparated)]
    [InlineData("1576506856", DateTimeWireFormat.Iso8601Minutes)]
    [InlineData("true", DateTimeWireFormat.UnixSeconds)]
    public void AValueInAnotherShapeIsAParseErrorThatDoesNotQuoteIt(string json, DateTimeWireFormat format)
    {
        var failure = Assert.Throws<ResponseParseException>(() =>
        {
            var reader = On(json);
            JsonParsing.ReadDateTime(ref reader, format);
        });

        Assert.DoesNotContain("1576506856", failure.Message);
        Assert.DoesNotContain("14:34", failure.Message);
    }

    [Fact]
    public void TheSpaceSeparatedFormatIsReadInXmlAndJson()
    {
        var reader = On("\"2024-05-30 00:00:00\"");
        var expected = new DateTimeOffset(2024, 5, 30, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, JsonParsing.ReadDateTime(ref reader, DateTimeWireFormat.SpaceSeparated));
        Assert.Equal(expected, XmlParsing.ReadDateTime(OnElement("<T>2024-05-30 00:00:00</T>"), DateTimeWireFormat.SpaceSeparated));
        Assert.Equal(Consistent, XmlParsing.ReadDateTime(OnElement("<T>1576506856000</T>"), DateTimeWireFormat.UnixMilliseconds));
        Assert.Equal(Consistent, XmlParsing.ReadDateTime(OnElement("<T>2019-12-16T14:34:16Z</T>"), DateTimeWireFormat.Iso8601Minutes));
        Assert.Throws<ResponseParseException>(() => XmlParsing.ReadDateTime(OnElement("<T>2019-12-16T14:34:16Z</T>"), DateTimeWireFormat.UnixSeconds));
    }

    [Fact]
    public void ARawJsonValueIsKeptExactlyAsWritten()
    {
        const string json = "{\"Raw\": { \"a\" : [1, 2.50, \"x\\u0041\"] }, \"Next\": true}";
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        reader.Read();
        reader.Read();

        var raw = JsonParsing.ReadRaw(ref reader, utf8);

        Assert.Equal("{ \"a\" : [1, 2.50, \"x\\u0041\"] }", raw!.Text);
        Assert.Equal(WireFormat.Json, raw.Format);
        reader.Read();
        Assert.Equal("Next", reader.GetString());
    }

    [Fact]
    public void RawJsonNullIsAbsent()
    {
        var utf8 = Encoding.UTF8.GetBytes("null");
        var reader = new Utf8JsonReader(utf8);
        reader.Read();

        Assert.Null(JsonParsing.ReadRaw(ref reader, utf8));
    }

    [Fact]
    public void ARawXmlValueIsTheElementsOuterXmlWithinTheDepthLimit()
    {
        var raw = XmlParsing.ReadRaw(OnElement("<Overview><a>1</a><b x=\"y\"/></Overview>"), new ResponseParseOptions());

        Assert.Equal("<Overview><a>1</a><b x=\"y\" /></Overview>", raw!.Text);
        Assert.Equal(WireFormat.Xml, raw.Format);

        var deep = "<R>" + string.Concat(Enumerable.Repeat("<d>", 40)) + string.Concat(Enumerable.Repeat("</d>", 40)) + "</R>";
        Assert.Throws<ResponseParseException>(() => XmlParsing.ReadRaw(OnElement(deep), new ResponseParseOptions { MaxDepth = 10 }));
    }

    private static Utf8JsonReader On(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static XmlReader OnElement(string xml)
    {
        var reader = XmlReader.Create(new StringReader(xml));
        reader.MoveToContent();
        return reader;
    }
}
