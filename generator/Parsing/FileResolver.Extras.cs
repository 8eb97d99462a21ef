using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// The checks and resolution of a member's wire options (style, format, default, position), and of an
/// operation's pager and waiters against the members they name. Every misuse is BND008 at the key or value.
/// </summary>
internal sealed partial class FileResolver
{
    /// <summary>The words of <c>[Obsolete]</c> for <c>deprecated: true</c>.</summary>
    public const string DeprecatedText = "Deprecated by the service.";

    /// <summary>
    /// The style a member travels in (its own for a request parameter, else the default of its type), or
    /// null after reporting why the spec's cannot be.
    /// </summary>
    private WireStyle? ResolveStyle(DeclaredMember member, MemberType type, bool isRequest)
    {
        var isScalar = !type.IsList && !type.IsMap && type.Kind is not (ValueKind.Shape or ValueKind.Raw);
        var natural = type.IsList ? WireStyle.RepeatList
            : type.IsMap || type.Kind == ValueKind.Shape ? WireStyle.Flat
            : type.Kind == ValueKind.Raw ? WireStyle.Json
            : WireStyle.None;
        if (member.Options.Style is not { } written || !isRequest)
        {
            return natural;
        }

        var style = WireStyles.Find(written.Value)!;
        string? problem = null;
        if (isScalar)
        {
            problem = "absent on a scalar parameter: style is for lists, shapes, maps and any";
        }
        else if (type.Kind == ValueKind.Raw && !type.IsList && !type.IsMap && style.Style != WireStyle.Json)
        {
            problem = "json for a value of type any";
        }
        else if (type.IsList && !style.OnLists)
        {
            problem = "repeatList, json, simple, spaceDelimited or pipeDelimited for a list";
        }
        else if (!type.IsList && !style.OnShapesAndMaps)
        {
            problem = "flat or json for a " + (type.IsMap ? "map" : "shape");
        }
        else if (style.ScalarItemsOnly && type.Kind is ValueKind.Shape or ValueKind.Raw)
        {
            problem = "repeatList or json for a list of shapes or of any: '" + style.SpecName + "' joins scalars";
        }

        if (problem is not null)
        {
            Report(Diagnostics.InvalidValue, written.Location, "style", problem);
            return null;
        }

        return style.Style;
    }

    /// <summary>The member's <c>default</c> if it is a value of its type; null after BND008 otherwise.</summary>
    private bool CheckDefault(DeclaredMember member, MemberType type)
    {
        if (member.Options.Default is not { } written)
        {
            return true;
        }

        string? expected = null;
        var text = written.Value;
        if (type.IsList || type.IsMap || type.Kind is ValueKind.Shape or ValueKind.Raw)
        {
            expected = "absent: only a scalar parameter has a default";
        }
        else
        {
            switch (type.Kind)
            {
                case ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal:
                    var range = type.BuiltIn!.WholeRange;
                    var c = member.Constraints;
                    if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        || (range is { } whole && (decimal.Truncate(number) != number || number < whole.Minimum || number > whole.Maximum))
                        || number < c.Minimum || number > c.Maximum)
                    {
                        expected = "a value of type " + type.BuiltIn.SpecName + " within the parameter's minimum and maximum";
                    }

                    break;
                case ValueKind.Boolean:
                    expected = text is "true" or "false" ? null : "true or false";
                    break;
                case ValueKind.DateTime:
                    expected = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "a date and time";
                    break;
                case ValueKind.Enum:
                    if (_document.Enums.FirstOrDefault(candidate => candidate.Model.Name == type.NamedType) is { } declared
                        && !declared.Model.Values.Any(value => value.WireValue == text))
                    {
                        expected = "a wire value of the enum '" + type.NamedType + "': " + string.Join(", ", declared.Model.Values.Select(value => value.WireValue));
                    }

                    break;
                case ValueKind.String:
                    expected = (member.Constraints.MinLength is { } min && text.Length < min) || (member.Constraints.MaxLength is { } max && text.Length > max)
                        ? "a text within the parameter's minLength and maxLength"
                        : null;
                    break;
            }
        }

