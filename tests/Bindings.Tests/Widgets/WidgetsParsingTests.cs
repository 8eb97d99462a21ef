using System.Text;
using Bindings.Tests.Support;

namespace Bindings.Tests.Widgets;

/// <summary>
/// The responses of the test-only Widgets spec: a shape inside a shape, lists of strings, longs and
/// integers (wrapped and bare), booleans, doubles, decimals, datetimes and an enum whose wire values are
/// not C# identifiers, read the same from JSON and from XML.
/// </summary>
public class WidgetsParsingTests
{
    public const string Json = """
        {
          "RequestId": "w-1",
          "TotalRecordCount": "2",
          "HasMore": "false",
          "Widgets": {
            "Widget": [
              {
                "WidgetId": 101,
                "WidgetName": "gear",
                "Enabled": true,
                "Weight": 25.5,
                "Price": "19.99",
                "CreationTime": "2024-05-01T08:00:00Z",
                "State": "in-progress",
                "Size": {"Width": 2.5, "Height": "4"},
                "Tags": {"Tag": ["red", "blue"]},
                "PartIds": {"PartId": [1, "2", 9007199254740993]},
                "Rating": [5, "4"]
              },
              {
                "WidgetId": "102",
                "WidgetName": 7,
                "Enabled": "0",
                "State": "ready",
                "Tags": {"Tag": "solo"},
                "PartIds": {"PartId": []},
                "Rating": 3,
                "CreationTime": "2024-05-01T16:00:00+08:00"
              }
            ]
          }
        }
        """;

    public const string Xml = """
        <DescribeWidgetsResponse>
          <RequestId>w-1</RequestId>
          <TotalRecordCount>2</TotalRecordCount>
          <HasMore>false</HasMore>
          <Widgets>
            <Widget>
              <WidgetId>101</WidgetId>
              <WidgetName>gear</WidgetName>
              <Enabled>true</Enabled>
              <Weight>25.5</Weight>
              <Price>19.99</Price>
              <CreationTime>2024-05-01T08:00:00Z</CreationTime>
              <State>in-progress</State>
              <Size><Width>2.5</Width><Height>4</Height></Size>
              <Tags><Tag>red</Tag><Tag>blue</Tag></Tags>
              <PartIds><PartId>1</PartId><PartId>2</PartId><PartId>9007199254740993</PartId></PartIds>
              <Rating>5</Rating>
              <Rating>4</Rating>
            </Widget>
            <Widget>
              <WidgetId>102</WidgetId>
              <WidgetName>7</WidgetName>
              <Enabled>0</Enabled>
              <State>ready</State>
              <Tags><Tag>solo</Tag></Tags>
              <PartIds/>
              <Rating>3</Rating>
              <CreationTime>2024-05-01T16:00:00+08:00</CreationTime>
            </Widget>
          </Widgets>
        </DescribeWidgetsResponse>
        """;

    [Fact]
    public void JsonGivesTheValues()
    {
        using var culture = new CultureScope("de-DE");
        AssertValues(DescribeWidgetsResponse.ParseJson(Json));
    }

    [Fact]
    public void XmlGivesTheValues()
    {
        using var culture = new CultureScope("de-DE");
        AssertValues(DescribeWidgetsResponse.ParseXml(Xml));
    }

    [Fact]
    public void JsonAndXmlGiveEqualObjects()
    {
        var fromJson = DescribeWidgetsResponse.ParseJson(Json);
        var fromXml = DescribeWidgetsResponse.ParseXml(Xml);
        Assert.Equal(fromJson, fromXml);
        Assert.Equal(fromJson.GetHashCode(), fromXml.GetHashCode());
    }

    [Fact]
    public async Task EveryEntryPointGivesTheSameObject()
    {
        var expected = DescribeWidgetsResponse.ParseJson(Json);
        Assert.Equal(expected, DescribeWidgetsResponse.ParseJson(Encoding.UTF8.GetBytes(Json)));
        Assert.Equal(expected, DescribeWidgetsResponse.ParseJson(Documents.Utf8Stream(Json, bom: true)));
        Assert.Equal(expected, await DescribeWidgetsResponse.ParseJsonAsync(Documents.Utf8Stream(Json)));
        Assert.Equal(expected, DescribeWidgetsResponse.ParseXml(Documents.Utf8Stream(Xml, bom: true)));
        Assert.Equal(expected, await DescribeWidgetsResponse.ParseXmlAsync(Documents.Utf8Stream(Xml)));
    }

