using System.Globalization;
using System.Text;

namespace Bindings.Benchmarks.GeneratorRuns;

/// <summary>
/// One made-up product at the scale of RDS 2014-08-15: <see cref="Operations"/> operations of one
/// product and version, one spec file each, and a shared file of the enums and shapes they use, as
/// <c>specs/rds/</c> lays out the real one (<c>rds-2014-08-15.yaml</c> beside <c>DescribeBackupTasks.yaml</c>).
/// Every operation refers to shared enums and shapes; the edit changes the description of one operation.
/// </summary>
public static class SyntheticProduct
{
    /// <summary>The operations of the product.</summary>
    public const int Operations = 400;

    /// <summary>Enums in the shared file.</summary>
    public const int Enums = 24;

    /// <summary>Shapes in the shared file.</summary>
    public const int Shapes = 32;

    /// <summary>The operation whose file the edit changes.</summary>
    public const int EditedOperation = Operations / 2;

    /// <summary>The namespace of the generated code.</summary>
    public const string Namespace = "Bindings.Synthetic.Product";

    /// <summary>
    /// The files the generator writes: one per enum, shape and operation (its request, response and client
    /// method), and the client.
    /// </summary>
    public const int GeneratedFiles = Enums + Shapes + Operations + 1;

    /// <summary>The shared file, then one file per operation.</summary>
    public static IReadOnlyList<InMemorySpec> Create()
    {
        var specs = new List<InMemorySpec>(Operations + 1) { new(SharedPath, SharedText()) };
        for (var i = 0; i < Operations; i++)
        {
            specs.Add(new InMemorySpec(OperationPath(i), OperationText(i, edited: false)));
        }

        return specs;
    }

    /// <summary>The index in <see cref="Create"/> of the edited operation's file.</summary>
    public static int EditedIndex => EditedOperation + 1;

    /// <summary>The edited operation's file after the edit: its description says something else.</summary>
    public static InMemorySpec Edited() => new(OperationPath(EditedOperation), OperationText(EditedOperation, edited: true));

    /// <summary>The name of operation <paramref name="index"/>.</summary>
    public static string OperationName(int index) => Verbs[index % Verbs.Length] + "Resource" + Number(index);

    private const string SharedPath = "/specs/synthetic/synthetic-2024-01-01.yaml";

    private static readonly string[] Verbs = { "Describe", "Create", "Modify", "Delete", "List", "Restart", "Check", "Allocate" };

    private static readonly string[] Scalars = { "string", "integer", "long", "boolean", "double", "decimal", "datetime" };

    private static string OperationPath(int index) => "/specs/synthetic/" + OperationName(index) + ".yaml";

    private static string Number(int index) => index.ToString("D3", CultureInfo.InvariantCulture);

    private static string EnumName(int index) => "ResourceState" + (index % Enums).ToString("D2", CultureInfo.InvariantCulture);

    private static string ShapeName(int index) => "ResourceItem" + (index % Shapes).ToString("D2", CultureInfo.InvariantCulture);

    private static string SharedText()
    {
        var text = new StringBuilder();
        text.Append("""
            # The shared declarations of a synthetic product for the generator benchmark.
            product: Synthetic
            version: "2024-01-01"
            namespace: Bindings.Synthetic.Product
            description: A synthetic product at the scale of RDS, for the generator benchmark.
            endpoints:
              default: synthetic.aliyuncs.com
              regional: synthetic.{regionId}.aliyuncs.com
              vpc: synthetic-vpc.{regionId}.aliyuncs.com

            enums:

            """);
        for (var e = 0; e < Enums; e++)
        {
            text.Append("  ").Append(EnumName(e)).Append(":\n");
            text.Append("    description: The state of a resource, as the service reports it (set ").Append(e).Append(").\n");
            text.Append("    values:\n");
            for (var v = 0; v < 3 + (e % 6); v++)
            {
                text.Append("      State").Append(v).Append(":\n");
                text.Append("        description: The resource is in state ").Append(v).Append(" of its life cycle.\n");
            }

            text.Append("      in-transition:\n        name: InTransition\n");
        }

        text.Append("\nshapes:\n");
        for (var s = 0; s < Shapes; s++)
        {
            text.Append("  ").Append(ShapeName(s)).Append(":\n");
            text.Append("    description: One resource of kind ").Append(s).Append(", with its settings and state.\n");
            text.Append("    members:\n");
            text.Append("      ResourceId:\n        type: string\n        description: The ID of the resource.\n        example: r-").Append(s).Append("xxxxxxx\n");
            text.Append("      State:\n        type: ").Append(EnumName(s)).Append("\n        description: The state of the resource.\n");
            for (var m = 0; m < 6 + (s % 8); m++)
            {
                text.Append("      Setting").Append(m).Append(":\n        type: ").Append(Scalars[(s + m) % Scalars.Length]).Append('\n');
                text.Append("        description: Setting ").Append(m).Append(" of the resource, as configured by its owner.\n");
            }

            text.Append("      Labels:\n        type: list\n        items: string\n        itemName: Label\n");
            if (s > 0)
            {
                // Shapes inside shapes, as RDS nests them.
                text.Append("      Parent:\n        type: ").Append(ShapeName(s - 1)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string OperationText(int index, bool edited)
    {
        var name = OperationName(index);
        var readOnly = Verbs[index % Verbs.Length] is "Describe" or "List" or "Check";
        var text = new StringBuilder();
        text.Append("# A synthetic operation for the generator benchmark.\nproduct: Synthetic\nversion: \"2024-01-01\"\n\noperations:\n");
        text.Append("  ").Append(name).Append(":\n");
        text.Append("    description: ")
            .Append(edited ? "Does what operation " + Number(index) + " does, described again by the edit." : "Does what operation " + Number(index) + " of the synthetic product does.")
            .Append('\n');
        text.Append("    readOnly: ").Append(readOnly ? "true" : "false").Append('\n');
        text.Append("    request:\n");
        text.Append("      DBInstanceId:\n        type: string\n        required: true\n        maxLength: 64\n        description: The ID of the instance.\n        example: rm-uf6wjk5xxxxxxx\n");
        text.Append("      RegionId:\n        type: string\n        description: The region of the instance.\n");
        text.Append("      PageSize:\n        type: integer\n        minimum: 1\n        maximum: 100\n        description: How many items a page holds.\n");
        text.Append("      PageNumber:\n        type: integer\n        minimum: 1\n        description: The page to return, counted from one.\n");
        text.Append("      State:\n        type: ").Append(EnumName(index)).Append("\n        description: Only resources in this state.\n");
        text.Append("      ResourceIds:\n        type: list\n        items: string\n        description: Only these resources.\n");
        text.Append("      OwnerId:\n        type: long\n        description: The ID of the account that owns the instance.\n");
        if (!readOnly)
        {
            text.Append("      ClientToken:\n        type: string\n        idempotencyToken: true\n        maxLength: 64\n        ascii: true\n        description: Makes the request idempotent.\n");
        }

        text.Append("    response:\n");
        text.Append("      RequestId:\n        type: string\n        description: The ID of the request.\n");
        text.Append("      TotalRecordCount:\n        type: integer\n        description: How many items there are in all.\n");
        text.Append("      PageNumber:\n        type: integer\n        description: The page returned.\n");
        text.Append("      Items:\n        type: list\n        items: ").Append(ShapeName(index)).Append("\n        itemName: ").Append(ShapeName(index)).Append('\n');
        text.Append("        description: The resources of the page.\n");
        text.Append("      Status:\n        type: ").Append(EnumName(index + 7)).Append("\n        description: The state of the instance.\n");
        return text.ToString();
    }
}
