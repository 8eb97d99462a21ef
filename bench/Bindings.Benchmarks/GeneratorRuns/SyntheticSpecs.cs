using System.Globalization;
using System.Text;

namespace Bindings.Benchmarks.GeneratorRuns;

/// <summary>
/// Spec files made up for the generator benchmark: each its own product (so that an edit to one
/// cannot concern another), with three enums, two shapes and two operations, like a small real spec, and every kind of
/// member: each scalar type, enums, nested shapes, and lists wrapped and bare, of values and of shapes.
/// </summary>
public static class SyntheticSpecs
{
    /// <summary>
    /// The files the generator writes for one spec: one per enum, shape and operation (its request, response
    /// and client method), and the product's client (each synthetic spec is a product of its own).
    /// </summary>
    public const int FilesPerSpec = 8;

    /// <summary>The path of spec <paramref name="index"/>.</summary>
    public static string PathOf(int index) => "/specs/synthetic/Synth" + index.ToString("D3", CultureInfo.InvariantCulture) + ".yaml";

    /// <summary>The namespace the generated code of spec <paramref name="index"/> goes to.</summary>
    public static string NamespaceOf(int index) => "Bindings.Synthetic.S" + index.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Specs 0 to <paramref name="count"/> - 1.</summary>
    public static IReadOnlyList<InMemorySpec> Create(int count)
        => Enumerable.Range(0, count).Select(index => new InMemorySpec(PathOf(index), Text(index, edited: false))).ToList();

    /// <summary>Spec <paramref name="index"/> after an edit: one more enum value and a changed description.</summary>
    public static InMemorySpec Edited(int index) => new(PathOf(index), Text(index, edited: true));

    /// <summary>The YAML of spec <paramref name="index"/>.</summary>
    public static string Text(int index, bool edited)
    {
        var n = index.ToString("D3", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append($$"""
            # A synthetic spec for the generator benchmark.
            product: Synth{{n}}
            version: "2024-01-01"
            namespace: {{NamespaceOf(index)}}
            description: Synthetic product {{n}}.
            endpoints:
              default: synth{{n}}.aliyuncs.com
              regional: synth{{n}}.{regionId}.aliyuncs.com

            enums:
              WidgetStatus:
                description: The status of a widget.
                values:
                  Creating:
                    description: Being created.
                  Running:
                    description: Running.
                  Stopping:
                  Stopped:
                    description: Stopped by its owner.
                  in-recovery:
                    name: InRecovery
                    description: Recovering after a failure.

            """);
        if (edited)
        {
            text.Append("""
                      Deleting:
                        description: Being deleted (added by the edit).

                """);
        }

        text.Append($$"""
              ChargeType:
                description: How a widget is paid for.
                values:
                  PrePaid:
                  PostPaid:
              WidgetClass:
                description: The size of a widget.
                values:
                  small:
                    name: Small
                  medium:
                    name: Medium
                  large:
                    name: Large

            shapes:
              Widget:
                description: One widget{{(edited ? " (edited)" : string.Empty)}}.
                members:
                  WidgetId:
                    type: long
                    documentedType: String
                    example: "1234567"
                  WidgetName:
                    type: string
                  Status:
                    type: WidgetStatus
                  ChargeType:
                    type: ChargeType
                  Class:
                    type: WidgetClass
                  CreationTime:
                    type: datetime
                    example: "2024-05-01T08:00:00Z"
                  Progress:
                    type: decimal
                    documentedType: String
                  Port:
                    type: integer
                  Encrypted:
                    type: boolean
                  Labels:
                    type: list
                    items: string
                    itemName: Label
                  Endpoints:
                    type: list
                    items: WidgetEndpoint
                    itemName: Endpoint
                  Ports:
                    type: list
                    items: integer
                  Tags:
                    type: list
                    items: string
              WidgetEndpoint:
                description: Where a widget listens.
                members:
                  Address:
                    type: string
                  Port:
                    type: integer
                  Weight:
                    type: double

            operations:
              DescribeWidgets:
                description: Lists the widgets of an instance.
                readOnly: true
                request:
                  InstanceId:
                    type: string
                    required: true
                    maxLength: 64
                  Status:
                    type: WidgetStatus
                  PageSize:
                    type: integer
                    minimum: 1
                    maximum: 100
                  PageNumber:
                    type: integer
                    minimum: 1
                response:
                  Widgets:
                    type: list
                    items: Widget
                    itemName: Widget
                  TotalRecordCount:
                    type: integer
                  RequestId:
                    type: string
              ModifyWidget:
                description: Changes a widget.
                request:
                  WidgetId:
                    type: long
                    required: true
                  ClientToken:
                    type: string
                    idempotencyToken: true
                    maxLength: 64
                    ascii: true
                  Class:
                    type: WidgetClass
                  ChargeType:
                    type: ChargeType
                response:
                  RequestId:
                    type: string

            """);
        return text.ToString();
    }
}
