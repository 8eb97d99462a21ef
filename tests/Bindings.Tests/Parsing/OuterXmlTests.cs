using System.Xml;
using Bindings.Serialization;

namespace Bindings.Tests.Parsing;

/// <summary>Unknown XML elements are kept as exactly what XmlReader.ReadOuterXml returns.</summary>
public class OuterXmlTests
{
    public static TheoryData<string> Elements => new()
    {
        "<BackupSetSize>1234567</BackupSetSize>",
        "<Name>plain text, with spaces and 中文</Name>",
        "<Empty></Empty>",
        "<SelfClosed/>",
        "<Escaped>a &amp; b &lt; c &gt; d</Escaped>",
        "<Quotes>\"quoted\" and 'single'</Quotes>",
        "<Entity>&#x1F600; and &#169;</Entity>",
        "<Lines>one\ntwo\r\nthree\tfour</Lines>",
        "<CData><![CDATA[<raw> & stuff]]></CData>",
        "<Mixed>text<Child>inner</Child>tail</Mixed>",
        "<Nested><ZoneId>cn-hangzhou-a</ZoneId><Retries>1</Retries><Retries>2</Retries></Nested>",
        "<Deep><A><B><C>x</C></B></A><D/></Deep>",
        "<WithAttribute id=\"1\">x</WithAttribute>",
        "<p:Prefixed xmlns:p=\"urn:p\">x</p:Prefixed>",
        "<Namespaced xmlns=\"urn:n\"><Child>x</Child></Namespaced>",
        "<Spaced xml:space=\"preserve\">  </Spaced>",
        "<ChildWithAttribute><Item key=\"a &amp; b\">v</Item></ChildWithAttribute>",
        "<Commented>a<!-- note -->b</Commented>",
        "<Outer><Inner><Leaf>x</Leaf><Empty/></Inner><Next>y &amp; z</Next></Outer>",
        "<Outer><Inner><Leaf>x</Leaf></Inner><Attr a=\"1\"/>tail</Outer>",
        "<Outer>text<![CDATA[c]]><X/></Outer>",
        "<Outer><A></A><B/><C>c</C></Outer>",
        "<Location><ZoneId>cn-hangzhou-a</ZoneId><Retries>1</Retries><Retries>2</Retries></Location>",
        "<Outer><Inner><p:Leaf xmlns:p=\"urn:p\">x</p:Leaf></Inner></Outer>",
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void SameAsReadOuterXml(string element)
    {
        var document = "<Root>" + element + "<After>next</After></Root>";
        using var expectedReader = Open(document);
        using var actualReader = Open(document);

        var expected = expectedReader.ReadOuterXml();
        var actual = XmlParsing.ReadOuterXml(actualReader);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedReader.NodeType, actualReader.NodeType);
        Assert.Equal(expectedReader.LocalName, actualReader.LocalName);
        Assert.Equal(expectedReader.Depth, actualReader.Depth);
    }

    private static XmlReader Open(string document)
    {
        var reader = XmlParsing.CreateReader(new StringReader(document), ResponseParseOptions.Default);
        reader.MoveToContent();
        reader.Read();
        return reader;
    }
}
