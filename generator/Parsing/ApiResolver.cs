using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Joins the spec files of each API (same product and version), resolves type names across them, and
/// cuts the result into self-contained <see cref="EmitUnit"/>s.
/// </summary>
internal static class ApiResolver
{
    private const string BuiltInTypes = "string, integer, long, boolean, double, decimal, datetime, list";

    public static ResolvedSpecs Resolve(IEnumerable<SpecDocument> documents)
    {
        try
        {
            return ResolveAll(documents);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws takes the user's whole build down with CS8785; report it instead.
            var first = documents.FirstOrDefault(document => document.Api is not null)?.FilePath ?? string.Empty;
            return new ResolvedSpecs(
                EquatableArray<EmitUnit>.Empty,
                new[] { DiagnosticInfo.Create(DiagnosticIds.InternalError, SpecLocation.StartOf(first), exception.GetType().Name + ": " + exception.Message) }.ToEquatableArray());
        }
    }

    private static ResolvedSpecs ResolveAll(IEnumerable<SpecDocument> documents)
    {
        var units = new List<EmitUnit>();
        var diagnostics = new List<DiagnosticInfo>();
        var groups = documents
            .Where(document => document.Api is not null)
            .OrderBy(document => document.FilePath, StringComparer.Ordinal)
            .GroupBy(document => (document.Api!.Product, document.Api.Version));

        // Two APIs may share a namespace (two versions of one product); their type names must not clash.
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            new ApiGroup(group.Key.Product, group.Key.Version, group.ToList(), diagnostics, typeNames).Resolve(units);
        }

