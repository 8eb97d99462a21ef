using Bindings.Generator.Model;
using System.Reflection;
using System.Text;
using Bindings.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Tests;

/// <summary>
/// The regression corpus of names: every name the emitters write (harvested from what they generate),
/// every member a generated type inherits, every contextual keyword and a few names of known trouble,
/// tried in every position a spec gives a name: enum values, shape members, request parameters, response
/// members, operation names, shape and enum names, product names. Each position's spec generates code
/// that builds with warnings as errors at C# 8 and at the latest version; a name it does not generate is
/// refused with BND005 or BND011 at its YAML position, and only if it is one the generator declares
/// reserved (<see cref="TypeSurfaces"/>) or a contextual keyword in a type's position. Never CS8785, never BND999.
/// </summary>
public class NameCorpusTests
{
    private static readonly Lazy<IReadOnlyList<string>> LazyNames = new(HarvestNames);

    private static IReadOnlyList<string> Names => LazyNames.Value;

    /// <summary>The names of trouble found before: each broke the build or hung the generator.</summary>
    private static readonly string[] KnownTrouble =
    {
        "hasValue", "_hasValue", "_hasValue0", "_hasValue2", "Entry", "_entry", "_size", "Size", "Utf8Red", "Red", "JsonNameSize",
        "ReadSizeJson", "ReadSizeJsonItems", "ReadSizeXml", "listSize", "indexSize", "value__", "_", "item", "items", "Größe",
        "V20200101", "Parser", "Parser2", "Parsers", "other", "obj", "hash", "result", "reader", "json", "xml", "member", "name",
        "options", "utf8", "utf8Json", "wireValue", "kind", "left", "right", "parameters", "i", "exception", "request",
        "cancellationToken", "httpClient", "services", "configure", "_rpc", "System", "Bindings", "Microsoft", "global", "nameof",
    };

    [Fact]
    public void TheCorpusHoldsTheNamesTheEmittersUse()
    {
        // The harvest must see the invented names, or the corpus proves nothing about them.
        Assert.Contains("_hasValue", Names);
        Assert.Contains("ReadXml", Names);
        Assert.Contains("JsonNameBackupJobId", Names);
        Assert.Contains("unknownMembers", Names);
        Assert.Contains("WireEnumEntry", Names);
        Assert.True(Names.Count > 250, Names.Count + " names");
    }

    [Fact]
    public void EveryNameAsAnEnumValue()
    {
        var yaml = new StringBuilder(Header("EnumValues")).Append("enums:\n  Values:\n    values:\n");
        foreach (var name in Names)
        {
            yaml.Append("      ").Append(Quote(name)).Append(":\n");
        }

        yaml.Append("shapes:\n  Holder:\n    members:\n      Value: Values\n      All:\n        type: list\n        items: Values\n");
        yaml.Append("operations:\n  Use:\n    request:\n      Value: Values\n    response:\n      Value: Values\n");
        Check(yaml.ToString(), name => ReservedEnumValue(name, "Values"));
    }

    [Fact]
    public void EveryNameAsAShapeMember() => CheckMembers("ShapeMembers", "shapes:\n  Holder:\n    members:\n", "      ", isRequest: false, owner: "Holder",
        after: "operations:\n  Use:\n    response:\n      Holders:\n        type: list\n        items: Holder\n        itemName: Holder\n");

    [Fact]
    public void EveryNameAsAResponseMember() => CheckMembers("ResponseMembers", "operations:\n  Get:\n    readOnly: true\n    response:\n", "      ", isRequest: false, owner: "GetResponse");

    [Fact]
    public void EveryNameAsARequestParameter() => CheckMembers("RequestParameters", "operations:\n  Send:\n    request:\n", "      ", isRequest: true, owner: "SendRequest");

    [Fact]
    public void EveryNameAsAnOperation()
    {
        var yaml = new StringBuilder(Header("Operations")).Append("operations:\n");
        foreach (var name in Names)
        {
            yaml.Append("  ").Append(Quote(name)).Append(":\n    request:\n      Id: long\n    response:\n      RequestId: string\n");
        }

        Check(yaml.ToString(), _ => null, name => name + "Request");
    }

