using Bindings.Import.Model;
using Bindings.Import.Planning;

namespace Bindings.Import.Tests;

/// <summary>How shapes are shared and named, on import models built in memory.</summary>
public sealed class CatalogTests
{
    private static ImportField Text(string name) => new(name, ImportType.Scalar(ImportTypeKind.String));

    private static ImportField ListOf(string name, params ImportField[] members) => new(name, ImportType.ListOf(ImportType.Structure(members.ToList())));

    private static ImportField Object(string name, params ImportField[] members) => new(name, ImportType.Structure(members.ToList()));

    private static ImportApi Api(params ImportOperation[] operations)
    {
        var api = new ImportApi("Demo", "2024-01-01");
        api.Operations.AddRange(operations);
        return api;
    }

    private static ImportOperation Operation(string name, IEnumerable<ImportField>? request = null, IEnumerable<ImportField>? response = null)
    {
        var operation = new ImportOperation(name);
        operation.Request.AddRange(request ?? Array.Empty<ImportField>());
        operation.Response.AddRange(response ?? Array.Empty<ImportField>());
        return operation;
    }

    private static Catalog Build(ImportApi api, OverlayPins? pins = null) => Catalog.Build(api, pins ?? OverlayPins.None, new List<string>());

    private static string NameAt(Catalog catalog, ImportField field) => catalog.ShapeOf(FieldSite.StructureOf(field)!).Name;

    [Fact]
    public void Identical_structures_are_one_shape_whatever_their_descriptions()
    {
        var a = ListOf("Tag", Text("Key"), Text("Value"));
        var b = ListOf("Tag", Text("Key"), Text("Value"));
        b.Type.Element!.Fields![0].Description = "Another text.";
        var catalog = Build(Api(Operation("A", new[] { a }), Operation("B", new[] { b })));
        Assert.Single(catalog.Shapes);
        Assert.Equal(("Tag", "Tag"), (NameAt(catalog, a), NameAt(catalog, b)));
    }

    [Fact]
    public void A_member_more_or_less_another_type_or_required_makes_another_shape()
    {
        var plain = ListOf("Tag", Text("Key"), Text("Value"));
        var more = ListOf("Tag", Text("Key"), Text("Value"), Text("Scope"));
        var typed = ListOf("Tag", Text("Key"), new ImportField("Value", ImportType.Scalar(ImportTypeKind.Long)));
        var required = ListOf("Tag", new ImportField("Key", ImportType.Scalar(ImportTypeKind.String)) { Required = true }, Text("Value"));
        var catalog = Build(Api(Operation("A", new[] { plain }), Operation("B", new[] { more }), Operation("C", new[] { typed }), Operation("D", new[] { required })));
        Assert.Equal(4, catalog.Shapes.Count);
        Assert.Equal(new[] { "ATag", "BTag", "CTag", "DTag" }, new[] { plain, more, typed, required }.Select(field => NameAt(catalog, field)));
    }

    [Fact]
    public void The_shape_more_operations_use_keeps_the_name_and_the_others_are_qualified()
    {
        var common = new[] { "A", "B", "C" }.Select(name => Operation(name, new[] { ListOf("Tag", Text("Key"), Text("Value")) })).ToList();
        var odd = Operation("D", new[] { ListOf("Tag", Text("key"), Text("value")) });
        var catalog = Build(Api(common.Append(odd).ToArray()));
        Assert.Equal("Tag", NameAt(catalog, common[0].Request[0]));
        Assert.Equal("DTag", NameAt(catalog, odd.Request[0]));
    }

    [Fact]
    public void Generated_type_names_are_never_taken_and_clashes_within_an_operation_get_the_parent_then_a_number()
    {
        // "Request" would be the shape's name, but DescribeXRequest is the operation's type: the wire name
        // "DescribeXRequest" cannot name a shape either.
        var clash = Object("DescribeXRequest", Text("Z"));
        var first = Object("Config", Text("A"));
        var second = Object("Outer", Object("Config", Text("B")));
        var third = Object("Other", Object("Config", Text("C")));
        var catalog = Build(Api(Operation("DescribeX", new[] { clash }, new[] { first, second, third })));
        Assert.Equal("DescribeXDescribeXRequest", NameAt(catalog, clash));
        Assert.Equal("DescribeXConfig", NameAt(catalog, first));
        Assert.Equal("DescribeXOuterConfig", NameAt(catalog, second.Type.Fields![0]));
        Assert.Equal("DescribeXOtherConfig", NameAt(catalog, third.Type.Fields![0]));
    }

    [Fact]
    public void Lists_name_their_items_in_the_singular_and_the_overlay_pins_names()
    {
        var policies = ListOf("AdvancedDataPolicies", Text("A"));
        var addresses = ListOf("IpAddresses", Text("B"));
        var api = Api(Operation("Op", new[] { policies, addresses }));
        var catalog = Build(api);
        Assert.Equal(("AdvancedDataPolicy", "IpAddress"), (NameAt(catalog, policies), NameAt(catalog, addresses)));

        var pins = new OverlayPins();
        pins.Shapes.Add(("DataPolicy", "Op.request.AdvancedDataPolicies"));
        var warnings = new List<string>();
        catalog = Catalog.Build(api, pins, warnings);
        Assert.Equal("DataPolicy", NameAt(catalog, policies));
        Assert.Empty(warnings);

        pins.Shapes.Add(("Nothing", "Op.request.NoSuchField"));
        Catalog.Build(api, pins, warnings);
        Assert.Contains("overlay: shapes.Nothing.from: the source has no structure at Op.request.NoSuchField", warnings);
    }

    [Fact]
    public void An_enum_name_that_a_shape_or_an_enum_kind_takes_is_qualified()
    {
        static ImportField Mode(string name) => new(name, ImportType.Scalar(ImportTypeKind.String))
        {
            EnumValues = new() { "A", "B" },
            Description = "Valid values:\n\n*   **A**\n*   **B**",
        };

        var mode = Mode("Mode");
        var shape = Object("ModeKind", Text("X"));   // the type the enum Mode would declare beside itself
        var catalog = Build(Api(Operation("Op", new[] { mode, shape })));
        Assert.Equal("OpMode", catalog.EnumOf(mode)!.Name);
        Assert.Equal("ModeKind", NameAt(catalog, shape));
    }
}
