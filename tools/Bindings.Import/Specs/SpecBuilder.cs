using System.Globalization;
using System.Text.RegularExpressions;
using Bindings.Import.Model;
using Bindings.Import.Planning;
using Bindings.Import.Text;
using Bindings.Import.Yaml;
using static Bindings.Import.Specs.SpecVocabulary;
using T = Bindings.Import.Specs.SpecTypes;

namespace Bindings.Import.Specs;

/// <summary>
/// Writes the planned API as spec trees. What becomes what (also in the tool's README):
/// <list type="bullet">
/// <item>Types: string, int32 to <c>integer</c>, long to <c>long</c>, boolean, float and double to
/// <c>double</c>; a structure to its shape; a list to <c>list</c> with <c>items</c>; a map to <c>map</c>
/// with <c>items</c>; <c>any</c> to <c>any</c>.</item>
/// <item>Request parameters: <c>required</c>; <c>style</c> when not the default (<c>json</c>,
/// <c>simple</c>); <c>position: body</c>; bounds on the types that take them; <c>default</c> from
/// "Default value: X" in the description, or api-docs.json's <c>default</c>, when it is a valid value of
/// the type. Response fields are never <c>required</c> (the service does not promise it).</item>
/// <item><c>deprecated</c> from the source's flag, or when the description says the parameter is
/// deprecated (its first sentence is the text); on operations from <c>@deprecated</c> and the lists.</item>
/// <item><c>example</c> for scalars, except the placeholder "None".</item>
/// <item>An operation is <c>readOnly</c> when api-docs.json's <c>operationType</c> is <c>read</c> (or
/// absent) and its <c>systemTags.operationType</c> is <c>get</c> or <c>list</c>: the two disagree for 19
/// RDS operations (StopDBInstance is "read"), and a wrong read-only makes the client retry a change.</item>
/// <item><c>pagination</c> when the request has integer <c>PageNumber</c> and <c>PageSize</c> and the
/// response one list and an integer <c>TotalRecordCount</c> (or <c>TotalCount</c>); or string
/// <c>NextToken</c> in both (with <c>MaxResults</c> when the request has it) and one list.</item>
/// </list>
/// </summary>
internal sealed class SpecBuilder
{
    private static readonly Regex DeprecatedText = new(
        @"^(this (parameter|field|operation) (is|has been|was) (deprecated|discontinued|phased out|no longer (used|supported|available))|a deprecated parameter)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex HostLabel = new(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex HostName = new(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant);
    private static readonly Regex RegionId = new(@"^[a-z0-9-]+$", RegexOptions.CultureInvariant);

    private static readonly Regex FirstSentence = new(@"^.*?[.!?](?=\s|$)", RegexOptions.CultureInvariant);

    private readonly ImportApi _api;
    private readonly Catalog _catalog;
    private readonly List<string> _notes;
    private readonly SpecDocuments _documents;
    private readonly HashSet<string> _usedEnums = new(StringComparer.Ordinal);

    private SpecBuilder(ImportApi api, Catalog catalog, List<string> notes, SpecDocuments documents)
    {
        _api = api;
        _catalog = catalog;
        _notes = notes;
        _documents = documents;
    }

    public static string SharedFileName(ImportApi api) => api.Code.ToLowerInvariant() + "-" + api.Version + ".yaml";

    public static SpecDocuments Build(ImportApi api, Catalog catalog, IReadOnlyCollection<string> operations, IEnumerable<string> header, List<string> notes)
    {
        var shared = new YamlMap();
        var documents = new SpecDocuments(SharedFileName(api), shared);
        documents.Header.AddRange(header);
        new SpecBuilder(api, catalog, notes, documents).BuildAll(operations);
        return documents;
    }

    private void BuildAll(IReadOnlyCollection<string> operationNames)
    {
        var shared = _documents.Shared;
        shared.Add("product", _api.Product).Add("version", _api.Version);
        if (BuildEndpoints() is { Count: > 0 } endpoints)
        {
            shared.Add("endpoints", endpoints);
        }

        var operations = new List<ImportOperation>();
        foreach (var operation in _api.Operations.Where(operation => operationNames.Contains(operation.Name)))
        {
            if (Names.IsIdentifier(operation.Name))
            {
                operations.Add(operation);
            }
            else
            {
                _notes.Add(operation.Name + ": not a C# identifier, which an operation's name must be; left out");
            }
        }

        var shapesUsedBy = new Dictionary<ShapePlan, HashSet<string>>();
        foreach (var operation in operations)
        {
            foreach (var shape in ShapesOf(operation))
            {
                if (!shapesUsedBy.TryGetValue(shape, out var users))
                {
                    users = shapesUsedBy[shape] = new HashSet<string>(StringComparer.Ordinal);
                }

                users.Add(operation.Name);
            }
        }

        shared.Add("enums", new YamlMap());
        foreach (var operation in operations)
        {
            var document = new YamlMap().Add("product", _api.Product).Add("version", _api.Version);
            var operationMap = BuildOperation(operation);
            document.GetOrAddMap("operations").Add(operation.Name, operationMap);
            _documents.OperationFiles[operation.Name + ".yaml"] = document;
            _documents.Operations[operation.Name] = operationMap;
            _documents.OperationDocuments[operation.Name] = document;
        }

        foreach (var (shape, users) in shapesUsedBy.OrderBy(entry => entry.Key.Name, StringComparer.Ordinal))
        {
            var home = users.Count == 1 ? _documents.OperationDocuments[users.Single()] : shared;
            var map = BuildShape(shape);
            home.GetOrAddMap("shapes").Add(shape.Name, map);
            _documents.Shapes[shape.Name] = (map, home);
        }

        var enums = shared.Map("enums")!;
        foreach (var plan in _catalog.Enums.Where(plan => _usedEnums.Contains(plan.Name) || plan.Pinned).OrderBy(plan => plan.Name, StringComparer.Ordinal))
        {
            enums.Add(plan.Name, BuildEnum(plan));
        }

        foreach (var (_, document) in _documents.Files())
        {
            document.Map("shapes")?.SortByKey();
        }
    }

    /// <summary>The shapes an operation uses, its own and nested ones.</summary>
    private IEnumerable<ShapePlan> ShapesOf(ImportOperation operation)
    {
        var seen = new HashSet<ShapePlan>();
        var pending = new Stack<IReadOnlyList<ImportField>>();
        pending.Push(operation.Request);
        pending.Push(operation.Response);
        while (pending.Count > 0)
        {
            foreach (var field in pending.Pop())
            {
                if (FieldSite.StructureOf(field) is { } structure)
                {
                    var plan = _catalog.ShapeOf(structure);
                    if (seen.Add(plan))
                    {
                        pending.Push(plan.Structure.Fields!);
                    }
                }
            }
        }

        return seen;
    }

    private YamlMap? BuildEndpoints()
    {
        if (_api.EndpointMap.Count == 0 && _api.EndpointRule is null && _api.EndpointProductId is null)
        {
            return null;
        }

        // The official SDK's rule (EndpointUtil.getEndpointRules): <product>.<region>.aliyuncs.com, and
        // <product>-vpc.<region> on the VPC network; a region in the map goes where the map says.
        var endpoints = new YamlMap();
        var product = (_api.EndpointProductId ?? _api.Code).ToLowerInvariant();
        if (!HostLabel.IsMatch(product))
        {
            _notes.Add("the product ID '" + product + "' cannot start a host name: endpoints.default, regional and vpc are not written (the overlay can give them)");
        }
        else
        {
            endpoints.Add("default", product + ".aliyuncs.com");
            if (_api.EndpointRule is null or "regional")
            {
                endpoints.Add("regional", product + ".{regionId}.aliyuncs.com");
                endpoints.Add("vpc", product + "-vpc.{regionId}.aliyuncs.com");
            }
            else
            {
                _notes.Add("the endpoint rule '" + _api.EndpointRule + "' is not 'regional': endpoints.regional and endpoints.vpc are not written");
            }
        }

        if (_api.EndpointMap.Count > 0)
        {
            var regions = new YamlMap();
            foreach (var entry in _api.EndpointMap.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                var (region, host) = (entry.Key.Trim(), entry.Value.Trim());
                if (host != entry.Value || region != entry.Key)
                {
                    _notes.Add("endpoints.regions." + region + ": the source's entry has white space around it ('" + entry.Value + "'); trimmed");
                }

                if (!RegionId.IsMatch(region) || !HostName.IsMatch(host) || regions.ContainsKey(region))
                {
                    _notes.Add("endpoints.regions: the source's entry '" + region + "' = '" + host + "' is not a region ID and a host name (or is given twice); left out");
                    continue;
                }

                regions.Add(region, host);
            }

            if (regions.Count > 0)
            {
                endpoints.Add("regions", regions);
            }
        }

        return endpoints;
    }

    private YamlMap BuildOperation(ImportOperation operation)
    {
        var map = new YamlMap();
        var summary = MarkdownText.Flatten(operation.Summary);
        var description = MarkdownText.Flatten(operation.Description);
        map.Add("description", summary is null ? description : description is null ? summary : summary + " " + description);
        if (IsReadOnly(operation))
        {
            map.Add("readOnly", true);
        }

        if (operation.Deprecated)
        {
            var text = MarkdownText.Flatten(operation.DeprecationText);
            map.Add("deprecated", text is null ? YamlScalar.Of(true) : new YamlScalar(text));
        }

        var request = new YamlMap();
        BuildMembers(request, operation.Request, isRequest: true, topLevel: true, operation.Name + "Request", operation.Name + ".request");
        if (request.Count > 0)
        {
            map.Add("request", request);
        }

        var response = new YamlMap();
        BuildMembers(response, operation.Response, isRequest: false, topLevel: true, operation.Name + "Response", operation.Name + ".response");
        if (response.Count > 0)
        {
            map.Add("response", response);
        }

        if (Pagination(map) is { } pagination)
        {
            map.Add("pagination", pagination);
        }

        return map;
    }

    public static bool IsReadOnly(ImportOperation operation)
        => operation.OperationType is null or "read" && operation.SystemOperationType is "get" or "list";

    /// <summary>
    /// The pager an operation's members make (on the spec tree, so that a type the overlay corrected
    /// counts): integer <c>PageNumber</c> and <c>PageSize</c> with an integer <c>TotalRecordCount</c> (or
    /// <c>TotalCount</c>), or string <c>NextToken</c> in both directions; and exactly one list to page over.
    /// </summary>
    public static YamlMap? Pagination(YamlMap operation)
    {
        string? Member(string section, string name, params string[] types)
            => operation.Map(section)?.Map(name) is { } member && types.Contains(member.Text("type")) ? name : null;

        var lists = (operation.Map("response")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            .Where(entry => entry.Value is YamlMap member && member.Text("type") == T.List)
            .Select(entry => entry.Key)
            .ToList();
        if (lists.Count != 1)
        {
            return null;
        }

        var map = new YamlMap().Add("items", lists[0]);
        var pageNumber = Member("request", "PageNumber", T.Integer);
        var pageSize = Member("request", "PageSize", T.Integer);
        var total = Member("response", "TotalRecordCount", T.Integer, T.Long) ?? Member("response", "TotalCount", T.Integer, T.Long);
        var pages = pageNumber is not null && pageSize is not null && total is not null;
        if (pages)
        {
            map.Add("pageNumber", pageNumber).Add("pageSize", pageSize).Add("totalCount", total);
        }

        var inputToken = Member("request", "NextToken", T.String);
        var outputToken = Member("response", "NextToken", T.String);
        var tokens = inputToken is not null && outputToken is not null;
        if (tokens)
        {
            map.Add("inputToken", inputToken).Add("outputToken", outputToken);
            map.Add("maxResults", Member("request", "MaxResults", T.Integer));
        }

        return pages || tokens ? map : null;
    }

    private YamlMap BuildShape(ShapePlan shape)
    {
        var map = new YamlMap();
        var members = new YamlMap();
        var first = shape.Sites[0];
        BuildMembers(members, shape.Structure.Fields!, first.IsRequest, topLevel: false, shape.Name, first.Path);
        map.Add("members", members);
        return map;
    }

    private YamlMap BuildEnum(EnumPlan plan)
    {
        var map = new YamlMap();
        if (plan.Sites.Count > 0 && MarkdownText.Flatten(plan.Sites[0].Field.Description, withoutValueList: true) is { } description)
        {
            map.Add("description", description);
        }

        var values = new YamlMap();
        foreach (var (name, value) in EnumValueNames(plan.Name, plan.Values.Select(value => value.Value).ToList()).Zip(plan.Values))
        {
            var entry = new YamlMap();
            if (name != value.Value)
            {
                entry.Add("name", name);
            }

            entry.Add("description", value.Description);
            values.Add(value.Value, entry.Count == 0 ? YamlScalar.Null : entry);
        }

        map.Add("values", values);
        return map;
    }

    /// <summary>C# names for enum values: the wire value when it is a PascalCase identifier, its PascalCase form otherwise, never a reserved or repeated one.</summary>
    public static List<string> EnumValueNames(string enumName, IReadOnlyList<string> values)
    {
        var reserved = new HashSet<string>(ReservedNames.EnumMembers, StringComparer.Ordinal) { enumName, ReservedNames.KindOf(enumName) };
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = Names.IsPascalIdentifier(value) ? value : Names.ToPascal(value);
            name = Unique(name, candidate => !reserved.Contains(candidate) && !taken.Contains(candidate) && !values.Any(other => "Utf8" + other == candidate));
            taken.Add(name);
            names.Add(name);
        }

        return names;
    }

    private void BuildMembers(YamlMap target, IReadOnlyList<ImportField> fields, bool isRequest, bool topLevel, string typeName, string pathPrefix)
    {
        var reserved = new HashSet<string>(isRequest && topLevel ? ReservedNames.RequestMembers : ReservedNames.ShapeMembers, StringComparer.Ordinal) { typeName };
        if (!(isRequest && topLevel))
        {
            foreach (var list in fields.Where(field => field.Type.Kind == ImportTypeKind.List))
            {
                reserved.UnionWith(ReservedNames.BesideList(MemberName(list.WireName)));
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!IsWireName(field.WireName) || (field.ItemName is { } itemName && !IsWireName(itemName)))
            {
                _notes.Add(pathPrefix + "." + field.WireName + ": a wire name the spec format cannot carry (white space, a control character, <, > or &); left out");
                continue;
            }

            if (target.ContainsKey(field.WireName))
            {
                _notes.Add(pathPrefix + "." + field.WireName + ": given twice by the source; the first is kept");
                continue;
            }

            var name = Unique(MemberName(field.WireName), candidate => !reserved.Contains(candidate) && !taken.Contains(candidate)
                && (isRequest && topLevel || !ReservedNames.IsJsonNameConstant(candidate)));
            taken.Add(name);
            var member = BuildMember(field, isRequest, topLevel, name, pathPrefix + "." + field.WireName);
            target.Add(field.WireName, member);
            _documents.Origins[member] = new MemberOrigin(field, isRequest, topLevel, pathPrefix + "." + field.WireName);
        }
    }

    /// <summary>What specs/README.md allows as a wire name.</summary>
    public static bool IsWireName(string name)
        => name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '&' || char.IsSurrogate(c));

