using Bindings.Import.Model;
using Bindings.Import.Specs;
using Bindings.Import.Text;
using Bindings.Import.Yaml;

namespace Bindings.Import.Overlay;

/// <summary>
/// Applies an <see cref="ImportOverlay"/> to the built specs. Besides merging key by key, it draws the
/// consequences a person would: a member given an enum type loses the list of values from its
/// description (the enum has them) and the enum takes its values from that list when the overlay
/// gives none; a member retyped from one scalar to another (<c>string</c> to <c>long</c>) records the
/// source's type as <c>documentedType</c>; keys that do not apply to the new type (<c>items</c> on a
/// scalar, <c>maxLength</c> on a number) go; enums and shapes no member uses any more are removed.
/// </summary>
internal sealed class OverlayApplier
{
    private readonly ImportOverlay _overlay;
    private readonly SpecDocuments _documents;
    private readonly ImportApi _api;
    private readonly List<string> _warnings;
    private readonly Dictionary<string, List<MemberOrigin>> _enumUsers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overlayEnums;
    private readonly HashSet<string> _overlayShapes;

    private OverlayApplier(ImportOverlay overlay, SpecDocuments documents, ImportApi api, List<string> warnings)
    {
        _overlay = overlay;
        _documents = documents;
        _api = api;
        _warnings = warnings;
        _overlayEnums = (overlay.Root.Map("enums")?.Keys ?? Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);
        _overlayShapes = (overlay.Root.Map("shapes")?.Keys ?? Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);
    }

    public static void Apply(ImportOverlay overlay, SpecDocuments documents, ImportApi api, List<string> warnings)
    {
        var applier = new OverlayApplier(overlay, documents, api, warnings);
        applier.ApplyTopLevel();
        applier.ApplyOperations();
        applier.ApplyShapes();
        applier.ApplyEnums();
        applier.Prune();
        Canonicalize(documents);
    }

    private YamlMap Root => _overlay.Root;

    private bool IsEnum(string? type) => type is not null && (_overlayEnums.Contains(type) || _documents.Enums.ContainsKey(type));

    private static bool IsScalarBuiltIn(string? type) => type is not null && SpecTypes.ScalarTypes.Contains(type);

    private void ApplyTopLevel()
    {
        var shared = _documents.Shared;
        foreach (var key in new[] { "namespace", "description" })
        {
            if (Root[key] is YamlScalar scalar)
            {
                shared[key] = scalar.IsNull ? null : scalar.Clone();
            }
        }

        if (Root.Map("endpoints") is { } endpoints)
        {
            Merge(shared.GetOrAddMap("endpoints"), endpoints);
        }
    }

    private void ApplyOperations()
    {
        foreach (var (name, node) in Entries(Root, "operations"))
        {
            var patch = node as YamlMap ?? new YamlMap();
            if (!_documents.Operations.TryGetValue(name, out var operation))
            {
                if (_api.Find(name) is null)
                {
                    _warnings.Add("overlay: operations." + name + ": the source has no such operation");
                }

                continue;
            }

            foreach (var entry in patch.Entries)
            {
                switch (entry.Key)
                {
                    case "request" or "response":
                        PatchMembers(operation.GetOrAddMap(entry.Key), entry.Value, "operations." + name + "." + entry.Key);
                        if (operation.Map(entry.Key) is { Count: 0 })
                        {
                            operation.Remove(entry.Key);
                        }

                        break;
                    case "translations":
                        break;
                    default:
                        Set(operation, entry.Key, entry.Value);
                        break;
                }
            }

            Translate(operation, patch);

            // A member the overlay retyped can make (or unmake) a pager, unless the overlay says what it is.
            if (!patch.ContainsKey("pagination"))
            {
                operation["pagination"] = SpecBuilder.Pagination(operation);
            }
        }
    }

