using Bindings.Import.Yaml;
using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>The command line end to end on the fixtures: what it writes, that a re-run changes no byte, subsets.</summary>
public sealed class ImportTests
{
    private static readonly string Overlay = Fixture("backup-tasks", "import-overlay.yaml");

    private static string[] Features(params string[] more)
        => new[] { "import", Fixture("features", "main.dara"), Fixture("features", "api-docs.json"), Fixture("features", "api-info.json") }.Concat(more).ToArray();

    private static (int, string, string) ImportBackupTasks(string folder, params string[] more)
        => Run(new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", folder, "--overlay", Overlay }).Concat(more).ToArray());

    [Fact]
    public void Re_running_the_import_on_the_same_input_changes_no_byte()
    {
        var folder = NewFolder();
        var (code, output, error) = ImportBackupTasks(folder);
        Assert.True(code == 0, output + error);
        Assert.Contains("2 written, 0 unchanged", output);
        var first = Files(folder);
        Assert.Equal(new[] { "DescribeBackupTasks.yaml", "rds-2014-08-15.yaml" }, first.Keys);

        (code, output, _) = ImportBackupTasks(folder);
        Assert.Equal(0, code);
        Assert.Contains("0 written, 2 unchanged", output);
        Assert.Equal(first, Files(folder));

        // Another folder, another process state: the same bytes.
        var other = NewFolder();
        ImportBackupTasks(other);
        Assert.Equal(first, Files(other));
        foreach (var text in first.Values)
        {
            Assert.StartsWith("# yaml-language-server: $schema=../bindings-spec.schema.json\n#\n# Imported by bindings import from main.dara, api-docs.json, api-info.json.\n", text);
            Assert.DoesNotContain("\r", text);
        }
    }

    [Fact]
    public void A_later_import_of_other_operations_keeps_the_earlier_ones_and_gives_the_same_files_as_one_import()
    {
        var stepwise = NewFolder();
        Assert.Equal(0, Run(Features("--out", stepwise, "--operations", "CreateThing")).Item1);
        Assert.Equal(new[] { "CreateThing.yaml", "demo-2024-01-01.yaml" }, Files(stepwise).Keys);
        Assert.Equal(0, Run(Features("--out", stepwise, "--operations", "DescribeThings")).Item1);

        var atOnce = NewFolder();
        Assert.Equal(0, Run(Features("--out", atOnce, "--operations", "DescribeThings,CreateThing")).Item1);
        Assert.Equal(Files(atOnce), Files(stepwise));
        Assert.Equal(new[] { "CreateThing.yaml", "DescribeThings.yaml", "demo-2024-01-01.yaml" }, Files(stepwise).Keys);
    }

    [Fact]
    public void Identical_structures_share_one_shape_and_different_ones_of_one_name_are_qualified()
    {
        var folder = NewFolder();
        Assert.Equal(0, Run(Features("--out", folder)).Item1);
        var shared = Read(folder, "demo-2024-01-01.yaml");
        var tag = shared.Map("shapes")!.Map("Tag")!;
        Assert.Equal(new[] { "Key", "Value" }, tag.Map("members")!.Keys);

        // {Key, Value} in three operations is one shape in the shared file, and every one of them uses it.
        foreach (var operation in new[] { "CreateThing", "DescribeThings", "ListThingTags" })
        {
            var request = Read(folder, operation + ".yaml").Map("operations")!.Map(operation)!.Map("request")!;
            Assert.Equal("Tag", request.Map("Tag")!.Text("items"));
            Assert.Null(Read(folder, operation + ".yaml").Map("shapes")?.Map("Tag"));
        }

        // {key, value} is another structure: qualified, in its operation's file, with C# names for the lower-case wire names.
        var addTags = Read(folder, "AddTagsToThing.yaml");
        Assert.Equal("AddTagsToThingTag", addTags.Map("operations")!.Map("AddTagsToThing")!.Map("request")!.Map("Tag")!.Text("items"));
        var members = addTags.Map("shapes")!.Map("AddTagsToThingTag")!.Map("members")!;
        Assert.Equal(("Key", "Value"), (members.Map("key")!.Text("name"), members.Map("value")!.Text("name")));

        // {TagKey, TagValue, ThingId} is "Tag" in one operation and "TagResource" in another; "Tag" is taken
        // by the more common shape, so it is the other name its occurrences use, not a qualified one.
        Assert.Equal("TagResource", Read(folder, "DescribeThingTags.yaml").Map("operations")!.Map("DescribeThingTags")!.Map("response")!.Map("Tags")!.Text("items"));
        Assert.Equal("TagResource", Read(folder, "ListThingTags.yaml").Map("operations")!.Map("ListThingTags")!.Map("response")!.Map("TagResources")!.Text("items"));
        Assert.NotNull(shared.Map("shapes")!.Map("TagResource"));

        // A list's item shape takes the item name or the singular of the list.
        var things = Read(folder, "DescribeThings.yaml").Map("shapes")!;
        Assert.Equal(new[] { "Endpoint", "Thing" }, things.Keys);
        Assert.Equal("Endpoint", things.Map("Thing")!.Map("members")!.Map("Endpoints")!.Text("items"));
    }

    [Fact]
    public void Enums_come_only_from_the_rule_and_one_wire_name_with_two_value_sets_gives_two_qualified_enums()
    {
        var folder = NewFolder();
        Run(Features("--out", folder));
        var enums = Read(folder, "demo-2024-01-01.yaml").Map("enums")!;
        Assert.Equal(new[] { "CreateThingMode", "DescribeThingsMode" }, enums.Keys);
        Assert.Equal(new[] { "Fast", "Safe" }, enums.Map("CreateThingMode")!.Map("values")!.Keys);
        Assert.Equal("quick.", enums.Map("CreateThingMode")!.Map("values")!.Map("Fast")!.Text("description"));

        // Status lists its values nowhere: a string. CreateThingMode's member no longer repeats the values.
        var thing = Read(folder, "DescribeThings.yaml").Map("shapes")!.Map("Thing")!.Map("members")!;
        Assert.Equal("string", thing.Map("Status")!.Text("type"));
        var mode = Read(folder, "CreateThing.yaml").Map("operations")!.Map("CreateThing")!.Map("request")!.Map("Mode")!;
        Assert.Equal(("CreateThingMode", "The creation mode."), (mode.Text("type"), mode.Text("description")));
    }

    [Fact]
    public void Request_styles_positions_maps_free_form_values_defaults_and_deprecations()
    {
        var folder = NewFolder();
        var (_, output, _) = Run(Features("--out", folder, "--notes"));
        var create = Read(folder, "CreateThing.yaml").Map("operations")!.Map("CreateThing")!;
        var request = create.Map("request")!;
        Assert.Equal(("ServerlessConfig", "json"), (request.Map("ServerlessConfig")!.Text("type"), request.Map("ServerlessConfig")!.Text("style")));
        Assert.Equal(("list", "string", "simple"), (request.Map("InstanceIds")!.Text("type"), request.Map("InstanceIds")!.Text("items"), request.Map("InstanceIds")!.Text("style")));
        Assert.Equal(("map", "any", "json"), (request.Map("Parameters")!.Text("type"), request.Map("Parameters")!.Text("items"), request.Map("Parameters")!.Text("style")));
        Assert.Equal(("map", "string", null), (request.Map("Labels")!.Text("type"), request.Map("Labels")!.Text("items"), request.Map("Labels")!.Text("style")));
        Assert.Null(request.Map("Tag")!.Text("style"));           // repeatList is the default for lists
        Assert.Equal("body", request.Map("Content")!.Text("position"));
        Assert.False(request.ContainsKey("RegionId"));            // position 'Host': the SDK never sends it
        Assert.Contains("note: CreateThing.request.RegionId: position 'Host' is not sent by the official SDK; left out", output);
        Assert.False(request.ContainsKey("SecurityToken"));       // a common parameter: the client sends it from its credentials
        Assert.Contains("note: CreateThing.request.SecurityToken: a common parameter, which the client sends itself; left out", output);
        Assert.Equal("ValidateValue", request.Map("Validate")!.Text("name"));
        Assert.Equal("This parameter has been deprecated.", request.Map("ZoneId")!.Text("deprecated"));
        Assert.False(create.ContainsKey("readOnly"));             // write / create

        var response = create.Map("response")!;
        Assert.Equal("any", response.Map("OrderLines")!.Text("type"));
        Assert.Equal(("map", "any"), (response.Map("Overview")!.Text("type"), response.Map("Overview")!.Text("items")));

        var describe = Read(folder, "DescribeThings.yaml").Map("operations")!.Map("DescribeThings")!;
        Assert.Equal("true", describe.Text("readOnly"));
        var pageSize = describe.Map("request")!.Map("PageSize")!;
        Assert.Equal(("30", "100", "30"), (pageSize.Text("minimum"), pageSize.Text("maximum"), pageSize.Text("default")));
        Assert.Equal(new[] { "items", "pageNumber", "pageSize", "totalCount" }, describe.Map("pagination")!.Keys);
        Assert.Equal(new[] { "items", "inputToken", "outputToken" }, Read(folder, "ListThingTags.yaml").Map("operations")!.Map("ListThingTags")!.Map("pagination")!.Keys);

        var old = Read(folder, "OldThing.yaml").Map("operations")!.Map("OldThing")!;
        Assert.Equal("OpenAPI OldThing is deprecated, please use Demo::2024-01-01::DescribeThings instead.", old.Text("deprecated"));
        Assert.Contains("note: DescribeThings.response.Items.CreateTime: looks like a date (yyyy-MM-ddTHH:mm:ssZ)", output);
        Assert.Contains("note: api-docs.json describes operations main.dara does not have (not imported): StopThing", output);
    }

    [Fact]
    public void Names_the_generator_declares_are_never_taken()
    {
        var folder = NewFolder();
        Run(Features("--out", folder));
        var thing = Read(folder, "DescribeThings.yaml").Map("shapes")!.Map("Thing")!.Map("members")!;
        Assert.Equal("UnknownMembersValue", thing.Map("UnknownMembers")!.Text("name"));
        Assert.Equal("ThingValue", thing.Map("Thing")!.Text("name"));
    }

    [Fact]
    public void Bad_command_lines_and_sources_are_clear_errors()
    {
        Assert.Equal(64, Run("import", "--out", NewFolder()).Item1);
        Assert.Equal(64, Run("import", Fixture("features", "main.dara")).Item1);
        Assert.Equal(64, Run("export").Item1);

        var (code, _, error) = Run(Features("--out", NewFolder(), "--operations", "NoSuchThing"));
        Assert.Equal(2, code);
        Assert.Contains("The source has no operation NoSuchThing", error);

        var broken = Path.Combine(NewFolder(), "main.dara");
        File.WriteAllText(broken, "model A {\n  a?: string(name='A')\n  b?: string(name='B'),\n}\n");
        (code, _, error) = Run("import", broken, "--out", NewFolder());
        Assert.Equal(2, code);
        Assert.Contains("main.dara(3,3): expected ',' or '}' after the field 'a'", error);
    }

    [Fact]
    public void An_overlay_key_the_format_does_not_know_is_an_error_at_its_line_with_the_nearest_key()
    {
        var overlay = Path.Combine(NewFolder(), "import-overlay.yaml");
        File.WriteAllText(overlay, "operations:\n  DescribeBackupTasks:\n    request:\n      ClientToken:\n        idempotencyTokn: true\n");
        var (code, _, error) = Run(new[] { "import" }.Concat(BackupTasksSources).Concat(new[] { "--out", NewFolder(), "--overlay", overlay }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("import-overlay.yaml(5,9): 'idempotencyTokn' is not a key of operations.DescribeBackupTasks.request.ClientToken (did you mean 'idempotencyToken'?)", error);
    }

    internal static YamlMap Read(string folder, string file) => YamlReader.Read(file, File.ReadAllText(Path.Combine(folder, file)));
}