    private static string MemberName(string wireName) => Names.IsPascalIdentifier(wireName) ? wireName : Names.ToPascal(wireName);

    private static string Unique(string name, Func<string, bool> free)
    {
        if (free(name))
        {
            return name;
        }

        if (free(name + "Value"))
        {
            return name + "Value";
        }

        for (var number = 2; ; number++)
        {
            if (free(name + number))
            {
                return name + number;
            }
        }
    }

    private YamlMap BuildMember(ImportField field, bool isRequest, bool topLevel, string name, string path)
    {
        var map = new YamlMap();
        var enumPlan = _catalog.EnumOf(field);
        WriteType(map, field, enumPlan, path);
        if (name != field.WireName)
        {
            map.Add("name", name);
        }

        if (field.ItemName is { } itemName && !isRequest)
        {
            map.Add("itemName", itemName);
        }

        if (isRequest && field.Required)
        {
            map.Add("required", true);
        }

        if (isRequest && topLevel)
        {
            WriteWireForm(map, field, path);
        }

        WriteBounds(map, field);
        var description = MarkdownText.Flatten(field.Description, isRequest && field.Required, withoutValueList: enumPlan is not null);
        if (field.Type.IsScalar && field.Example is { } example && !IsPlaceholder(example))
        {
            map.Add("example", example.Trim());
        }

        if (isRequest && topLevel && DefaultOf(field, enumPlan) is { } defaultValue)
        {
            map.Add("default", defaultValue);
        }

        if (field.Deprecated || (description is not null && DeprecatedText.IsMatch(description)))
        {
            var sentence = description is not null && DeprecatedText.IsMatch(description) ? FirstSentence.Match(description).Value : "";
            map.Add("deprecated", sentence.Length > 0 ? new YamlScalar(sentence) : YamlScalar.Of(true));
        }

        map.Add("description", description);
        if (DateHints.Format(field) is { } format)
        {
            _notes.Add(path + ": looks like a date (" + format + "); the overlay can make it type: datetime, format: " + format);
        }

        return map;
    }

