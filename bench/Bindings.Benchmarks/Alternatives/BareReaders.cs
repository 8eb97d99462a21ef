using System.Text.Json;
using System.Xml;

namespace Bindings.Benchmarks.Alternatives;

/// <summary>
/// The floors: the readers the generated parsers are built on, reading every token and building
/// nothing. No parser over these readers can be faster.
/// </summary>
public static class BareReaders
{
    /// <summary>Reads every JSON token; returns how many there were.</summary>
    public static int ReadAllJsonTokens(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>
    /// Reads every XML node with the generated parser's reader settings (DTDs refused, whitespace and
    /// comments skipped); returns how many nodes there were.
    /// </summary>
    public static int ReadAllXmlNodes(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Bindings.Serialization.XmlParsing.CreateSettings(ResponseParseOptions.Default));
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    /// <summary>
    /// Reads every XML node and the value of every text node; returns the total length of the text.
    /// XmlReader parses a text node's content only when asked, so this costs more than the floor.
    /// </summary>
    public static int ReadAllXmlNodesAndValues(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Bindings.Serialization.XmlParsing.CreateSettings(ResponseParseOptions.Default));
        var length = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                length += reader.Value.Length;
            }
        }

        return length;
    }
}
