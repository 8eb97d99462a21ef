namespace Bindings.Import.Specs;

/// <summary>
/// The spec format's keys and built-in type names as the importer writes them (specs/README.md is the
/// format's home; ImportedSpecsBuildTests runs the generator over the importer's output, and
/// SpecVocabularyTests checks these keys against specs/bindings-spec.schema.json, so a key the format
/// does not know cannot be written). The overlay takes the same keys and <see cref="OverlayKeys"/>.
/// </summary>
internal static class SpecVocabulary
{
    public static readonly string[] TopLevelKeys = { "product", "version", "namespace", "description", "endpoints", "enums", "operations", "shapes" };

    public static readonly string[] EndpointKeys = { "default", "regional", "vpc", "regions" };

    public static readonly string[] OperationKeys = { "description", "readOnly", "deprecated", "request", "response", "pagination", "waiters" };

    public static readonly string[] PaginationKeys = { "items", "pageNumber", "pageSize", "totalCount", "inputToken", "outputToken", "maxResults" };

    public static readonly string[] ShapeKeys = { "description", "members" };

    public static readonly string[] EnumKeys = { "description", "values" };

    public static readonly string[] EnumValueKeys = { "name", "description" };

    /// <summary>A member's keys, in the order the importer writes them.</summary>
    public static readonly string[] MemberKeys =
    {
        "type", "items", "itemName", "format", "name", "required", "idempotencyToken", "style", "position", "minLength",
        "maxLength", "ascii", "minimum", "maximum", "default", "documentedType", "deprecated", "example", "description",
    };

    /// <summary>Keys only an overlay has; the importer acts on them and writes none of them.</summary>
    public static readonly string[] OverlayKeys = { "from", "translations", "omit" };

    public const string StyleJson = "json";
    public const string StyleSimple = "simple";
    public const string PositionBody = "body";
}

/// <summary>The built-in member types of the spec format.</summary>
internal static class SpecTypes
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Long = "long";
    public const string Boolean = "boolean";
    public const string Double = "double";
    public const string Decimal = "decimal";
    public const string DateTime = "datetime";
    public const string List = "list";
    public const string Map = "map";
    public const string Any = "any";

    /// <summary>The built-in types that hold one scalar value.</summary>
    public static readonly string[] ScalarTypes = { String, Integer, Long, Boolean, Double, Decimal, DateTime };

    /// <summary>Every built-in type name (anything else is an enum or a shape).</summary>
    public static readonly string[] BuiltInTypes = ScalarTypes.Concat(new[] { List, Map, Any }).ToArray();
}
