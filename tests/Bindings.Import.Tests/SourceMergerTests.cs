using Bindings.Import.Merging;
using Bindings.Import.Model;

namespace Bindings.Import.Tests;

/// <summary>Which source wins for what (the table in the tool's README).</summary>
public sealed class SourceMergerTests
{
    private static ImportApi Api(string product, params ImportOperation[] operations)
    {
        var api = new ImportApi(product, "2024-01-01");
        api.Operations.AddRange(operations);
        return api;
    }

    private static ImportOperation Operation(string name, params ImportField[] request)
    {
        var operation = new ImportOperation(name);
        operation.Request.AddRange(request);
        return operation;
    }

    [Fact]
    public void Main_dara_decides_what_exists_and_its_types_api_docs_fills_what_it_lacks()
    {
        var dara = Api("Demo", Operation("Op",
            new ImportField("Mode", ImportType.Scalar(ImportTypeKind.String)) { Description = "From main.dara." },
            new ImportField("Size", ImportType.Scalar(ImportTypeKind.Integer))));
        var docs = Api("Demo", Operation("Op",
            new ImportField("Mode", ImportType.Scalar(ImportTypeKind.String)) { Description = "From api-docs.", EnumValues = new() { "A", "B" }, Default = "A" },
            new ImportField("Size", ImportType.Scalar(ImportTypeKind.String)) { Description = "The size.", Example = "10" },
            new ImportField("OnlyInDocs", ImportType.Scalar(ImportTypeKind.String))),
            Operation("Removed"));
        docs.Operations[0].Summary = "Does it.";
        docs.Operations[0].OperationType = "read";
        docs.Operations[0].SystemOperationType = "get";

        var merged = SourceMerger.Merge(dara, docs, null, null);
        var operation = Assert.Single(merged.Operations);
        Assert.Equal(new[] { "Mode", "Size" }, operation.Request.Select(field => field.WireName));
        Assert.Equal(("From main.dara.", "A", 2), (operation.Request[0].Description, operation.Request[0].Default, operation.Request[0].EnumValues!.Count));
        Assert.Equal((ImportTypeKind.Integer, "The size.", "10"), (operation.Request[1].Type.Kind, operation.Request[1].Description, operation.Request[1].Example));
        Assert.Equal(("Does it.", "read", "get"), (operation.Summary, operation.OperationType, operation.SystemOperationType));
        Assert.Contains("Op.request.Size: main.dara says integer, api-docs.json string; main.dara's is used", merged.Notes);
        Assert.Contains("api-docs.json describes operations main.dara does not have (not imported): Removed", merged.Notes);
    }

    [Fact]
    public void The_endpoint_map_is_main_daras_then_api_infos_never_api_docs_when_either_has_one()
    {
        var dara = Api("Demo");
        dara.EndpointMap.Add(new("cn-a", "demo.aliyuncs.com"));
        var info = Api("Demo");
        info.EndpointMap.Add(new("cn-a", "demo.aliyuncs.com"));
        info.EndpointMap.Add(new("cn-b", "demo.aliyuncs.com"));
        info.DeprecatedOperations.Add("Old");
        var docs = Api("Demo");
        docs.EndpointMap.Add(new("cn-a", "demo.cn-a.aliyuncs.com"));

        var merged = SourceMerger.Merge(dara, docs, info, null);
        Assert.Equal(new[] { "cn-a" }, merged.EndpointMap.Select(entry => entry.Key));
        Assert.Contains("main.dara's endpoint map and api-info.json's differ; main.dara's is used", merged.Notes);

        dara.EndpointMap.Clear();
        Assert.Equal(new[] { "cn-a", "cn-b" }, SourceMerger.Merge(dara, docs, info, null).EndpointMap.Select(entry => entry.Key));
        Assert.Equal("demo.cn-a.aliyuncs.com", SourceMerger.Merge(null, docs, null, null).EndpointMap.Single().Value);
    }

    [Fact]
    public void Deprecation_is_the_union_of_the_sources()
    {
        var dara = Api("Demo", Operation("A"), Operation("B"), Operation("C"));
        dara.Operations[0].Deprecated = true;
        var docs = Api("Demo", Operation("B"));
        docs.Operations[0].Deprecated = true;
        var info = Api("Demo");
        info.DeprecatedOperations.Add("C");
        var merged = SourceMerger.Merge(dara, docs, info, null);
        Assert.All(merged.Operations, operation => Assert.True(operation.Deprecated, operation.Name));
    }

    [Fact]
    public void Openapi_meta_only_cross_checks_repeat_lists()
    {
        var dara = Api("Demo", Operation("Op",
            new ImportField("Tag", ImportType.ListOf(ImportType.Scalar(ImportTypeKind.String))),
            new ImportField("Ids", ImportType.ListOf(ImportType.Scalar(ImportTypeKind.String))) { Style = "simple" }));
        var marks = new Dictionary<string, HashSet<string>> { ["Op"] = new() { "Ids" } };
        var merged = SourceMerger.Merge(dara, null, null, marks);
        Assert.Null(merged.Operations[0].Request[0].Style);
        Assert.Equal("simple", merged.Operations[0].Request[1].Style);
        Assert.Contains("Op.request.Tag: openapi-meta does not mark it RepeatList, main.dara sends it repeated; main.dara's is used", merged.Notes);
        Assert.Contains("Op.request.Ids: openapi-meta marks it RepeatList, main.dara sends it as simple; main.dara's is used", merged.Notes);
    }
}
