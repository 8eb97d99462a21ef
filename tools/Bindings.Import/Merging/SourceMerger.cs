using Bindings.Import.Model;

namespace Bindings.Import.Merging;

/// <summary>
/// Joins what the sources say into one <see cref="ImportApi"/>. Which source wins for what (also in the
/// tool's README):
/// <list type="bullet">
/// <item>main.dara (the newest, and what the official SDK is generated from) decides which operations,
/// parameters and fields exist, their wire names, types, required flags, positions, styles, bounds,
/// examples and descriptions, and the endpoint map (api-info.json when there is no main.dara).</item>
/// <item>api-docs.json adds what main.dara does not carry: the operation's summary, <c>operationType</c>
/// and <c>systemTags</c>, error codes, parameter <c>enum</c> lists and <c>default</c>s; and fills a
/// description, example or bound that main.dara leaves empty. Its operations that main.dara lacks are
/// not imported (they were removed), its endpoint list is not used (it disagrees with the SDK's map).</item>
/// <item>main.tea, given beside main.dara, adds the operation's <c>@summary</c> (async main.dara has
/// none) and the product ID of the host names (<c>getEndpoint('rds', ...)</c>).</item>
/// <item>Deprecation is the union: main.dara's <c>@deprecated</c>, api-info.json's <c>deprecated</c> list,
/// api-docs.json's <c>deprecated</c>.</item>
/// <item>openapi-meta only confirms styles: a list main.dara sends repeated that openapi-meta does not
/// mark RepeatList (or the reverse) is named in the notes.</item>
/// </list>
/// Every disagreement about a type or a style is named in <see cref="ImportApi.Notes"/>.
/// </summary>
internal static class SourceMerger
{
    public static ImportApi Merge(ImportApi? dara, ImportApi? docs, ImportApi? info, IReadOnlyDictionary<string, HashSet<string>>? repeatLists, ImportApi? tea = null)
    {
        var primary = dara ?? docs ?? throw new ArgumentException("Nothing to import: give main.dara or api-docs.json.");
        var product = First(dara?.Product, info?.Product, docs?.Product) ?? "";
        var version = First(dara?.Version, info?.Version, docs?.Version) ?? "";
        var merged = new ImportApi(product, version)
        {
            EndpointRule = dara?.EndpointRule ?? tea?.EndpointRule,
            EndpointProductId = dara?.EndpointProductId ?? tea?.EndpointProductId,
        };
        foreach (var source in new[] { dara, info, docs })
        {
            if (source is not null)
            {
                merged.Notes.AddRange(source.Notes);
            }
        }

        var endpointSource = dara is { EndpointMap.Count: > 0 } ? dara : info is { EndpointMap.Count: > 0 } ? info : docs;
        if (endpointSource is not null)
        {
            merged.EndpointMap.AddRange(endpointSource.EndpointMap);
        }

        if (dara is { EndpointMap.Count: > 0 } && info is { EndpointMap.Count: > 0 } && !SameMap(dara.EndpointMap, info.EndpointMap))
        {
            merged.Notes.Add("main.dara's endpoint map and api-info.json's differ; main.dara's is used");
        }

        if (info is not null)
        {
            merged.DeprecatedOperations.UnionWith(info.DeprecatedOperations);
        }

        foreach (var operation in primary.Operations)
        {
            if (tea?.Find(operation.Name) is { } tead)
            {
                operation.Summary ??= tead.Summary;
                operation.Description ??= tead.Description;
            }

            var documented = primary == docs ? null : docs?.Find(operation.Name);
            merged.Operations.Add(MergeOperation(operation, documented, merged));
            if (merged.DeprecatedOperations.Contains(operation.Name))
            {
                merged.Operations[^1].Deprecated = true;
            }

            if (repeatLists is not null && repeatLists.TryGetValue(operation.Name, out var marked))
            {
                CheckRepeatLists(merged.Operations[^1], marked, merged.Notes);
            }
        }

        if (dara is not null && docs is not null)
        {
            var missing = docs.Operations.Where(operation => dara.Find(operation.Name) is null).Select(operation => operation.Name).ToList();
            if (missing.Count > 0)
            {
                merged.Notes.Add("api-docs.json describes operations main.dara does not have (not imported): " + string.Join(", ", missing));
            }
        }

        return merged;
    }

    private static ImportOperation MergeOperation(ImportOperation operation, ImportOperation? documented, ImportApi merged)
    {
        if (documented is null)
        {
            return operation;
        }

        var result = new ImportOperation(operation.Name)
        {
            Summary = First(operation.Summary, documented.Summary),
            Description = First(operation.Description, documented.Description),
            Deprecated = operation.Deprecated || documented.Deprecated,
            DeprecationText = operation.DeprecationText,
            OperationType = documented.OperationType,
            SystemOperationType = documented.SystemOperationType,
        };

        result.ErrorCodes.AddRange(documented.ErrorCodes);
        result.Request.AddRange(MergeFields(operation.Request, documented.Request, operation.Name + ".request", merged.Notes, isRequest: true));
        result.Response.AddRange(MergeFields(operation.Response, documented.Response, operation.Name + ".response", merged.Notes, isRequest: false));
        return result;
    }