    [Fact]
    public void EveryNameAsAWaiter()
    {
        // One operation with every name as a waiter, and one whose name is what a waiter's method would be.
        var yaml = new StringBuilder(Header("Waiters"))
            .Append("enums:\n  State:\n    values:\n      Ready:\n      Failed:\n")
            .Append("operations:\n  Poll:\n    readOnly: true\n    response:\n      Status: State\n      Done: boolean\n    waiters:\n");
        foreach (var name in Names)
        {
            yaml.Append("      ").Append(Quote(name)).Append(":\n        acceptors:\n")
                .Append("          - state: failure\n            path: Status\n            equals: Failed\n")
                .Append("          - state: success\n            path: Done\n            equals: \"true\"\n");
        }

        foreach (var name in Names.Take(40))
        {
            yaml.Append("  ").Append(Quote("WaitFor" + name)).Append(":\n    readOnly: true\n    response:\n      RequestId: string\n");
        }

        Check(yaml.ToString(), _ => null, name => "WaitFor" + name + "Async");
    }

    [Fact]
    public void NamesAsPaginatedOperations()
    {
        // Each operation pages, beside the operations named like its pager methods (XPages, XItems). Every
        // operation is a file and a client part, so a sample of the corpus keeps this test short: the names
        // the pager's own code uses, the known trouble, and every eighth name.
        var names = Names.Where((_, index) => index % 8 == 0)
            .Concat(KnownTrouble.Where(name => Names.Contains(name)))
            .Concat(new[] { "page", "pageCancellationToken", "request", "cancellationToken", "Things", "Thing", "TotalCount" })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var yaml = new StringBuilder(Header("Pagers"))
            .Append("shapes:\n  Thing:\n    members:\n      Id: long\n")
            .Append("operations:\n");
        foreach (var name in names)
        {
            yaml.Append("  ").Append(Quote(name)).Append(":\n    readOnly: true\n    pagination:\n      items: Things\n      pageNumber: PageNumber\n      pageSize: PageSize\n      totalCount: TotalCount\n")
                .Append("    request:\n      PageNumber: integer\n      PageSize: integer\n")
                .Append("    response:\n      TotalCount: integer\n      Things:\n        type: list\n        items: Thing\n        itemName: Thing\n");
            foreach (var suffix in new[] { "Pages", "Items" }.Where(suffix => !names.Contains(name + suffix)))
            {
                yaml.Append("  ").Append(Quote(name + suffix)).Append(":\n    readOnly: true\n    response:\n      RequestId: string\n");
            }
        }

        CheckRun(new[] { GeneratorHarness.Spec("/specs/corpus.yaml", yaml.ToString()) }, names, _ => null, name => name + "PagesAsync");
    }

    [Fact]
    public void EveryNameAsAShape()
    {
        var yaml = new StringBuilder(Header("Shapes")).Append("shapes:\n");
        foreach (var name in Names)
        {
            yaml.Append("  ").Append(Quote(name)).Append(":\n    members:\n      Id: long\n");
        }

        Func<string, string?> refusable = name => ReservedTypeName(name, TypeSurfaces.Shape.Members.Concat(new[] { "CorpusClient", "CorpusClientServiceCollectionExtensions" }));
        AppendHolder(yaml, refusable);
        Check(yaml.ToString(), refusable);
    }

    [Fact]
    public void EveryNameAsAnEnum()
    {
        var yaml = new StringBuilder(Header("Enums")).Append("enums:\n");
        foreach (var name in Names)
        {
            yaml.Append("  ").Append(Quote(name)).Append(":\n    values:\n      One:\n");
        }

        // An enum X declares XKind too: a name that is another one's XKind is taken.
        var kinds = Names.Select(name => name + TypeSurfaces.Enum.KindSuffix).ToHashSet(StringComparer.Ordinal);
        Func<string, string?> refusable = name => ReservedTypeName(name, TypeSurfaces.Enum.Members.Concat(kinds));
        yaml.Append("shapes:\n");
        AppendHolder(yaml, refusable);
        Check(yaml.ToString(), refusable);
    }

    [Fact]
    public void EveryNameAsAProduct()
    {
        var specs = Names.Select((name, index) => GeneratorHarness.Spec(
            "/specs/products/p" + index + ".yaml",
            "product: " + Quote(name) + "\nversion: \"2020-01-01\"\noperations:\n  Ping:\n    response:\n      RequestId: string\n")).ToList();
        CheckRun(specs, Names, name => TypeSurfaces.ForeignNames.Any(reserved => reserved.Name == "Bindings." + name)
            ? "its default namespace is the runtime's"
            : null, name => name + "Client");
    }

