using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Reads one spec file into a <see cref="SpecDocument"/>. Every problem becomes a diagnostic at the
/// key or value it concerns; what can still be read is read, so one mistake does not hide the rest.
/// </summary>
internal sealed partial class SpecReader
{
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private SpecReader(string filePath) => _filePath = filePath;

    public static SpecDocument Read(string filePath, string text)
    {
        var reader = new SpecReader(filePath);
        try
        {
            return reader.ReadDocument(text);
        }
        catch (Exception exception)
        {
            // A generator that throws takes the user's whole build down with CS8785; report it on the file instead.
            reader._diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, SpecLocation.StartOf(filePath), exception.GetType().Name + ": " + exception.Message));
            return reader.Empty();
        }
    }

    private SpecDocument ReadDocument(string text)
    {
        var root = YamlTreeBuilder.Build(_filePath, text, _diagnostics);
        if (root is null)
        {
            return Empty();
        }

        if (root is not YamlMapping top)
        {
            Invalid(root, "the spec", "a mapping with the keys product, version and operations, enums or shapes");
            return Empty();
        }

        CheckKeys(top, SpecKeys.TopLevel, "the spec");
        var api = ReadApi(top);
        var enums = ReadSection(top, "enums", ReadEnum);
        var shapes = ReadSection(top, "shapes", ReadShape);
        var operations = ReadSection(top, "operations", ReadOperation);
        return new SpecDocument(_filePath, api, enums, shapes, operations, _diagnostics.ToEquatableArray());
    }

    private SpecDocument Empty() => new(
        _filePath,
        null,
        EquatableArray<DeclaredEnum>.Empty,
        EquatableArray<DeclaredShape>.Empty,
        EquatableArray<DeclaredOperation>.Empty,
        _diagnostics.ToEquatableArray());

    private DeclaredApi? ReadApi(YamlMapping top)
    {
        var product = RequiredString(top, "product", "the spec");
        var version = RequiredString(top, "version", "the spec");
        if (product is null || version is null)
        {
            return null;
        }

        if (!IsIdentifier(product.Value))
        {
            Add(Diagnostics.InvalidIdentifier, product.Location, product.Value, "the product");
            return null;
        }

        if (!IsDate(version.Value))
        {
            // It is sent as Version and written into doc comments: only the documented form is safe for both.
            Invalid(version, "version", "a date YYYY-MM-DD, quoted: \"2014-08-15\"");
            return null;
        }

        var namespaceNode = OptionalString(top, "namespace");
        string? ns = null;
        if (namespaceNode is not null)
        {
            if (namespaceNode.Value.Split('.').All(IsIdentifier))
            {
                ns = namespaceNode.Value;
            }
            else
            {
                Add(Diagnostics.InvalidIdentifier, namespaceNode.Location, namespaceNode.Value, "a namespace");
            }
        }

        EndpointsModel? endpoints = null;
        if (Find(top, "endpoints") is { } endpointsNode && AsMapping(endpointsNode, "endpoints") is { } endpointMap)
        {
            CheckKeys(endpointMap, SpecKeys.Endpoints, "endpoints");
            endpoints = new EndpointsModel(
                OptionalString(endpointMap, "default")?.Value,
                OptionalString(endpointMap, "regional")?.Value,
                OptionalString(endpointMap, "vpc")?.Value,
                ReadRegions(endpointMap));
        }

        return new DeclaredApi(
            product.Value,
            version.Value,
            ns,
            OptionalString(top, "description")?.Value,
            endpoints,
            product.Location,
            namespaceNode?.Location);
    }

    private EquatableArray<T> ReadSection<T>(YamlMapping top, string key, Func<YamlScalar, YamlNode, T?> readEntry)
        where T : class, IEquatable<T>
    {
        if (Find(top, key) is not { } node || (node is YamlScalar scalar && scalar.IsNull))
        {
            return EquatableArray<T>.Empty;
        }

        if (AsMapping(node, key) is not { } section)
        {
            return EquatableArray<T>.Empty;
        }

        var items = new List<T>();
        foreach (var entry in section.Entries)
        {
            if (readEntry(entry.Key, entry.Value) is { } item)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }

    private DeclaredEnum? ReadEnum(YamlScalar name, YamlNode node)
    {
        var what = "the enum '" + name.Value + "'";
        if (!CheckTypeName(name, "an enum", TypeSurfaces.Enum.Members))
        {
            return null;
        }

        if (AsMapping(node, name.Value) is not { } map)
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Enum, what);
        var values = new List<EnumValueModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var valuesNode = Find(map, "values");
        if (valuesNode is null)
        {
            Add(Diagnostics.MissingKey, name.Location, what, "values");
            return null;
        }

        if (valuesNode is YamlMapping valueMap)
        {
            foreach (var entry in valueMap.Entries)
            {
                var wire = entry.Key;
                YamlScalar? explicitName = null;
                string? description = null;
                if (entry.Value is YamlMapping valueDetails)
                {
                    CheckKeys(valueDetails, SpecKeys.EnumValue, "the enum value '" + wire.Value + "'");
                    explicitName = OptionalString(valueDetails, "name");
                    description = OptionalString(valueDetails, "description")?.Value;
                }
                else if (entry.Value is YamlScalar scalarValue && !scalarValue.IsNull)
                {
                    // "Manual: Manual backup." is a description, the short form.
                    description = scalarValue.Value;
                }
                else if (entry.Value is not YamlScalar)
                {
                    Invalid(entry.Value, wire.Value, "a mapping with 'name' and 'description', or a description");
                }

                var memberNode = explicitName ?? wire;
                if (!CheckIdentifier(memberNode, "an enum value of '" + name.Value + "'"))
                {
                    continue;
                }

                if (ReservedEnumValue(memberNode.Value, name.Value) is { } reason)
                {
                    Add(Diagnostics.ReservedName, memberNode.Location, memberNode.Value, "an enum value name of '" + name.Value + "'", reason + "; set 'name'");
                    continue;
                }

                if (!memberNames.Add(memberNode.Value))
                {
                    Add(Diagnostics.DuplicateName, memberNode.Location, "enum value", memberNode.Value);
                    continue;
                }

                values.Add(new EnumValueModel(memberNode.Value, wire.Value, description));
            }
        }
        else if (!(valuesNode is YamlScalar empty && empty.IsNull))
        {
            Invalid(valuesNode, "values", "a mapping from wire values to their descriptions");
            return null;
        }

        if (values.Count == 0)
        {
            Add(Diagnostics.EmptyEnum, name.Location, name.Value);
            return null;
        }

        return new DeclaredEnum(new EnumModel(name.Value, OptionalString(map, "description")?.Value, values.ToEquatableArray()), name.Location);
    }

    private DeclaredShape? ReadShape(YamlScalar name, YamlNode node)
    {
        var what = "the shape '" + name.Value + "'";
        if (!CheckTypeName(name, "a shape", TypeSurfaces.Shape.Members) || AsMapping(node, name.Value) is not { } map)
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Shape, what);
        var membersNode = Find(map, "members");
        if (membersNode is null)
        {
            Add(Diagnostics.MissingKey, name.Location, what, "members");
            return null;
        }

        var members = ReadMembers(membersNode, "members", name.Value, isRequest: false);
        return new DeclaredShape(name.Value, OptionalString(map, "description")?.Value, members, name.Location);
    }

    private DeclaredOperation? ReadOperation(YamlScalar name, YamlNode node)
    {
        var what = "the operation '" + name.Value + "'";
        if (!CheckIdentifier(name, "an operation") || AsMapping(node, name.Value) is not { } map)
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Operation, what);
        var request = Find(map, "request") is { } requestNode
            ? ReadMembers(requestNode, "request", name.Value + TypeSurfaces.Request.TypeSuffix, isRequest: true)
            : EquatableArray<DeclaredMember>.Empty;
        var response = Find(map, "response") is { } responseNode
            ? ReadMembers(responseNode, "response", name.Value + TypeSurfaces.Client.ResponseSuffix, isRequest: false)
            : EquatableArray<DeclaredMember>.Empty;
        var readOnly = OptionalBoolean(map, "readOnly") ?? false;
        var anonymous = OptionalBoolean(map, "anonymous") ?? false;
        return new DeclaredOperation(
            name.Value, OptionalString(map, "description")?.Value, readOnly, request, response, name.Location, anonymous, ReadErrorCodes(map, "retryableErrors"),
            ReadDeprecated(map), ReadPagination(map), ReadWaiters(map));
    }

    /// <summary>A list of Alibaba error codes (<c>Throttling.User</c>, <c>OperationDenied.Busy</c>): letters, digits, '.', '_' and '-'.</summary>
    private EquatableArray<string> ReadErrorCodes(YamlMapping map, string key)
    {
        if (Find(map, key) is not { } node || (node is YamlScalar scalar && scalar.IsNull))
        {
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            Invalid(node, key, "a list of error codes");
            return EquatableArray<string>.Empty;
        }

        var codes = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar code && !code.IsNull && IsErrorCode(code.Value))
            {
                if (codes.Contains(code.Value))
                {
                    Add(Diagnostics.DuplicateName, code.Location, "error code", code.Value);
                }
                else
                {
                    codes.Add(code.Value);
                }
            }
            else
            {
                Invalid(item, key, "a list of error codes (letters, digits, '.', '_' and '-')");
            }
        }

        return codes.ToEquatableArray();
    }

    private static bool IsErrorCode(string code)
        => code.Length is > 0 and <= 128
           && code.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-');

    private EquatableArray<DeclaredMember> ReadMembers(YamlNode node, string key, string ownerType, bool isRequest)
    {
        if (node is YamlScalar scalar && scalar.IsNull)
        {
            return EquatableArray<DeclaredMember>.Empty;
        }

        if (AsMapping(node, key) is not { } map)
        {
            return EquatableArray<DeclaredMember>.Empty;
        }

        var members = new List<DeclaredMember>();
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (ReadMember(entry.Key, entry.Value, ownerType, isRequest) is not { } member)
            {
                continue;
            }

            if (!propertyNames.Add(member.PropertyName))
            {
                Add(Diagnostics.DuplicateName, member.NameLocation, "member", member.PropertyName);
                continue;
            }

            members.Add(member);
        }

        return members.ToEquatableArray();
    }

    private DeclaredMember? ReadMember(YamlScalar wireName, YamlNode node, string ownerType, bool isRequest)
    {
        var what = "the member '" + wireName.Value + "'";
        YamlMapping map;
        if (node is YamlScalar shortForm && !shortForm.IsNull)
        {
            // "RequestId: string" is the short form of "RequestId: { type: string }".
            map = new YamlMapping(
                new List<KeyValuePair<YamlScalar, YamlNode>> { new(new YamlScalar("type", true, shortForm.Location), shortForm) },
                shortForm.Location);
        }
        else if (AsMapping(node, wireName.Value) is { } full)
        {
            map = full;
        }
        else
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Member, what);
        var explicitName = OptionalString(map, "name");
        var nameNode = explicitName ?? wireName;
        if (!CheckIdentifier(nameNode, "a member of '" + ownerType + "'"))
        {
            return null;
        }

        if (ReservedMember(nameNode.Value, ownerType, isRequest) is { } reason)
        {
            Add(Diagnostics.ReservedName, nameNode.Location, nameNode.Value, "a member of '" + ownerType + "'", reason + "; set 'name'");
            return null;
        }

        if (!IsWireName(wireName.Value))
        {
            Invalid(wireName, wireName.Value, "a wire name: printable characters without spaces, '<', '>' or '&'");
            return null;
        }

        var type = RequiredString(map, "type", what);
        if (type is null)
        {
            return null;
        }

        var itemName = OptionalString(map, "itemName");
        if (itemName is not null && !IsWireName(itemName.Value))
        {
            Invalid(itemName, "itemName", "a wire name: printable characters without spaces, '<', '>' or '&'");
            return null;
        }

        if (itemName is not null && type.Value != BuiltInTypes.List)
        {
            // A map's entries are the object's properties (the element's children): there is no wrapper to name.
            Add(Diagnostics.InvalidValue, itemName.Location, "itemName", "absent unless 'type' is list");
            return null;
        }

        string? itemType = null;
        var itemTypeNode = OptionalString(map, "items");
        if (type.Value is BuiltInTypes.List or BuiltInTypes.Map)
        {
            if (itemTypeNode is null)
            {
                Add(Diagnostics.MissingKey, type.Location, "the " + type.Value + " '" + wireName.Value + "'", "items");
                return null;
            }

            itemType = itemTypeNode.Value;
        }
        else if (itemTypeNode is not null)
        {
            Add(Diagnostics.InvalidValue, itemTypeNode.Location, "items", "absent unless 'type' is list or map");
        }

        var constraints = new Constraints(
            OptionalInteger(map, "minLength"),
            OptionalInteger(map, "maxLength"),
            OptionalBoolean(map, "ascii") ?? false,
            OptionalDecimal(map, "minimum"),
            OptionalDecimal(map, "maximum"));

        return new DeclaredMember(
            wireName.Value,
            nameNode.Value,
            type.Value,
            itemType,
            itemName?.Value,
            OptionalBoolean(map, "required") ?? false,
            OptionalString(map, "description")?.Value,
            OptionalString(map, "example")?.Value,
            OptionalString(map, "documentedType")?.Value,
            constraints,
            OptionalBoolean(map, "idempotencyToken") ?? false,
            nameNode.Location,
            itemType is null ? type.Location : itemTypeNode!.Location,
            ReadMemberOptions(map, isRequest),
            wireName.Location);
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be a value of the enum <paramref name="enumName"/>, or null: the
    /// names the generated struct and kind enum must keep (<see cref="TypeSurfaces.Enum"/>), and the type's own.
    /// </summary>
    private static string? ReservedEnumValue(string name, string enumName)
    {
        if (name == TypeSurfaces.Enum.Unknown)
        {
            return "it names the values the spec does not list";
        }

        if (name == enumName || name == enumName + TypeSurfaces.Enum.KindSuffix)
        {
            return "a member cannot have the name of its type";
        }

        return TypeSurfaces.Enum.Members.Contains(name) ? "the generated enum has a member of that name (" + string.Join(", ", TypeSurfaces.Enum.Members) + ")" : null;
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be a member of the generated type <paramref name="ownerType"/>, or
    /// null: the members a request or structure must keep (<see cref="TypeSurfaces"/>), and the type's own name.
    /// </summary>
    private static string? ReservedMember(string name, string ownerType, bool isRequest)
    {
        if (name == ownerType)
        {
            return "a member cannot have the name of its type";
        }

        var reserved = isRequest ? TypeSurfaces.Request.Members : TypeSurfaces.Shape.Members;
        return reserved.Contains(name) ? "the generated type has a member of that name (" + string.Join(", ", reserved) + ")" : null;
    }

    private static YamlNode? Find(YamlMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private YamlMapping? AsMapping(YamlNode node, string key)
    {
        if (node is YamlMapping map)
        {
            return map;
        }

        Invalid(node, key, "a mapping");
        return null;
    }

    private YamlScalar? RequiredString(YamlMapping map, string key, string what)
    {
        if (Find(map, key) is not { } node)
        {
            Add(Diagnostics.MissingKey, map.Location, what, key);
            return null;
        }

        return AsText(node, key);
    }

    private YamlScalar? OptionalString(YamlMapping map, string key)
        => Find(map, key) is { } node && !(node is YamlScalar scalar && scalar.IsNull) ? AsText(node, key) : null;

    private YamlScalar? AsText(YamlNode node, string key)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            return scalar;
        }

        Invalid(node, key, "a text value");
        return null;
    }

    private bool? OptionalBoolean(YamlMapping map, string key)
    {
        if (OptionalString(map, key) is not { } scalar)
        {
            return null;
        }

        switch (scalar.IsPlain ? scalar.Value : null)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Invalid(scalar, key, "true or false");
                return null;
        }
    }

    private int? OptionalInteger(YamlMapping map, string key)
    {
        if (OptionalString(map, key) is not { } scalar)
        {
            return null;
        }

        if (scalar.IsPlain && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Invalid(scalar, key, "a whole number, zero or more");
        return null;
    }

    private decimal? OptionalDecimal(YamlMapping map, string key)
    {
        if (OptionalString(map, key) is not { } scalar)
        {
            return null;
        }

        if (scalar.IsPlain && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Invalid(scalar, key, "a number");
        return null;
    }

    private void CheckKeys(YamlMapping map, System.Collections.Immutable.ImmutableArray<string> knownKeys, string what)
    {
        foreach (var entry in map.Entries)
        {
            if (!knownKeys.Contains(entry.Key.Value))
            {
                Add(Diagnostics.UnknownKey, entry.Key.Location, entry.Key.Value, what,
                    NearestKey.Find(entry.Key.Value, knownKeys) is { } nearest ? "did you mean '" + nearest + "'?" : "its keys are " + string.Join(", ", knownKeys));
            }
        }
    }

    private bool CheckIdentifier(YamlScalar name, string what)
    {
        if (IsIdentifier(name.Value))
        {
            return true;
        }

        Add(Diagnostics.InvalidIdentifier, name.Location, name.Value, what);
        return false;
    }

    /// <summary>
    /// A type's name: an identifier that is no contextual keyword either, since a type named <c>var</c>,
    /// <c>dynamic</c> or <c>record</c> changes what code means in its namespace, or draws a warning; and
    /// not the name of a member the type must have (<paramref name="members"/>), which C# forbids (CS0542).
    /// </summary>
    private bool CheckTypeName(YamlScalar name, string what, System.Collections.Immutable.ImmutableArray<string> members)
    {
        if (!IsIdentifier(name.Value) || SyntaxFacts.GetContextualKeywordKind(name.Value) != SyntaxKind.None)
        {
            Add(Diagnostics.InvalidIdentifier, name.Location, name.Value, what + " (a type: neither a keyword nor a contextual keyword)");
            return false;
        }

        if (members.Contains(name.Value))
        {
            Add(Diagnostics.ReservedName, name.Location, name.Value, what, "the generated type has a member of that name (" + string.Join(", ", members) + "), and a member cannot have the name of its type");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A C# identifier that is no keyword, without the formatting characters (U+200D and the like) that
    /// C# ignores when it compares names, and not starting with <c>__</c>, which C# reserves.
    /// </summary>
    private static bool IsIdentifier(string name)
        => SyntaxFacts.IsValidIdentifier(name)
           && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
           && !name.StartsWith("__", StringComparison.Ordinal)
           && name.All(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format);

    private static bool IsDate(string text)
        => text.Length == 10 && text[4] == '-' && text[7] == '-'
           && text.Where((c, i) => i != 4 && i != 7).All(c => c is >= '0' and <= '9');

    /// <summary>
    /// A name as it stands on the wire: no control characters, white space or line ends (they would end a
    /// doc comment line of the generated code), and none of the XML doc comment's markup characters.
    /// </summary>
    private static bool IsWireName(string name)
        => name.Length > 0
           && name.All(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c is not ('<' or '>' or '&'));

    private void Invalid(YamlNode node, string key, string expected) => Add(Diagnostics.InvalidValue, node.Location, key, expected);

    private void Add(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}
