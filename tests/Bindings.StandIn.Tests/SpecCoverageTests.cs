using System.Text.RegularExpressions;

namespace Bindings.StandIn.Tests;

/// <summary>The stand-in answers every operation the repository's RDS specs declare.</summary>
public partial class SpecCoverageTests
{
    [Fact]
    public async Task Every_operation_in_specs_rds_is_answered()
    {
        var declared = DeclaredOperations(Path.Combine(RepositoryRoot(), "specs", "rds"));
        Assert.Contains("DescribeBackupTasks", declared);
        await using var standIn = await RdsStandIn.StartAsync();
        var answered = standIn.Operations.Where(static o => o.Version == "2014-08-15").Select(static o => o.Action).ToHashSet();
        Assert.Empty(declared.Except(answered));
    }

    /// <summary>The keys under each spec file's top-level <c>operations:</c> mapping.</summary>
    internal static HashSet<string> DeclaredOperations(string folder)
    {
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories))
        {
            var inOperations = false;
            int? indent = null;
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                if (!char.IsWhiteSpace(line[0]))
                {
                    inOperations = line.StartsWith("operations:", StringComparison.Ordinal);
                    indent = null;
                    continue;
                }

                var match = Key().Match(line);
                if (inOperations && match.Success)
                {
                    indent ??= match.Groups[1].Length;
                    if (match.Groups[1].Length == indent)
                    {
                        operations.Add(match.Groups[2].Value);
                    }
                }
            }
        }

        return operations;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bindings.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Bindings.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^( +)([A-Za-z][A-Za-z0-9]*):\\s*(#.*)?$")]
    private static partial Regex Key();
}
