using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// Joins what the spec files declare into the <see cref="DeclarationTable"/>: the APIs (files of one product
/// and version), their namespaces, their generated types with the declaration that owns each (the first in
/// file order), and the file names, which the compiler compares ignoring case. It looks at headers and
/// names only, so its result stays equal while members and descriptions are edited.
/// </summary>
internal static class DeclarationTableBuilder
{
    public static DeclarationTable Build(ImmutableArray<SpecDocument> documents, SpecSettings settings)
    {
        var files = documents
            .Where(document => document.Api is not null && settings.For(document.FilePath).IsSpec)
            .OrderBy(document => document.FilePath, StringComparer.Ordinal)
            .ToList();
        var apis = files
            .GroupBy(document => (document.Api!.Product, document.Api.Version))
            .Select(group => new Api(group.Key.Product, group.Key.Version, group.ToList(), settings))
            .ToList();

        AssignNamespaces(apis);
        var namespaces = new HashSet<string>(apis.Where(api => api.IsGenerated).SelectMany(api => Prefixes(api.Namespace)), StringComparer.Ordinal);
        var owners = new Dictionary<string, Declared>(StringComparer.Ordinal);
        foreach (var api in apis.Where(api => api.IsGenerated))
        {
            api.Declare(owners, namespaces);
        }

        AssignFileNames(apis);
        return new DeclarationTable(
            apis.Select(api => api.ToDeclarations()).ToEquatableArray(),
            settings,
            apis.Where(api => api.IsGenerated).SelectMany(api => api.WaiterShapes()).ToEquatableArray());
    }

