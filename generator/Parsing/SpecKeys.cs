using System.Collections.Immutable;

namespace Bindings.Generator.Parsing;

/// <summary>
/// The keys each mapping of a spec may hold, declared once: the reader refuses any other (BND007, with
/// the nearest of these as a suggestion), and a test holds them against the JSON schema's properties.
/// </summary>
internal static class SpecKeys
{
    public static readonly ImmutableArray<string> TopLevel = ImmutableArray.Create("product", "version", "namespace", "description", "endpoints", "enums", "shapes", "operations");

    public static readonly ImmutableArray<string> Endpoints = ImmutableArray.Create("default", "regional", "vpc", "regions");

    public static readonly ImmutableArray<string> Enum = ImmutableArray.Create("description", "values");

    public static readonly ImmutableArray<string> EnumValue = ImmutableArray.Create("name", "description");

    public static readonly ImmutableArray<string> Shape = ImmutableArray.Create("description", "members");

    public static readonly ImmutableArray<string> Operation = ImmutableArray.Create("description", "readOnly", "anonymous", "retryableErrors", "deprecated", "pagination", "waiters", "request", "response");

    public static readonly ImmutableArray<string> Member = ImmutableArray.Create(
        "type", "items", "itemName", "name", "required", "description", "example", "documentedType",
        "idempotencyToken", "minLength", "maxLength", "ascii", "minimum", "maximum", "style", "format", "default", "deprecated", "position");

    public static readonly ImmutableArray<string> Pagination = ImmutableArray.Create("items", "pageNumber", "pageSize", "totalCount", "inputToken", "outputToken", "maxResults");

    public static readonly ImmutableArray<string> Waiter = ImmutableArray.Create("description", "minDelay", "maxDelay", "maxWait", "acceptors");

    public static readonly ImmutableArray<string> Acceptor = ImmutableArray.Create("state", "path", "equals", "anyEqual", "allEqual", "exists", "error");

    /// <summary>Each list of keys with the name of its definition in <c>bindings-spec.schema.json</c> (null: the top level).</summary>
    public static readonly ImmutableArray<(string? SchemaDefinition, ImmutableArray<string> Keys)> BySchemaDefinition = ImmutableArray.Create<(string?, ImmutableArray<string>)>(
        (null, TopLevel), ("endpoints", Endpoints), ("enum", Enum), ("enumValue", EnumValue), ("shape", Shape), ("operation", Operation), ("member", Member),
        ("pagination", Pagination), ("waiter", Waiter), ("acceptor", Acceptor));
}
