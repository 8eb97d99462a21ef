using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>Sources that are broken or meant to break the importer: a clear error or a note, never a crash or a spec that cannot build.</summary>
public sealed class HostileInputTests
{
    private static string Source(string name, string text)
    {
        var path = Path.Combine(NewFolder(), name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Init = "init(c: Config){\n  @product = 'Demo';\n  @version = '2024-01-01';\n}\n";

    [Fact]
    public void Types_nested_without_end_are_refused_with_a_position_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("[ ", 100_000)) + "string" + string.Concat(Enumerable.Repeat(" ]", 100_000));
        var (code, _, error) = Run("import", Source("main.dara", Init + "model XRequest {\n  a?: " + deep + "(name='A'),\n}\nmodel XResponseBody = {\n}\n"), "--out", NewFolder());
        Assert.Equal(2, code);
        Assert.Contains("main.dara(6,", error);
        Assert.Contains("types nested at most 64 deep", error);
    }

    [Fact]
    public void JSON_nested_too_deep_or_not_JSON_is_an_error()
    {
        var (code, _, error) = Run("import", Source("api-docs.json", "{\"apis\":" + new string('[', 10_000) + new string(']', 10_000) + "}"), "--out", NewFolder());
        Assert.Equal(2, code);
        Assert.Contains("api-docs.json(1): not valid JSON", error);

        (code, _, error) = Run("import", Source("api-docs.json", "{\"apis\": {\"X\": \"not an operation\"}, \"info\": \"nor info\"}"), "--out", NewFolder());
        Assert.Equal(2, code);
        Assert.Contains("a spec needs a C# identifier and a date", error);
    }

    [Fact]
    public void Wire_and_operation_names_the_format_cannot_carry_are_left_out_with_a_note()
    {
        var dara = Init + """
            model GoodRequest {
              fine?: string(name='Fine', position='Query'),
              spaced?: string(name='Has Space', position='Query'),
              markup?: string(name='A<b>&c', position='Query'),
            }
            model GoodResponseBody = {
              list?: { item?: [ string ](name='Bad Item') }(name='List'),
            }
            model BadRequest {
            }
            model BadResponseBody = {
            }
            async function good(request: GoodRequest): GoodResponse { return @handler.do('RPC', 'Good', 'POST', '/', 'json', false, 'json', request); }
            async function bad(request: BadRequest): BadResponse { return @handler.do('RPC', 'Bad-Op', 'POST', '/', 'json', false, 'json', request); }
            """;
        var folder = NewFolder();
        var (code, output, error) = Run("import", Source("main.dara", dara), "--out", folder, "--notes");
        Assert.True(code == 0, output + error);
        Assert.Contains("note: Good.request.Has Space: a wire name the spec format cannot carry", output);
        Assert.Contains("note: Good.request.A<b>&c: a wire name the spec format cannot carry", output);
        Assert.Contains("note: Good.response.List: a wire name the spec format cannot carry", output);
        Assert.Contains("note: Bad-Op: not a C# identifier", output);
        Assert.Equal(new[] { "Good.yaml", "demo-2024-01-01.yaml" }, Files(folder).Keys);
        var request = ImportTests.Read(folder, "Good.yaml").Map("operations")!.Map("Good")!.Map("request")!;
        Assert.Equal(new[] { "Fine" }, request.Keys);
    }

