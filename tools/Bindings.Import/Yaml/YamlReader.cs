using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bindings.Import.Yaml;

/// <summary>Reads a YAML file (an overlay, an existing spec) into the importer's tree, with positions.</summary>
internal static class YamlReader
{
    /// <exception cref="YamlFormatException">The text is not YAML, or its root is not a mapping.</exception>
    public static YamlMap Read(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new YamlFormatException(file, (int)exception.Start.Line, (int)exception.Start.Column, exception.Message);
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMap();
        }

        return Convert(stream.Documents[0].RootNode, file) as YamlMap
            ?? throw new YamlFormatException(file, 1, 1, "the file is not a mapping of keys to values");
    }

    private static YamlNode Convert(YamlDotNet.RepresentationModel.YamlNode node, string file)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new YamlMap { Line = line, Column = column };
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode { Value: { } key })
                    {
                        throw new YamlFormatException(file, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column, "a key must be a plain value");
                    }

                    if (map.ContainsKey(key))
                    {
                        throw new YamlFormatException(file, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column, "the key '" + key + "' is given twice");
                    }

                    map.Add(key, Convert(entry.Value, file));
                    map.KeyPositions[key] = ((int)entry.Key.Start.Line, (int)entry.Key.Start.Column);
                }

                return map;
            case YamlSequenceNode sequenceNode:
                var sequence = new YamlSequence { Line = line, Column = column };
                foreach (var item in sequenceNode.Children)
                {
                    sequence.Items.Add(Convert(item, file));
                }

                return sequence;
            case YamlScalarNode scalar:
                return new YamlScalar(scalar.Value ?? "", KindOf(scalar)) { Line = line, Column = column };
            default:
                throw new YamlFormatException(file, line, column, "an alias or tag the importer does not read");
        }
    }

    private static ScalarKind KindOf(YamlScalarNode scalar)
    {
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return ScalarKind.String;
        }

        return scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            var text when decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
    }
}

internal sealed class YamlFormatException : Exception
{
    public YamlFormatException(string file, int line, int column, string message)
        : base(file + "(" + line + "," + column + "): " + message)
    {
    }
}
