using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Resolves one spec file against the declarations of its product and version: type names become kinds,
/// a declaration another file owns is BND004 here, the file's header is checked against the API's settings,
/// and what the file owns is cut into <see cref="EmitUnit"/>s (one per enum, shape and operation). It reads
/// nothing of other files but the table, so editing one file re-runs this for that file alone.
/// </summary>
internal sealed partial class FileResolver
{
    private readonly FileInput _input;
    private readonly SpecDocument _document;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<EmitUnit> _units = new();

    private FileResolver(FileInput input)
    {
        _input = input;
        _document = input.Document;
    }

    public static ResolvedFile Resolve(FileInput input)
    {
        var resolver = new FileResolver(input);
        try
        {
            return resolver.Run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws takes the user's whole build down with CS8785; report it on the file instead.
            return new ResolvedFile(input.Document.FilePath, new EmitUnit[]
            {
                new FileDiagnostics(new[] { DiagnosticInfo.Create(Diagnostics.InternalError, SpecLocation.StartOf(input.Document.FilePath), exception.GetType().Name + ": " + exception.Message) }.ToEquatableArray()),
            }.ToEquatableArray());
        }
    }

    private ResolvedFile Run()
    {
        if (!_input.Settings.IsSpec)
        {
            // MSBuild says this .yaml file is no spec: it was read, but nothing of it counts.
            return new ResolvedFile(_document.FilePath, EquatableArray<EmitUnit>.Empty);
        }

        _diagnostics.AddRange(_document.Diagnostics);
        if (_document.Api is { } header && _input.Api is { } api && CheckHeader(header, api))
        {
            ResolveDeclarations(api);
        }

        if (_diagnostics.Count > 0)
        {
            _units.Add(new FileDiagnostics(_diagnostics.ToEquatableArray()));
        }

        return new ResolvedFile(_document.FilePath, _units.ToEquatableArray());
    }

    /// <summary>The header against the API's settings; false when nothing of the API may be generated.</summary>
    private bool CheckHeader(DeclaredApi header, ApiDeclarations api)
    {
        var forced = _input.Namespace;
        if (forced is not null && !DeclarationTableBuilder.IsNamespace(forced))
        {
            Report(Diagnostics.InvalidIdentifier, header.Location, forced, "the namespace MSBuild gives this file (BindingsNamespace)");
            forced = null;
        }

        var namespaceLocation = forced is null ? header.NamespaceLocation ?? header.Location : header.Location;
        var mine = forced ?? header.Namespace;
        if (mine is not null && api.ExplicitNamespace is { } set && set.Value != mine)
        {
            Report(Diagnostics.ConflictingApi, namespaceLocation, "namespace", api.Name, mine, set.Value, Path.GetFileName(set.FilePath));
        }

        if (header.Endpoints is { } endpoints && api.Endpoints is { } first && first.Value != endpoints)
        {
            Report(Diagnostics.ConflictingApi, header.Location, "endpoints", api.Name, Describe(endpoints), Describe(first.Value), Path.GetFileName(first.FilePath));
        }

        if (api.SharedNamespaceWith is { } older)
        {
            if (api.ExplicitNamespace?.FilePath == _document.FilePath)
            {
                Report(Diagnostics.ConflictingApi, namespaceLocation, "namespace", api.Name, api.Namespace,
                    api.Namespace + " of " + older + " (two versions of a product need namespaces of their own)", "the spec files of " + older);
            }

            return false;
        }

        if (api.ReservedNamespaceOwner is { } owner)
        {
            if ((api.ExplicitNamespace?.FilePath ?? api.FirstFile) == _document.FilePath)
            {
                Report(Diagnostics.ReservedName, namespaceLocation, api.Namespace, "the namespace of " + api.Name, "it is " + owner + "; set 'namespace' to another");
            }

            return false;
        }

        if (api.FirstFile == _document.FilePath && api.HasOperations)
        {
            foreach (var name in ClientNames(api))
            {
                if (!Owns(api, name, DeclarationSection.Header, 0, out _))
                {
                    Report(Diagnostics.DuplicateName, header.Location, "type", name);
                }
            }
        }

        return true;

        static string Describe(EndpointsModel endpoints) => endpoints.Default ?? endpoints.Regional ?? endpoints.Vpc ?? "(none)";
    }