    private void WriteType(YamlMap map, ImportField field, EnumPlan? enumPlan, string path)
    {
        var type = field.Type;
        switch (type.Kind)
        {
            case ImportTypeKind.List:
                map.Add("type", T.List);
                map.Add("items", ElementType(type.Element!, path));
                break;
            case ImportTypeKind.Map:
                map.Add("type", T.Map);
                map.Add("items", ElementType(type.Element!, path));
                break;
            default:
                map.Add("type", enumPlan is not null ? UseEnum(enumPlan) : ElementType(type, path));
                break;
        }
    }

    private string UseEnum(EnumPlan plan)
    {
        _usedEnums.Add(plan.Name);
        return plan.Name;
    }

    private string ElementType(ImportType type, string path)
    {
        switch (type.Kind)
        {
            case ImportTypeKind.String: return T.String;
            case ImportTypeKind.Integer: return T.Integer;
            case ImportTypeKind.Long: return T.Long;
            case ImportTypeKind.Boolean: return T.Boolean;
            case ImportTypeKind.Float or ImportTypeKind.Double: return T.Double;
            case ImportTypeKind.Structure: return _catalog.ShapeOf(type).Name;
            case ImportTypeKind.Any: return T.Any;
            default:
                _notes.Add(path + ": a " + type + " inside a list or map is not in the spec format; written as any");
                return T.Any;
        }
    }

