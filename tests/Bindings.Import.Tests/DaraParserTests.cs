using Bindings.Import.Model;
using Bindings.Import.Sources.Darabonba;

namespace Bindings.Import.Tests;

/// <summary>The Darabonba tokenizer and parser on the constructs main.dara uses, and its errors.</summary>
public sealed class DaraParserTests
{
    [Fact]
    public void Strings_resolve_the_languages_escapes_and_keep_everything_else()
    {
        var tokens = DaraLexer.Tokenize("t.dara", @"'a\\*b' 'it\'s' ""q\""x"" 'tab\tnl\n' 'multi
line'");
        Assert.Equal(new[] { @"a\*b", "it's", "q\"x", "tab\tnl\n", "multi\nline", "" }, tokens.Select(token => token.Text));
        Assert.All(tokens.Take(5), token => Assert.Equal(DaraTokenKind.String, token.Kind));
    }

    [Fact]
    public void An_unknown_escape_and_an_unclosed_string_are_errors_at_their_position()
    {
        var escape = Assert.Throws<DaraSyntaxException>(() => DaraLexer.Tokenize("t.dara", "model A {\n  a?: string(name='x\\q'),\n}"));
        Assert.Equal((2, 21), (escape.Line, escape.Column));
        Assert.Contains("\\q", escape.Message);

        var unclosed = Assert.Throws<DaraSyntaxException>(() => DaraLexer.Tokenize("t.dara", "x = 'never closed"));
        Assert.Equal((1, 5), (unclosed.Line, unclosed.Column));
    }

    [Fact]
    public void Numbers_words_with_hyphens_comments_and_annotations()
    {
        var tokens = DaraLexer.Tokenize("t.dara", "// a comment\n/** doc */ cn-hangzhou -3 2.5 10L @endpointMap");
        Assert.Equal(
            new[] { (DaraTokenKind.Annotation, "/** doc */"), (DaraTokenKind.Word, "cn-hangzhou"), (DaraTokenKind.Number, "-3"), (DaraTokenKind.Number, "2.5"), (DaraTokenKind.Number, "10"), (DaraTokenKind.Variable, "@endpointMap"), (DaraTokenKind.End, "") },
            tokens.Select(token => (token.Kind, token.Text)));
    }

    [Fact]
    public void Models_have_required_flags_types_attributes_and_nested_structures()
    {
        var module = DaraParser.Parse("t.dara", """
            model DescribeXRequest {
              DBInstanceId: string(name='DBInstanceId', position='Query'),
              pageSize?: int32(name='PageSize', minimum=1, maximum=100, position='Query'),
              tag?: [
                {
                  key?: string(name='Key'),
                }
              ](name='Tag', position='Query'),
              config?: map[string]any(name='Config', shrink='json', position='Query'),
              ids?: [ string ](name='Ids', shrink='simple', position='Query'),
            }
            """);

        var model = Assert.Single(module.Models);
        Assert.Equal("DescribeXRequest", model.Name);
        Assert.Equal(new[] { false, true, true, true, true }, model.Fields.Select(field => field.Optional));
        Assert.Equal("100", model.Fields[1].StringAttribute("maximum"));
        var tag = Assert.IsType<DaraListType>(model.Fields[2].Type);
        var structure = Assert.IsType<DaraStructureType>(tag.Element);
        Assert.Equal("Key", structure.Fields.Single().StringAttribute("name"));
        var map = Assert.IsType<DaraMapType>(model.Fields[3].Type);
        Assert.Equal(new DaraNamedType("any"), map.Value);
        Assert.Equal("simple", model.Fields[4].StringAttribute("shrink"));
    }

    [Fact]
    public void Init_assignments_and_function_bodies_are_read_without_interpreting_statements()
    {
        var module = DaraParser.Parse("t.dara", """
            init(config: Config){
              super(config);
              @endpointRule = 'regional';
              @endpointMap = {
                'cn-a' = 'x.aliyuncs.com',
                'cn-b' = 'y.aliyuncs.com',
              };
              if (!Util.empty(@endpoint)) { @other = `template ${@endpoint} text`; }
            }

            async function describeX(request: DescribeXRequest, runtime: Util.RuntimeOptions): DescribeXResponse {
              var query = {};
              if (!Util.isUnset(request.a)) { query['A'] = request.a; }
              return callApi({ action = 'DescribeX' }, runtime);
            }

            function getEndpoint(productId: string, regionId: string) throws: string{
              return '';
            }
            """);

        Assert.Equal("regional", module.Variables["@endpointRule"].Text);
        Assert.Equal(new[] { "cn-a", "cn-b" }, module.Variables["@endpointMap"].Entries!.Select(entry => entry.Key));
        Assert.Equal(new[] { "describeX", "getEndpoint" }, module.Functions.Select(function => function.Name));
        Assert.Contains(module.Functions[0].Body, token => token.Is(DaraTokenKind.String, "DescribeX"));
    }

    [Fact]
    public void A_missing_comma_between_fields_names_the_field_line_and_column()
    {
        var exception = Assert.Throws<DaraSyntaxException>(() => DaraParser.Parse("t.dara", "model A {\n  a?: string(name='A')\n  b?: string(name='B'),\n}"));
        Assert.Equal((3, 3), (exception.Line, exception.Column));
        Assert.Contains("after the field 'a'", exception.Message);
    }

    [Fact]
    public void The_reader_takes_operations_from_functions_with_their_documentation_and_wire_names()
    {
        var api = DaraReader.Read(TestSupport.Fixture("backup-tasks", "main.dara"), File.ReadAllText(TestSupport.Fixture("backup-tasks", "main.dara")));

        Assert.Equal(("Rds", "2014-08-15", "regional"), (api.Product, api.Version, api.EndpointRule));
        Assert.Equal("rds-vpc.cn-hangzhou-finance.aliyuncs.com", api.EndpointMap.Single(entry => entry.Key == "cn-hangzhou-finance").Value);
        var operation = Assert.Single(api.Operations);
        Assert.Equal("DescribeBackupTasks", operation.Name);
        Assert.StartsWith("### [](#)Supported database engines\n*   RDS MySQL", operation.Description);
        Assert.Equal(
            new[] { "BackupJobId", "BackupJobStatus", "BackupMode", "ClientToken", "DBInstanceId", "Flag", "OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId" },
            operation.Request.Select(field => field.WireName));
        Assert.True(operation.Request.Single(field => field.WireName == "DBInstanceId").Required);
        Assert.Equal(ImportTypeKind.Integer, operation.Request[0].Type.Kind);
        Assert.All(operation.Request, field => Assert.Equal("Query", field.Position));

        var items = operation.Response[0];
        Assert.Equal(("Items", ImportTypeKind.Structure), (items.WireName, items.Type.Kind));
        var list = Assert.Single(items.Type.Fields!);
        Assert.Equal(("BackupJob", ImportTypeKind.List), (list.WireName, list.Type.Kind));
        Assert.Equal(7, list.Type.Element!.Fields!.Count);
    }

    [Fact]
    public void Deprecated_operations_and_inline_tags_in_annotations()
    {
        var annotation = DaraAnnotation.Parse("/**\n  * @deprecated OpenAPI X is deprecated, please use Y instead.  * @description >  Phased out.\n  * @param request  X\n  * @return XResponse\n */");
        Assert.True(annotation.IsDeprecated);
        Assert.Equal("OpenAPI X is deprecated, please use Y instead.", annotation.Deprecated);
        Assert.Equal(">  Phased out.", annotation.Description);
    }

    [Fact]
    public void Streaming_functions_return_generic_types()
    {
        var module = DaraParser.Parse("t.dara", "function chatWithResponseIterable(request: ChatRequest): iterator[ChatResponseBody] {\n  yield @handler.doSSERequest('SSE', 'Chat', 'POST', '/', 'json', false, 'json', request);\n}\n");
        var type = Assert.IsType<DaraGenericType>(module.Functions.Single().ReturnType);
        Assert.Equal(("iterator", new DaraNamedType("ChatResponseBody")), (type.Name, type.Element));
    }
}
