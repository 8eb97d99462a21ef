using System.Text;
using Bindings.Tests.Atlas;

namespace Bindings.Tests.Maps;

/// <summary>
/// Members of <c>type: map</c> in responses and in a shape (<c>Specs/maps.yaml</c>): JSON objects and XML
/// children by name, every kind of value, the order sent, absent and empty maps, null entries, keys of any
/// text, and the refusals (a key given twice, a value of the wrong kind, depth and size limits).
/// </summary>
public class MapParsingTests
{
    private const string Xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    public const string Json = """
        {
          "RequestId": "m-1",
          "Names": {"zeta": "last", "alpha": "first", "mid": 7},
          "Counts": {"a": 1, "b": "2", "c": 3.0},
          "Big": {"max": 9223372036854775807},
          "Flags": {"on": true, "off": "false", "one": 1},
          "Ratios": {"half": 0.5, "tenth": "0.1"},
          "Prices": {"p": "19.990"},
          "Seen": {"first": "2024-05-01T08:00:00Z"},
          "SeenMs": {"first": 1714550400000},
          "ZoneOf": {"rm-1": "Hot", "rm-2": "Warm"},
          "Regions": {
            "cn-hangzhou": {"Name": "Hangzhou", "Capacity": {"disk": 100, "cpu": 8}, "Zones": {"a": "Cold"}, "Labels": {"env": "prod"}, "Extra": 1},
            "cn-beijing": {"Name": "Beijing"}
          },
          "Extra": {"obj": {"x": [1, 2]}, "num": 12, "text": "t"},
          "RegionList": {"Region": [{"Name": "one", "Capacity": {"disk": 1}}]},
          "Data": {"k": "v"}
        }
        """;

    public const string Xml = """
        <DescribeAtlasResponse>
          <RequestId>m-1</RequestId>
          <Names><zeta>last</zeta><alpha>first</alpha><mid>7</mid></Names>
          <Counts><a>1</a><b>2</b><c>3.0</c></Counts>
          <Big><max>9223372036854775807</max></Big>
          <Flags><on>true</on><off>false</off><one>1</one></Flags>
          <Ratios><half>0.5</half><tenth>0.1</tenth></Ratios>
          <Prices><p>19.990</p></Prices>
          <Seen><first>2024-05-01T08:00:00Z</first></Seen>
          <SeenMs><first>1714550400000</first></SeenMs>
          <ZoneOf><rm-1>Hot</rm-1><rm-2>Warm</rm-2></ZoneOf>
          <Regions>
            <cn-hangzhou><Name>Hangzhou</Name><Capacity><disk>100</disk><cpu>8</cpu></Capacity><Zones><a>Cold</a></Zones><Labels><env>prod</env></Labels><Extra>1</Extra></cn-hangzhou>
            <cn-beijing><Name>Beijing</Name></cn-beijing>
          </Regions>
          <Extra><obj><x>1</x><x>2</x></obj><num>12</num><text>t</text></Extra>
          <RegionList><Region><Name>one</Name><Capacity><disk>1</disk></Capacity></Region></RegionList>
          <Data><k>v</k></Data>
        </DescribeAtlasResponse>
        """;

    public static TheoryData<string> Formats => new() { "json", "xml" };

    private static DescribeAtlasResponse Parse(string format, string document)
        => format == "json" ? DescribeAtlasResponse.ParseJson(Encoding.UTF8.GetBytes(document)) : DescribeAtlasResponse.ParseXml(document);