        if (expected is null)
        {
            return true;
        }

        Report(Diagnostics.InvalidValue, written.Location, "default", expected);
        return false;
    }

    /// <summary>The spec's <c>deprecated</c> as the text of <c>[Obsolete]</c>.</summary>
    private static string? ObsoleteText(string? deprecated) => deprecated is null ? null : deprecated.Length == 0 ? DeprecatedText : deprecated;

    private PaginationModel? ResolvePagination(DeclaredOperation operation, EquatableArray<MemberModel> request, EquatableArray<MemberModel> response, string ns)
    {
        if (operation.Pagination is not { } pagination)
        {
            return null;
        }

        var ok = true;
        var items = Named(pagination.Items, response, "items", "a list of the response", type => type.IsList);
        var pageNumber = Named(pagination.PageNumber, request, "pageNumber", "a request parameter of type integer", IsInteger);
        var pageSize = Named(pagination.PageSize, request, "pageSize", "a request parameter of type integer", IsInteger);
        var total = Named(pagination.TotalCount, response, "totalCount", "a response field of type integer or long", type => IsInteger(type) || (type.Kind == ValueKind.Int64 && !type.IsList));
        var inputToken = Named(pagination.InputToken, request, "inputToken", "a request parameter of type string", IsString);
        var outputToken = Named(pagination.OutputToken, response, "outputToken", "a response field of type string", IsString);
        var maxResults = Named(pagination.MaxResults, request, "maxResults", "a request parameter of type integer", IsInteger);
        if (!ok || items is null)
        {
            return null;
        }

        int? pageSizeDefault = pageSize?.Default is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null;
        return new PaginationModel(
            items.PropertyName,
            EmitterHelpers.ElementType(items.Type, ns),
            pageNumber?.WireName,
            pageNumber?.PropertyName,
            pageSize?.WireName,
            pageSize?.PropertyName,
            pageSizeDefault,
            total?.PropertyName,
            inputToken?.WireName,
            inputToken?.PropertyName,
            outputToken?.PropertyName,
            maxResults?.PropertyName);

        MemberModel? Named(SpecText? name, EquatableArray<MemberModel> members, string key, string expected, Func<MemberType, bool> fits)
        {
            if (name is null)
            {
                return null;
            }

            var member = members.FirstOrDefault(candidate => candidate.WireName == name.Value);
            if (member is not null && fits(member.Type))
            {
                return member;
            }

            Report(Diagnostics.InvalidValue, name.Location, key, "the wire name of " + expected + (member is null ? " ('" + name.Value + "' is none)" : ""));
            ok = false;
            return null;
        }

        static bool IsInteger(MemberType type) => type.Kind == ValueKind.Int32 && !type.IsList && !type.IsMap;

        static bool IsString(MemberType type) => type.Kind == ValueKind.String && !type.IsList && !type.IsMap;
    }

    private EquatableArray<WaiterModel> ResolveWaiters(ApiDeclarations api, DeclaredOperation operation, EquatableArray<MemberModel> response, string ns)
    {
        var waiters = new List<WaiterModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var waiter in operation.Waiters)
        {
            if (!names.Add(waiter.Name.Value))
            {
                Report(Diagnostics.DuplicateName, waiter.Name.Location, "waiter", waiter.Name.Value);
                continue;
            }

            var acceptors = new List<AcceptorModel>();
            foreach (var acceptor in waiter.Acceptors)
            {
                if (ResolveAcceptor(api, acceptor, response, ns) is { } resolved)
                {
                    acceptors.Add(resolved);
                }
            }

            if (acceptors.Count == waiter.Acceptors.Count)
            {
                waiters.Add(new WaiterModel(waiter.Name.Value, waiter.Description, waiter.MinDelay, waiter.MaxDelay, waiter.MaxWait, acceptors.ToEquatableArray()));
            }
        }

        return waiters.ToEquatableArray();
    }

    private AcceptorModel? ResolveAcceptor(ApiDeclarations api, DeclaredAcceptor acceptor, EquatableArray<MemberModel> response, string ns)
    {
        var matcher = acceptor.Matcher.Value switch
        {
            "equals" => AcceptorMatcher.EqualTo,
            "anyEqual" => AcceptorMatcher.AnyEqual,
            "allEqual" => AcceptorMatcher.AllEqual,
            "exists" => AcceptorMatcher.Exists,
            _ => AcceptorMatcher.Error,
        };
        var values = acceptor.Values.Select(value => value.Value).ToList();
        if (matcher == AcceptorMatcher.Error)
        {
            return new AcceptorModel(acceptor.State.Value, matcher, "error " + values[0], null, null, null, values.ToEquatableArray(), true);
        }

        var path = acceptor.Path!;
        if (ResolvePath(api, path, response, ns) is not { } resolved)
        {
            return null;
        }

        var projected = resolved.ListAccess is not null;
        if (matcher == AcceptorMatcher.Exists)
        {
            if (values[0] is not ("true" or "false"))
            {
                Report(Diagnostics.InvalidValue, acceptor.Values[0].Location, "exists", "true or false");
                return null;
            }

            return new AcceptorModel(acceptor.State.Value, matcher, path.Value, resolved.ListAccess ?? resolved.Access, resolved.ItemType, projected ? resolved.Access : null, EquatableArray<string>.Empty, values[0] == "true");
        }

        if ((matcher == AcceptorMatcher.EqualTo) == projected)
        {
            Report(Diagnostics.InvalidValue, path.Location, "path", matcher == AcceptorMatcher.EqualTo
                ? "a path without '[]' for 'equals' (use anyEqual or allEqual to compare the items of a list)"
                : "a path with one '[]' projection for '" + acceptor.Matcher.Value + "' (Items[].Status)");
            return null;
        }

        var leaf = resolved.Leaf;
        if (leaf.IsList || leaf.IsMap || leaf.Kind is not (ValueKind.String or ValueKind.Enum or ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64))
        {
            Report(Diagnostics.InvalidValue, path.Location, "path", "a path to a string, an enum, a boolean or an integer, to compare with '" + acceptor.Matcher.Value + "'");
            return null;
        }

        var expected = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (WireValue(leaf, values[i]) is { } wire)
            {
                expected.Add(wire);
                continue;
            }

            var declared = leaf.Kind == ValueKind.Enum ? _document.Enums.First(candidate => candidate.Model.Name == leaf.NamedType) : null;
            Report(Diagnostics.InvalidValue, acceptor.Values[i].Location, acceptor.Matcher.Value, declared is not null
                ? "a wire value of the enum '" + leaf.NamedType + "': " + string.Join(", ", declared.Model.Values.Select(value => value.WireValue))
                : "a value of type " + (leaf.BuiltIn?.SpecName ?? leaf.NamedType));
            return null;
        }

        var text = leaf.Kind switch
        {
            ValueKind.String => resolved.Access,
            ValueKind.Enum => resolved.Access + "?." + TypeSurfaces.Enum.WireValue,
            _ => "global::Bindings.Client.WaiterMatchers.Text(" + resolved.Access + ")",
        };
        return new AcceptorModel(acceptor.State.Value, matcher, path.Value, projected ? resolved.ListAccess : text, resolved.ItemType, projected ? text : null, expected.ToEquatableArray(), true);
    }

    /// <summary>The value as the member's wire text (what the comparison sees), or null if the type cannot hold it.</summary>
    private string? WireValue(MemberType type, string value)
    {
        switch (type.Kind)
        {
            case ValueKind.Boolean:
                return value is "true" or "false" ? value : null;
            case ValueKind.Int32:
                return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null;
            case ValueKind.Int64:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) : null;
            case ValueKind.Enum:
                // A typo is caught where the enum is declared in this file; elsewhere the value is compared as written.
                return _document.Enums.FirstOrDefault(candidate => candidate.Model.Name == type.NamedType) is { } declared
                       && !declared.Model.Values.Any(candidate => candidate.WireValue == value)
                    ? null
                    : value;
            default:
                return value;
        }
    }

    /// <summary>A path resolved to C#: the access of its value (on <c>{0}</c>, the response, or for a projection on <c>{1}</c>, the item) and its type.</summary>
    private sealed record ResolvedPath(string Access, MemberType Leaf, string? ListAccess, string? ItemType);

    /// <summary>
    /// Walks <c>Items[].BackupStatus</c> by wire names: the first member is the response's, the next ones the
    /// members of shapes, declared in this file or another of the API (<see cref="FileInput.WaiterShapes"/>).
    /// </summary>
    private ResolvedPath? ResolvePath(ApiDeclarations api, SpecText path, EquatableArray<MemberModel> response, string ns)
    {
        var segments = path.Value.Split('.');
        string access = "{0}";
        string? listAccess = null;
        string? itemType = null;
        MemberType? current = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var project = segment.EndsWith("[]", StringComparison.Ordinal);
            var wire = project ? segment.Substring(0, segment.Length - 2) : segment;
            string? property;
            MemberType? type;
            if (current is null)
            {
                var member = response.FirstOrDefault(candidate => candidate.WireName == wire);
                property = member?.PropertyName;
                type = member?.Type;
            }
            else if (current.IsList || current.IsMap || current.Kind != ValueKind.Shape)
            {
                Report(Diagnostics.InvalidValue, path.Location, "path", "a path whose '" + wire + "' follows a structure ('" + segments[i - 1] + "' is none)");
                return null;
            }
            else if (_document.Shapes.FirstOrDefault(shape => shape.Name == current.NamedType) is { } shape)
            {
                var member = shape.Members.FirstOrDefault(candidate => candidate.WireName == wire);
                property = member?.PropertyName;
                type = member is null ? null : PeekType(api, member.TypeName, member.ItemTypeName);
            }
            else
            {
                // A shape of another file: the table carries the members of those a waiter walks through.
                var outline = _input.WaiterShapes.FirstOrDefault(candidate => candidate.Name == current.NamedType);
                var member = outline?.Members.FirstOrDefault(candidate => candidate.WireName == wire);
                property = member?.PropertyName;
                type = member is null ? null : PeekType(api, member.TypeName, member.ItemTypeName);
            }

            if (property is null || type is null)
            {
                Report(Diagnostics.InvalidValue, path.Location, "path", "a path of wire names of the response and its structures ('" + wire + "' is none)");
                return null;
            }

            var step = current is null ? "{0}." + property : access + (access.EndsWith("}", StringComparison.Ordinal) ? "." : "?.") + property;
            if (project)
            {
                if (!type.IsList || listAccess is not null)
                {
                    Report(Diagnostics.InvalidValue, path.Location, "path", "a path with at most one '[]', after a list");
                    return null;
                }

                listAccess = step;
                itemType = EmitterHelpers.ElementType(type, ns);
                access = "{1}";
                current = type with { IsList = false };
                continue;
            }

            access = step;
            current = type;
        }

        return new ResolvedPath(access, current!, listAccess, itemType);
    }

    /// <summary>A shape member's type as the waiter needs it, without the diagnostics its own file reports.</summary>
    private static MemberType? PeekType(ApiDeclarations api, string typeName, string? itemTypeName)
    {
        var isList = typeName == BuiltInTypes.List;
        var isMap = typeName == BuiltInTypes.Map;
        var element = isList || isMap ? itemTypeName : typeName;
        if (element is null)
        {
            return null;
        }

        if (BuiltInTypes.Find(element) is { } builtIn)
        {
            return new MemberType(builtIn.Kind, null, isList, null, isMap);
        }

        return api.Find(element) is { Problem: null, MemberKind: { } kind } ? new MemberType(kind, element, isList, null, isMap) : null;
    }
}
