using System.Globalization;
using Bindings.Import.Model;

namespace Bindings.Import.Sources.Darabonba;

/// <summary>
/// Turns a parsed main.dara (or main.tea) into an <see cref="ImportApi"/>: one operation per function
/// that takes <c>&lt;Op&gt;Request</c> and returns <c>&lt;Op&gt;Response</c> (or, in a file without
/// functions, per <c>&lt;Op&gt;Request</c> model), its request parameters from that model and its response
/// fields from <c>&lt;Op&gt;ResponseBody</c>; product, version and endpoint map from the init block.
/// </summary>
internal sealed class DaraReader
{
    /// <summary>Darabonba's scalar types and what they are here.</summary>
    private static readonly Dictionary<string, ImportTypeKind> Scalars = new(StringComparer.Ordinal)
    {
        ["string"] = ImportTypeKind.String,
        // main.dara has RegionId as bytes in three operations; it is sent as text like every other.
        ["bytes"] = ImportTypeKind.String,
        ["int8"] = ImportTypeKind.Integer,
        ["int16"] = ImportTypeKind.Integer,
        ["int32"] = ImportTypeKind.Integer,
        ["integer"] = ImportTypeKind.Integer,
        ["uint8"] = ImportTypeKind.Integer,
        ["uint16"] = ImportTypeKind.Integer,
        ["int64"] = ImportTypeKind.Long,
        ["long"] = ImportTypeKind.Long,
        ["uint32"] = ImportTypeKind.Long,
        ["uint64"] = ImportTypeKind.Long,
        ["ulong"] = ImportTypeKind.Long,
        ["float"] = ImportTypeKind.Float,
        ["double"] = ImportTypeKind.Double,
        ["number"] = ImportTypeKind.Double,
        ["boolean"] = ImportTypeKind.Boolean,
        ["any"] = ImportTypeKind.Any,
        ["object"] = ImportTypeKind.Any,
    };

    /// <summary>The attributes of a field this reader takes; any other is named in the notes.</summary>
    private static readonly HashSet<string> KnownAttributes = new(StringComparer.Ordinal)
    {
        "name", "description", "example", "position", "shrink", "minimum", "maximum", "minLength", "maxLength",
        "maxItems", "minItems", "pattern", "deprecated", "default", "title", "signed", "nullable", "checkBlank",
    };

    private readonly string _file;
    private readonly Dictionary<string, DaraModel> _models;
    private readonly Dictionary<string, DaraEnum> _enums = new(StringComparer.Ordinal);
    private readonly ImportApi _api;
    private readonly HashSet<string> _unknownAttributes = new(StringComparer.Ordinal);

    private DaraReader(string file, DaraModule module, ImportApi api)
    {
        _file = file;
        _api = api;
        _models = new Dictionary<string, DaraModel>(StringComparer.Ordinal);
        foreach (var model in module.Models)
        {
            _models.TryAdd(model.Name, model);
        }

        foreach (var declared in module.Enums)
        {
            _enums.TryAdd(declared.Name, declared);
        }
    }

    public static ImportApi Read(string file, string text)
    {
        var module = DaraParser.Parse(file, text);
        var product = module.Variables.TryGetValue("@product", out var p) ? p.Text : null;
        var version = module.Variables.TryGetValue("@version", out var v) ? v.Text : null;
        var api = new ImportApi(product ?? "", version ?? "");
        if (module.Variables.TryGetValue("@endpointRule", out var rule))
        {
            api.EndpointRule = rule.Text;
        }

        if (module.Variables.TryGetValue("getEndpoint", out var productId))
        {
            api.EndpointProductId = productId.Text;
        }

        api.IsTea = module.Functions.Any(function => function.Name.EndsWith("WithOptions", StringComparison.Ordinal));
        if (module.Variables.TryGetValue("@endpointMap", out var map) && map.Entries is { } entries)
        {
            foreach (var entry in entries)
            {
                api.EndpointMap.Add(new(entry.Key, entry.Value.Text ?? ""));
            }
        }

        new DaraReader(file, module, api).ReadOperations(module);
        return api;
    }