    private void WriteWireForm(YamlMap map, ImportField field, string path)
    {
        var structured = field.Type.Kind is ImportTypeKind.List or ImportTypeKind.Structure or ImportTypeKind.Map;
        switch (field.Style)
        {
            case null or "repeatList" when field.Type.Kind == ImportTypeKind.List:
            case null or "flat" when field.Type.Kind is ImportTypeKind.Structure or ImportTypeKind.Map:
            case null:
                break;
            case StyleJson when structured || field.Type.Kind == ImportTypeKind.Any:
                map.Add("style", StyleJson);
                break;
            case StyleSimple when field.Type.Kind == ImportTypeKind.List && field.Type.Element!.IsScalar:
                map.Add("style", StyleSimple);
                break;
            default:
                _notes.Add(path + ": style '" + field.Style + "' on " + field.Type + " is not in the spec format; the default is written");
                break;
        }

        if (field.Type.Kind == ImportTypeKind.Any && field.Style is null)
        {
            // any goes on the wire only as JSON text.
            map.Add("style", StyleJson);
        }

        if (string.Equals(field.Position, "Body", StringComparison.OrdinalIgnoreCase))
        {
            map.Add("position", PositionBody);
        }
    }

    private static void WriteBounds(YamlMap map, ImportField field)
    {
        switch (field.Type.Kind)
        {
            case ImportTypeKind.Integer or ImportTypeKind.Long:
                var (low, high) = field.Type.Kind == ImportTypeKind.Integer ? (int.MinValue, (decimal)int.MaxValue) : (long.MinValue, (decimal)long.MaxValue);
                if (field.Minimum is { } minimum && minimum == decimal.Truncate(minimum) && minimum >= low && minimum <= high)
                {
                    map.Add("minimum", minimum);
                }

                if (field.Maximum is { } maximum && maximum == decimal.Truncate(maximum) && maximum >= low && maximum <= high && (field.Minimum is null || maximum >= field.Minimum))
                {
                    map.Add("maximum", maximum);
                }

                break;
            case ImportTypeKind.Float or ImportTypeKind.Double:
                map.Add("minimum", field.Minimum);
                if (field.Maximum is { } max && (field.Minimum is null || max >= field.Minimum))
                {
                    map.Add("maximum", max);
                }

                break;
            case ImportTypeKind.String:
                if (field.MinLength is >= 0)
                {
                    map.Add("minLength", (decimal)field.MinLength.Value);
                }

                if (field.MaxLength is >= 0 && (field.MinLength is null || field.MaxLength >= field.MinLength))
                {
                    map.Add("maxLength", (decimal)field.MaxLength.Value);
                }

                break;
        }
    }