    private static List<ImportField> MergeFields(List<ImportField> fields, IReadOnlyList<ImportField> documented, string path, List<string> notes, bool isRequest)
    {
        var byName = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var field in documented)
        {
            byName.TryAdd(field.WireName, field);
        }

        foreach (var field in fields)
        {
            if (!byName.TryGetValue(field.WireName, out var other))
            {
                continue;
            }

            var where = path + "." + field.WireName;
            if (!SameShape(field.Type, other.Type))
            {
                notes.Add(where + ": main.dara says " + field.Type.Kind.ToString().ToLowerInvariant() + ", api-docs.json " + other.Type.Kind.ToString().ToLowerInvariant() + "; main.dara's is used");
            }

            if (isRequest && !string.Equals(NormalStyle(field), NormalStyle(other), StringComparison.Ordinal) && other.Style is not null)
            {
                notes.Add(where + ": main.dara sends it " + (NormalStyle(field) ?? "as the default") + ", api-docs.json says style " + other.Style + "; main.dara's is used");
            }

            field.Description ??= other.Description;
            field.Example ??= other.Example;
            field.Default ??= other.Default;
            field.Minimum ??= other.Minimum;
            field.Maximum ??= other.Maximum;
            field.MinLength ??= other.MinLength;
            field.MaxLength ??= other.MaxLength;
            field.MinItems ??= other.MinItems;
            field.MaxItems ??= other.MaxItems;
            field.Pattern ??= other.Pattern;
            field.EnumValues ??= other.EnumValues;
            field.Format ??= other.Format;
            field.Deprecated |= other.Deprecated;

            if (Structure(field.Type) is { } fieldStructure && Structure(other.Type) is { } otherStructure)
            {
                MergeFields(fieldStructure, otherStructure, where, notes, isRequest: false);
            }
        }

        return fields;
    }

    /// <summary>The fields of a structure, or of the structure a list or map holds.</summary>
    private static List<ImportField>? Structure(ImportType type)
    {
        while (type.Kind is ImportTypeKind.List or ImportTypeKind.Map)
        {
            type = type.Element!;
        }

        return type.Fields as List<ImportField>;
    }

    /// <summary>Kinds that differ only as int32/int64 or float/double are the same shape here; the formats say more.</summary>
    private static bool SameShape(ImportType a, ImportType b)
    {
        static int Group(ImportTypeKind kind) => kind switch
        {
            ImportTypeKind.Integer or ImportTypeKind.Long => 1,
            ImportTypeKind.Float or ImportTypeKind.Double => 2,
            _ => 10 + (int)kind,
        };

        if (Group(a.Kind) != Group(b.Kind))
        {
            // api-docs.json calls a structure without properties an object, main.dara a map.
            return (a.Kind, b.Kind) is (ImportTypeKind.Map, ImportTypeKind.Any) or (ImportTypeKind.Any, ImportTypeKind.Map)
                || (a.Kind, b.Kind) is (ImportTypeKind.Structure, ImportTypeKind.Any) or (ImportTypeKind.Any, ImportTypeKind.Structure);
        }

        return a.Element is null || b.Element is null || SameShape(a.Element, b.Element);
    }

    private static string? NormalStyle(ImportField field) => field.Style switch
    {
        "repeatList" when field.Type.Kind == ImportTypeKind.List => null,
        "flat" when field.Type.Kind is ImportTypeKind.Structure or ImportTypeKind.Map => null,
        var style => style,
    };

    private static void CheckRepeatLists(ImportOperation operation, HashSet<string> marked, List<string> notes)
    {
        foreach (var field in operation.Request)
        {
            var repeated = field.Type.Kind == ImportTypeKind.List && field.Style is null or "repeatList";
            if (repeated != marked.Contains(field.WireName) && (field.Type.Kind == ImportTypeKind.List || marked.Contains(field.WireName)))
            {
                notes.Add(operation.Name + ".request." + field.WireName + ": openapi-meta " + (marked.Contains(field.WireName) ? "marks it RepeatList" : "does not mark it RepeatList")
                    + ", main.dara sends it " + (repeated ? "repeated" : "as " + (field.Style ?? "one value")) + "; main.dara's is used");
            }
        }
    }

    private static bool SameMap(List<KeyValuePair<string, string>> a, List<KeyValuePair<string, string>> b)
        => a.Count == b.Count && a.OrderBy(entry => entry.Key, StringComparer.Ordinal).SequenceEqual(b.OrderBy(entry => entry.Key, StringComparer.Ordinal));

    private static string? First(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
