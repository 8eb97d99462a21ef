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
        ["Maps"] = () => new[] { GeneratorHarness.TestSpec("maps.yaml") },
        ["Paint"] = Paint,
        ["TwoVersions"] = TwoVersions,
        ["NameClashes"] = NameClashes,
        ["WireOptions"] = WireOptions,
    };

    /// <summary>
    /// Every wire option of the format in one product (issue 10): maps, <c>any</c>, each style, date formats,
    /// a body parameter, defaults, deprecated members and operations, a region map, a token pager and a waiter
    /// with every kind of acceptor.
    /// </summary>
    public static IReadOnlyList<AdditionalText> WireOptions() => new[] { GeneratorHarness.Spec("/specs/styles.yaml", WireOptionsSpec) };

    public const string WireOptionsSpec = """
        product: Styles
        version: "2020-01-01"
        endpoints:
          regional: styles.{regionId}.example.com
          regions:
            cn-hangzhou: styles.example.com
            cn-hangzhou-finance: styles-vpc.cn-hangzhou-finance.example.com
        enums:
          Phase:
            values:
              Running:
              Done:
        shapes:
          Label:
            members:
              Key: string
              Since:
                type: datetime
                format: unixMilliseconds
              Phases:
                type: list
                items: Phase
              Old:
                type: string
                deprecated: Use Key.
        operations:
          Configure:
            deprecated: true
            request:
              Labels:
                type: map
                items: string
              Settings:
                type: map
                items: any
                style: json
              Extra:
                type: any
              Ids:
                type: list
                items: integer
                style: pipeDelimited
              Phases:
                type: list
                items: Phase
                style: simple
              When:
                type: list
                items: datetime
                format: yyyy-MM-ddTHH:mmZ
              Since:
                type: datetime
                format: unixSeconds
                required: true
              Tags:
                type: list
                items: Label
                style: json
              Label:
                type: Label
                required: true
              Content:
                type: string
                position: body
              Size:
                type: integer
                default: 10
              Legacy:
                type: string
                deprecated: true
            response:
              RequestId: string
          List:
            pagination:
              items: Labels
              inputToken: NextToken
              outputToken: NextToken
              maxResults: MaxResults
            waiters:
              Ready:
                description: Waits until the labels are ready.
                minDelay: 1
                maxDelay: 4
                maxWait: 60
                acceptors:
                  - state: retry
                    error: Busy
                  - state: failure
                    error: Gone
                  - state: success
                    path: Done
                    equals: true
                  - state: failure
                    path: Count
                    equals: [0, -1]
                  - state: failure
                    path: Phase
                    equals: Running
                  - state: success
                    path: Labels[].Key
                    allEqual: ok
                  - state: failure
                    path: Labels[].Phases
                    exists: true
                  - state: retry
                    path: Labels[]
                    exists: false
            request:
              NextToken: string
              MaxResults: integer
            response:
              Labels:
                type: list
                items: Label
              NextToken: string
              Done: boolean
              Count: integer
              Raw: any
              Phase: Phase
              Stamp:
                type: datetime
                format: yyyy-MM-dd HH:mm:ss
        """;

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
