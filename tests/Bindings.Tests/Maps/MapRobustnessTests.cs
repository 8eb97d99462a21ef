using System.Text;
using System.Text.Json;
using System.Xml;
using Bindings.Tests.Atlas;

namespace Bindings.Tests.Maps;

/// <summary>
/// Maps under hostile or random input: the size and depth limits hold for them as for lists, a large map
/// costs memory in proportion to the document, and random keys and values written by System.Text.Json and
/// XmlWriter come back exactly, in order.
/// </summary>
public class MapRobustnessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static byte[] ManyEntries(int count)
    {
        var json = new StringBuilder("{\"Counts\":{");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(i % 10);
        }

        return Encoding.UTF8.GetBytes(json.Append("}}").ToString());
    }

    [Fact]
    public void AMapLargerThanTheDocumentLimitIsRefusedBeforeItIsRead()
    {
        var document = ManyEntries(200_000);
        var options = new ResponseParseOptions { MaxDocumentSize = document.Length - 1 };
        var failure = Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(document, options));
        Assert.Contains("larger than the limit", failure.Message);
        Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(new MemoryStream(document), options));
    }

    [Fact]
    public void ALargeMapCostsMemoryInProportionToTheDocument()
    {
        // 200,000 entries of about 11 bytes each. Each entry costs its key (a string of ~40 bytes) and its
        // slots in the key and value arrays and in the hash index, all grown by doubling: about 175 bytes,
        // 15 times the JSON (measured). Allocation does not depend on the load; the bound of 24 times still
        // catches an entry that costs half again what it should (a copy per read, a list of pairs beside).
        var document = ManyEntries(200_000);
        DescribeAtlasResponse.ParseJson(document);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var response = DescribeAtlasResponse.ParseJson(document);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated:N0} bytes allocated for a {document.Length:N0}-byte document: {(double)allocated / document.Length:F1} times");
        Assert.Equal(200_000, response.Counts.Count);
        Assert.Equal(7, response.Counts["k199997"]);
        Assert.True(allocated < 24L * document.Length, $"{allocated:N0} bytes allocated for a {document.Length:N0}-byte document");
    }

    [Fact]
    public void NestedMapsCountTowardsTheDepthLimitInBothFormats()
    {
        // Response, Regions, the region, Capacity: four containers.
        var options = new ResponseParseOptions { MaxDepth = 3 };
        const string json = """{"Regions":{"r":{"Capacity":{"disk":1}}}}""";
        const string xml = "<DescribeAtlasResponse><Regions><r><Capacity><disk>1</disk></Capacity></r></Regions></DescribeAtlasResponse>";
        Assert.Equal(1L, DescribeAtlasResponse.ParseJson(json, new ResponseParseOptions { MaxDepth = 4 }).Regions["r"].Capacity["disk"]);
        Assert.Equal(1L, DescribeAtlasResponse.ParseXml(xml, new ResponseParseOptions { MaxDepth = 4 }).Regions["r"].Capacity["disk"]);
        Assert.Contains("depth", Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(json, options)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("deeper than the limit of 3", Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml(xml, options)).Message);
    }

    [Fact]
    public void DeeplyNestedAnyValuesInAMapAreRefusedAtTheDefaultLimit()
    {
        var json = "{\"Extra\":{\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";
        Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseJson(json));
        var xml = new StringBuilder("<DescribeAtlasResponse><Extra><deep>");
        for (var i = 0; i < 10_000; i++)
        {
            xml.Append("<a>");
        }

        for (var i = 0; i < 10_000; i++)
        {
            xml.Append("</a>");
        }

        xml.Append("</deep></Extra></DescribeAtlasResponse>");
        Assert.Contains("deeper than the limit of 64", Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml(xml.ToString())).Message);
    }

    [Fact]
    public void XmlDtdsAreRefusedAroundMapsToo()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <DescribeAtlasResponse><Names><k>&lol2;</k></Names></DescribeAtlasResponse>
            """;
        Assert.Throws<ResponseParseException>(() => DescribeAtlasResponse.ParseXml(xml));
    }

    [Fact]
    public void RandomMapsComeBackExactlyAndInOrderFromJson()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 300; round++)
        {
            var names = RandomEntries(random, anyKey: true);
            var counts = RandomEntries(random, anyKey: true).ToDictionary(entry => entry.Key, entry => entry.Value.Length);
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = random.Next(2) == 0 ? System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("Names");
                foreach (var entry in names)
                {
                    writer.WriteString(entry.Key, entry.Value);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("Counts");
                foreach (var entry in counts)
                {
                    writer.WriteNumber(entry.Key, entry.Value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            var response = DescribeAtlasResponse.ParseJson(buffer.ToArray());
            Assert.Equal(names.Select(entry => entry.Key), response.Names.Keys);
            Assert.Equal(names.Select(entry => entry.Value), response.Names.Values);
            Assert.Equal(counts, response.Counts);
            Assert.Equal(counts.Keys, response.Counts.Keys);
        }
    }

    [Fact]
    public void RandomMapsComeBackExactlyAndInOrderFromXml()
    {
        var random = new Random(20261202);
        for (var round = 0; round < 300; round++)
        {
            var names = RandomEntries(random, anyKey: false);
            var text = new StringBuilder();
            using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = random.Next(2) == 0 }))
            {
                writer.WriteStartElement("DescribeAtlasResponse");
                writer.WriteStartElement("Names");
                foreach (var entry in names)
                {
                    writer.WriteElementString(entry.Key, entry.Value);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var response = DescribeAtlasResponse.ParseXml(text.ToString());
            Assert.Equal(names.Select(entry => entry.Key), response.Names.Keys);
            Assert.Equal(names.Select(entry => entry.Value), response.Names.Values);
        }
    }

    /// <summary>Up to 40 entries with distinct keys: any text for JSON, XML names for XML; values of any text XML can hold.</summary>
    private static List<KeyValuePair<string, string>> RandomEntries(Random random, bool anyKey)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<KeyValuePair<string, string>>();
        var count = random.Next(0, 41);
        while (entries.Count < count)
        {
            var key = anyKey ? RandomText(random, 0, 12) : RandomXmlName(random);
            if (keys.Add(key))
            {
                entries.Add(new(key, RandomText(random, 0, 20)));
            }
        }

        return entries;
    }

    private static readonly string[] Pieces = ["a", "Z", "0", "_", "-", ".", " ", "\t", "\"", "\\", "/", "<", "&", "é", "日", "🙂", "\u2028", "\u00A0"];

    private static string RandomText(Random random, int min, int max)
    {
        var text = new StringBuilder();
        var length = random.Next(min, max + 1);
        for (var i = 0; i < length; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string RandomXmlName(Random random)
    {
        string[] starts = ["a", "Z", "_", "é", "日"];
        string[] rest = ["a", "Z", "0", "_", "-", ".", "é", "日"];
        var name = new StringBuilder(starts[random.Next(starts.Length)]);
        var length = random.Next(0, 10);
        for (var i = 0; i < length; i++)
        {
            name.Append(rest[random.Next(rest.Length)]);
        }

        return name.ToString();
    }
}
