using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Joins the spec files of each API (same product and version), resolves type names across them, and
/// cuts the result into self-contained <see cref="EmitUnit"/>s.
/// </summary>
internal static class ApiResolver
{
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
                new[] { DiagnosticInfo.Create(Diagnostics.InternalError, SpecLocation.StartOf(first), exception.GetType().Name + ": " + exception.Message) }.ToEquatableArray());
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

        // Two APIs may share a namespace (two products that name the same one); their type names must not
        // clash, nor the names of the generated files, which the compiler compares ignoring case.
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        var apis = groups.Select(group => new ApiGroup(group.Key.Product, group.Key.Version, group.ToList(), diagnostics, typeNames)).ToList();
        AssignNamespaces(apis);

        // A type may not be named like a namespace of generated code (Bindings.Rds.V20230101 for a second version).
        var namespaces = new HashSet<string>(apis.SelectMany(api => Prefixes(api.Namespace)), StringComparer.Ordinal);
        foreach (var api in apis)
        {
            api.Resolve(units, namespaces);
        }

        return new ResolvedSpecs(AssignHintNames(units).ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Gives each API its namespace: the one its files set (or the MSBuild override), else
    /// <c>Bindings.&lt;Product&gt;</c>. Versions of one product are kept apart: the oldest version that sets
    /// none keeps <c>Bindings.&lt;Product&gt;</c> (unless a version set it), each other one goes to
    /// <c>Bindings.&lt;Product&gt;.V&lt;yyyyMMdd&gt;</c>, so that adding a newer version moves no existing code.
    /// Two versions that set the same namespace themselves are an error (BND009) on the newer one.
    /// </summary>
    private static void AssignNamespaces(List<ApiGroup> apis)
    {
        foreach (var product in apis.GroupBy(api => api.Product, StringComparer.Ordinal))
        {
            var versions = product.OrderBy(api => api.Version, StringComparer.Ordinal).ToList();
            var taken = new Dictionary<string, ApiGroup>(StringComparer.Ordinal);
            foreach (var api in versions.Where(api => api.ExplicitNamespace is not null))
            {
                if (taken.TryGetValue(api.ExplicitNamespace!, out var older))
                {
                    api.RejectSharedNamespace(older);
                    continue;
                }

                taken.Add(api.ExplicitNamespace!, api);
                api.Namespace = api.ExplicitNamespace!;
            }

            foreach (var api in versions.Where(api => api.ExplicitNamespace is null))
            {
                var plain = "Bindings." + api.Product;
                api.Namespace = taken.ContainsKey(plain) ? plain + ".V" + api.Version.Replace("-", string.Empty) : plain;
                taken[api.Namespace] = api;
            }
        }
    }

    /// <summary>
    /// The file name of each unit: its namespace and type name. The compiler compares these ignoring case,
    /// so of names that differ only in case (types <c>Item</c> and <c>item</c>, products <c>Rds</c> and
    /// <c>RDS</c>) the first in ordinal order keeps the plain name and the others get <c>.2</c>, <c>.3</c>, ...
    /// </summary>
    private static IEnumerable<EmitUnit> AssignHintNames(List<EmitUnit> units)
    {
        var byFileName = units
            .GroupBy(unit => unit.Namespace + "." + unit.TypeName, StringComparer.OrdinalIgnoreCase)
            .SelectMany(group => group.OrderBy(unit => unit.Namespace + "." + unit.TypeName, StringComparer.Ordinal)
                .Select((unit, index) => (unit, index)))
            .ToDictionary(pair => pair.unit, pair => pair.index);
        return units.Select(unit => byFileName[unit] == 0 ? unit : unit with { HintSuffix = "." + (byFileName[unit] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static IEnumerable<string> Prefixes(string ns)
    {
        for (var dot = ns.IndexOf('.'); dot >= 0; dot = ns.IndexOf('.', dot + 1))
        {
            yield return ns.Substring(0, dot);
        }

        yield return ns;
    }

    /// <summary>
    /// Whose namespace <paramref name="ns"/> is when generated code may not go there, else null: the
    /// runtime's namespaces and the framework's, whose types the generated code names.
    /// </summary>
    private static string? ReservedNamespace(string ns)
    {
        foreach (var reserved in TypeSurfaces.ForeignNames)
        {
            if (ns == reserved.Name || (reserved.WithChildren && ns.StartsWith(reserved.Name + ".", StringComparison.Ordinal)))
            {
                return reserved.Owner;
            }
        }

        return null;
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
        private bool _rejected;
        private HashSet<string> _namespaces = new(StringComparer.Ordinal);

        public ApiGroup(string product, string version, List<SpecDocument> documents, List<DiagnosticInfo> diagnostics, HashSet<string> typeNamesInNamespaces)
        {
            _typeNamesInNamespaces = typeNamesInNamespaces;
            _product = product;
            _version = version;
            _documents = documents;
            _diagnostics = diagnostics;
            ExplicitNamespace = ResolveSetting("namespace", api => api.Namespace, api => api.NamespaceLocation);
        }

        public string Product => _product;

        public string Version => _version;

        /// <summary>The namespace the files (or MSBuild) set, if any.</summary>
        public string? ExplicitNamespace { get; }

        /// <summary>The namespace the API's types go to, as <see cref="AssignNamespaces"/> chose it.</summary>
        public string Namespace { get; set; } = string.Empty;

        private string ApiName => _product + " " + _version;

        /// <summary>Another version of the product set the same namespace: this one generates nothing.</summary>
        public void RejectSharedNamespace(ApiGroup older)
        {
            _rejected = true;
            var document = _documents.First(file => file.Api!.Namespace == ExplicitNamespace);
            Report(Diagnostics.ConflictingApi, document.Api!.NamespaceLocation ?? document.Api.Location, "namespace", ApiName, ExplicitNamespace!,
                ExplicitNamespace + " of " + older.ApiName + " (two versions of a product need namespaces of their own)", "the spec files of " + older.ApiName);
        }

        public void Resolve(List<EmitUnit> units, HashSet<string> namespaces)
        {
            if (_rejected)
            {
                return;
            }

            _namespaces = namespaces;

            var ns = Namespace;
            if (ReservedNamespace(ns) is { } owner)
            {
                var header = _documents.First().Api!;
                var location = _documents.Select(file => file.Api!.NamespaceLocation).FirstOrDefault(at => at is not null) ?? header.Location;
                Report(Diagnostics.ReservedName, location, ns, "the namespace of " + ApiName, "it is " + owner + "; set 'namespace' to another");
                return;
            }

            var description = _documents.Select(document => document.Api!.Description).FirstOrDefault(text => text is not null);
            var endpoints = ResolveEndpoints();

            // Names first, so that a member may use an enum or shape declared in any file of the API, in any order.
            var enums = new List<DeclaredEnum>();
            var shapes = new List<DeclaredShape>();
            var operations = new List<DeclaredOperation>();
            Declare(_product + TypeSurfaces.Client.TypeSuffix, ValueKind.Shape, _documents[0].Api!.Location, usableAsMemberType: false);
            Declare(_product + TypeSurfaces.Client.TypeSuffix + TypeSurfaces.Client.RegistrationSuffix, ValueKind.Shape, _documents[0].Api!.Location, usableAsMemberType: false);
            foreach (var document in _documents)
            {
                enums.AddRange(document.Enums.Where(DeclareEnum));
                shapes.AddRange(document.Shapes.Where(item => Declare(item.Name, ValueKind.Shape, item.Location)));
                operations.AddRange(document.Operations.Where(item =>
                    Declare(item.Name + TypeSurfaces.Request.TypeSuffix, ValueKind.Shape, item.Location, usableAsMemberType: false)
                    && Declare(item.Name + TypeSurfaces.Client.ResponseSuffix, ValueKind.Shape, item.Location)));
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
                units.Add(new ShapeUnit(ns, _product, operation.Name + TypeSurfaces.Client.ResponseSuffix, operation.Description, response, operation.Name));
                var token = parameters.FirstOrDefault(parameter => parameter.IsIdempotencyToken);
                clientOperations.Add(new ClientOperation(
                    operation.Name, operation.Description, operation.ReadOnly, token?.PropertyName, token?.WireName, operation.Anonymous, operation.RetryableErrors,
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
                    Report(Diagnostics.ConflictingApi, locate(document.Api!) ?? document.Api!.Location, what, ApiName, candidate, value, System.IO.Path.GetFileName(firstFile!));
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
                    Report(Diagnostics.ConflictingApi, document.Api.Location, "endpoints", ApiName, Describe(other), Describe(first), "another spec file of the API");
                }
            }

            return first;

            static string Describe(EndpointsModel endpoints) => endpoints.Default ?? endpoints.Regional ?? endpoints.Vpc ?? "(none)";
        }

        /// <summary>An enum X also declares the C# enum XKind of its documented values.</summary>
        private bool DeclareEnum(DeclaredEnum item)
        {
            var kindName = item.Model.Name + TypeSurfaces.Enum.KindSuffix;
            if (IsTaken(kindName))
            {
                Report(Diagnostics.DuplicateName, item.Location, "type", kindName);
                return false;
            }

            return Declare(item.Model.Name, ValueKind.Enum, item.Location) && Declare(kindName, ValueKind.Shape, item.Location, usableAsMemberType: false);
        }

        private bool IsTaken(string name) => _namedTypes.ContainsKey(name) || _typeNamesInNamespaces.Contains(Namespace + "." + name);

        private bool Declare(string name, ValueKind kind, SpecLocation location, bool usableAsMemberType = true)
        {
            if (_namespaces.Contains(Namespace + "." + name))
            {
                Report(Diagnostics.ReservedName, location, name, "a type name of " + ApiName, "it is the namespace " + Namespace + "." + name + " of generated code; rename the type");
                return false;
            }

            if (_namedTypes.ContainsKey(name) || !_typeNamesInNamespaces.Add(Namespace + "." + name))
            {
                Report(Diagnostics.DuplicateName, location, "type", name);
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
                    type.BuiltIn?.WholeRange is not null ? WholeBounds(member.Constraints) : member.Constraints,
                    member.IsIdempotencyToken));
            }

            return resolved.ToEquatableArray();
        }

        private MemberType? ResolveType(DeclaredMember member, bool isRequest)
        {
            var isList = member.TypeName == BuiltInTypes.List;
            var elementName = isList ? member.ItemTypeName! : member.TypeName;
            if (elementName == BuiltInTypes.List)
            {
                Report(Diagnostics.Unsupported, member.TypeLocation, "A list of lists ('" + member.WireName + "') is not supported; wrap the inner list in a shape");
                return null;
            }

            ValueKind kind;
            string? named = null;
            if (BuiltInTypes.Find(elementName) is { } builtIn)
            {
                kind = builtIn.Kind;
            }
            else if (_namedTypes.TryGetValue(elementName, out kind) && !_requestTypes.Contains(elementName))
            {
                named = elementName;
            }
            else
            {
                Report(Diagnostics.UnknownType, member.TypeLocation, elementName, BuiltInTypes.SpecNames, ApiName);
                return null;
            }

            if (isRequest && kind == ValueKind.Shape)
            {
                Report(Diagnostics.Unsupported, member.TypeLocation, "The request parameter '" + member.WireName + "' has an object type; request parameters of object type are not supported yet");
                return null;
            }

            return new MemberType(kind, named, isList, isList ? member.ItemWireName : null);
        }

        private bool CheckConstraints(DeclaredMember member, MemberType type)
        {
            var constraints = member.Constraints;
            var allowed = type.IsList || type.BuiltIn is null ? ConstraintKinds.None : type.BuiltIn.Constraints;
            if ((allowed & ConstraintKinds.Length) == 0 && (constraints.MinLength is not null || constraints.MaxLength is not null || constraints.AsciiOnly))
            {
                Report(Diagnostics.InvalidValue, member.NameLocation, member.WireName, "of a type that takes minLength, maxLength or ascii (" + Describe(ConstraintKinds.Length) + ")");
                return false;
            }

            if ((allowed & ConstraintKinds.Range) == 0 && (constraints.Minimum is not null || constraints.Maximum is not null))
            {
                Report(Diagnostics.InvalidValue, member.NameLocation, member.WireName, "of a type that takes minimum or maximum (" + Describe(ConstraintKinds.Range) + ")");
                return false;
            }

            // The bounds become literals of the member's type in the generated Validate().
            if (type.BuiltIn?.WholeRange is { } range)
            {
                foreach (var bound in new[] { constraints.Minimum, constraints.Maximum })
                {
                    if (bound is { } value && (value < range.Minimum || value > range.Maximum || decimal.Truncate(value) != value))
                    {
                        Report(Diagnostics.InvalidValue, member.NameLocation, member.WireName, "of type " + type.BuiltIn.SpecName + " to have a minimum and maximum that are whole numbers within the range of " + type.BuiltIn.Description);
                        return false;
                    }
                }
            }

            if (member.IsIdempotencyToken && !(type.Kind == ValueKind.String && !type.IsList))
            {
                Report(Diagnostics.InvalidValue, member.NameLocation, member.WireName, "of type string to be the idempotency token");
                return false;
            }

            return true;

            static string Describe(ConstraintKinds kinds) => string.Join(", ", BuiltInTypes.All.Where(builtIn => (builtIn.Constraints & kinds) != 0).Select(builtIn => builtIn.SpecName));
        }

        /// <summary>1.0 is a whole number, but "1.0L" is no C# literal: integral bounds lose their scale.</summary>
        private static Constraints WholeBounds(Constraints constraints)
            => constraints with
            {
                Minimum = constraints.Minimum is { } minimum ? decimal.Truncate(minimum) : null,
                Maximum = constraints.Maximum is { } maximum ? decimal.Truncate(maximum) : null,
            };

        private void Report(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
