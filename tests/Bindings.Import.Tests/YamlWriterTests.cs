using Bindings.Import.Yaml;

namespace Bindings.Import.Tests;

/// <summary>The YAML writer: whatever a string holds, YAML reads back the same string; the layout is fixed.</summary>
public sealed class YamlWriterTests
{
    [Fact]
    public void Any_string_reads_back_the_same()
    {
        var random = new Random(12);
        const string alphabet = "aZ09 :#-?,[]{}&*!|>'\"%@`~\\\t\n\r\u0085\u00A0\u2028\u2029\uFEFFé日本\u0001\u007F";
        var document = new YamlMap();
        var expected = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 140);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            expected.Add(text);
            document.Add("k" + i, new YamlScalar(text));
        }

        var read = YamlReader.Read("round-trip.yaml", YamlWriter.Write(document));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], read.Text("k" + i) ?? "");
        }
    }

    [Fact]
    public void Long_text_folds_at_the_width_and_sections_are_spaced()
    {
        var text = string.Join(" ", Enumerable.Repeat("word", 60));
        var document = new YamlMap()
            .Add("product", "Demo")
            .Add("version", "2024-01-01")
            .Add("enums", new YamlMap().Add("A", new YamlMap().Add("description", text)).Add("B", new YamlMap().Add("values", new YamlMap().Add("X", YamlScalar.Null))));
        var yaml = YamlWriter.Write(document, new[] { "header", "" });
        Assert.StartsWith("# header\n#\nproduct: Demo\nversion: \"2024-01-01\"\n\nenums:\n  A:\n    description: >-\n      word word", yaml);
        Assert.Contains("\n\n  B:\n    values:\n      X:\n", yaml);
        Assert.All(yaml.Split('\n'), line => Assert.True(line.Length <= YamlWriter.Width, line));
        Assert.Equal(text, YamlReader.Read("x.yaml", yaml).Map("enums")!.Map("A")!.Text("description"));
    }
}