    [Fact]
    public void ADifferentValueMakesTheObjectsDiffer()
    {
        var changed = DescribeWidgetsResponse.ParseJson(Json.Replace("\"Width\": 2.5", "\"Width\": 2.6", StringComparison.Ordinal));
        Assert.NotEqual(DescribeWidgetsResponse.ParseJson(Json), changed);
    }

    [Fact]
    public void JsonNestedObjectNullIsAbsentAndEmptyIsAnObjectWithNothingSet()
    {
        Assert.Null(Widget.ParseJson("""{"Size":null}""").Size);
        Assert.Equal(new Dimensions(), Widget.ParseJson("""{"Size":{}}""").Size);
        Assert.Equal(new Dimensions(), Widget.ParseXml("<Widget><Size/></Widget>").Size);
    }

    [Fact]
    public void UnknownInsideANestedObjectIsKeptOnIt()
    {
        var size = Widget.ParseJson("""{"Size":{"Width":1,"Depth":{"cm":3}}}""").Size!;
        Assert.Equal(1d, size.Width);
        Assert.Equal(new UnknownMember("Depth", """{"cm":3}""", WireFormat.Json), Assert.Single(size.UnknownMembers));
        var fromXml = Widget.ParseXml("<Widget><Size><Width>1</Width><Depth><cm>3</cm></Depth></Size></Widget>").Size!;
        Assert.Equal(new UnknownMember("Depth", "<Depth><cm>3</cm></Depth>", WireFormat.Xml), Assert.Single(fromXml.UnknownMembers));
    }

    [Theory]
    [InlineData("""{"Tags":{"Tag":["a","b"]}}""")]
    [InlineData("""{"Tags":["a","b"]}""")]
    [InlineData("""{"Tags":{"Tag":["a",null,"b"]}}""")]
    public void JsonListOfStringsInEveryForm(string json)
        => Assert.Equal(new[] { "a", "b" }, Widget.ParseJson(json).Tags);

