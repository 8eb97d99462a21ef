using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Reads one spec file into a <see cref="SpecDocument"/>. Every problem becomes a diagnostic at the
/// key or value it concerns; what can still be read is read, so one mistake does not hide the rest.
/// </summary>
internal sealed class SpecReader
{
    private static readonly string[] TopLevelKeys = { "product", "version", "namespace", "description", "endpoints", "enums", "shapes", "operations" };
    private static readonly string[] EndpointKeys = { "default", "regional", "vpc" };
    private static readonly string[] EnumKeys = { "description", "values" };
    private static readonly string[] EnumValueKeys = { "name", "description" };
    private static readonly string[] ShapeKeys = { "description", "members" };
    private static readonly string[] OperationKeys = { "description", "readOnly", "anonymous", "retryableErrors", "request", "response" };
    private static readonly string[] MemberKeys =
    {
        "type", "items", "itemName", "name", "required", "description", "example", "documentedType",
        "idempotencyToken", "minLength", "maxLength", "ascii", "minimum", "maximum",
    };

    // Members every generated type has (from object, and Equals/GetHashCode/ToString overrides); a
    // property of the same name would not compile, or would hide them with a warning.
    private static readonly string[] ObjectMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    // What the generated response and shape types declare, and the parameter and local their Equals and
    // GetHashCode use without 'this.'.
    private static readonly string[] ResponseMemberNames = ObjectMemberNames
        .Concat(new[] { "ParseJson", "ParseJsonAsync", "ParseXml", "ParseXmlAsync", "ReadJson", "ReadXml", "ReadXmlDocument", "other", "hash" })
        .ToArray();

    // What the generated request types declare, and the names WriteParameters uses for its parameter and loop.
    private static readonly string[] RequestMemberNames = ObjectMemberNames.Concat(new[] { "Validate", "WriteParameters", "parameters", "i" }).ToArray();

    // What the generated enum structs declare besides one property per value.
    private static readonly string[] EnumMemberNames = ObjectMemberNames
        .Concat(new[] { "Kind", "IsKnown", "WireValue", "FromWireValue", "FromUtf8", "_wireValue", "wireValue", "utf8" })
        .ToArray();

    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private SpecReader(string filePath) => _filePath = filePath;

