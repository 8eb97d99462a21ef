namespace Bindings.Import.Drift;

/// <summary>
/// The differences between the specs as they are and as an import would write them now, per operation:
/// parameters and fields added, removed, retyped, or changed in how they go on the wire.
/// </summary>
internal sealed class DriftReport
{
    public List<(string Operation, List<string> Changes)> Operations { get; } = new();

    public int Added { get; private set; }

    public int Removed { get; private set; }

    public int Retyped { get; private set; }

    public int Changed { get; private set; }

    public List<string> RemovedOperations { get; } = new();

    public int Checked { get; private set; }

    public bool HasDrift => Operations.Count > 0 || RemovedOperations.Count > 0;

    /// <summary>Compares <paramref name="existing"/> (the spec files) with <paramref name="fresh"/> (the source, with the overlay).</summary>
    public static DriftReport Compare(SpecSurface existing, SpecSurface fresh, IEnumerable<string> operations)
    {
        var report = new DriftReport();
        foreach (var operation in operations.Order(StringComparer.Ordinal))
        {
            report.Checked++;
            var hasOld = existing.Operations.TryGetValue(operation, out var old);
            if (!fresh.Operations.TryGetValue(operation, out var now))
            {
                report.RemovedOperations.Add(operation);
                continue;
            }

            if (!hasOld)
            {
                continue;
            }

            var changes = new List<string>();
            report.CompareMembers("request ", old.Request, now.Request, changes);
            report.CompareMembers("response", old.Response, now.Response, changes);
            if (changes.Count > 0)
            {
                report.Operations.Add((operation, changes));
            }
        }

        return report;
    }

    private void CompareMembers(string section, SortedDictionary<string, MemberSurface> old, SortedDictionary<string, MemberSurface> now, List<string> changes)
    {
        foreach (var (path, member) in now)
        {
            if (!old.TryGetValue(path, out var before))
            {
                changes.Add(section + " + " + path + " (" + member.Type + (member.Required ? ", required" : "") + "): added upstream");
                Added++;
                continue;
            }

            if (before.Type != member.Type)
            {
                changes.Add(section + " ~ " + path + ": retyped upstream, " + before.Type + " -> " + member.Type);
                Retyped++;
            }

            void Compare(string what, string? a, string? b)
            {
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    changes.Add(section + " ~ " + path + ": " + what + " " + (a ?? "(default)") + " -> " + (b ?? "(default)"));
                    Changed++;
                }
            }

            Compare("required", before.Required ? "true" : null, member.Required ? "true" : null);
            Compare("style", before.Style, member.Style);
            Compare("position", before.Position, member.Position);
            Compare("itemName", before.ItemName, member.ItemName);
            Compare("format", before.Format, member.Format);
        }

        foreach (var (path, member) in old)
        {
            if (!now.ContainsKey(path))
            {
                changes.Add(section + " - " + path + " (" + member.Type + "): removed upstream");
                Removed++;
            }
        }
    }

    public void WriteTo(TextWriter output)
    {
        foreach (var operation in RemovedOperations)
        {
            output.WriteLine(operation + ": removed upstream (the source has no such operation)");
        }

        foreach (var (operation, changes) in Operations)
        {
            output.WriteLine(operation);
            foreach (var change in changes)
            {
                output.WriteLine("  " + change);
            }
        }

        output.WriteLine(Checked + " operation(s) checked: " + (HasDrift
            ? (Operations.Count + RemovedOperations.Count) + " with drift (" + Added + " added, " + Removed + " removed, " + Retyped + " retyped, " + Changed + " changed on the wire, " + RemovedOperations.Count + " operation(s) removed)"
            : "no drift"));
    }
}