        return new ResolvedSpecs(units.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private sealed class ApiGroup
    {
        private readonly string _product;
        private readonly string _version;
        private readonly List<SpecDocument> _documents;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly Dictionary<string, ValueKind> _namedTypes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _requestTypes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _typeNamesInNamespaces;
        private string _namespace = string.Empty;

        public ApiGroup(string product, string version, List<SpecDocument> documents, List<DiagnosticInfo> diagnostics, HashSet<string> typeNamesInNamespaces)
        {
            _typeNamesInNamespaces = typeNamesInNamespaces;
            _product = product;
            _version = version;
            _documents = documents;
            _diagnostics = diagnostics;
        }

        private string ApiName => _product + " " + _version;

        public void Resolve(List<EmitUnit> units)
        {
            var ns = ResolveSetting("namespace", api => api.Namespace, api => api.NamespaceLocation) ?? "Bindings." + _product;
            _namespace = ns;
            var description = _documents.Select(document => document.Api!.Description).FirstOrDefault(text => text is not null);
            var endpoints = ResolveEndpoints();

            // Names first, so that a member may use an enum or shape declared in any file of the API, in any order.
            var enums = new List<DeclaredEnum>();
            var shapes = new List<DeclaredShape>();
            var operations = new List<DeclaredOperation>();
            Declare(_product + "Client", ValueKind.Shape, _documents[0].Api!.Location, usableAsMemberType: false);
            foreach (var document in _documents)
            {
                enums.AddRange(document.Enums.Where(DeclareEnum));
                shapes.AddRange(document.Shapes.Where(item => Declare(item.Name, ValueKind.Shape, item.Location)));
                operations.AddRange(document.Operations.Where(item =>
                    Declare(item.Name + "Request", ValueKind.Shape, item.Location, usableAsMemberType: false)
                    && Declare(item.Name + "Response", ValueKind.Shape, item.Location)));
            }

            foreach (var item in enums)
            {
                units.Add(new EnumUnit(ns, _product, item.Model));
            }

            foreach (var shape in shapes)
            {
                units.Add(new ShapeUnit(ns, _product, shape.Name, shape.Description, ResolveMembers(shape.Members, isRequest: false), null));
            }

            var clientOperations = new List<ClientOperation>();
            foreach (var operation in operations)
            {
                var parameters = ResolveMembers(operation.Request, isRequest: true);
                units.Add(new RequestUnit(ns, _product, _version, operation.Name, operation.Description, operation.ReadOnly, parameters));
                var response = ResolveMembers(operation.Response, isRequest: false);
                units.Add(new ShapeUnit(ns, _product, operation.Name + "Response", operation.Description, response, operation.Name));
                var token = parameters.FirstOrDefault(parameter => parameter.IsIdempotencyToken);
                clientOperations.Add(new ClientOperation(
                    operation.Name, operation.Description, operation.ReadOnly, token?.PropertyName, token?.WireName,
                    new EquatableArray<string>(response.Select(member => member.WireName))));
            }

            if (clientOperations.Count > 0)
            {
                units.Add(new ClientUnit(ns, _product, _version, description, endpoints, clientOperations.ToEquatableArray()));
            }
        }

        private string? ResolveSetting(string what, Func<DeclaredApi, string?> read, Func<DeclaredApi, SpecLocation?> locate)
        {
            string? value = null;
            string? firstFile = null;
            foreach (var document in _documents)
            {
                var candidate = read(document.Api!);
                if (candidate is null)
                {
                    continue;
                }

                if (value is null)
                {
                    value = candidate;
                    firstFile = document.FilePath;
                }
                else if (value != candidate)
                {
                    Report(DiagnosticIds.ConflictingApi, locate(document.Api!) ?? document.Api!.Location, what, ApiName, candidate, value, System.IO.Path.GetFileName(firstFile!));
                }
            }

            return value;
        }

        private EndpointsModel ResolveEndpoints()
        {
            var declared = _documents.Select(document => document.Api!.Endpoints).Where(endpoints => endpoints is not null).ToList();
            if (declared.Count == 0)
            {
                return EndpointsModel.None;
            }

            var first = declared[0]!;
            foreach (var document in _documents)
            {
                if (document.Api!.Endpoints is { } other && other != first)
                {
                    Report(DiagnosticIds.ConflictingApi, document.Api.Location, "endpoints", ApiName, Describe(other), Describe(first), "another spec file of the API");
                }
            }

            return first;

            static string Describe(EndpointsModel endpoints) => endpoints.Default ?? endpoints.Regional ?? endpoints.Vpc ?? "(none)";
        }

        /// <summary>An enum X also declares the C# enum XKind of its documented values.</summary>
        private bool DeclareEnum(DeclaredEnum item)
        {
            var kindName = item.Model.Name + "Kind";
            if (IsTaken(kindName))
            {
                Report(DiagnosticIds.DuplicateName, item.Location, "type", kindName);
                return false;
            }

            return Declare(item.Model.Name, ValueKind.Enum, item.Location) && Declare(kindName, ValueKind.Shape, item.Location, usableAsMemberType: false);
        }

        private bool IsTaken(string name) => _namedTypes.ContainsKey(name) || _typeNamesInNamespaces.Contains(_namespace + "." + name);

        private bool Declare(string name, ValueKind kind, SpecLocation location, bool usableAsMemberType = true)
        {
            if (_namedTypes.ContainsKey(name) || !_typeNamesInNamespaces.Add(_namespace + "." + name))
            {
                Report(DiagnosticIds.DuplicateName, location, "type", name);
                return false;
            }

            _namedTypes.Add(name, kind);
            if (!usableAsMemberType)
            {
                _requestTypes.Add(name);
            }

            return true;
        }

        private EquatableArray<MemberModel> ResolveMembers(EquatableArray<DeclaredMember> members, bool isRequest)
        {
            var resolved = new List<MemberModel>();
            foreach (var member in members)
            {
                if (ResolveType(member, isRequest) is not { } type || !CheckConstraints(member, type))
                {
                    continue;
                }

                resolved.Add(new MemberModel(
                    member.WireName,
                    member.PropertyName,
                    type,
                    member.Required,
                    member.Description,
                    member.Example,
                    member.DocumentedType,
                    type.Kind is ValueKind.Int32 or ValueKind.Int64 ? WholeBounds(member.Constraints) : member.Constraints,
                    member.IsIdempotencyToken));
            }

            return resolved.ToEquatableArray();
        }

        private MemberType? ResolveType(DeclaredMember member, bool isRequest)
        {
            var isList = member.TypeName == "list";
            var elementName = isList ? member.ItemTypeName! : member.TypeName;
            if (elementName == "list")
            {
                Report(DiagnosticIds.Unsupported, member.TypeLocation, "A list of lists ('" + member.WireName + "') is not supported; wrap the inner list in a shape");
                return null;
            }

            ValueKind kind;
            string? named = null;
            switch (elementName)
            {
                case "string": kind = ValueKind.String; break;
                case "integer": kind = ValueKind.Int32; break;
                case "long": kind = ValueKind.Int64; break;
                case "boolean": kind = ValueKind.Boolean; break;
                case "double": kind = ValueKind.Double; break;
                case "decimal": kind = ValueKind.Decimal; break;
                case "datetime": kind = ValueKind.DateTime; break;
                default:
                    if (!_namedTypes.TryGetValue(elementName, out kind) || _requestTypes.Contains(elementName))
                    {
                        Report(DiagnosticIds.UnknownType, member.TypeLocation, elementName, BuiltInTypes, ApiName);
                        return null;
                    }

                    named = elementName;
                    break;
            }

            if (isRequest && kind == ValueKind.Shape)
            {
                Report(DiagnosticIds.Unsupported, member.TypeLocation, "The request parameter '" + member.WireName + "' has an object type; request parameters of object type are not supported yet");
                return null;
            }

            return new MemberType(kind, named, isList, isList ? member.ItemWireName : null);
        }

        private bool CheckConstraints(DeclaredMember member, MemberType type)
        {
            var constraints = member.Constraints;
            var isString = type.Kind == ValueKind.String && !type.IsList;
            var isNumber = type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal && !type.IsList;
            if (!isString && (constraints.MinLength is not null || constraints.MaxLength is not null || constraints.AsciiOnly))
            {
                Report(DiagnosticIds.InvalidValue, member.NameLocation, member.WireName, "of type string to have minLength, maxLength or ascii");
                return false;
            }

            if (!isNumber && (constraints.Minimum is not null || constraints.Maximum is not null))
            {
                Report(DiagnosticIds.InvalidValue, member.NameLocation, member.WireName, "of a numeric type to have minimum or maximum");
                return false;
            }

            // The bounds become literals of the member's type in the generated Validate().
            var (low, high, what) = type.Kind switch
            {
                ValueKind.Int32 => ((decimal)int.MinValue, (decimal)int.MaxValue, "whole numbers within the range of an integer"),
                ValueKind.Int64 => ((decimal)long.MinValue, (decimal)long.MaxValue, "whole numbers within the range of a long"),
                _ => (decimal.MinValue, decimal.MaxValue, string.Empty),
            };
            foreach (var bound in new[] { constraints.Minimum, constraints.Maximum })
            {
                if (bound is { } value && what.Length > 0 && (value < low || value > high || decimal.Truncate(value) != value))
                {
                    Report(DiagnosticIds.InvalidValue, member.NameLocation, member.WireName, "of type " + (type.Kind == ValueKind.Int32 ? "integer" : "long") + " to have a minimum and maximum that are " + what);
                    return false;
                }
            }

            if (member.IsIdempotencyToken && !isString)
            {
                Report(DiagnosticIds.InvalidValue, member.NameLocation, member.WireName, "of type string to be the idempotency token");
                return false;
            }

            return true;
        }

        /// <summary>1.0 is a whole number, but "1.0L" is no C# literal: integral bounds lose their scale.</summary>
        private static Constraints WholeBounds(Constraints constraints)
            => constraints with
            {
                Minimum = constraints.Minimum is { } minimum ? decimal.Truncate(minimum) : null,
                Maximum = constraints.Maximum is { } maximum ? decimal.Truncate(maximum) : null,
            };

        private void Report(string id, SpecLocation location, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(id, location, arguments));
    }
}