    private void ReadOperations(DaraModule module)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in module.Functions)
        {
            if (OperationOf(function, _models) is not { } name || !seen.Add(name.Model))
            {
                continue;
            }

            _api.Operations.Add(ReadOperation(name.Model, name.Action, DaraAnnotation.Parse(function.Annotation)));
        }

        if (module.Functions.Count == 0)
        {
            // A models-only file (a fixture, an excerpt): every <Op>Request model with its <Op>ResponseBody.
            foreach (var model in module.Models)
            {
                if (model.Name.EndsWith("Request", StringComparison.Ordinal)
                    && !model.Name.EndsWith("ShrinkRequest", StringComparison.Ordinal)
                    && _models.ContainsKey(model.Name.Substring(0, model.Name.Length - "Request".Length) + "ResponseBody"))
                {
                    var name = model.Name.Substring(0, model.Name.Length - "Request".Length);
                    if (seen.Add(name))
                    {
                        _api.Operations.Add(ReadOperation(name, name, DaraAnnotation.Parse(model.Annotation)));
                    }
                }
            }
        }

        foreach (var attribute in _unknownAttributes.Order(StringComparer.Ordinal))
        {
            _api.Notes.Add(_file + ": the field attribute '" + attribute + "' is not read");
        }
    }

    /// <summary>
    /// The operation a function calls: it returns <c>&lt;Op&gt;Response</c>, and the file has the model
    /// <c>&lt;Op&gt;ResponseBody</c> or <c>&lt;Op&gt;Request</c>; the wire action is the one its body passes (<c>@handler.do('RPC', 'Op', ...)</c>
    /// in main.dara, <c>action = 'Op'</c> in main.tea), the model's name when the body does not say.
    /// </summary>
    private static (string Model, string Action)? OperationOf(DaraFunction function, Dictionary<string, DaraModel> models)
    {
        if (function.ReturnType is not DaraNamedType { Name: var returned } || !returned.EndsWith("Response", StringComparison.Ordinal))
        {
            return null;
        }

        var name = returned.Substring(0, returned.Length - "Response".Length);
        if (!models.ContainsKey(name + "ResponseBody") && !models.ContainsKey(name + "Request"))
        {
            return null;
        }

        var body = function.Body;
        for (var i = 0; i + 4 < body.Count; i++)
        {
            if (body[i].IsWord("do") && body[i + 1].IsPunctuation("(") && body[i + 2].Kind == DaraTokenKind.String
                && body[i + 3].IsPunctuation(",") && body[i + 4].Kind == DaraTokenKind.String)
            {
                return (name, body[i + 4].Text);
            }

            if (body[i].IsWord("action") && body[i + 1].IsPunctuation("=") && body[i + 2].Kind == DaraTokenKind.String)
            {
                return (name, body[i + 2].Text);
            }
        }

        return (name, name);
    }

    private ImportOperation ReadOperation(string model, string action, DaraAnnotation annotation)
    {
        var operation = new ImportOperation(action)
        {
            Summary = annotation.Summary,
            Description = annotation.Description,
            Deprecated = annotation.IsDeprecated,
            DeprecationText = annotation.Deprecated,
        };

        if (_models.TryGetValue(model + "Request", out var request))
        {
            operation.Request.AddRange(ReadFields(request.Fields, isRequest: true, new HashSet<string>()));
        }

        if (_models.TryGetValue(model + "ResponseBody", out var body))
        {
            operation.Response.AddRange(ReadFields(body.Fields, isRequest: false, new HashSet<string>()));
        }

        return operation;
    }

    private List<ImportField> ReadFields(IReadOnlyList<DaraField> fields, bool isRequest, HashSet<string> enclosing)
    {
        var result = new List<ImportField>(fields.Count);
        foreach (var field in fields)
        {
            result.Add(ReadField(field, isRequest, enclosing));
        }

        return result;
    }

    private ImportField ReadField(DaraField field, bool isRequest, HashSet<string> enclosing)
    {
        foreach (var attribute in field.Attributes.Keys)
        {
            if (!KnownAttributes.Contains(attribute))
            {
                _unknownAttributes.Add(attribute);
            }
        }

        var wireName = field.StringAttribute("name") ?? field.Name;
        var declaredEnum = EnumOf(field.Type);
        var imported = new ImportField(wireName, ReadType(field.Type, wireName, isRequest, enclosing))
        {
            Required = !field.Optional,
            Description = field.StringAttribute("description"),
            Example = field.StringAttribute("example"),
            Default = field.StringAttribute("default"),
            Position = isRequest ? field.StringAttribute("position") : null,
            Style = field.StringAttribute("shrink"),
            Minimum = Number(field, "minimum"),
            Maximum = Number(field, "maximum"),
            MinLength = Integer(field, "minLength"),
            MaxLength = Integer(field, "maxLength"),
            MinItems = Integer(field, "minItems"),
            MaxItems = Integer(field, "maxItems"),
            Pattern = field.StringAttribute("pattern"),
            Deprecated = field.StringAttribute("deprecated") == "true",
            DeclaredEnum = declaredEnum,
        };

        return imported;
    }

    private ImportType ReadType(DaraTypeExpression type, string wireName, bool isRequest, HashSet<string> enclosing)
    {
        switch (type)
        {
            case DaraListType list:
                return ImportType.ListOf(ReadType(list.Element, wireName, isRequest, enclosing));
            case DaraStructureType structure:
                return ImportType.Structure(ReadFields(structure.Fields, isRequest, enclosing));
            case DaraMapType map:
                return ImportType.MapOf(ReadType(map.Value, wireName, isRequest, enclosing));
            case DaraNamedType named when Scalars.TryGetValue(named.Name, out var kind):
                return ImportType.Scalar(kind);
            case DaraNamedType named when _enums.TryGetValue(named.Name, out var declared):
                // An enum of the model: its base type on the wire (the values come with DeclaredEnum).
                return declared.Type is DaraNamedType { Name: var baseType } && Scalars.TryGetValue(baseType, out var baseKind) ? ImportType.Scalar(baseKind) : ImportType.Scalar(ImportTypeKind.String);
            case DaraNamedType named when _models.TryGetValue(named.Name, out var model):
                if (!enclosing.Add(model.Name))
                {
                    _api.Notes.Add(_file + "(" + model.Line + "): the model " + model.Name + " contains itself; '" + wireName + "' is read as any JSON value");
                    return ImportType.Scalar(ImportTypeKind.Any);
                }

                var fields = ReadFields(model.Fields, isRequest, enclosing);
                enclosing.Remove(model.Name);
                return ImportType.Structure(fields);
            case DaraGenericType generic:
                _api.Notes.Add(_file + ": '" + wireName + "' has the type " + generic.Name + "[...], which no API field has; read as any JSON value");
                return ImportType.Scalar(ImportTypeKind.Any);
            case DaraNamedType named:
                _api.Notes.Add(_file + ": '" + wireName + "' has the type " + named.Name + ", which is neither a Darabonba type nor a model of the file; read as any JSON value");
                return ImportType.Scalar(ImportTypeKind.Any);
            default:
                throw new InvalidOperationException("unexpected type " + type);
        }
    }

    /// <summary>The model's enum a field (or its list's elements) is typed with, with its wire values.</summary>
    private DeclaredEnum? EnumOf(DaraTypeExpression type)
    {
        if (type is not DaraNamedType named || !_enums.TryGetValue(named.Name, out var declared))
        {
            return null;
        }

        return new DeclaredEnum(declared.Name, declared.Members
            .Select(member => (member.Attributes.TryGetValue("value", out var value) ? value.Text ?? member.Name : member.Name,
                member.Attributes.TryGetValue("description", out var text) ? text.Text : null))
            .ToList());
    }

    private static decimal? Number(DaraField field, string name)
        => field.StringAttribute(name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Integer(DaraField field, string name)
        => field.StringAttribute(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