    /// <summary>
    /// Gives each API its namespace: the one its files set (or MSBuild's), else <c>Bindings.&lt;Product&gt;</c>.
    /// Versions of one product are kept apart: of those that set none, the oldest keeps
    /// <c>Bindings.&lt;Product&gt;</c> (unless a version set it) and each other one goes to
    /// <c>Bindings.&lt;Product&gt;.V&lt;yyyyMMdd&gt;</c>, so that adding a newer version moves no existing
    /// code. Two versions that set the same namespace: the newer generates nothing (BND009).
    /// </summary>
    private static void AssignNamespaces(List<Api> apis)
    {
        foreach (var product in apis.GroupBy(api => api.Product, StringComparer.Ordinal))
        {
            var versions = product.OrderBy(api => api.Version, StringComparer.Ordinal).ToList();
            var taken = new Dictionary<string, Api>(StringComparer.Ordinal);
            foreach (var api in versions.Where(api => api.ExplicitNamespace is not null))
            {
                api.Namespace = api.ExplicitNamespace!.Value;
                if (taken.TryGetValue(api.Namespace, out var older))
                {
                    api.SharedNamespaceWith = older.Name;
                    continue;
                }

                taken.Add(api.Namespace, api);
            }

            foreach (var api in versions.Where(api => api.ExplicitNamespace is null))
            {
                var plain = "Bindings." + api.Product;
                api.Namespace = taken.ContainsKey(plain) ? plain + ".V" + api.Version.Replace("-", string.Empty) : plain;
                taken[api.Namespace] = api;
            }
        }

        foreach (var api in apis.Where(api => api.IsGenerated))
        {
            foreach (var reserved in TypeSurfaces.ForeignNames)
            {
                if (api.Namespace == reserved.Name || (reserved.WithChildren && api.Namespace.StartsWith(reserved.Name + ".", StringComparison.Ordinal)))
                {
                    api.ReservedNamespaceOwner = reserved.Owner;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The file of each generated file-owning declaration is its namespace and name; of names that differ
    /// only in case (types <c>Item</c> and <c>item</c>, products <c>Rds</c> and <c>RDS</c>) the first in
    /// ordinal order keeps the plain name and the others get <c>.2</c>, <c>.3</c>, ...
    /// </summary>
    private static void AssignFileNames(List<Api> apis)
    {
        var files = apis.SelectMany(api => api.Owned.Where(declared => declared.FileName is not null).Select(declared => (Key: api.Namespace + "." + declared.FileName, Declared: declared)));
        foreach (var group in files.GroupBy(file => file.Key, StringComparer.OrdinalIgnoreCase))
        {
            var index = 0;
            foreach (var file in group.OrderBy(file => file.Key, StringComparer.Ordinal).ThenBy(file => file.Declared.OwnerFile, StringComparer.Ordinal))
            {
                file.Declared.HintSuffix = index == 0 ? string.Empty : "." + (index + 1).ToString(CultureInfo.InvariantCulture);
                index++;
            }
        }
    }

    private static IEnumerable<string> Prefixes(string ns)
    {
        for (var dot = ns.IndexOf('.'); dot >= 0; dot = ns.IndexOf('.', dot + 1))
        {
            yield return ns.Substring(0, dot);
        }

        yield return ns;
    }

    /// <summary>A declaration being collected, mutable until the table is made.</summary>
    private sealed class Declared
    {
        public Declared(string name, DeclarationKind kind, string ownerFile, DeclarationSection section, int index, string? fileName)
        {
            Name = name;
            Kind = kind;
            OwnerFile = ownerFile;
            Section = section;
            Index = index;
            FileName = fileName;
        }

        public string Name { get; }

        public DeclarationKind Kind { get; }

        public string OwnerFile { get; }

        public DeclarationSection Section { get; }

        public int Index { get; }

        /// <summary>The name of the file this declaration generates, or null when it shares another's.</summary>
        public string? FileName { get; }

        public string HintSuffix { get; set; } = string.Empty;

        public string? Problem { get; set; }

        public TypeDeclaration ToDeclaration() => new(Name, Kind, OwnerFile, Section, Index, HintSuffix, Problem);
    }

    private sealed class Api
    {
        private readonly List<SpecDocument> _files;

        public Api(string product, string version, List<SpecDocument> files, SpecSettings settings)
        {
            Product = product;
            Version = version;
            _files = files;
            ExplicitNamespace = First(document => settings.NamespaceFor(document.FilePath) is { } forced && IsNamespace(forced) ? forced : document.Api!.Namespace);
            Endpoints = First(document => document.Api!.Endpoints);
            Description = First(document => document.Api!.Description);
        }

        public string Product { get; }

        public string Version { get; }

        public string Name => Product + " " + Version;

        public ApiSetting<string>? ExplicitNamespace { get; }

        public ApiSetting<EndpointsModel>? Endpoints { get; }

        public ApiSetting<string>? Description { get; }

        public string Namespace { get; set; } = string.Empty;

        public string? SharedNamespaceWith { get; set; }

        public string? ReservedNamespaceOwner { get; set; }

        public bool IsGenerated => SharedNamespaceWith is null && ReservedNamespaceOwner is null;

        public List<Declared> Owned { get; } = new();

        public void Declare(Dictionary<string, Declared> owners, HashSet<string> namespaces)
        {
            // The client's names first: they belong to the API, in the header of its first file.
            var header = _files[0];
            if (_files.Any(document => document.Operations.Count > 0))
            {
                var names = TypeSurfaces.Client.TypeNames(Product);
                for (var i = 0; i < names.Length; i++)
                {
                    Add(owners, namespaces, names[i], DeclarationKind.Client, header.FilePath, DeclarationSection.Header, 0, i == 0 ? names[i] : null);
                }
            }

            foreach (var document in _files)
            {
                for (var i = 0; i < document.Enums.Count; i++)
                {
                    // An enum X also declares XKind: both or neither.
                    var name = document.Enums[i].Model.Name;
                    var kind = name + TypeSurfaces.Enum.KindSuffix;
                    if (!owners.ContainsKey(Namespace + "." + kind) && Add(owners, namespaces, name, DeclarationKind.Enum, document.FilePath, DeclarationSection.Enums, i, name))
                    {
                        Add(owners, namespaces, kind, DeclarationKind.EnumKind, document.FilePath, DeclarationSection.Enums, i, null);
                    }
                }

                for (var i = 0; i < document.Shapes.Count; i++)
                {
                    var name = document.Shapes[i].Name;
                    Add(owners, namespaces, name, DeclarationKind.Shape, document.FilePath, DeclarationSection.Shapes, i, name);
                }

                for (var i = 0; i < document.Operations.Count; i++)
                {
                    var name = document.Operations[i].Name;
                    var response = name + TypeSurfaces.Client.ResponseSuffix;
                    if (!owners.ContainsKey(Namespace + "." + response)
                        && Add(owners, namespaces, name + TypeSurfaces.Request.TypeSuffix, DeclarationKind.Request, document.FilePath, DeclarationSection.Operations, i, name))
                    {
                        Add(owners, namespaces, response, DeclarationKind.Response, document.FilePath, DeclarationSection.Operations, i, null);
                    }
                }
            }
        }

        /// <summary>
        /// The shapes the waiters' paths walk through in a file other than the waiter's, each as its first
        /// file declares it (the owner), sorted by name. A path is walked as far as it goes: the resolver
        /// reports what is wrong with it, in the waiter's file.
        /// </summary>
        public IEnumerable<ShapeOutline> WaiterShapes()
        {
            var shapes = new Dictionary<string, (DeclaredShape Shape, string File)>(StringComparer.Ordinal);
            foreach (var document in _files)
            {
                foreach (var shape in document.Shapes)
                {
                    if (!shapes.ContainsKey(shape.Name))
                    {
                        shapes.Add(shape.Name, (shape, document.FilePath));
                    }
                }
            }

            var walked = new SortedDictionary<string, ShapeOutline>(StringComparer.Ordinal);
            foreach (var document in _files)
            {
                foreach (var operation in document.Operations)
                {
                    foreach (var path in operation.Waiters.SelectMany(waiter => waiter.Acceptors).Select(acceptor => acceptor.Path?.Value).OfType<string>())
                    {
                        var segments = path.Split('.');
                        var members = operation.Response;
                        for (var i = 0; i < segments.Length - 1; i++)
                        {
                            var wire = segments[i].EndsWith("[]", StringComparison.Ordinal) ? segments[i].Substring(0, segments[i].Length - 2) : segments[i];
                            if (members.FirstOrDefault(member => member.WireName == wire) is not { } member
                                || !shapes.TryGetValue(member.ItemTypeName ?? member.TypeName, out var next))
                            {
                                break;
                            }

                            if (next.File != document.FilePath && !walked.ContainsKey(next.Shape.Name))
                            {
                                walked.Add(next.Shape.Name, Outline(next.Shape, next.File));
                            }

                            members = next.Shape.Members;
                        }
                    }
                }
            }

            return walked.Values;
        }

        private ShapeOutline Outline(DeclaredShape shape, string file) => new(
            Product,
            Version,
            file,
            shape.Name,
            shape.Members.Select(member => new MemberOutline(member.WireName, member.PropertyName, member.TypeName, member.ItemTypeName)).ToEquatableArray());

        public ApiDeclarations ToDeclarations() => new(
            Product,
            Version,
            _files[0].FilePath,
            Namespace,
            SharedNamespaceWith,
            ReservedNamespaceOwner,
            ExplicitNamespace,
            Endpoints,
            Description,
            Owned.OrderBy(declared => declared.Name, StringComparer.Ordinal).Select(declared => declared.ToDeclaration()).ToEquatableArray(),
            _files.Any(document => document.Operations.Count > 0));

        /// <summary>True when this declaration owns the name; false when an earlier one does (BND004 in its file).</summary>
        private bool Add(Dictionary<string, Declared> owners, HashSet<string> namespaces, string name, DeclarationKind kind, string file, DeclarationSection section, int index, string? fileName)
        {
            var fullName = Namespace + "." + name;
            if (owners.ContainsKey(fullName))
            {
                return false;
            }

            var declared = new Declared(name, kind, file, section, index, fileName);
            if (namespaces.Contains(fullName))
            {
                declared.Problem = "it is the namespace " + fullName + " of generated code";
            }

            owners.Add(fullName, declared);
            Owned.Add(declared);
            return true;
        }

        private ApiSetting<T>? First<T>(Func<SpecDocument, T?> read)
            where T : class
        {
            foreach (var document in _files)
            {
                if (read(document) is { } value)
                {
                    return new ApiSetting<T>(value, document.FilePath);
                }
            }

            return null;
        }
    }

    /// <summary>Dotted C# identifiers: what a namespace from MSBuild must be to be used (else BND005 in its file).</summary>
    public static bool IsNamespace(string text)
        => text.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                                       && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
}
