using System.Collections.Generic;
using Bindings.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YAML text. Syntax errors, duplicate keys, non-scalar keys
/// and excessive nesting become diagnostics; nothing here throws.
/// </summary>
internal static class YamlTreeBuilder
{
    // Specs are a few levels deep; a limit keeps hostile input from exhausting the compiler's stack.
    private const int MaxDepth = 32;

    public static YamlNode? Build(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var parser = new Parser(new System.IO.StringReader(text));
        var anchors = new Dictionary<string, YamlNode>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MalformedYaml, SpecLocation.StartOf(filePath), "the file is empty"));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, filePath, anchors, diagnostics, depth: 0);
            parser.Consume<DocumentEnd>();
            return root;
        }
        catch (YamlException exception)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                Diagnostics.MalformedYaml,
                ToLocation(filePath, exception.Start, exception.End),
                Describe(exception)));
            return null;
        }
        catch (System.Exception exception) when (exception is System.InvalidOperationException or System.ArgumentException)
        {
            // YamlDotNet 16.3 throws these instead of a YamlException on some malformed input: its scanner an
            // InvalidOperationException on a broken flow collection ("regional: [" then a less indented
            // line), TagName an ArgumentException on a tag such as !!++1 (found by fuzzing).
            var at = parser.Current is { } current ? ToLocation(filePath, current.Start, current.End) : SpecLocation.StartOf(filePath);
            var reason = exception is System.ArgumentException argument && argument.ParamName is { } parameter
                ? argument.Message.Replace(" (Parameter '" + parameter + "')", string.Empty)
                : "an unclosed [ or {, or text the YAML reader cannot read";
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MalformedYaml, at, "after this point: " + reason));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string filePath, Dictionary<string, YamlNode> anchors, List<DiagnosticInfo> diagnostics, int depth)
    {
        if (depth > MaxDepth)
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, "the spec is nested more than " + MaxDepth + " levels deep");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            throw new YamlException(alias.Start, alias.End, "the alias *" + alias.Value.Value + " names no anchor");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToLocation(filePath, scalar.Start, scalar.End));
            Remember(anchors, scalar.Anchor, node);
            return node;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, filePath, anchors, diagnostics, depth + 1));
            }

            var node = new YamlSequence(items, ToLocation(filePath, sequenceStart.Start, sequenceStart.End));
            Remember(anchors, sequenceStart.Anchor, node);
            return node;
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current!;
                var key = ReadNode(parser, filePath, anchors, diagnostics, depth + 1);
                var value = ReadNode(parser, filePath, anchors, diagnostics, depth + 1);
                if (key is not YamlScalar scalarKey)
                {
                    throw new YamlException(keyStart.Start, keyStart.End, "a key must be a plain name, not " + key.KindName);
                }

                if (!seen.Add(scalarKey.Value))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateName, scalarKey.Location, "key", scalarKey.Value));
                    continue;
                }

                entries.Add(new KeyValuePair<YamlScalar, YamlNode>(scalarKey, value));
            }

            var node = new YamlMapping(entries, ToLocation(filePath, mappingStart.Start, mappingStart.End));
            Remember(anchors, mappingStart.Anchor, node);
            return node;
        }

        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, "unexpected " + unexpected.GetType().Name);
    }

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SpecLocation ToLocation(string filePath, Mark start, Mark end)
    {
        // YamlDotNet counts from 1; Roslyn from 0. An empty mark (line 0) means "unknown": use the start.
        var line = System.Math.Max(0, (int)start.Line - 1);
        var column = System.Math.Max(0, (int)start.Column - 1);
        var endLine = System.Math.Max(line, (int)end.Line - 1);
        var endColumn = endLine == line ? System.Math.Max(column, (int)end.Column - 1) : System.Math.Max(0, (int)end.Column - 1);
        return new SpecLocation(filePath, line, column, endLine, endColumn);
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location says that already.
        var message = exception.Message;
        var marker = message.IndexOf("): ", System.StringComparison.Ordinal);
        return marker >= 0 ? message.Substring(marker + 3) : message;
    }
}