    private void ApplyShapes()
    {
        foreach (var (name, node) in Entries(Root, "shapes"))
        {
            var patch = node as YamlMap ?? new YamlMap();
            if (_documents.Shapes.TryGetValue(name, out var shape))
            {
                if (patch["description"] is { } description)
                {
                    Set(shape.Shape, "description", description);
                }

                if (patch["members"] is { } members)
                {
                    PatchMembers(shape.Shape.GetOrAddMap("members"), members, "shapes." + name + ".members");
                }

                Translate(shape.Shape, patch);
                continue;
            }

            if (patch.ContainsKey("from"))
            {
                // A structure of an operation this run does not write.
                continue;
            }

            var declared = new YamlMap();
            Set(declared, "description", patch["description"] ?? YamlScalar.Null);
            var declaredMembers = declared.GetOrAddMap("members");
            PatchMembers(declaredMembers, patch["members"] ?? new YamlMap(), "shapes." + name + ".members");
            Translate(declared, patch);
            _documents.Shared.GetOrAddMap("shapes").Add(name, declared);
            _documents.Shapes[name] = (declared, _documents.Shared);
        }
    }

    private void ApplyEnums()
    {
        var enums = _documents.Enums;
        foreach (var (name, node) in Entries(Root, "enums"))
        {
            var patch = node as YamlMap ?? new YamlMap();
            var target = enums.Map(name);
            if (target is null)
            {
                target = new YamlMap();
                enums.Add(name, target);
            }

            var users = _enumUsers.TryGetValue(name, out var list) ? list : new List<MemberOrigin>();
            var listed = users.SelectMany(user => MarkdownText.ValueList(user.Field.Description) ?? Array.Empty<(string, string?)>()).ToList();
            if (patch["description"] is { } description)
            {
                Set(target, "description", description);
            }
            else if (!target.ContainsKey("description") && users.Count > 0)
            {
                target.Add("description", MarkdownText.Flatten(users[0].Field.Description, withoutValueList: true));
            }

            var existing = target.Map("values") ?? new YamlMap();
            List<string> wireValues;
            YamlMap? given = patch["values"] as YamlMap;
            if (given is not null)
            {
                wireValues = given.Keys.ToList();
            }
            else if (existing.Count > 0)
            {
                wireValues = existing.Keys.ToList();
            }
            else
            {
                wireValues = listed.Select(item => item.Item1).Distinct(StringComparer.Ordinal).ToList();
            }

            if (wireValues.Count == 0)
            {
                _warnings.Add("overlay: enums." + name + ": no values (give values:, or use it on a member whose description lists valid values)");
                enums.Remove(name);
                continue;
            }

            var names = SpecBuilder.EnumValueNames(name, wireValues);
            var values = new YamlMap();
            for (var i = 0; i < wireValues.Count; i++)
            {
                var wire = wireValues[i];
                var entry = new YamlMap();
                if (names[i] != wire)
                {
                    entry.Add("name", names[i]);
                }

                var old = existing.Map(wire);
                var sourceText = listed.FirstOrDefault(item => item.Item1 == wire).Item2;
                entry.Add("description", old?.Text("description") ?? sourceText);
                if (given?[wire] is YamlMap details)
                {
                    foreach (var detail in details.Entries.Where(detail => detail.Key != "translations"))
                    {
                        Set(entry, detail.Key, detail.Value);
                    }

                    Translate(entry, details);
                }

                values.Add(wire, entry.Count == 0 ? YamlScalar.Null : entry);
            }

            target["values"] = values;
            Translate(target, patch);
        }
    }