    private void ResolveDeclarations(ApiDeclarations api)
    {
        var ns = api.Namespace;
        for (var i = 0; i < _document.Enums.Count; i++)
        {
            var item = _document.Enums[i];
            if (OwnsAll(api, item.Location, DeclarationSection.Enums, i, item.Model.Name, item.Model.Name + TypeSurfaces.Enum.KindSuffix) is { } owned)
            {
                _units.Add(new EnumUnit(ns, api.Product, item.Model) { HintSuffix = owned.HintSuffix });
            }
        }

        for (var i = 0; i < _document.Shapes.Count; i++)
        {
            var shape = _document.Shapes[i];
            if (OwnsAll(api, shape.Location, DeclarationSection.Shapes, i, shape.Name) is { } owned)
            {
                _units.Add(new ShapeUnit(ns, api.Product, shape.Name, shape.Description, ResolveMembers(api, shape.Members, isRequest: false), null) { HintSuffix = owned.HintSuffix });
            }
        }

        var hasClient = api.HasClient;
        for (var i = 0; i < _document.Operations.Count; i++)
        {
            var operation = _document.Operations[i];
            var response = operation.Name + TypeSurfaces.Client.ResponseSuffix;
            if (OwnsAll(api, operation.Location, DeclarationSection.Operations, i, operation.Name + TypeSurfaces.Request.TypeSuffix, response) is not { } owned)
            {
                continue;
            }

            var parameters = ResolveMembers(api, operation.Request, isRequest: true);
            CheckRequestWireNames(operation.Name, operation.Request, parameters);
            var responseMembers = ResolveMembers(api, operation.Response, isRequest: false);
            var token = parameters.FirstOrDefault(parameter => parameter.IsIdempotencyToken);
            _units.Add(new OperationUnit(
                ns,
                api.Product,
                new RequestUnit(ns, api.Version, operation.Name, operation.Description, operation.ReadOnly, parameters),
                new ShapeUnit(ns, api.Product, response, operation.Description, responseMembers, operation.Name),
                hasClient
                    ? new ClientOperation(operation.Name, operation.Description, operation.ReadOnly, token?.PropertyName, token?.WireName, operation.Anonymous, operation.RetryableErrors)
                    {
                        Deprecated = ObsoleteText(operation.Deprecated),
                        Pagination = ResolvePagination(operation, parameters, responseMembers, ns),
                        Waiters = ResolveWaiters(api, operation, responseMembers, ns),
                    }
                    : null)
            {
                HintSuffix = owned.HintSuffix,
            });
        }
    }

    private static ImmutableArray<string> ClientNames(ApiDeclarations api) => TypeSurfaces.Client.TypeNames(api.Product);

    /// <summary>
    /// The first of <paramref name="names"/> when this file's declaration (<paramref name="section"/>, <paramref name="index"/>) owns
    /// them all and may be generated; else reports why (BND004 another owns one, BND011 it cannot be) and null.
    /// </summary>
    private TypeDeclaration? OwnsAll(ApiDeclarations api, SpecLocation location, DeclarationSection section, int index, params string[] names)
    {
        TypeDeclaration? first = null;
        foreach (var name in names)
        {
            if (!Owns(api, name, section, index, out var declaration))
            {
                Report(Diagnostics.DuplicateName, location, "type", name);
                return null;
            }

            if (declaration!.Problem is { } problem)
            {
                Report(Diagnostics.ReservedName, location, name, "a type name of " + api.Name, problem + "; rename the type");
                return null;
            }

            first ??= declaration;
        }

        return first;
    }

    private bool Owns(ApiDeclarations api, string name, DeclarationSection section, int index, out TypeDeclaration? declaration)
    {
        declaration = api.Find(name);
        return declaration is not null && declaration.IsOwnedBy(_document.FilePath, section, index);
    }

    private EquatableArray<MemberModel> ResolveMembers(ApiDeclarations api, EquatableArray<DeclaredMember> members, bool isRequest)
    {
        var resolved = new List<MemberModel>();
        foreach (var member in members)
        {
            if (ResolveType(api, member, isRequest) is not { } type || !CheckConstraints(member, type)
                || ResolveStyle(member, type, isRequest) is not { } style || !CheckDefault(member, type))
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
                member.IsIdempotencyToken,
                style,
                member.Options.Default?.Value,
                ObsoleteText(member.Options.Deprecated),
                member.Options.Position?.Value == "body"));
        }

        return resolved.ToEquatableArray();
    }

    private MemberType? ResolveType(ApiDeclarations api, DeclaredMember member, bool isRequest)
    {
        var isList = member.TypeName == BuiltInTypes.List;
        var isMap = member.TypeName == BuiltInTypes.Map;
        var elementName = isList || isMap ? member.ItemTypeName! : member.TypeName;
        if (elementName is BuiltInTypes.List or BuiltInTypes.Map)
        {
            Report(Diagnostics.Unsupported, member.TypeLocation, "A " + member.TypeName + " of " + elementName + "s ('" + member.WireName + "') is not supported; wrap the inner " + elementName + " in a shape");
            return null;
        }

        ValueKind kind;
        string? named = null;
        if (BuiltInTypes.Find(elementName) is { } builtIn)
        {
            kind = builtIn.Kind;
        }
        else if (api.Find(elementName) is { Problem: null, MemberKind: { } memberKind })
        {
            kind = memberKind;
            named = elementName;
        }
        else
        {
            Report(Diagnostics.UnknownType, member.TypeLocation, elementName, BuiltInTypes.SpecNames, api.Name);
            return null;
        }

        if (isRequest && kind == ValueKind.Shape && api.Find(elementName)!.Kind != DeclarationKind.Shape)
        {
            Report(Diagnostics.Unsupported, member.TypeLocation, "The request parameter '" + member.WireName + "' has the type of a response ('" + elementName + "'); declare a shape to send");
            return null;
        }

        string? format = null;
        if (member.Options.Format is { } written)
        {
            if (kind != ValueKind.DateTime)
            {
                Report(Diagnostics.InvalidValue, written.Location, "format", "absent unless the type is datetime (or a list or map of datetime)");
                return null;
            }

            format = DateTimeFormats.Find(written.Value);
            format = format == DateTimeFormats.Default ? null : format;
        }

        return new MemberType(kind, named, isList, isList ? member.ItemWireName : null, isMap, format);
    }

    private bool CheckConstraints(DeclaredMember member, MemberType type)
    {
        var constraints = member.Constraints;
        var allowed = type.IsList || type.IsMap || type.BuiltIn is null ? ConstraintKinds.None : type.BuiltIn.Constraints;
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

        if (member.IsIdempotencyToken && !(type.Kind == ValueKind.String && !type.IsList && !type.IsMap))
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
