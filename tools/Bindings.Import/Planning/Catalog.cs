using System.Text;
using Bindings.Import.Model;
using Bindings.Import.Text;

namespace Bindings.Import.Planning;

/// <summary>An enum the specs declare: its values, the fields that use it, its name.</summary>
internal sealed class EnumPlan
{
    public EnumPlan(string identity, IReadOnlyList<(string Value, string? Description)> values)
    {
        Identity = identity;
        Values = values;
    }

    public string Identity { get; }

    public IReadOnlyList<(string Value, string? Description)> Values { get; set; }

    public List<FieldSite> Sites { get; } = new();

    public string Name { get; set; } = "";

    /// <summary>Named by the overlay (its name is kept as it is).</summary>
    public bool Pinned { get; set; }
}

/// <summary>A shape the specs declare: one structure, wherever it occurs, under one name.</summary>
internal sealed class ShapePlan
{
    public ShapePlan(string identity) => Identity = identity;

    public string Identity { get; }

    public List<FieldSite> Sites { get; } = new();

    public string Name { get; set; } = "";

    public bool Pinned { get; set; }

    /// <summary>The structure of the first occurrence (its descriptions are the shape's).</summary>
    public ImportType Structure => FieldSite.StructureOf(Sites[0].Field)!;

    public IEnumerable<string> Operations => Sites.Select(site => site.Operation.Name).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The enums and shapes of an import, decided over every operation of the source (so that a shape's
/// name does not depend on which operations are written), and named:
/// <list type="bullet">
/// <item>Two structures are one shape when they have the same members: wire names, types (nested
/// structures alike, recursively), required flags, item names and enums; descriptions and examples do
/// not count (the first occurrence's are kept).</item>
/// <item>A shape's name is the overlay's when the overlay pins one (<c>from:</c>); otherwise its
/// candidate: the list's item name (<c>BackupJob</c>), or the singular of the list's wire name
/// (<c>AdvancedDataPolicies</c> gives <c>AdvancedDataPolicy</c>), or the member's wire name for an
/// object, in PascalCase; the most common candidate of its occurrences.</item>
/// <item>A candidate that one shape alone wants, and that no generated type has, is the name. When
/// several different shapes want one candidate, the one used by more operations than any other (and
/// by at least two) keeps it: the common <c>Tag</c> of <c>Key</c> and <c>Value</c>; every other is
/// another name its occurrences use that no other shape wants (ListTagResources' <c>TagResource</c>), else
/// <c>&lt;Operation&gt;&lt;Candidate&gt;</c> (the operation of its first occurrence,
/// <c>AddTagsToResourceTag</c>), then <c>&lt;Operation&gt;&lt;Parent&gt;&lt;Candidate&gt;</c>, then a
/// number. So adding an operation upstream renames a shape only when it brings a different structure of
/// the same name that is as common; the overlay can pin a name.</item>
/// <item>Enums likewise: the rule in <see cref="EnumRule"/> (or the overlay) decides which fields are
/// enums; one value set is one enum; its candidate is the member's wire name, and clashes make it
/// <c>&lt;Operation&gt;&lt;Member&gt;</c>.</item>
/// </list>
/// </summary>
internal sealed class Catalog
{
    private readonly Dictionary<ImportField, EnumPlan> _enumOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ImportType, ShapePlan> _shapeOf = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public List<EnumPlan> Enums { get; } = new();

    public List<ShapePlan> Shapes { get; } = new();

    public EnumPlan? EnumOf(ImportField field) => _enumOf.TryGetValue(field, out var plan) ? plan : null;

    public ShapePlan ShapeOf(ImportType structure) => _shapeOf[structure];

    /// <summary>Every name a type of the specs has or the generator gives one.</summary>
    public bool IsTaken(string name) => _taken.Contains(name);

    public static Catalog Build(ImportApi api, OverlayPins pins, List<string> warnings)
    {
        var catalog = new Catalog();
        var sites = FieldSite.All(api).ToList();
        foreach (var name in ReservedNames.TypesOf(api.Product, api.Operations.Select(operation => operation.Name)))
        {
            catalog._taken.Add(name);
        }

        catalog.PlanEnums(sites, pins, warnings);
        catalog.PlanShapes(sites, pins, warnings);
        catalog.NameShapes(pins);
        catalog.NameEnums();
        return catalog;
    }

    private void PlanEnums(List<FieldSite> sites, OverlayPins pins, List<string> warnings)
    {
        var byPath = sites.GroupBy(site => site.Path, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        foreach (var (name, paths) in pins.Enums)
        {
            var plan = new EnumPlan("overlay:" + name, Array.Empty<(string, string?)>()) { Name = name, Pinned = true };
            foreach (var path in paths)
            {
                if (!byPath.TryGetValue(path, out var site))
                {
                    warnings.Add("overlay: enums." + name + ".from: the source has no field " + path);
                    continue;
                }

                if (site.Field.Type.Kind != ImportTypeKind.String)
                {
                    warnings.Add("overlay: enums." + name + ".from: " + path + " is " + site.Field.Type + ", not a string");
                    continue;
                }

                plan.Sites.Add(site);
                _enumOf[site.Field] = plan;
            }

            // The values: the union of what the fields' descriptions list, in order (the overlay's own win later).
            var values = new List<(string, string?)>();
            foreach (var site in plan.Sites)
            {
                foreach (var value in MarkdownText.ValueList(site.Field.Description) ?? (IReadOnlyList<(string, string?)>)Array.Empty<(string, string?)>())
                {
                    if (!values.Any(known => known.Item1 == value.Value))
                    {
                        values.Add(value);
                    }
                }
            }

            plan.Values = values;
            Enums.Add(plan);
        }

        var byIdentity = new Dictionary<string, EnumPlan>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (_enumOf.ContainsKey(site.Field) || EnumRule.ClosedValues(site.Field) is not { } values)
            {
                continue;
            }

            var identity = string.Join("|", values.Select(value => value.Value).Order(StringComparer.Ordinal));
            if (!byIdentity.TryGetValue(identity, out var plan))
            {
                plan = byIdentity[identity] = new EnumPlan(identity, values);
                Enums.Add(plan);
            }

            plan.Sites.Add(site);
            _enumOf[site.Field] = plan;
        }
    }

    private void PlanShapes(List<FieldSite> sites, OverlayPins pins, List<string> warnings)
    {
        var byIdentity = new Dictionary<string, ShapePlan>(StringComparer.Ordinal);
        var identities = new Dictionary<ImportType, string>(ReferenceEqualityComparer.Instance);
        foreach (var site in sites)
        {
            if (FieldSite.StructureOf(site.Field) is not { } structure)
            {
                continue;
            }

            var identity = Identity(structure, identities);
            if (!byIdentity.TryGetValue(identity, out var plan))
            {
                plan = byIdentity[identity] = new ShapePlan(identity);
                Shapes.Add(plan);
            }

            plan.Sites.Add(site);
            _shapeOf[structure] = plan;
        }

        foreach (var (name, path) in pins.Shapes)
        {
            var site = sites.FirstOrDefault(candidate => candidate.Path == path);
            if (site is null || FieldSite.StructureOf(site.Field) is not { } structure)
            {
                warnings.Add("overlay: shapes." + name + ".from: the source has no structure at " + path);
                continue;
            }

            var plan = _shapeOf[structure];
            if (plan.Pinned && plan.Name != name)
            {
                warnings.Add("overlay: shapes." + name + ".from: " + path + " is the shape " + plan.Name + " already");
                continue;
            }

            plan.Name = name;
            plan.Pinned = true;
        }
    }

    /// <summary>What makes two structures one shape: members, types, required flags, item names, enums.</summary>
    private string Identity(ImportType structure, Dictionary<ImportType, string> identities)
    {
        if (identities.TryGetValue(structure, out var known))
        {
            return known;
        }

        var builder = new StringBuilder("{");
        foreach (var field in structure.Fields!)
        {
            builder.Append(field.WireName).Append(field.Required ? "!" : "").Append(':').Append(TypeKey(field, field.Type, identities));
            if (field.ItemName is { } itemName)
            {
                builder.Append('@').Append(itemName);
            }

            builder.Append(',');
        }

        var identity = builder.Append('}').ToString();
        identities[structure] = identity;
        return identity;
    }

    private string TypeKey(ImportField field, ImportType type, Dictionary<ImportType, string> identities) => type.Kind switch
    {
        ImportTypeKind.List => "[" + TypeKey(field, type.Element!, identities) + "]",
        ImportTypeKind.Map => "map[" + TypeKey(field, type.Element!, identities) + "]",
        ImportTypeKind.Structure => Identity(type, identities),
        ImportTypeKind.String when _enumOf.TryGetValue(field, out var plan) => "enum(" + plan.Identity + ")",
        var kind => kind.ToString(),
    };

    private void NameShapes(OverlayPins pins)
    {
        foreach (var plan in Shapes.Where(plan => plan.Pinned))
        {
            Claim(plan.Name);
        }

        foreach (var name in pins.Enums.Keys)
        {
            Claim(name);
            Claim(ReservedNames.KindOf(name));
        }

        var unnamed = Shapes.Where(plan => !plan.Pinned).ToList();
        foreach (var plan in PlainNamed(unnamed, Candidate, plan => plan.Operations.Count()))
        {
            var candidate = Candidate(plan);
            if (IsFree(candidate))
            {
                plan.Name = candidate;
                Claim(candidate);
            }
        }

        // A shape that lost its first choice takes another name its occurrences use, if no other shape wants it.
        var wantedBy = unnamed.SelectMany(plan => plan.Sites.Select(SiteCandidate).Distinct(StringComparer.Ordinal).Select(name => (name, plan)))
            .GroupBy(entry => entry.name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.plan).Distinct().Count(), StringComparer.Ordinal);
        foreach (var plan in unnamed.Where(plan => plan.Name.Length == 0))
        {
            var alternative = Ranked(plan.Sites.Select(SiteCandidate)).Skip(1).FirstOrDefault(name => wantedBy[name] == 1 && IsFree(name));
            if (alternative is not null)
            {
                plan.Name = alternative;
                Claim(alternative);
            }
        }

        foreach (var plan in unnamed.Where(plan => plan.Name.Length == 0))
        {
            var first = plan.Sites[0];
            var candidate = Candidate(plan);
            var parent = first.Parent is { } parentSite ? SiteCandidate(parentSite) : null;
            plan.Name = Qualified(first.Operation.Name, parent, candidate);
            Claim(plan.Name);
        }
    }

    private void NameEnums()
    {
        var unnamed = Enums.Where(plan => !plan.Pinned).ToList();
        foreach (var plan in PlainNamed(unnamed, Candidate, plan => plan.Sites.Select(site => site.Operation.Name).Distinct(StringComparer.Ordinal).Count()))
        {
            var candidate = Candidate(plan);
            if (IsFree(candidate) && IsFree(ReservedNames.KindOf(candidate)))
            {
                plan.Name = candidate;
                Claim(candidate);
                Claim(ReservedNames.KindOf(candidate));
            }
        }

        foreach (var plan in unnamed.Where(plan => plan.Name.Length == 0))
        {
            var first = plan.Sites[0];
            var parent = first.Parent is { } parentSite ? SiteCandidate(parentSite) : null;
            var name = Qualified(first.Operation.Name, parent, Candidate(plan), enumKind: true);
            plan.Name = name;
            Claim(name);
            Claim(ReservedNames.KindOf(name));
        }
    }

    /// <summary>
    /// The plans that may have their candidate as it is: the only one that wants it, or, among several,
    /// the one used by more operations than any other (and by at least two).
    /// </summary>
    private static IEnumerable<T> PlainNamed<T>(List<T> plans, Func<T, string> candidate, Func<T, int> operations)
    {
        foreach (var group in plans.GroupBy(candidate, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                yield return members[0];
                continue;
            }

            var ranked = members.OrderByDescending(operations).ToList();
            if (operations(ranked[0]) >= 2 && operations(ranked[0]) > operations(ranked[1]))
            {
                yield return ranked[0];
            }
        }
    }

    private string Qualified(string operation, string? parent, string candidate, bool enumKind = false)
    {
        bool Free(string name) => IsFree(name) && (!enumKind || IsFree(ReservedNames.KindOf(name)));
        var name = operation + candidate;
        if (Free(name))
        {
            return name;
        }

        if (parent is not null && Free(operation + parent + candidate))
        {
            return operation + parent + candidate;
        }

        for (var number = 2; ; number++)
        {
            if (Free(name + number))
            {
                return name + number;
            }
        }
    }

    private bool IsFree(string name) => !_taken.Contains(name) && Names.IsIdentifier(name);

    private void Claim(string name) => _taken.Add(name);

    /// <summary>The most common candidate of a shape's occurrences; the first one's on a tie.</summary>
    private static string Candidate(ShapePlan plan) => MostCommon(plan.Sites.Select(SiteCandidate));

    private static string Candidate(EnumPlan plan)
        => MostCommon(plan.Sites.Select(site => site.Field.DeclaredEnum is { } own && Names.IsIdentifier(own.Name) ? own.Name : PascalName(site.Field.WireName)));

    private static string MostCommon(IEnumerable<string> candidates) => Ranked(candidates).First();

    /// <summary>Distinct candidates, the most common first, ties in the order of occurrence.</summary>
    private static IEnumerable<string> Ranked(IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        return list.GroupBy(candidate => candidate, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => list.IndexOf(group.Key))
            .Select(group => group.Key);
    }

    /// <summary>The name a structure at this site asks for: the item name, the singular of the list, the member.</summary>
    private static string SiteCandidate(FieldSite site)
    {
        var field = site.Field;
        if (field.ItemName is { } itemName)
        {
            return PascalName(itemName);
        }

        return field.Type.Kind is ImportTypeKind.List or ImportTypeKind.Map ? PascalName(Names.Singular(field.WireName)) : PascalName(field.WireName);
    }

    private static string PascalName(string wireName) => Names.IsPascalIdentifier(wireName) ? wireName : Names.ToPascal(wireName);
}

/// <summary>The names the overlay fixes before anything is named: shapes by path, enums by the fields that use them.</summary>
internal sealed class OverlayPins
{
    public static readonly OverlayPins None = new();

    public List<(string Name, string Path)> Shapes { get; } = new();

    public Dictionary<string, List<string>> Enums { get; } = new(StringComparer.Ordinal);
}