    [Theory]
    [InlineData("""{"Tags":{"Tag":"solo"}}""")]
    [InlineData("""{"Tags":"solo"}""")]
    public void JsonSingleStringIsAListOfOne(string json)
        => Assert.Equal(new[] { "solo" }, Widget.ParseJson(json).Tags);

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Tags":null,"PartIds":"","Rating":null}""")]
    [InlineData("""{"Tags":{},"PartIds":{"PartId":[]},"Rating":[]}""")]
    [InlineData("""{"Tags":{"Tag":null},"PartIds":{"PartId":""},"Rating":""}""")]
    public void JsonEmptyScalarListsAreEmptyNotNull(string json)
    {
        var widget = Widget.ParseJson(json);
        Assert.Empty(widget.Tags);
        Assert.Empty(widget.PartIds);
        Assert.Empty(widget.Ratings);
    }

    [Fact]
    public void JsonListOfLongsTakesNumbersAndNumericStringsAndSkipsNulls()
        => Assert.Equal(new[] { 1L, 2L, long.MaxValue }, Widget.ParseJson("""{"PartIds":{"PartId":[1,"2",null,"",9223372036854775807]}}""").PartIds);

    [Fact]
    public void XmlListOfLongsSkipsEmptyAndNilElements()
        => Assert.Equal(
            new[] { 1L, 2L },
            Widget.ParseXml("""<Widget xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><PartIds><PartId>1</PartId><PartId/><PartId xsi:nil="true"/><PartId> 2 </PartId></PartIds></Widget>""").PartIds);

    [Fact]
    public void XmlBareListIsTheRepeatedElementsWhereverTheyStand()
        => Assert.Equal(new[] { 5, 4, 3 }, Widget.ParseXml("<Widget><Rating>5</Rating><WidgetId>1</WidgetId><Rating>4</Rating><Rating>3</Rating></Widget>").Ratings);

    [Fact]
    public void XmlStringListKeepsEmptyItems()
        => Assert.Equal(new[] { "a", "", "b" }, Widget.ParseXml("<Widget><Tags><Tag>a</Tag><Tag/><Tag>b</Tag></Tags></Widget>").Tags);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("1", true)]
    [InlineData("\"0\"", false)]
    public void JsonBooleanInEveryForm(string literal, bool expected)
        => Assert.Equal(expected, Widget.ParseJson("{\"Enabled\":" + literal + "}").Enabled);

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData(" 1 ", true)]
    [InlineData("0", false)]
    public void XmlBooleanInEveryForm(string text, bool expected)
        => Assert.Equal(expected, Widget.ParseXml("<Widget><Enabled>" + text + "</Enabled></Widget>").Enabled);

    [Fact]
    public void EmptyBooleanIsAbsent()
    {
        Assert.Null(Widget.ParseJson("""{"Enabled":""}""").Enabled);
        Assert.Null(Widget.ParseXml("<Widget><Enabled/></Widget>").Enabled);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void DoublesAreReadInvariantly(string name)
    {
        using var culture = new CultureScope(name);
        Assert.Equal(25.5, Widget.ParseJson("""{"Weight":"25.5"}""").Weight);
        Assert.Equal(25.5, Widget.ParseJson("""{"Weight":2.55e1}""").Weight);
        Assert.Equal(25.5, Widget.ParseJson("""{"Weight":"2.55E+1"}""").Weight);
        Assert.Equal(25.5, Widget.ParseXml("<Widget><Weight>2.55e1</Weight></Widget>").Weight);
        Assert.Equal(19.99m, Widget.ParseXml("<Widget><Price>19.99</Price></Widget>").Price);
    }

    [Theory]
    [InlineData("2024-05-01T08:00:00Z")]
    [InlineData("2024-05-01T08:00Z")]
    [InlineData("2024-05-01T08:00:00.000Z")]
    [InlineData("2024-05-01T10:00:00+02:00")]
    [InlineData("2024-05-01T08:00:00")]
    public void DateTimesInIso8601FormsAreReadAsUtc(string text)
    {
        var expected = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var fromJson = Widget.ParseJson("{\"CreationTime\":\"" + text + "\"}").CreatedAt;
        var fromXml = Widget.ParseXml("<Widget><CreationTime>" + text + "</CreationTime></Widget>").CreatedAt;
        Assert.Equal(expected, fromJson);
        Assert.Equal(TimeSpan.Zero, fromJson!.Value.Offset);
        Assert.Equal(expected, fromXml);
        Assert.Equal(TimeSpan.Zero, fromXml!.Value.Offset);
    }

    [Fact]
    public void DateTimeIsReadTheSameUnderACultureWithAnotherCalendar()
    {
        using var culture = new CultureScope("th-TH");
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), Widget.ParseJson("""{"CreationTime":"2024-05-01T08:00:00Z"}""").CreatedAt);
    }

    [Fact]
    public void EnumWireValuesThatAreNotIdentifiersMapToTheirNames()
    {
        var state = Widget.ParseJson("""{"State":"in-progress"}""").State!.Value;
        Assert.Equal(WidgetState.InProgress, state);
        Assert.Equal(WidgetStateKind.InProgress, state.Kind);
        Assert.Equal("in-progress", state.WireValue);
        Assert.Equal("in-progress", state.ToString());
        Assert.Equal(WidgetState.InProgress, Widget.ParseXml("<Widget><State> in-progress </State></Widget>").State);
        Assert.Equal(WidgetState.InProgress, WidgetState.FromWireValue("in-progress"));
        Assert.Equal(WidgetStateKind.Unknown, WidgetState.FromWireValue("InProgress").Kind);
    }

    [Fact]
    public void UnknownEnumValueOfAnotherProductIsKept()
    {
        var state = Widget.ParseJson("""{"State":"paused"}""").State!.Value;
        Assert.False(state.IsKnown);
        Assert.Equal("paused", state.WireValue);
        Assert.Equal(state, Widget.ParseXml("<Widget><State>paused</State></Widget>").State);
    }

    [Fact]
    public void JsonWrongValueInANestedObjectNamesItsPath()
    {
        var failure = Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseJson("""{"Widgets":{"Widget":[{},{"Size":{"Width":"wide"}}]}}"""));
        Assert.Equal("Widgets.Widget[1].Size.Width", failure.Path);
        Assert.Equal("DescribeWidgetsResponse", failure.TargetType);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void XmlWrongValueInANestedObjectNamesItsPath()
    {
        var failure = Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseXml("<DescribeWidgetsResponse><Widgets><Widget/><Widget><Size><Width>wide</Width></Size></Widget></Widgets></DescribeWidgetsResponse>"));
        Assert.Equal("Widgets.Widget[1].Size.Width", failure.Path);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void JsonScalarWhereANestedObjectIsExpected()
        => Assert.Equal("Size", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Size":"big"}""")).Path);

    [Fact]
    public void JsonWrongItemInAListOfScalarsNamesItsIndex()
    {
        Assert.Equal("Widgets.Widget[0].PartIds.PartId[1]", Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseJson("""{"Widgets":{"Widget":[{"PartIds":{"PartId":[1,"x"]}}]}}""")).Path);
        Assert.Equal("Rating[1]", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Rating":[1,"x"]}""")).Path);
        Assert.Equal("Rating[0]", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Rating":"x"}""")).Path);
    }

    [Fact]
    public void XmlWrongItemInAListOfScalarsNamesItsIndex()
    {
        Assert.Equal("Widgets.Widget[0].PartIds.PartId[1]", Assert.Throws<ResponseParseException>(() => DescribeWidgetsResponse.ParseXml("<DescribeWidgetsResponse><Widgets><Widget><PartIds><PartId>1</PartId><PartId>x</PartId></PartIds></Widget></Widgets></DescribeWidgetsResponse>")).Path);
        Assert.Equal("Rating[1]", Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget><Rating>1</Rating><Rating>x</Rating></Widget>")).Path);
    }

    [Fact]
    public void XmlItemIndexCountsEveryElementAsJsonCountsEveryArrayItem()
    {
        // The empty item in the middle is skipped, but it still has a place in the document.
        Assert.Equal("PartIds.PartId[2]", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"PartIds":{"PartId":[1,"","x"]}}""")).Path);
        Assert.Equal("PartIds.PartId[2]", Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget><PartIds><PartId>1</PartId><PartId/><PartId>x</PartId></PartIds></Widget>")).Path);
        Assert.Equal("Rating[2]", Assert.Throws<ResponseParseException>(() => Widget.ParseJson("""{"Rating":[1,null,"x"]}""")).Path);
        Assert.Equal("Rating[2]", Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget><Rating>1</Rating><Rating/><Rating>x</Rating></Widget>")).Path);
    }

    [Theory]
    [InlineData("""{"Enabled":"yes"}""", "Enabled")]
    [InlineData("""{"Enabled":2}""", "Enabled")]
    [InlineData("""{"Weight":"25,5"}""", "Weight")]
    [InlineData("""{"CreationTime":"yesterday"}""", "CreationTime")]
    [InlineData("""{"CreationTime":20240501}""", "CreationTime")]
    [InlineData("""{"State":{}}""", "State")]
    public void JsonWrongScalarsNameTheirMember(string json, string path)
        => Assert.Equal(path, Assert.Throws<ResponseParseException>(() => Widget.ParseJson(json)).Path);

    [Fact]
    public void JsonNumberWhereAnEnumIsExpectedIsKeptAsItsText()
    {
        // Like a number where a string is documented: the value is kept, as an unknown one.
        var state = Widget.ParseJson("""{"State":7}""").State!.Value;
        Assert.Equal("7", state.WireValue);
        Assert.False(state.IsKnown);
    }

    [Theory]
    [InlineData("<Enabled>yes</Enabled>", "Enabled")]
    [InlineData("<Weight>25,5</Weight>", "Weight")]
    [InlineData("<CreationTime>yesterday</CreationTime>", "CreationTime")]
    [InlineData("<State><A/></State>", "State")]
    public void XmlWrongScalarsNameTheirMember(string element, string path)
        => Assert.Equal(path, Assert.Throws<ResponseParseException>(() => Widget.ParseXml("<Widget>" + element + "</Widget>")).Path);

    private static void AssertValues(DescribeWidgetsResponse response)
    {
        Assert.Equal("w-1", response.RequestId);
        Assert.Equal(2, response.TotalCount);
        Assert.False(response.HasMore);
        Assert.Empty(response.UnknownMembers);
        Assert.Equal(2, response.Widgets.Count);

        var first = response.Widgets[0];
        Assert.Equal(101L, first.WidgetId);
        Assert.Equal("gear", first.Name);
        Assert.True(first.Enabled);
        Assert.Equal(25.5, first.Weight);
        Assert.Equal(19.99m, first.Price);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(WidgetState.InProgress, first.State);
        Assert.Equal(2.5, first.Size!.Width);
        Assert.Equal(4d, first.Size.Height);
        Assert.Equal(new[] { "red", "blue" }, first.Tags);
        Assert.Equal(new[] { 1L, 2L, 9007199254740993L }, first.PartIds);
        Assert.Equal(new[] { 5, 4 }, first.Ratings);
        Assert.Empty(first.UnknownMembers);

        var second = response.Widgets[1];
        Assert.Equal(102L, second.WidgetId);
        Assert.Equal("7", second.Name);
        Assert.False(second.Enabled);
        Assert.Null(second.Weight);
        Assert.Null(second.Price);
        Assert.Null(second.Size);
        Assert.Equal(WidgetState.Ready, second.State);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), second.CreatedAt);
        Assert.Equal(new[] { "solo" }, second.Tags);
        Assert.Empty(second.PartIds);
        Assert.Equal(new[] { 3 }, second.Ratings);
    }
}
