using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bindings.Tests;

/// <summary>
/// specs/bindings-spec.schema.json, the JSON Schema that editors use to check and complete spec files:
/// it must be a valid draft-07 schema, accept every shipped spec and reject broken ones.
/// </summary>
public class SpecSchemaTests
{
    private const string SchemaFileName = "bindings-spec.schema.json";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromFile(SchemaPath));

    private static string RepoRoot => LazyRepoRoot.Value;
    private static string SpecsDir => Path.Combine(RepoRoot, "specs");
    private static string SchemaPath => Path.Combine(SpecsDir, SchemaFileName);

    public static TheoryData<string> ShippedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SpecsDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoRoot, file).Replace('\\', '/'));
        return data;
    }

    [Fact]
    public void SchemaIsAValidDraft07Schema()
    {
        using var schemaJson = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        Assert.Equal("http://json-schema.org/draft-07/schema#", schemaJson.RootElement.GetProperty("$schema").GetString());

        var results = MetaSchemas.Draft7.Evaluate(schemaJson.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        Assert.True(results.IsValid, Describe(results));

        Assert.NotNull(LazySchema.Value);
    }

    [Fact]
    public void EveryPropertyAndDefinitionHasADescription()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var missing = new List<string>();
        CollectUndescribed(schema, "#", missing);
        Assert.True(missing.Count == 0, "No description: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void ShippedSpecMatchesTheSchema(string relativePath)
    {
        var instance = YamlToJson(File.ReadAllText(Path.Combine(RepoRoot, relativePath)));
        var results = Validate(instance);
        Assert.True(results.IsValid, relativePath + " does not match the schema:\n" + Describe(results));
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void ShippedSpecNamesTheSchemaInItsModeline(string relativePath)
    {
        var path = Path.Combine(RepoRoot, relativePath);
        var expected = Path.GetRelativePath(Path.GetDirectoryName(path)!, SchemaPath).Replace('\\', '/');
        var firstLine = File.ReadLines(path).First();
        Assert.Equal("# yaml-language-server: $schema=" + expected, firstLine);
    }

    public static TheoryData<string> TestOnlySpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "tests", "Bindings.Tests", "Specs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoRoot, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(TestOnlySpecs))]
    public void TestOnlySpecMatchesTheSchemaAndNamesItInItsModeline(string relativePath)
    {
        var path = Path.Combine(RepoRoot, relativePath);
        var results = Validate(YamlToJson(File.ReadAllText(path)));
        Assert.True(results.IsValid, relativePath + " does not match the schema:\n" + Describe(results));
        var expected = Path.GetRelativePath(Path.GetDirectoryName(path)!, SchemaPath).Replace('\\', '/');
        Assert.Equal("# yaml-language-server: $schema=" + expected, File.ReadLines(path).First());
    }

    [Fact]
    public void ReadmeExampleMatchesTheSchema()
    {
        var readme = File.ReadAllText(Path.Combine(SpecsDir, "README.md")).ReplaceLineEndings("\n");
        // The example is the block that is a whole spec; the other blocks are fragments.
        var match = Regex.Match(readme, "^```yaml\n(# yaml-language-server.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, "specs/README.md has no ```yaml block that is a whole spec");

        var results = Validate(YamlToJson(match.Groups[1].Value));
        Assert.True(results.IsValid, "The example in specs/README.md does not match the schema:\n" + Describe(results));
    }

    private const string ValidSpec = """
        product: Demo
        version: "2020-01-01"
        namespace: Acme.Demo
        endpoints:
          default: demo.aliyuncs.com
          regional: demo.{regionId}.aliyuncs.com
          regions:
            cn-hangzhou: demo.aliyuncs.com
        enums:
          State:
            values:
              Running:
              Manual: {}
              in-progress:
                name: InProgress
                description: Still going.
        shapes:
          Job:
            members:
              JobId: { type: long, documentedType: String, example: "42" }
              State: { type: State }
        operations:
          DescribeJobs:
            readOnly: true
            request:
              InstanceId: { type: string, required: true, minLength: 1, maxLength: 64, ascii: true }
              PageSize: { type: integer, minimum: 1, maximum: 100, example: 30 }
              ClientToken: { type: string, idempotencyToken: true }
              Since: { type: datetime, format: yyyy-MM-ddTHH:mmZ, default: "2020-01-01T00:00Z" }
              Tags: { type: list, items: Job, style: repeatList }
              Names: { type: list, items: string, style: simple, position: body }
              Settings: { type: map, items: string, style: json, deprecated: Use Tags. }
              Raw: { type: any }
            response:
              Items: { type: list, items: Job, itemName: Job }
              Ids: { type: list, items: long }
              RequestId: { type: string, name: Id }
              Total: { type: integer }
              Labels: { type: map, items: string }
            pagination:
              items: Items
              pageNumber: PageNumber
              pageSize: PageSize
              totalCount: Total
            waiters:
              JobDone:
                minDelay: 2
                maxDelay: 30
                maxWait: 600
                acceptors:
                  - state: failure
                    path: Items[].State
                    anyEqual: [Manual]
                  - state: success
                    path: Items[].State
                    allEqual: Running
                  - state: retry
                    error: Throttling
        """;

    [Fact]
    public void BaselineOfTheBrokenSpecsMatchesTheSchema()
    {
        var results = Validate(YamlToJson(ValidSpec));
        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("member without type", "PageSize: { type: integer,", "PageSize: {", "/operations/DescribeJobs/request/PageSize")]
    [InlineData("unknown key in a member", "ascii: true }", "ascii: true, requried: true }", "/operations/DescribeJobs/request/InstanceId")]
    [InlineData("format on a string", "ascii: true }", "ascii: true, format: unixSeconds }", "/operations/DescribeJobs/request/InstanceId")]
    [InlineData("unknown datetime format", "format: yyyy-MM-ddTHH:mmZ", "format: dd.MM.yyyy", "/operations/DescribeJobs/request/Since/format")]
    [InlineData("style on a scalar", "ClientToken: { type: string,", "ClientToken: { type: string, style: json,", "/operations/DescribeJobs/request/ClientToken")]
    [InlineData("unknown style", "style: simple", "style: csv", "/operations/DescribeJobs/request/Names/style")]
    [InlineData("unknown position", "position: body", "position: header", "/operations/DescribeJobs/request/Names/position")]
    [InlineData("map without items", "Labels: { type: map, items: string }", "Labels: { type: map }", "/operations/DescribeJobs/response/Labels")]
    [InlineData("map with itemName", "Labels: { type: map, items: string }", "Labels: { type: map, items: string, itemName: Label }", "/operations/DescribeJobs/response/Labels")]
    [InlineData("region that is not a region ID", "cn-hangzhou: demo.aliyuncs.com", "CN_Hangzhou: demo.aliyuncs.com", "/endpoints/regions")]
    [InlineData("region host that is not a host", "cn-hangzhou: demo.aliyuncs.com", "cn-hangzhou: https://demo.aliyuncs.com/", "/endpoints/regions/cn-hangzhou")]
    [InlineData("pagination without items", "  items: Items\n      pageNumber", "  pageNumber", "/operations/DescribeJobs/pagination")]
    [InlineData("pagination of neither kind", "      pageNumber: PageNumber\n      pageSize: PageSize\n", "", "/operations/DescribeJobs/pagination")]
    [InlineData("waiter without acceptors", "maxWait: 600\n        acceptors:", "maxWait: 600\n        rules:", "/operations/DescribeJobs/waiters/JobDone")]
    [InlineData("acceptor with an unknown state", "state: retry", "state: later", "/operations/DescribeJobs/waiters/JobDone/acceptors/2/state")]
    [InlineData("acceptor with two matchers", "allEqual: Running", "allEqual: Running\n            exists: true", "/operations/DescribeJobs/waiters/JobDone/acceptors/1")]
    [InlineData("acceptor with a path and an error", "error: Throttling", "error: Throttling\n            path: Items", "/operations/DescribeJobs/waiters/JobDone/acceptors/2")]
    [InlineData("acceptor path with an index", "path: Items[].State\n            anyEqual", "path: Items[0].State\n            anyEqual", "/operations/DescribeJobs/waiters/JobDone/acceptors/0/path")]
    [InlineData("negative delay", "minDelay: 2", "minDelay: -1", "/operations/DescribeJobs/waiters/JobDone/minDelay")]
    [InlineData("list without items", "Ids: { type: list, items: long }", "Ids: { type: list }", "/operations/DescribeJobs/response/Ids")]
    [InlineData("items of a list that is a list", "items: long", "items: list", "/operations/DescribeJobs/response/Ids/items")]
    [InlineData("items on a non-list", "State: { type: State }", "State: { type: State, items: string }", "/shapes/Job/members/State")]
    [InlineData("maxLength on an integer", "PageSize: { type: integer,", "PageSize: { type: integer, maxLength: 3,", "/operations/DescribeJobs/request/PageSize")]
    [InlineData("minimum on a string", "InstanceId: { type: string,", "InstanceId: { type: string, minimum: 1,", "/operations/DescribeJobs/request/InstanceId")]
    [InlineData("non-boolean required", "required: true", "required: yes", "/operations/DescribeJobs/request/InstanceId/required")]
    [InlineData("C# name that is not an identifier", "name: Id }", "name: Request-Id }", "/operations/DescribeJobs/response/RequestId/name")]
    [InlineData("enum with empty values", "values:\n      Running:\n      Manual: {}\n      in-progress:\n        name: InProgress\n        description: Still going.", "values: {}", "/enums/State/values")]
    [InlineData("enum without values", "values:\n      Running:\n      Manual: {}\n      in-progress:\n        name: InProgress\n        description: Still going.", "description: No values.", "/enums/State")]
    [InlineData("enum wire value that is not an identifier, without name", "name: InProgress\n", "", "/enums/State/values/in-progress")]
    [InlineData("enum member named Unknown", "name: InProgress", "name: Unknown", "/enums/State/values/in-progress/name")]
    [InlineData("enum wire value Unknown without a name", "Running:", "Unknown:", "/enums/State/values/Unknown")]
    [InlineData("enum named like a type keyword", "  State:\n    values:", "  string:\n    values:", "/enums")]
    [InlineData("version not a date", "version: \"2020-01-01\"", "version: \"v1\"", "/version")]
    [InlineData("version as a number", "version: \"2020-01-01\"", "version: 2020", "/version")]
    [InlineData("missing product", "product: Demo\n", "", "")]
    [InlineData("product not an identifier", "product: Demo", "product: demo-api", "/product")]
    [InlineData("namespace not dotted identifiers", "namespace: Acme.Demo", "namespace: Acme..Demo", "/namespace")]
    [InlineData("regional endpoint without {regionId}", "regional: demo.{regionId}.aliyuncs.com", "regional: demo.aliyuncs.com", "/endpoints/regional")]
    [InlineData("unknown top-level key", "namespace: Acme.Demo", "namespace: Acme.Demo\nauthor: me", "/author")]
    [InlineData("unknown key in an operation", "readOnly: true", "readOnly: true\n    idempotent: true", "/operations/DescribeJobs")]
    [InlineData("shape without members", "  Job:\n    members:", "  Job:\n    description: x\n    fields:", "/shapes/Job")]
    public void BrokenSpecIsRejected(string why, string find, string replaceWith, string expectedLocation)
    {
        Assert.Contains(find, ValidSpec);
        var broken = ValidSpec.Replace(find, replaceWith);
        var results = Validate(YamlToJson(broken));
        Assert.False(results.IsValid, why + ": accepted");

        var locations = ErrorLocations(results).ToList();
        Assert.True(
            locations.Any(l => l == expectedLocation || (expectedLocation != "" && l.StartsWith(expectedLocation + "/", StringComparison.Ordinal))),
            $"{why}: expected an error at '{expectedLocation}', got:\n{Describe(results)}");
    }

    [Fact]
    public void YamlScalarsConvertAsAYaml12CoreSchemaReaderSeesThem()
    {
        var json = YamlToJson("""
            plainTrue: true
            plainFalse: False
            quotedTrue: "true"
            int: 42
            negative: -7
            hex: 0x1F
            float: 4.5
            exponent: 1e3
            quotedInt: "4762614"
            singleQuoted: '25'
            tilde: ~
            null: null
            empty:
            quotedEmpty: ""
            date: 2014-08-15
            yes: yes
            text: rds.{regionId}.aliyuncs.com
            explicitString: !!str 12
            list: [1, a, true]
            """)!.AsObject();

        Assert.Equal(JsonValueKind.True, json["plainTrue"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, json["plainFalse"]!.GetValueKind());
        Assert.Equal("true", json["quotedTrue"]!.GetValue<string>());
        Assert.Equal(42, json["int"]!.GetValue<long>());
        Assert.Equal(-7, json["negative"]!.GetValue<long>());
        Assert.Equal(31, json["hex"]!.GetValue<long>());
        Assert.Equal(4.5, json["float"]!.GetValue<double>());
        Assert.Equal(1000.0, json["exponent"]!.GetValue<double>());
        Assert.Equal("4762614", json["quotedInt"]!.GetValue<string>());
        Assert.Equal("25", json["singleQuoted"]!.GetValue<string>());
        Assert.True(json.ContainsKey("tilde") && json["tilde"] is null);
        Assert.True(json.ContainsKey("null") && json["null"] is null);
        Assert.True(json.ContainsKey("empty") && json["empty"] is null);
        Assert.Equal("", json["quotedEmpty"]!.GetValue<string>());
        Assert.Equal("2014-08-15", json["date"]!.GetValue<string>());
        Assert.Equal("yes", json["yes"]!.GetValue<string>());
        Assert.Equal("rds.{regionId}.aliyuncs.com", json["text"]!.GetValue<string>());
        Assert.Equal("12", json["explicitString"]!.GetValue<string>());
        Assert.Equal("[1,\"a\",true]", json["list"]!.ToJsonString());
    }

    // ---- helpers ----

    private static EvaluationResults Validate(JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        return LazySchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
    }

    // Hierarchical output keeps the errors of subschemas that were meant to fail (under "not", in the
    // "if" of a conditional, in the other branches of an anyOf that passed): only the invalid nodes count.
    private static IEnumerable<EvaluationResults> FailedNodes(EvaluationResults node)
    {
        if (node.IsValid)
            yield break;
        yield return node;
        foreach (var detail in node.Details ?? [])
            foreach (var failed in FailedNodes(detail))
                yield return failed;
    }

    // The nodes that explain a failure: those with messages, and the failed leaves (a failed "not" has no message).
    private static IEnumerable<EvaluationResults> Culprits(EvaluationResults results) =>
        FailedNodes(results).Where(n => n.Errors is { Count: > 0 } || !(n.Details ?? []).Any(d => !d.IsValid));

    private static IEnumerable<string> ErrorLocations(EvaluationResults results) =>
        Culprits(results).Select(n => n.InstanceLocation.ToString());

    private static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var node in Culprits(results))
        {
            var errors = node.Errors is { Count: > 0 } ? node.Errors : new Dictionary<string, string> { [""] = "(no message)" };
            foreach (var (keyword, message) in errors)
                text.Append("  at '").Append(node.InstanceLocation).Append("' (").Append(node.EvaluationPath)
                    .Append(keyword.Length > 0 ? ", " + keyword : "").Append("): ").AppendLine(message);
        }
        return text.Length == 0 ? (results.IsValid ? "valid" : "invalid, without messages") : text.ToString();
    }

    private static void CollectUndescribed(JsonNode node, string pointer, List<string> missing)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                if (array[i] is { } item)
                    CollectUndescribed(item, pointer + "/" + i, missing);
            return;
        }
        if (node is not JsonObject obj)
            return;

        foreach (var (key, value) in obj)
        {
            // The "if" of a conditional only tests an instance; editors show nothing from it.
            if (value is null || key == "if")
                continue;
            if (key is "properties" or "definitions" && value is JsonObject children)
            {
                foreach (var (name, child) in children)
                {
                    // A false schema under "properties" forbids the property: there is nothing to describe.
                    if (child is JsonObject childObject && childObject["description"]?.GetValueKind() != JsonValueKind.String)
                        missing.Add($"{pointer}/{key}/{name}");
                }
            }
            CollectUndescribed(value, pointer + "/" + key, missing);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bindings.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("No Bindings.sln above " + AppContext.BaseDirectory);
    }

    // ---- YAML to JSON, resolving plain scalars as the YAML 1.2 core schema does (as editors do) ----

    private static readonly Regex NullPattern = new("^(~|null|Null|NULL|)$", RegexOptions.CultureInvariant);
    private static readonly Regex BoolPattern = new("^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex IntPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex HexPattern = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalPattern = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    internal static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.True(stream.Documents.Count == 1, $"expected one YAML document, found {stream.Documents.Count}");
        return ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                        throw new InvalidOperationException($"A mapping key that is not a scalar at {key.Start}");
                    obj.Add(name, ToJson(value)); // throws on a duplicate key, as it should
                }
                return obj;

            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item));
                return array;

            case YamlScalarNode scalar:
                return ScalarToJson(scalar);

            default:
                throw new InvalidOperationException($"Unsupported YAML node {node.GetType().Name} at {node.Start}");
        }
    }

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        // Quoted and block scalars, and anything tagged (!!str, or the non-specific "!"), are strings.
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            if (!scalar.Tag.IsEmpty && scalar.Tag.Value != "tag:yaml.org,2002:str" && scalar.Tag.Value != "!")
                throw new InvalidOperationException($"Unsupported YAML tag {scalar.Tag.Value} at {scalar.Start}");
            return JsonValue.Create(text);
        }

        if (NullPattern.IsMatch(text))
            return null;
        if (BoolPattern.IsMatch(text))
            return JsonValue.Create(text[0] is 't' or 'T');
        if (IntPattern.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return JsonValue.Create(l);
            return JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        if (HexPattern.IsMatch(text))
            return JsonValue.Create(Convert.ToInt64(text[2..], 16));
        if (OctalPattern.IsMatch(text))
            return JsonValue.Create(Convert.ToInt64(text[2..], 8));
        if (FloatPattern.IsMatch(text))
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        // .inf and .nan have no JSON form; they stay strings, like every other plain scalar.
        return JsonValue.Create(text);
    }
}