    /// <summary>A structure that holds one of each type the generator must not refuse, so that the readers name each type.</summary>
    private static void AppendHolder(StringBuilder yaml, Func<string, string?> refusable)
    {
        yaml.Append("  CorpusHolderOfAll:\n    members:\n");
        for (var i = 0; i < Names.Count; i++)
        {
            if (refusable(Names[i]) is null)
            {
                yaml.Append("      M").Append(i).Append(":\n        type: ").Append(Quote(Names[i])).Append('\n');
            }
        }
    }

    private static void CheckMembers(string position, string prefix, string indent, bool isRequest, string owner, string after = "")
    {
        // Every kind a member can have, in turn, so that each name meets each kind of invented name.
        var kinds = isRequest
            ? new[] { "string", "long", "integer", "boolean", "double", "decimal", "datetime", "Color", "list\n" + indent + "  items: string", "list\n" + indent + "  items: long", "list\n" + indent + "  items: Color" }
            : new[] { "string", "long", "decimal", "boolean", "Color", "Part", "list\n" + indent + "  items: string", "list\n" + indent + "  items: Part\n" + indent + "  itemName: Part", "list\n" + indent + "  items: long", "datetime", "double", "integer", "list\n" + indent + "  items: Color\n" + indent + "  itemName: Color", "map\n" + indent + "  items: long", "map\n" + indent + "  items: Part" };
        var yaml = new StringBuilder(Header(position))
            .Append("enums:\n  Color:\n    values:\n      Red:\n      Blue:\n")
            .Append(prefix.StartsWith("shapes:", StringComparison.Ordinal) ? prefix.Replace("shapes:\n", "shapes:\n  Part:\n    members:\n      Id: long\n") : "shapes:\n  Part:\n    members:\n      Id: long\n" + prefix);
        for (var i = 0; i < Names.Count; i++)
        {
            yaml.Append(indent).Append(Quote(Names[i])).Append(":\n").Append(indent).Append("  type: ").Append(kinds[i % kinds.Length]).Append('\n');
            if (isRequest && i % 7 == 0)
            {
                yaml.Append(indent).Append("  required: true\n");
            }
        }

        yaml.Append(after);
        Check(yaml.ToString(), name => ReservedMember(name, owner, isRequest));
    }

    private static void Check(string yaml, Func<string, string?> mayBeRefused, Func<string, string>? identifierOf = null)
        => CheckRun(new[] { GeneratorHarness.Spec("/specs/corpus.yaml", yaml) }, Names, mayBeRefused, identifierOf);

