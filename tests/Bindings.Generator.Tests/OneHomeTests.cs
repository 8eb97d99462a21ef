using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Bindings.Generator.Model;
using Bindings.Generator.Parsing;
using Bindings.Serialization;
using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Tests;

/// <summary>
/// Each fact is declared once in the generator, and what restates it elsewhere must agree: the diagnostic
/// descriptors with AnalyzerReleases.*.md and the README's table; the built-in type table with the JSON
/// schema, the runtime's read and format helpers and the spec format's README; the spec keys with the schema.
/// </summary>
public class OneHomeTests
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    private static string Root => LazyRoot.Value;

    [Fact]
    public void EveryDescriptorIsInTheReleaseNotesWithItsCategorySeverityAndTitle()
    {
        var released = new Dictionary<string, (string Category, string Severity, string Title)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (Match row in Regex.Matches(File.ReadAllText(Path.Combine(Root, "generator", file)), @"^(BND\d{3})\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|\s*(.+?)\s*$", RegexOptions.Multiline))
            {
                Assert.True(released.TryAdd(row.Groups[1].Value, (row.Groups[2].Value, row.Groups[3].Value, row.Groups[4].Value)), row.Groups[1].Value + " is listed twice");
            }
        }

        Assert.Equal(Diagnostics.All.Select(descriptor => descriptor.Id).Order(), released.Keys.Order());
        foreach (var descriptor in Diagnostics.All)
        {
            Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString(), descriptor.Title.ToString()), released[descriptor.Id]);
        }
    }

    [Fact]
    public void EveryDescriptorIsInTheReadmeTableWithItsSeverity()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var table = readme.Substring(readme.IndexOf("## Diagnostics", StringComparison.Ordinal));
        var rows = Regex.Matches(table, @"^\| (BND\d{3}) \| (\w+) \| (.+) \|$", RegexOptions.Multiline)
            .ToDictionary(row => row.Groups[1].Value, row => row.Groups[2].Value);
        Assert.Equal(Diagnostics.All.Select(descriptor => descriptor.Id).Order(), rows.Keys.Order());
        foreach (var descriptor in Diagnostics.All)
        {
            Assert.Equal(descriptor.DefaultSeverity.ToString().ToLowerInvariant(), rows[descriptor.Id]);
        }
    }

    [Fact]
    public void DescriptorIdsAreUniqueAndTheirMessagesTakeTheArgumentsTheyAreGiven()
    {
        Assert.Equal(Diagnostics.All.Length, Diagnostics.All.Select(descriptor => descriptor.Id).Distinct().Count());
        foreach (var descriptor in Diagnostics.All)
        {
            // Every placeholder {0}..{n} is a string argument; an unused hole would show up as text.
            var holes = Regex.Matches(descriptor.MessageFormat.ToString(), @"\{(\d+)\}").Select(match => int.Parse(match.Groups[1].Value)).Distinct().Order().ToList();
            Assert.Equal(Enumerable.Range(0, holes.Count), holes);
        }
    }

    [Fact]
    public void TheSchemasTypeListsAreTheBuiltInTable()
    {
        var definitions = Schema()["definitions"]!;
        var names = BuiltInTypes.All.Select(type => type.SpecName).ToList();
        var withList = names.Append(BuiltInTypes.List).Append(BuiltInTypes.Map).ToList();

        Assert.Equal(withList, Strings(definitions["member"]!["properties"]!["type"]!["anyOf"]![0]!["enum"]!));
        Assert.Equal(names, Strings(definitions["member"]!["properties"]!["items"]!["anyOf"]![0]!["enum"]!));
        Assert.Equal(withList, Strings(definitions["typeName"]!["not"]!["enum"]!));

        // The constraints' conditions name the types that take them.
        var conditions = definitions["member"]!["allOf"]!.AsArray();
        var range = conditions.Single(condition => condition!["$comment"]!.ToString().StartsWith("minimum and maximum", StringComparison.Ordinal));
        Assert.Equal(
            BuiltInTypes.All.Where(type => type.Constraints.HasFlag(ConstraintKinds.Range)).Select(type => type.SpecName),
            Strings(range!["if"]!["properties"]!["type"]!["not"]!["enum"]!));
        var length = conditions.Single(condition => condition!["$comment"]!.ToString().StartsWith("minLength, maxLength", StringComparison.Ordinal));
        Assert.Equal(
            BuiltInTypes.All.Where(type => type.Constraints.HasFlag(ConstraintKinds.Length)).Select(type => type.SpecName).Single(),
            length!["if"]!["properties"]!["type"]!["not"]!["const"]!.ToString());
    }

    [Fact]
    public void EveryBuiltInTypeHasItsRuntimeHelpers()
    {
        foreach (var type in BuiltInTypes.All)
        {
            var value = RuntimeType(type);
            var expected = value.IsValueType ? typeof(Nullable<>).MakeGenericType(value) : value;

            // A raw value is cut from the document: its readers take the JSON text and the XML options too.
            var isRaw = type.Kind == ValueKind.Raw;
            var json = typeof(JsonParsing).GetMethod(type.JsonReader, isRaw
                ? new[] { typeof(System.Text.Json.Utf8JsonReader).MakeByRefType(), typeof(ReadOnlySpan<byte>) }
                : new[] { typeof(System.Text.Json.Utf8JsonReader).MakeByRefType() });
            Assert.True(json is not null, "JsonParsing." + type.JsonReader + "(ref Utf8JsonReader) for " + type.SpecName);
            Assert.Equal(expected, json.ReturnType);

            var xml = typeof(XmlParsing).GetMethod(type.XmlReader, isRaw ? new[] { typeof(XmlReader), typeof(Bindings.ResponseParseOptions) } : new[] { typeof(XmlReader) });
            Assert.True(xml is not null, "XmlParsing." + type.XmlReader + "(XmlReader) for " + type.SpecName);
            Assert.Equal(expected, xml.ReturnType);

            if (type.WireFormatter is { } formatter)
            {
                var format = typeof(WireText).GetMethod(formatter, new[] { value });
                Assert.True(format is not null, "WireText." + formatter + "(" + value.Name + ") for " + type.SpecName);
                Assert.Equal(typeof(string), format.ReturnType);
            }
            else
            {
                // Written as it is: a string's own text, a raw value's JSON text (WireScalar.Json).
                Assert.Contains(value, new[] { typeof(string), typeof(Bindings.RawValue) });
            }

            Assert.Equal(value.IsValueType, type.IsValueType);
        }
    }

    [Fact]
    public void TheSpecFormatReadmeNamesEveryBuiltInType()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "specs", "README.md"));
        var typeRow = readme.Split('\n').Single(line => line.StartsWith("| `type` |", StringComparison.Ordinal));
        foreach (var type in BuiltInTypes.All)
        {
            Assert.Contains("`" + type.SpecName + "`", typeRow);
        }

        Assert.Contains("`" + BuiltInTypes.List + "`", typeRow);
    }

    [Fact]
    public void TheSchemasKeysAreTheReadersKeys()
    {
        var schema = Schema();
        foreach (var (definition, keys) in SpecKeys.BySchemaDefinition)
        {
            var node = definition is null ? schema : schema["definitions"]![definition]!;
            Assert.Equal(keys.Order(), node["properties"]!.AsObject().Select(property => property.Key).Order());
        }
    }

    private static Type RuntimeType(BuiltInType type) => type.CSharpType switch
    {
        "string" => typeof(string),
        "int" => typeof(int),
        "long" => typeof(long),
        "bool" => typeof(bool),
        "double" => typeof(double),
        "decimal" => typeof(decimal),
        "global::Bindings.RawValue" => typeof(Bindings.RawValue),
        var name when name.StartsWith("global::", StringComparison.Ordinal) => Type.GetType(name.Substring("global::".Length), throwOnError: true)!,
        var other => throw new InvalidOperationException("No runtime type for " + other),
    };

    private static JsonNode Schema() => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "specs", "bindings-spec.schema.json")))!;

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(item => item!.ToString()).ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bindings.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Bindings.sln above " + AppContext.BaseDirectory);
    }
}