    private void PatchMembers(YamlMap members, YamlNode patchNode, string where)
    {
        if (patchNode is not YamlMap patches)
        {
            return;
        }

        foreach (var (wireName, node) in patches.Entries)
        {
            var patch = node switch
            {
                YamlMap map => map,
                YamlScalar { IsNull: false } type => new YamlMap().Add("type", type.Clone()),
                _ => new YamlMap(),
            };

            if (patch["omit"] is YamlScalar { Text: "true" })
            {
                if (!members.Remove(wireName))
                {
                    _warnings.Add("overlay: " + where + "." + wireName + ": omitted, but the source has no such member");
                }

                continue;
            }

            var member = members.Map(wireName);
            MemberOrigin? origin = null;
            if (member is null)
            {
                if (!patch.ContainsKey("type"))
                {
                    _warnings.Add("overlay: " + where + "." + wireName + ": the source has no such member (give a type to add it)");
                    continue;
                }

                member = new YamlMap();
                members.Add(wireName, member);
            }
            else
            {
                _documents.Origins.TryGetValue(member, out origin);
            }

            var oldType = member.Text("type");
            foreach (var entry in patch.Entries)
            {
                if (entry.Key is not ("translations" or "omit"))
                {
                    Set(member, entry.Key, entry.Value);
                }
            }

            var newType = member.Text("type");
            if (origin is not null && newType != oldType)
            {
                Retyped(member, patch, origin, oldType, newType);
            }

            if (IsEnum(newType) && origin is not null)
            {
                Users(newType!).Add(origin);
            }

            ConformToType(member, patch);
            Translate(member, patch);
        }
    }

    private List<MemberOrigin> Users(string enumName)
    {
        if (!_enumUsers.TryGetValue(enumName, out var users))
        {
            users = _enumUsers[enumName] = new List<MemberOrigin>();
        }

        return users;
    }

    private void Retyped(YamlMap member, YamlMap patch, MemberOrigin origin, string? oldType, string? newType)
    {
        var required = origin.IsRequest && origin.Field.Required;
        if (!patch.ContainsKey("description") && (IsEnum(newType) || IsEnum(oldType)))
        {
            member["description"] = MarkdownText.Flatten(origin.Field.Description, required, withoutValueList: IsEnum(newType)) is { } text ? new YamlScalar(text) : null;
        }

        if (!patch.ContainsKey("documentedType") && IsScalarBuiltIn(oldType) && IsScalarBuiltIn(newType))
        {
            member["documentedType"] = new YamlScalar(origin.Field.Type.DocumentedName);
        }
    }

    /// <summary>Removes what does not apply to the member's (new) type, unless the overlay set it.</summary>
    private void ConformToType(YamlMap member, YamlMap patch)
    {
        var type = member.Text("type");
        var container = type is SpecTypes.List or SpecTypes.Map;
        var numeric = type is SpecTypes.Integer or SpecTypes.Long or SpecTypes.Double or SpecTypes.Decimal;
        void Drop(string key, bool applies)
        {
            if (!applies && !patch.ContainsKey(key))
            {
                member.Remove(key);
            }
        }

        Drop("items", container);
        Drop("itemName", type == SpecTypes.List);
        Drop("minLength", type == SpecTypes.String);
        Drop("maxLength", type == SpecTypes.String);
        Drop("ascii", type == SpecTypes.String);
        Drop("minimum", numeric);
        Drop("maximum", numeric);
        Drop("format", type == SpecTypes.DateTime);
        Drop("style", container || type == SpecTypes.Any || (type is not null && !SpecTypes.BuiltInTypes.Contains(type) && !IsEnum(type)));
        Drop("example", type is not null && (SpecTypes.ScalarTypes.Contains(type) || IsEnum(type)));
        if (member.Text("default") is { } value && IsEnum(type) && _documents.Enums.Map(type!)?.Map("values") is { } values && !values.ContainsKey(value))
        {
            Drop("default", false);
        }
    }

    /// <summary>Puts the texts of <c>translations</c> (in the order given) before the description.</summary>
    private static void Translate(YamlMap target, YamlMap patch)
    {
        if (patch.Map("translations") is not { Count: > 0 } translations)
        {
            return;
        }

        var parts = translations.Entries.Select(entry => (entry.Value as YamlScalar)?.Text).Where(text => !string.IsNullOrWhiteSpace(text)).ToList();
        if (target.Text("description") is { } description)
        {
            parts.Add(description);
        }

        target["description"] = new YamlScalar(string.Join(" ", parts.Select(part => part!.Trim())));
    }

