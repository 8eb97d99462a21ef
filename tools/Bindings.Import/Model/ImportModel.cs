namespace Bindings.Import.Model;

/// <summary>
/// One product and API version as the sources describe it, before any decision of the importer:
/// what the readers of main.dara, api-docs.json, api-info.json and openapi-meta fill in, and what
/// <see cref="Merging.SourceMerger"/> joins.
/// </summary>
internal sealed class ImportApi
{
    public ImportApi(string product, string version)
    {
        Product = product;
        Code = product;
        Version = version;
    }

    /// <summary>The product as a spec names it: a C# identifier (the client is <c>&lt;Product&gt;Client</c>).</summary>
    public string Product { get; set; }

    /// <summary>The product code as the source has it (<c>Rds</c>, <c>ocr-api</c>): hosts and file names derive from it.</summary>
    public string Code { get; set; }

    public string Version { get; }

    /// <summary>The product ID the official SDK builds host names from (main.tea's <c>getEndpoint('rds', ...)</c>).</summary>
    public string? EndpointProductId { get; set; }

    /// <summary>Read from main.tea (the Tea model with the request-building code), not async main.dara.</summary>
    public bool IsTea { get; set; }

    /// <summary>The official SDK's endpoint rule (<c>regional</c>, <c>central</c>), when the source says.</summary>
    public string? EndpointRule { get; set; }

    /// <summary>Region ID to host, as the official SDK's endpoint map has it.</summary>
    public List<KeyValuePair<string, string>> EndpointMap { get; } = new();

    public List<ImportOperation> Operations { get; } = new();

    /// <summary>Operations the source lists as deprecated as a whole (api-info.json).</summary>
    public HashSet<string> DeprecatedOperations { get; } = new(StringComparer.Ordinal);

    /// <summary>What a reader could not take (an unsupported type, a parameter it skipped), for the report.</summary>
    public List<string> Notes { get; } = new();

    public ImportOperation? Find(string name) => Operations.Find(operation => operation.Name == name);
}

internal sealed class ImportOperation
{
    public ImportOperation(string name) => Name = name;

    /// <summary>The wire <c>Action</c>.</summary>
    public string Name { get; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public bool Deprecated { get; set; }

    /// <summary>What the source says about the deprecation (<c>please use ... instead</c>).</summary>
    public string? DeprecationText { get; set; }

    /// <summary>api-docs.json's <c>operationType</c>: <c>read</c>, <c>write</c>, <c>readAndWrite</c>.</summary>
    public string? OperationType { get; set; }

    /// <summary>api-docs.json's <c>systemTags.operationType</c>: <c>get</c>, <c>list</c>, <c>create</c>, ...</summary>
    public string? SystemOperationType { get; set; }

    public List<ImportField> Request { get; } = new();

    public List<ImportField> Response { get; } = new();

    public List<(string Status, string Code, string? Message)> ErrorCodes { get; } = new();
}

internal enum ImportTypeKind
{
    String,
    Integer,
    Long,
    Boolean,
    Float,
    Double,
    List,
    Structure,
    Map,
    Any,
}

/// <summary>A field's type: a scalar, a list of a type, a structure of fields, or a map to a type.</summary>
internal sealed class ImportType
{
    private ImportType(ImportTypeKind kind, ImportType? element, IReadOnlyList<ImportField>? fields)
    {
        Kind = kind;
        Element = element;
        Fields = fields;
    }

    public ImportTypeKind Kind { get; }

    /// <summary>The element of a list, the value of a map.</summary>
    public ImportType? Element { get; }

    /// <summary>The fields of a structure.</summary>
    public IReadOnlyList<ImportField>? Fields { get; }

    public static ImportType Scalar(ImportTypeKind kind) => new(kind, null, null);

    public static ImportType ListOf(ImportType element) => new(ImportTypeKind.List, element, null);

    public static ImportType MapOf(ImportType value) => new(ImportTypeKind.Map, value, null);

    public static ImportType Structure(IReadOnlyList<ImportField> fields) => new(ImportTypeKind.Structure, null, fields);

    public bool IsScalar => Kind is not (ImportTypeKind.List or ImportTypeKind.Structure or ImportTypeKind.Map or ImportTypeKind.Any);

    /// <summary>The type's name as Alibaba's documentation writes it (String, Integer, Long, ...).</summary>
    public string DocumentedName => Kind switch
    {
        ImportTypeKind.String => "String",
        ImportTypeKind.Integer => "Integer",
        ImportTypeKind.Long => "Long",
        ImportTypeKind.Boolean => "Boolean",
        ImportTypeKind.Float => "Float",
        ImportTypeKind.Double => "Double",
        ImportTypeKind.List => "Array",
        ImportTypeKind.Structure => "Object",
        ImportTypeKind.Map => "Map",
        _ => "Any",
    };

    public override string ToString() => Kind switch
    {
        ImportTypeKind.List => "[" + Element + "]",
        ImportTypeKind.Map => "map[" + Element + "]",
        ImportTypeKind.Structure => "{" + string.Join(", ", Fields!.Select(field => field.WireName + ": " + field.Type)) + "}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A request parameter or a response field as a source describes it.</summary>
internal sealed class ImportField
{
    public ImportField(string wireName, ImportType type)
    {
        WireName = wireName;
        Type = type;
    }

    public string WireName { get; set; }

    public ImportType Type { get; set; }

    public bool Required { get; set; }

    public string? Description { get; set; }

    public string? Example { get; set; }

    public string? Default { get; set; }

    /// <summary><c>Query</c>, <c>Body</c> or <c>Host</c> (request parameters only).</summary>
    public string? Position { get; set; }

    /// <summary>How a structured parameter goes on the wire: <c>repeatList</c>, <c>flat</c>, <c>json</c>, <c>simple</c>; null for the default.</summary>
    public string? Style { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public string? Pattern { get; set; }

    /// <summary>The closed list of values a source declares (api-docs.json's <c>enum</c>).</summary>
    public List<string>? EnumValues { get; set; }

    /// <summary>The source's format: api-docs.json's <c>int32</c>, <c>int64</c>, <c>float</c>, <c>byte</c>.</summary>
    public string? Format { get; set; }

    public bool Deprecated { get; set; }

    /// <summary>The enum the model itself declares for the field (a Darabonba <c>enum</c>): its name and values.</summary>
    public DeclaredEnum? DeclaredEnum { get; set; }

    /// <summary>For a response list inside a one-member wrapper object: the wrapper's member (<c>BackupJob</c>).</summary>
    public string? ItemName { get; set; }
}

/// <summary>An enum type the source declares: a closed set by its author.</summary>
internal sealed record DeclaredEnum(string Name, IReadOnlyList<(string Value, string? Description)> Values);