    /// <summary>
    /// Runs the generator, then: no crash; every diagnostic a BND005 or BND011 in a spec file for a name the
    /// rule allows to refuse; every other name generated; the code builds with no warning at C# 8 and latest.
    /// </summary>
    private static void CheckRun(IReadOnlyList<AdditionalText> specs, IReadOnlyList<string> names, Func<string, string?> mayBeRefused, Func<string, string>? identifierOf = null)
    {
        identifierOf ??= name => name;
        foreach (var language in new[] { LanguageVersion.Latest, LanguageVersion.CSharp8 })
        {
            var run = GeneratorHarness.Run(specs, language);
            Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
            Assert.All(run.Result.Results, result => Assert.Null(result.Exception));

            var refused = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in run.Diagnostics)
            {
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(diagnostic.Id is "BND005" or "BND011" or "BND004", diagnostic.ToString());
                Assert.StartsWith("/specs/", diagnostic.Location.GetLineSpan().Path);
                var name = names.Where(candidate => message.StartsWith("'" + candidate + "'", StringComparison.Ordinal)
                        || message.StartsWith("'Bindings." + candidate + "'", StringComparison.Ordinal)
                        || message.Contains("name '" + candidate + "'", StringComparison.Ordinal))
                    .OrderByDescending(candidate => candidate.Length).FirstOrDefault();
                Assert.True(name is not null, "A diagnostic for no name of the corpus: " + diagnostic);
                Assert.True(mayBeRefused(name) is not null, "'" + name + "' was refused, though the generator does not reserve it: " + diagnostic);
                refused.Add(name);
            }

            var generated = run.Sources.SelectMany(source => CSharpSyntaxTree.ParseText(source.SourceText.ToString()).GetRoot().DescendantTokens())
                .Where(token => token.IsKind(SyntaxKind.IdentifierToken))
                .Select(token => token.ValueText)
                .ToHashSet(StringComparer.Ordinal);
            var missing = names.Where(name => !refused.Contains(name) && !generated.Contains(identifierOf(name))).ToList();
            Assert.True(missing.Count == 0, "Neither generated nor refused: " + string.Join(", ", missing));

            var problems = GeneratorHarness.Problems(run.Output);
            Assert.True(problems.Count == 0, language + ":\n" + string.Join("\n", problems.Take(30)));
        }
    }

    private static string? ReservedEnumValue(string name, string enumName)
        => name == enumName || name == enumName + TypeSurfaces.Enum.KindSuffix ? "its type's name"
            : TypeSurfaces.Enum.Members.Contains(name) ? "a member of the generated enum" : null;

    private static string? ReservedMember(string name, string owner, bool isRequest)
        => name == owner ? "its type's name"
            : (isRequest ? TypeSurfaces.Request.Members : TypeSurfaces.Shape.Members).Contains(name) ? "a member of the generated type"
            : isRequest && CommonParameters.Names.Contains(name) ? "a common parameter, which the client sends itself" : null;

    private static string? ReservedTypeName(string name, IEnumerable<string> taken)
        => SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "a contextual keyword"
            : taken.Contains(name) ? "the name of a member of the type, or of another generated type" : null;

    private static string Header(string position)
        => "product: Corpus\nversion: \"2020-01-01\"\nnamespace: Corpus.Names." + position + "\n";

    // Names are identifiers, but quoted so that YAML reads none as a boolean or null.
    private static string Quote(string name) => "\"" + name + "\"";

    /// <summary>
    /// Every identifier in the code generated for the shipped specs, the widgets spec and a spec of every
    /// member kind; the members generated types inherit; the contextual keywords; the known trouble.
    /// </summary>
    private static IReadOnlyList<string> HarvestNames()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs().Append(GeneratorHarness.WidgetsSpec()).Append(GeneratorHarness.Spec("/specs/kinds.yaml", KindsSpec)));
        Assert.Empty(run.Diagnostics);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in run.Sources)
        {
            foreach (var token in CSharpSyntaxTree.ParseText(source.SourceText.ToString()).GetRoot().DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    names.Add(token.ValueText);
                }
            }
        }

        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var type in new[] { typeof(object), typeof(ValueType), typeof(Enum) })
        {
            foreach (var member in type.GetMembers(All).Where(member => member is MethodInfo { IsPrivate: false, IsAssembly: false, IsSpecialName: false } or PropertyInfo))
            {
                names.Add(member.Name);
            }
        }

        foreach (var kind in SyntaxFacts.GetContextualKeywordKinds())
        {
            names.Add(SyntaxFacts.GetText(kind));
        }

        names.UnionWith(KnownTrouble);
        names.RemoveWhere(name => !SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name.StartsWith("__", StringComparison.Ordinal));
        return names.ToList();
    }

    private const string KindsSpec = """
        product: Kinds
        version: "2020-01-01"
        enums:
          Shade:
            values:
              Light:
              dark-ish:
                name: DarkIsh
        shapes:
          Leaf:
            members:
              Tag: string
          Tree:
            members:
              Count: integer
              Big: long
              Ratio: double
              Price: decimal
              On: boolean
              At: datetime
              Shade: Shade
              Leaf: Leaf
              Leaves:
                type: list
                items: Leaf
                itemName: Leaf
              BareLeaves:
                type: list
                items: Leaf
              Shades:
                type: list
                items: Shade
                itemName: Shade
              BareShades:
                type: list
                items: Shade
              Numbers:
                type: list
                items: long
              Counts:
                type: map
                items: long
              LeafMap:
                type: map
                items: Leaf
        operations:
          Grow:
            request:
              Shade: Shade
              Ids:
                type: list
                items: long
              Token:
                type: string
                idempotencyToken: true
                maxLength: 64
              Size:
                type: integer
                minimum: 1
                maximum: 9
                required: true
            response:
              Trees:
                type: list
                items: Tree
                itemName: Tree
              RequestId: string
        """;
}