    /// <summary>Removes the enums and shapes the importer made that no member uses any more.</summary>
    private void Prune()
    {
        while (true)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (member, _, _) in _documents.AllMembers())
            {
                if (member.Text("type") is { } type)
                {
                    used.Add(type);
                }

                if (member.Text("items") is { } items)
                {
                    used.Add(items);
                }
            }

            var removed = false;
            foreach (var name in _documents.Enums.Keys.ToList())
            {
                if (!used.Contains(name) && !_overlayEnums.Contains(name))
                {
                    _documents.Enums.Remove(name);
                    removed = true;
                }
            }

            foreach (var (name, shape) in _documents.Shapes.ToList())
            {
                if (!used.Contains(name) && !_overlayShapes.Contains(name))
                {
                    shape.Document.Map("shapes")?.Remove(name);
                    if (shape.Document.Map("shapes") is { Count: 0 })
                    {
                        shape.Document.Remove("shapes");
                    }

                    _documents.Shapes.Remove(name);
                    removed = true;
                }
            }

            if (!removed)
            {
                return;
            }
        }
    }

    /// <summary>The key order of the format (specs/README.md), whatever order the overlay added keys in.</summary>
    public static void Canonicalize(SpecDocuments documents)
    {
        foreach (var (_, document) in documents.Files())
        {
            Reorder(document, SpecVocabulary.TopLevelKeys);
            if (document.Map("endpoints") is { } endpoints)
            {
                Reorder(endpoints, SpecVocabulary.EndpointKeys);
            }

            foreach (var operation in document.Map("operations")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
            {
                if (operation.Value is YamlMap map)
                {
                    Reorder(map, SpecVocabulary.OperationKeys);
                }
            }

            if (document.Map("enums") is { } enums)
            {
                enums.SortByKey();
                foreach (var entry in enums.Entries)
                {
                    if (entry.Value is YamlMap map)
                    {
                        Reorder(map, SpecVocabulary.EnumKeys);
                        foreach (var value in map.Map("values")?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>())
                        {
                            if (value.Value is YamlMap valueMap)
                            {
                                Reorder(valueMap, SpecVocabulary.EnumValueKeys);
                            }
                        }
                    }
                }

                if (enums.Count == 0)
                {
                    document.Remove("enums");
                }
            }

            if (document.Map("shapes") is { } shapes)
            {
                shapes.SortByKey();
                foreach (var entry in shapes.Entries)
                {
                    if (entry.Value is YamlMap map)
                    {
                        Reorder(map, SpecVocabulary.ShapeKeys);
                    }
                }
            }
        }

        foreach (var (member, _, _) in documents.AllMembers())
        {
            Reorder(member, SpecVocabulary.MemberKeys);
        }
    }

    private static void Reorder(YamlMap map, string[] order)
    {
        var entries = map.Entries.ToList();
        foreach (var entry in entries)
        {
            map.Remove(entry.Key);
        }

        foreach (var entry in entries.OrderBy(entry => Array.IndexOf(order, entry.Key) is var index && index < 0 ? int.MaxValue : index))
        {
            map.Add(entry.Key, entry.Value);
        }
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/>: maps key by key, anything else replaced; null removes.</summary>
    private static void Merge(YamlMap target, YamlMap patch)
    {
        foreach (var entry in patch.Entries)
        {
            if (entry.Value is YamlMap map && target.Map(entry.Key) is { } existing)
            {
                Merge(existing, map);
            }
            else
            {
                Set(target, entry.Key, entry.Value);
            }
        }
    }

    private static void Set(YamlMap target, string key, YamlNode value)
        => target[key] = value is YamlScalar { IsNull: true } ? null : value.Clone();

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMap map, string key)
        => (map.Map(key)?.Entries ?? Enumerable.Empty<KeyValuePair<string, YamlNode>>()).Select(entry => (entry.Key, entry.Value));
}
