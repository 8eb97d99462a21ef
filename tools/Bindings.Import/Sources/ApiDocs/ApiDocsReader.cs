using System.Globalization;
using System.Text.Json;
using Bindings.Import.Model;

namespace Bindings.Import.Sources.ApiDocs;

/// <summary>
/// Reads the OpenAPI portal's description of one product and version (<c>api-docs.json</c>, as mirrored
/// in dew-serverless/acs-metadata): <c>info</c>, <c>apis.&lt;Op&gt;</c> (summary, description,
/// <c>operationType</c>, <c>systemTags</c>, <c>deprecated</c>, <c>parameters</c> with <c>in</c>, <c>style</c>
/// and <c>schema</c>, <c>responses.200.schema</c>, <c>errorCodes</c>) and <c>endpoints</c>.
/// </summary>
internal static class ApiDocsReader
{
    public static ImportApi Read(string file, string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var info = Property(root, "info");
        var api = new ImportApi(String(info, "product") ?? "", String(info, "version") ?? "");
        if (Property(root, "endpoints") is { ValueKind: JsonValueKind.Array } endpoints)
        {
            foreach (var endpoint in endpoints.EnumerateArray())
            {
                if (String(endpoint, "regionId") is { } region && String(endpoint, "endpoint") is { } host)
                {
                    api.EndpointMap.Add(new(region, host));
                }
            }
        }

        if (Property(root, "apis") is { ValueKind: JsonValueKind.Object } apis)
        {
            foreach (var entry in apis.EnumerateObject())
            {
                api.Operations.Add(ReadOperation(entry.Name, entry.Value, api, file));
            }
        }

        return api;
    }

    private static ImportOperation ReadOperation(string name, JsonElement element, ImportApi api, string file)
    {
        var operation = new ImportOperation(name)
        {
            Summary = String(element, "summary"),
            Description = String(element, "description"),
            Deprecated = Property(element, "deprecated") is { ValueKind: JsonValueKind.True },
            OperationType = String(element, "operationType"),
            SystemOperationType = Property(element, "systemTags") is { } tags ? String(tags, "operationType") : null,
        };

        if (Property(element, "parameters") is { ValueKind: JsonValueKind.Array } parameters)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var wireName = String(parameter, "name");
                if (wireName is null || Property(parameter, "schema") is not { ValueKind: JsonValueKind.Object } schema)
                {
                    continue;
                }

                var field = ReadField(wireName, schema);
                field.Position = String(parameter, "in") switch
                {
                    "query" => "Query",
                    "formData" or "body" => "Body",
                    "host" => "Host",
                    "path" => "Path",
                    "header" => "Header",
                    var other => other,
                };
                field.Style = String(parameter, "style");
                operation.Request.Add(field);
            }
        }

        if (Property(element, "responses") is { ValueKind: JsonValueKind.Object } responses
            && Property(responses, "200") is { } ok
            && Property(ok, "schema") is { ValueKind: JsonValueKind.Object } body
            && Property(body, "properties") is { ValueKind: JsonValueKind.Object } properties)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    operation.Response.Add(ReadField(property.Name, property.Value));
                }
            }
        }

        if (Property(element, "errorCodes") is { ValueKind: JsonValueKind.Object } errors)
        {
            foreach (var status in errors.EnumerateObject())
            {
                if (status.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var error in status.Value.EnumerateArray())
                {
                    if (String(error, "errorCode") is { } code)
                    {
                        operation.ErrorCodes.Add((status.Name, code, String(error, "errorMessage")));
                    }
                }
            }
        }

        return operation;
    }

    private static ImportField ReadField(string wireName, JsonElement schema)
    {
        var field = new ImportField(wireName, ReadType(schema))
        {
            Required = Property(schema, "required") is { ValueKind: JsonValueKind.True },
            Description = String(schema, "description"),
            Example = Scalar(schema, "example"),
            Default = Scalar(schema, "default"),
            Minimum = Number(schema, "minimum"),
            Maximum = Number(schema, "maximum"),
            MinLength = (int?)Number(schema, "minLength"),
            MaxLength = (int?)Number(schema, "maxLength"),
            MinItems = (int?)Number(schema, "minItems"),
            MaxItems = (int?)Number(schema, "maxItems"),
            Pattern = String(schema, "pattern"),
            Format = String(schema, "format"),
            Deprecated = Property(schema, "deprecated") is { ValueKind: JsonValueKind.True },
        };

        if (Property(schema, "enum") is { ValueKind: JsonValueKind.Array } values)
        {
            field.EnumValues = values.EnumerateArray()
                .Select(value => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
                .ToList();
        }

        return field;
    }

    private static ImportType ReadType(JsonElement schema)
    {
        var format = String(schema, "format");
        switch (String(schema, "type"))
        {
            case "string":
                return ImportType.Scalar(ImportTypeKind.String);
            case "integer":
                return ImportType.Scalar(format == "int64" ? ImportTypeKind.Long : ImportTypeKind.Integer);
            case "number":
                return ImportType.Scalar(format == "float" ? ImportTypeKind.Float : ImportTypeKind.Double);
            case "boolean":
                return ImportType.Scalar(ImportTypeKind.Boolean);
            case "array":
                return ImportType.ListOf(Property(schema, "items") is { ValueKind: JsonValueKind.Object } items
                    ? ReadType(items)
                    : ImportType.Scalar(ImportTypeKind.Any));
            case "object":
                if (Property(schema, "properties") is { ValueKind: JsonValueKind.Object } properties)
                {
                    var fields = new List<ImportField>();
                    foreach (var property in properties.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.Object)
                        {
                            fields.Add(ReadField(property.Name, property.Value));
                        }
                    }

                    return ImportType.Structure(fields);
                }

                if (Property(schema, "additionalProperties") is { ValueKind: JsonValueKind.Object } values)
                {
                    return ImportType.MapOf(ReadType(values));
                }

                return ImportType.Scalar(ImportTypeKind.Any);
            default:
                return ImportType.Scalar(ImportTypeKind.Any);
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement? element, string name)
        => element is { } e && Property(e, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A string, number or boolean as text (examples and defaults are written either way).</summary>
    private static string? Scalar(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    private static decimal? Number(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