    /// <summary>Alibaba writes "None" where a parameter has no example.</summary>
    private static bool IsPlaceholder(string example) => example.Trim().Length == 0 || example.Trim() is "None" or "none";

    /// <summary>The default the description states, else api-docs.json's, when it is a valid value of the member's type.</summary>
    private static YamlScalar? DefaultOf(ImportField field, EnumPlan? enumPlan)
    {
        foreach (var text in new[] { MarkdownText.DefaultOf(field.Description), field.Default })
        {
            if (text is null)
            {
                continue;
            }

            var value = text.Trim();
            switch (field.Type.Kind)
            {
                case ImportTypeKind.String when enumPlan is null || enumPlan.Values.Any(known => known.Value == value):
                    return new YamlScalar(value);
                case ImportTypeKind.Integer when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    && (field.Minimum is null || integer >= field.Minimum) && (field.Maximum is null || integer <= field.Maximum):
                    return YamlScalar.Of(integer);
                case ImportTypeKind.Long when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    && (field.Minimum is null || number >= field.Minimum) && (field.Maximum is null || number <= field.Maximum):
                    return YamlScalar.Of(number);
                case ImportTypeKind.Float or ImportTypeKind.Double when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real):
                    return YamlScalar.Of(real);
                case ImportTypeKind.Boolean when value.ToLowerInvariant() is "true" or "false":
                    return YamlScalar.Of(value.ToLowerInvariant() == "true");
            }
        }

        return null;
    }
}
