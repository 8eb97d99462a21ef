using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Tests;

/// <summary>
/// The sets of specs the tests generate from, by name. Each has its generated files snapshotted under
/// <c>Snapshots/&lt;name&gt;/</c> (<see cref="SnapshotTests"/>), so that a change to what any of them
/// generates shows in review, not only a change to the shipped RDS spec.
/// </summary>
internal static class Scenarios
{
    /// <summary>Every scenario, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IReadOnlyList<AdditionalText>>> All = new Dictionary<string, Func<IReadOnlyList<AdditionalText>>>
    {
        ["Shipped"] = GeneratorHarness.ShippedSpecs,
        ["Widgets"] = () => new[] { GeneratorHarness.WidgetsSpec() },
        ["Paint"] = Paint,
        ["TwoVersions"] = TwoVersions,
        ["NameClashes"] = NameClashes,
    };

    /// <summary>One product of many files (a shared file and one per operation), beside a file of another product.</summary>
    public static IReadOnlyList<AdditionalText> Paint()
    {
        var specs = new List<AdditionalText> { GeneratorHarness.Spec("/specs/paint/shared.yaml", PaintShared), GeneratorHarness.Spec("/specs/glue.yaml", Glue) };
        for (var i = 0; i < PaintOperations; i++)
        {
            specs.Add(GeneratorHarness.Spec("/specs/paint/Paint" + i + ".yaml", PaintOperation(i)));
        }

        return specs;
    }

    public const int PaintOperations = 6;

    public const string PaintShared = """
        product: Paint
        version: "2020-01-01"
        description: Paint for boxes.
        enums:
          Color:
            values:
              Red:
              Blue:
          Size:
            values:
              Small:
              Large:
        shapes:
          Part:
            members:
              Color: Color
          Box:
            members:
              Size: Size
        """;

    public const string Glue = "product: Glue\nversion: \"2021-01-01\"\nenums:\n  Strength:\n    values:\n      Weak:\n      Strong:\n";

    public static string PaintOperation(int index, string description = "Paints a part.")
        => "product: Paint\nversion: \"2020-01-01\"\noperations:\n  Paint" + index + ":\n    description: " + description
           + "\n    request:\n      Color: Color\n    response:\n      Parts:\n        type: list\n        items: Part\n        itemName: Part\n";

    /// <summary>Two versions of one product, neither setting a namespace: each generates into its own.</summary>
    public static IReadOnlyList<AdditionalText> TwoVersions() => new[]
    {
        GeneratorHarness.Spec("/specs/rds-old.yaml", TwoVersionsOld),
        GeneratorHarness.Spec("/specs/rds-new.yaml", TwoVersionsNew),
    };

    public const string TwoVersionsOld = "product: Rds\nversion: \"2014-08-15\"\noperations:\n  Ping:\n    response:\n      RequestId: string\n";

    public const string TwoVersionsNew = "product: Rds\nversion: \"2023-01-01\"\noperations:\n  Ping:\n    response:\n      RequestId: string\n";

    /// <summary>Spec names that meet the names the emitters invent, each of which once broke the build.</summary>
    public static IReadOnlyList<AdditionalText> NameClashes() => new[] { GeneratorHarness.Spec("/specs/names.yaml", NameClashesSpec) };

    public const string NameClashesSpec = """
        product: Names
        version: "2020-01-01"
        enums:
          Mode:
            values:
              Entry:
              Exit:
              Utf8Entry:
              _entry:
        shapes:
          Flags:
            members:
              hasValue: boolean
              _hasValue: integer
              Size: long
              _size: long
              other: long
              hash: string
              result: string
              Items:
                type: list
                items: Mode
              ReadItemsJson: string
              JsonNameSize: string
          Item:
            members:
              Id: long
          item:
            members:
              Id: long
        operations:
          Send:
            request:
              parameters: string
              i: integer
              Mode: Mode
            response:
              Flags: Flags
        """;
}