    private static DescribeAtlasResponse Documented(string format) => Parse(format, format == "json" ? Json : Xml);

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryKindOfValueIsRead(string format)
    {
        var response = Documented(format);
        Assert.Equal("last", response.Names["zeta"]);
        Assert.Equal("7", response.Names["mid"]);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 3 }, response.Counts);
        Assert.Equal(long.MaxValue, response.Big["max"]);
        Assert.True(response.Flags["on"]);
        Assert.False(response.Flags["off"]);
        Assert.True(response.Flags["one"]);
        Assert.Equal(0.1, response.Ratios["tenth"]);
        Assert.Equal(19.990m, response.Prices["p"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), response.Seen["first"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), response.SeenMs["first"]);
        Assert.Equal("v", response.DataMap["k"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EntriesKeepTheOrderSent(string format)
    {
        var response = Documented(format);
        Assert.Equal(["zeta", "alpha", "mid"], response.Names.Keys);
        Assert.Equal(["last", "first", "7"], response.Names.Values);
        Assert.Equal(["zeta", "alpha", "mid"], response.Names.Select(entry => entry.Key));
        Assert.Equal(["cn-hangzhou", "cn-beijing"], response.Regions.Keys);
        Assert.Equal(["disk", "cpu"], response.Regions["cn-hangzhou"].Capacity.Keys);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EnumValuesTheSpecDoesNotListAreKept(string format)
    {
        var zones = Documented(format).ZoneOf;
        Assert.Equal(ZoneKind.Hot, zones["rm-1"].Kind);
        Assert.Equal(ZoneKind.Unknown, zones["rm-2"].Kind);
        Assert.Equal("Warm", zones["rm-2"].WireValue);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ShapesAsValuesAreReadWithTheirOwnMapsAndUnknownMembers(string format)
    {
        var response = Documented(format);
        var hangzhou = response.Regions["cn-hangzhou"];
        Assert.Equal("Hangzhou", hangzhou.Name);
        Assert.Equal(100L, hangzhou.Capacity["disk"]);
        Assert.Equal(ZoneKind.Cold, hangzhou.Zones["a"].Kind);
        Assert.Equal("prod", hangzhou.Labels["env"]);
        Assert.Equal("Extra", Assert.Single(hangzhou.UnknownMembers).Name);
        Assert.Empty(response.Regions["cn-beijing"].Capacity);
        Assert.Equal(1L, Assert.Single(response.RegionList).Capacity["disk"]);
    }

    [Fact]
    public void AnyValuesKeepTheirTextInEachFormat()
    {
        var json = Documented("json").Extra;
        Assert.Equal("""{"x": [1, 2]}""", json["obj"].Text);
        Assert.Equal("12", json["num"].Text);
        Assert.Equal("\"t\"", json["text"].Text);

        var xml = Documented("xml").Extra;
        Assert.Equal("<obj><x>1</x><x>2</x></obj>", xml["obj"].Text);
        Assert.Equal("<num>12</num>", xml["num"].Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void BothFormatsGiveEqualResponses(string format)
    {
        var one = Documented(format);
        var again = Documented(format);
        Assert.Equal(one, again);
        Assert.Equal(one.GetHashCode(), again.GetHashCode());
        Assert.Equal(Documented("json").Regions["cn-hangzhou"].Capacity, Documented("xml").Regions["cn-hangzhou"].Capacity);
    }

    [Fact]
    public void EqualityIgnoresTheOrderOfEntriesButNotTheirValues()
    {
        var ab = DescribeAtlasResponse.ParseJson("""{"Counts":{"a":1,"b":2}}""");
        var ba = DescribeAtlasResponse.ParseJson("""{"Counts":{"b":2,"a":1}}""");
        var other = DescribeAtlasResponse.ParseJson("""{"Counts":{"a":1,"b":3}}""");
        var fewer = DescribeAtlasResponse.ParseJson("""{"Counts":{"a":1}}""");
        Assert.Equal(ab, ba);
        Assert.Equal(ab.GetHashCode(), ba.GetHashCode());
        Assert.NotEqual(ab, other);
        Assert.NotEqual(ab, fewer);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Names":null}""")]
    [InlineData("""{"Names":""}""")]
    [InlineData("""{"Names":{}}""")]
    public void AbsentNullOrEmptyJsonMapsAreEmpty(string json)
    {
        var response = DescribeAtlasResponse.ParseJson(json);
        Assert.NotNull(response.Names);
        Assert.Empty(response.Names);
        Assert.Empty(response.Regions);
        Assert.False(response.Names.ContainsKey("x"));
        Assert.Throws<KeyNotFoundException>(() => response.Names["x"]);
    }

    [Theory]
    [InlineData("<DescribeAtlasResponse/>")]
    [InlineData("<DescribeAtlasResponse><Names/></DescribeAtlasResponse>")]
    [InlineData("<DescribeAtlasResponse><Names>  </Names></DescribeAtlasResponse>")]
    [InlineData("<DescribeAtlasResponse " + Xsi + "><Names xsi:nil=\"true\"/></DescribeAtlasResponse>")]
    public void AbsentNilOrEmptyXmlMapsAreEmpty(string xml)
    {
        var response = DescribeAtlasResponse.ParseXml(xml);
        Assert.Empty(response.Names);
        Assert.Empty(response.UnknownMembers);
    }

    [Fact]
    public void NullEntriesAreSkippedAsNullListItemsAre()
    {
        // A null value carries nothing, as a null list item does: the entry is left out, the rest kept.
        var json = DescribeAtlasResponse.ParseJson("""{"Counts":{"a":null,"b":2,"c":""},"Names":{"n":null,"m":"x"},"Regions":{"r":null}}""");
        Assert.Equal(["b"], json.Counts.Keys);
        Assert.Equal(["m"], json.Names.Keys);
        Assert.Empty(json.Regions);

        var xml = DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse " + Xsi + "><Counts><a xsi:nil=\"true\"/><b>2</b><c></c></Counts><Regions><r xsi:nil=\"true\"/></Regions></DescribeAtlasResponse>");
        Assert.Equal(["b"], xml.Counts.Keys);
        Assert.Empty(xml.Regions);
    }

    [Fact]
    public void EmptyStringsAreStringValues()
    {
        // For a string an empty value is a value (as a string member's is), not an absent one.
        Assert.Equal(string.Empty, DescribeAtlasResponse.ParseJson("""{"Names":{"e":""}}""").Names["e"]);
        Assert.Equal(string.Empty, DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse><Names><e/></Names></DescribeAtlasResponse>").Names["e"]);
    }

    [Fact]
    public void JsonKeysAreAnyTextExactlyAsSent()
    {
        var names = DescribeAtlasResponse.ParseJson("""
            {"Names":{"":"empty","a.b":"dot","\u00e9t\u00e9":"escaped","日本":"raw","\ud83d\ude42":"emoji","tab\there":"tab","\"q\"":"quote","A":"upper","a":"lower"}}
            """).Names;
        Assert.Equal(["", "a.b", "été", "日本", "🙂", "tab\there", "\"q\"", "A", "a"], names.Keys);
        Assert.Equal("empty", names[""]);
        Assert.Equal("escaped", names["été"]);
        Assert.Equal("raw", names["日本"]);
        Assert.Equal("emoji", names["🙂"]);
        Assert.Equal("quote", names["\"q\""]);
        Assert.Equal("upper", names["A"]);
        Assert.Equal("lower", names["a"]);
    }

    [Fact]
    public void AnEscapedKeyAndItsRawFormAreOneKey()
    {
        // "\u00e9t\u00e9" and "été" are the same text: either value could be the one meant.
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson("""{"Names":{"\u00e9t\u00e9":"escaped","été":"raw"}}"""));
        Assert.Equal("Names.été", failure.Path);
    }

    [Theory]
    [InlineData("""{"Names":{"k":"a","k":"b"}}""", "Names.k")]
    [InlineData("""{"Names":{"k":"a","x":"c","k":"a"}}""", "Names.k")]
    [InlineData("""{"Counts":{"k":1,"k":null}}""", "Counts.k")]
    [InlineData("""{"Regions":{"r":{"Name":"a"},"r":{"Name":"b"}}}""", "Regions.r")]
    [InlineData("""{"Regions":{"r":{"Capacity":{"disk":1,"disk":2}}}}""", "Regions.r.Capacity.disk")]
    [InlineData("""{"Names":{"k":"a"},"Names":{"j":"b"}}""", "Names")]
    [InlineData("""{"Names":{"k":"a"},"Names":null}""", "Names")]
    public void JsonKeyOrMapGivenTwiceIsRefused(string json, string path)
    {
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(json));
        Assert.Equal(path, failure.Path);
        Assert.Equal("the member is given twice; either value could be the one meant, so neither is taken", failure.Reason);
        Assert.NotNull(failure.LineNumber);
    }

    [Fact]
    public void ManyKeysGivenTwiceAreFoundPastTheSmallMapSearch()
    {
        // From 9 entries on a hash index finds the key: the duplicate is found there too.
        var entries = string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"k{i}\":{i}"));
        Assert.Equal(50, DescribeAtlasResponse.ParseJson("{\"Counts\":{" + entries + "}}").Counts.Count);
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson("{\"Counts\":{" + entries + ",\"k3\":1}}"));
        Assert.Equal("Counts.k3", failure.Path);
    }

    [Fact]
    public void NullThenAValueForOneKeyIsNotADuplicate()
    {
        // As for members: null says "no value", so nothing is lost by taking the one value given.
        Assert.Equal(2, DescribeAtlasResponse.ParseJson("""{"Counts":{"k":null,"k":2}}""").Counts["k"]);
        Assert.Equal("b", DescribeAtlasResponse.ParseJson("""{"Names":null,"Names":{"k":"b"}}""").Names["k"]);
    }

    [Theory]
    [InlineData("<Names><k>a</k><k>b</k></Names>", "Names.k")]
    [InlineData("<Regions><r><Name>a</Name></r><r><Name>b</Name></r></Regions>", "Regions.r")]
    [InlineData("<Regions><r><Capacity><disk>1</disk><disk>2</disk></Capacity></r></Regions>", "Regions.r.Capacity.disk")]
    [InlineData("<Names><k>a</k></Names><Names><j>b</j></Names>", "Names")]
    public void XmlKeyOrMapGivenTwiceIsRefused(string elements, string path)
    {
        // Alibaba writes a list as repeated elements; in a map a repeated element is a second value for one key.
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse>" + elements + "</DescribeAtlasResponse>"));
        Assert.Equal(path, failure.Path);
        Assert.Equal("the member is given twice; either value could be the one meant, so neither is taken", failure.Reason);
        Assert.NotNull(failure.LineNumber);
    }

    [Theory]
    [InlineData("""{"Counts":{"a":1,"b":true}}""", "Counts.b")]
    [InlineData("""{"Counts":{"a":1.5}}""", "Counts.a")]
    [InlineData("""{"Counts":{"a":[1]}}""", "Counts.a")]
    [InlineData("""{"Regions":{"r":{"Capacity":{"disk":"x"}}}}""", "Regions.r.Capacity.disk")]
    [InlineData("""{"Names":[]}""", "Names")]
    [InlineData("""{"Names":"text"}""", "Names")]
    [InlineData("""{"Names":1}""", "Names")]
    [InlineData("""{"Regions":{"r":"text"}}""", "Regions.r")]
    public void JsonValuesOfTheWrongKindAreRefusedWithTheirPath(string json, string path)
        => Assert.Equal(path, Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(json)).Path);

    [Theory]
    [InlineData("<Counts><a>1</a><b>x</b></Counts>", "Counts.b")]
    [InlineData("<Counts>12</Counts>", "Counts")]
    [InlineData("<Counts><a><b>1</b></a></Counts>", "Counts.a")]
    [InlineData("<Regions><r><Capacity><disk>x</disk></Capacity></r></Regions>", "Regions.r.Capacity.disk")]
    public void XmlValuesOfTheWrongKindAreRefusedWithTheirPath(string elements, string path)
        => Assert.Equal(path, Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse>" + elements + "</DescribeAtlasResponse>")).Path);

    [Fact]
    public void XmlAttributesAndForeignElementsOfAMapAreKeptAsUnknownMembers()
    {
        var response = DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse><Names kind=\"labels\"><a>1</a><x:b xmlns:x=\"urn:other\">2</x:b></Names></DescribeAtlasResponse>");
        Assert.Equal(["a"], response.Names.Keys);
        Assert.Equal(["Names@kind", "Names.x:b"], response.UnknownMembers.Select(member => member.Name));
    }

    [Fact]
    public void XmlKeysAreLocalNamesAndTheirCaseCounts()
    {
        var names = DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse><Names><été>1</été><A>2</A><a>3</a><_x.y-z>4</_x.y-z></Names></DescribeAtlasResponse>").Names;
        Assert.Equal(["été", "A", "a", "_x.y-z"], names.Keys);
    }

    [Fact]
    public void AMapIsNotReadAsAListWithoutItsElement()
    {
        // A text value where a map's entries are expected cannot be kept anywhere: refused, as for a structure.
        Assert.Equal("Names", Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml("<DescribeAtlasResponse><Names>k</Names></DescribeAtlasResponse>")).Path);
    }

    [Fact]
    public void InvalidUtf8InAKeyIsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"Names":{"k?":"v"}}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(bytes));
        Assert.StartsWith("Names", failure.Path);
        Assert.Contains("UTF-8", failure.Reason);
    }

    [Fact]
    public void MapsThatAreSetCanBeReadAsDictionaries()
    {
        IReadOnlyDictionary<string, Region> regions = Documented("json").Regions;
        Assert.True(regions.TryGetValue("cn-beijing", out var beijing));
        Assert.Equal("Beijing", beijing!.Name);
        Assert.False(regions.TryGetValue("cn-shanghai", out _));
        Assert.Throws<ArgumentNullException>(() => regions.ContainsKey(null!));
    }
}
