using static Bindings.Import.Tests.TestSupport;

namespace Bindings.Import.Tests;

/// <summary>The overlay's decisions and what follows from each, on the features fixture.</summary>
public sealed class OverlayTests
{
    private const string Overlay = """
        operations:
          CreateThing:
            readOnly: true
            translations:
              ja: 物を作ります。
            request:
              ZoneId:
                omit: true
              InstanceIds:
                type: string             # one comma-joined string after all: items and style go
              ClientToken:
                idempotencyToken: true
                example: ~               # a null removes the key
          DescribeThings:
            response:
              TotalRecordCount:
                type: long
          NoSuchOperation:
            description: A stale entry.
        shapes:
          Thing:
            members:
              CreateTime:
                type: datetime
                format: yyyy-MM-ddTHH:mm:ssZ
              Status:
                type: ThingStatus
              Extra:
                type: Extra              # not in the source: added, with the shape declared below
          Extra:
            description: Declared by hand.
            members:
              Note:
                type: string
        enums:
          ThingStatus:
            values:
              Running:
                translations:
                  ja: 実行中。
              Stopped:
          ListingMode:
            from: DescribeThings.request.Mode
            values:
              Full:
        """;

    private static (string Folder, string Error) Import()
    {
        var folder = NewFolder();
        var overlay = Path.Combine(folder, "import-overlay.yaml");
        File.WriteAllText(overlay, Overlay);
        var (code, output, error) = Run("import", Fixture("features", "main.dara"), Fixture("features", "api-docs.json"), Fixture("features", "api-info.json"), "--out", folder);
        Assert.True(code == 0, output + error);
        return (folder, error);
    }

    [Fact]
    public void Members_are_omitted_retyped_and_lose_what_no_longer_applies()
    {
        var (folder, _) = Import();
        var create = ImportTests.Read(folder, "CreateThing.yaml").Map("operations")!.Map("CreateThing")!;
        Assert.Equal("true", create.Text("readOnly"));
        Assert.Equal("物を作ります。 Creates a thing.", create.Text("description"));
        var request = create.Map("request")!;
        Assert.False(request.ContainsKey("ZoneId"));
        var ids = request.Map("InstanceIds")!;
        Assert.Equal(new[] { "type", "description" }, ids.Keys);
        Assert.Equal("string", ids.Text("type"));
        var token = request.Map("ClientToken")!;
        Assert.Equal("true", token.Text("idempotencyToken"));
        Assert.False(token.ContainsKey("example"));
    }

    [Fact]
    public void A_scalar_retyped_records_its_documented_type_and_a_date_gets_its_format()
    {
        var (folder, _) = Import();
        var thing = ImportTests.Read(folder, "DescribeThings.yaml").Map("shapes")!.Map("Thing")!.Map("members")!;
        var created = thing.Map("CreateTime")!;
        Assert.Equal(("datetime", "yyyy-MM-ddTHH:mm:ssZ", "String"), (created.Text("type"), created.Text("format"), created.Text("documentedType")));
        var total = ImportTests.Read(folder, "DescribeThings.yaml").Map("operations")!.Map("DescribeThings")!.Map("response")!.Map("TotalRecordCount")!;
        Assert.Equal(("long", "Integer"), (total.Text("type"), total.Text("documentedType")));
    }

    [Fact]
    public void Enums_take_the_overlays_value_set_and_texts_and_hand_declared_shapes_are_added()
    {
        var (folder, _) = Import();
        var shared = ImportTests.Read(folder, "demo-2024-01-01.yaml");
        var status = shared.Map("enums")!.Map("ThingStatus")!.Map("values")!;
        Assert.Equal(new[] { "Running", "Stopped" }, status.Keys);
        Assert.Equal("実行中。", status.Map("Running")!.Text("description"));

        // The rule made DescribeThingsMode (Full, Brief); the overlay names it and keeps one value.
        var enums = shared.Map("enums")!;
        Assert.False(enums.ContainsKey("DescribeThingsMode"));
        Assert.Equal(new[] { "Full" }, enums.Map("ListingMode")!.Map("values")!.Keys);
        Assert.Equal("ListingMode", ImportTests.Read(folder, "DescribeThings.yaml").Map("operations")!.Map("DescribeThings")!.Map("request")!.Map("Mode")!.Text("type"));

        Assert.Equal("Declared by hand.", shared.Map("shapes")!.Map("Extra")!.Text("description"));
        Assert.Equal("Extra", ImportTests.Read(folder, "DescribeThings.yaml").Map("shapes")!.Map("Thing")!.Map("members")!.Map("Extra")!.Text("type"));
    }

    [Fact]
    public void An_entry_for_what_the_source_does_not_have_is_a_warning()
    {
        var (_, error) = Import();
        Assert.Contains("warning: overlay: operations.NoSuchOperation: the source has no such operation", error);
    }
}