    public static SpecDocument Read(string filePath, string text, string? namespaceOverride)
    {
        var reader = new SpecReader(filePath);
        try
        {
            return reader.ReadDocument(text, namespaceOverride);
        }
        catch (Exception exception)
        {
            // A generator that throws takes the user's whole build down with CS8785; report it on the file instead.
            reader._diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InternalError, SpecLocation.StartOf(filePath), exception.GetType().Name + ": " + exception.Message));
            return reader.Empty();
        }
    }

    private SpecDocument ReadDocument(string text, string? namespaceOverride)
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

        CheckKeys(top, TopLevelKeys, "the spec");
        var api = ReadApi(top, namespaceOverride);
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

    private DeclaredApi? ReadApi(YamlMapping top, string? namespaceOverride)
    {
        var product = RequiredString(top, "product", "the spec");
        var version = RequiredString(top, "version", "the spec");
        if (product is null || version is null)
        {
            return null;
        }

        if (!IsIdentifier(product.Value))
        {
            Add(DiagnosticIds.InvalidIdentifier, product.Location, product.Value, "the product");
            return null;
        }

        if (!IsDate(version.Value))
        {
            // It is sent as Version and written into doc comments: only the documented form is safe for both.
            Invalid(version, "version", "a date YYYY-MM-DD, quoted: \"2014-08-15\"");
            return null;
        }

        var namespaceNode = OptionalString(top, "namespace");
        string? ns = namespaceOverride;
        if (ns is null && namespaceNode is not null)
        {
            if (namespaceNode.Value.Split('.').All(IsIdentifier))
            {
                ns = namespaceNode.Value;
            }
            else
            {
                Add(DiagnosticIds.InvalidIdentifier, namespaceNode.Location, namespaceNode.Value, "a namespace");
            }
        }

        EndpointsModel? endpoints = null;
        if (Find(top, "endpoints") is { } endpointsNode && AsMapping(endpointsNode, "endpoints") is { } endpointMap)
        {
            CheckKeys(endpointMap, EndpointKeys, "endpoints");
            endpoints = new EndpointsModel(
                OptionalString(endpointMap, "default")?.Value,
                OptionalString(endpointMap, "regional")?.Value,
                OptionalString(endpointMap, "vpc")?.Value);
        }

        return new DeclaredApi(
            product.Value,
            version.Value,
            ns,
            OptionalString(top, "description")?.Value,
            endpoints,
            product.Location,
            namespaceOverride is null ? namespaceNode?.Location : null);
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
        if (!CheckIdentifier(name, "an enum"))
        {
            return null;
        }

        if (AsMapping(node, name.Value) is not { } map)
        {
            return null;
        }

        CheckKeys(map, EnumKeys, what);
        var values = new List<EnumValueModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var valuesNode = Find(map, "values");
        if (valuesNode is null)
        {
            Add(DiagnosticIds.MissingKey, name.Location, what, "values");
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
                    CheckKeys(valueDetails, EnumValueKeys, "the enum value '" + wire.Value + "'");
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

                if (memberNode.Value == "Unknown")
                {
                    Add(DiagnosticIds.ReservedName, memberNode.Location, "Unknown", "an enum value name", "it names values the spec does not list; set 'name' to another name");
                    continue;
                }

                if (memberNode.Value == name.Value || memberNode.Value == name.Value + "Kind" || Array.IndexOf(EnumMemberNames, memberNode.Value) >= 0)
                {
                    Add(DiagnosticIds.ReservedName, memberNode.Location, memberNode.Value, "an enum value name of '" + name.Value + "'",
                        memberNode.Value == name.Value ? "a member cannot have the name of its type; set 'name'" : "the generated type has a member of that name; set 'name'");
                    continue;
                }

                if (!memberNames.Add(memberNode.Value))
                {
                    Add(DiagnosticIds.DuplicateName, memberNode.Location, "enum value", memberNode.Value);
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

        // Each value V also gets a UTF-8 constant named Utf8V: a value named Utf8V beside V would clash with it.
        foreach (var value in values)
        {
            if (value.Name.StartsWith("Utf8", StringComparison.Ordinal) && memberNames.Contains(value.Name.Substring(4)))
            {
                Add(DiagnosticIds.ReservedName, name.Location, value.Name, "an enum value name of '" + name.Value + "'",
                    "the generated type names the UTF-8 text of '" + value.Name.Substring(4) + "' so; set 'name'");
                return null;
            }
        }

        if (values.Count == 0)
        {
            Add(DiagnosticIds.EmptyEnum, name.Location, name.Value);
            return null;
        }

        return new DeclaredEnum(new EnumModel(name.Value, OptionalString(map, "description")?.Value, values.ToEquatableArray()), name.Location);
    }

    private DeclaredShape? ReadShape(YamlScalar name, YamlNode node)
    {
        var what = "the shape '" + name.Value + "'";
        if (!CheckIdentifier(name, "a shape") || AsMapping(node, name.Value) is not { } map)
        {
            return null;
        }

        CheckKeys(map, ShapeKeys, what);
        var membersNode = Find(map, "members");
        if (membersNode is null)
        {
            Add(DiagnosticIds.MissingKey, name.Location, what, "members");
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

        CheckKeys(map, OperationKeys, what);
        var request = Find(map, "request") is { } requestNode
            ? ReadMembers(requestNode, "request", name.Value + "Request", isRequest: true)
            : EquatableArray<DeclaredMember>.Empty;
        var response = Find(map, "response") is { } responseNode
            ? ReadMembers(responseNode, "response", name.Value + "Response", isRequest: false)
            : EquatableArray<DeclaredMember>.Empty;
        var readOnly = OptionalBoolean(map, "readOnly") ?? false;
        var anonymous = OptionalBoolean(map, "anonymous") ?? false;
        return new DeclaredOperation(
            name.Value, OptionalString(map, "description")?.Value, readOnly, request, response, name.Location, anonymous, ReadErrorCodes(map, "retryableErrors"));
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
                    Add(DiagnosticIds.DuplicateName, code.Location, "error code", code.Value);
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
                Add(DiagnosticIds.DuplicateName, member.NameLocation, "member", member.PropertyName);
                continue;
            }

            members.Add(member);
        }

        if (!isRequest)
        {
            // A list member L is read by generated methods ReadLJson, ReadLJsonItems and ReadLXml.
            foreach (var list in members.Where(member => member.TypeName == "list").ToList())
            {
                foreach (var clash in members.Where(member => member.PropertyName is var property
                             && (property == "Read" + list.PropertyName + "Json" || property == "Read" + list.PropertyName + "JsonItems" || property == "Read" + list.PropertyName + "Xml")).ToList())
                {
                    Add(DiagnosticIds.ReservedName, clash.NameLocation, clash.PropertyName, "a member of '" + ownerType + "'",
                        "the generated type reads the list '" + list.PropertyName + "' with a method of that name; set 'name'");
                    members.Remove(clash);
                }
            }
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

        CheckKeys(map, MemberKeys, what);
        var explicitName = OptionalString(map, "name");
        var nameNode = explicitName ?? wireName;
        if (!CheckIdentifier(nameNode, "a member of '" + ownerType + "'"))
        {
            return null;
        }

        if (nameNode.Value == ownerType || nameNode.Value == "UnknownMembers")
        {
            Add(DiagnosticIds.ReservedName, nameNode.Location, nameNode.Value, "a member of '" + ownerType + "'",
                nameNode.Value == ownerType ? "a member cannot have the name of its type; set 'name'" : "the generated type uses it for fields the spec does not describe; set 'name'");
            return null;
        }

        if (Array.IndexOf(isRequest ? RequestMemberNames : ResponseMemberNames, nameNode.Value) >= 0
            || (!isRequest && nameNode.Value.StartsWith("JsonName", StringComparison.Ordinal)))
        {
            Add(DiagnosticIds.ReservedName, nameNode.Location, nameNode.Value, "a member of '" + ownerType + "'", "the generated type uses that name itself; set 'name'");
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

        string? itemType = null;
        var itemTypeNode = OptionalString(map, "items");
        if (type.Value == "list")
        {
            if (itemTypeNode is null)
            {
                Add(DiagnosticIds.MissingKey, type.Location, "the list '" + wireName.Value + "'", "items");
                return null;
            }

            itemType = itemTypeNode.Value;
        }
        else if (itemTypeNode is not null)
        {
            Add(DiagnosticIds.InvalidValue, itemTypeNode.Location, "items", "absent unless 'type' is list");
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
            itemType is null ? type.Location : itemTypeNode!.Location);
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
            Add(DiagnosticIds.MissingKey, map.Location, what, key);
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

    private void CheckKeys(YamlMapping map, string[] knownKeys, string what)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(knownKeys, entry.Key.Value) < 0)
            {
                Add(DiagnosticIds.UnknownKey, entry.Key.Location, entry.Key.Value, what, string.Join(", ", knownKeys));
            }
        }
    }

    private bool CheckIdentifier(YamlScalar name, string what)
    {
        if (IsIdentifier(name.Value))
        {
            return true;
        }

        Add(DiagnosticIds.InvalidIdentifier, name.Location, name.Value, what);
        return false;
    }

    private static bool IsIdentifier(string name)
        => SyntaxFacts.IsValidIdentifier(name)
           && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
           && SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.None or SyntaxKind.AsyncKeyword or SyntaxKind.AwaitKeyword or SyntaxKind.VarKeyword
           && !name.StartsWith("__", StringComparison.Ordinal);

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

    private void Invalid(YamlNode node, string key, string expected) => Add(DiagnosticIds.InvalidValue, node.Location, key, expected);

    private void Add(string id, SpecLocation location, params string[] arguments) => _diagnostics.Add(DiagnosticInfo.Create(id, location, arguments));
}