    [Fact]
    public void Text_that_YAML_would_misread_is_quoted_and_reads_back_the_same()
    {
        var tricky = new[] { "yes", "No", "~", "null", "0x1F", "1e3", "-1", "2024-05-01", ": x", "a: b", "x #y", "#z", "'q'", "\"d\"", "tab\there", "line\nbreak", "a\u2028b", " lead", "trail ", "@at", "*star", "&amp", "!bang", "%pc", "`tick", "|bar", ">gt" };
        var fields = string.Join(",\n", tricky.Select((text, i) => "  f" + i + "?: string(name='F" + i + "', example='" + text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\t", "\\t").Replace("\n", "\\n") + "', position='Query')"));
        var folder = NewFolder();
        var (code, output, error) = Run("import", Source("main.dara", Init + "model TrickyRequest {\n" + fields + ",\n}\nmodel TrickyResponseBody = {\n}\n"), "--out", folder);
        Assert.True(code == 0, output + error);
        var request = ImportTests.Read(folder, "Tricky.yaml").Map("operations")!.Map("Tricky")!.Map("request")!;
        for (var i = 0; i < tricky.Length; i++)
        {
            Assert.Equal(tricky[i].Trim(), request.Map("F" + i)!.Text("example"));
        }
    }

    [Fact]
    public void A_product_code_that_is_not_an_identifier_names_the_specs_in_PascalCase_and_keeps_its_hosts()
    {
        var dara = "init(c: Config){\n  @product = 'ocr-api';\n  @version = '2021-07-07';\n  @endpointRule = 'regional';\n}\nmodel RecognizeRequest {\n}\nmodel RecognizeResponseBody = {\n  requestId?: string(name='RequestId'),\n}\n";
        var folder = NewFolder();
        var (code, output, error) = Run("import", Source("main.dara", dara), "--out", folder, "--notes");
        Assert.True(code == 0, output + error);
        Assert.Contains("note: the product code 'ocr-api' is not a C# identifier: the specs name the product OcrApi", output);
        var shared = ImportTests.Read(folder, "ocr-api-2021-07-07.yaml");
        Assert.Equal(("OcrApi", "ocr-api.{regionId}.aliyuncs.com"), (shared.Text("product"), shared.Map("endpoints")!.Text("regional")));
    }

    [Fact]
    public void An_enum_the_model_declares_is_an_enum_of_the_specs()
    {
        var dara = Init + """
            enum AssetStatus: string {
              BLANK(value='Blank', description='Nothing yet'),
              NORMAL(value='Normal', description='Usable'),
            }
            model GetAssetRequest {
              status?: AssetStatus(name='Status', position='Query'),
            }
            model GetAssetResponseBody = {
              requestId?: string(name='RequestId'),
            }
            """;
        var folder = NewFolder();
        var (code, output, error) = Run("import", Source("main.dara", dara), "--out", folder);
        Assert.True(code == 0, output + error);
        Assert.Equal("AssetStatus", ImportTests.Read(folder, "GetAsset.yaml").Map("operations")!.Map("GetAsset")!.Map("request")!.Map("Status")!.Text("type"));
        var values = ImportTests.Read(folder, "demo-2024-01-01.yaml").Map("enums")!.Map("AssetStatus")!.Map("values")!;
        Assert.Equal(new[] { "Blank", "Normal" }, values.Keys);
        Assert.Equal("Usable", values.Map("Normal")!.Text("description"));
    }

    [Fact]
    public void Main_tea_beside_main_dara_gives_summaries_and_the_host_names_product_and_bad_hosts_are_cleaned()
    {
        var dara = """
            init(c: Config){
              @product = 'Demo';
              @version = '2024-01-01';
              @endpointRule = 'regional';
              @endpointMap = {
                'cn-a' = 'thing.aliyuncs.com\t',
                'cn-b' = 'not a host',
              };
            }
            model GetThingRequest {
            }
            model GetThingResponseBody = {
              requestId?: string(name='RequestId'),
            }
            async function getThing(request: GetThingRequest): GetThingResponse {
              return @handler.do('RPC', 'GetThing', 'POST', '/', 'json', false, 'json', request);
            }
            """;
        var tea = """
            init(config: OpenApi.Config){
              super(config);
              @endpointRule = 'regional';
              @endpoint = getEndpoint('thing', @regionId, @endpointRule, @network, @suffix, @endpointMap, @endpoint);
            }
            model GetThingRequest {
            }
            model GetThingResponseBody = {
              requestId?: string(name='RequestId'),
            }
            /**
             * @summary Gets a thing.
             */
            async function getThingWithOptions(request: GetThingRequest, runtime: Util.RuntimeOptions): GetThingResponse {
              var req = new OpenApi.OpenApiRequest{};
              var params = new OpenApi.Params{ action = 'GetThing', version = '2024-01-01' };
              return callApi(params, req, runtime);
            }
            """;
        var folder = NewFolder();
        var (code, output, error) = Run("import", Source("main.dara", dara), Source("main.tea", tea), "--out", folder, "--notes");
        Assert.True(code == 0, output + error);
        Assert.Equal("Gets a thing.", ImportTests.Read(folder, "GetThing.yaml").Map("operations")!.Map("GetThing")!.Text("description"));
        var endpoints = ImportTests.Read(folder, "demo-2024-01-01.yaml").Map("endpoints")!;
        Assert.Equal(("thing.aliyuncs.com", "thing.{regionId}.aliyuncs.com"), (endpoints.Text("default"), endpoints.Text("regional")));
        Assert.Equal(new[] { "cn-a" }, endpoints.Map("regions")!.Keys);
        Assert.Equal("thing.aliyuncs.com", endpoints.Map("regions")!.Text("cn-a"));
        Assert.Contains("note: endpoints.regions: the source's entry 'cn-b' = 'not a host' is not a region ID and a host name (or is given twice); left out", output);
    }
}
