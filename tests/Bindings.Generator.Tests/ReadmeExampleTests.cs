using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bindings.Generator.Tests;

/// <summary>The README's example compiles against the code generated from the shipped specs, and runs.</summary>
public class ReadmeExampleTests
{
    private const string Marker = "<!-- readme-example";

    [Fact]
    public void ReadmeExampleCompilesWithoutWarningsAndRuns()
    {
        var example = ExtractExample(File.ReadAllText(FindReadme()));
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
        var compilation = run.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(example, new CSharpParseOptions(LanguageVersion.Latest)));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.Empty(emitted.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        // Run it on the documented example, in a context that shares the runtime already loaded here.
        image.Position = 0;
        var assembly = new AssemblyLoadContext("readme", isCollectible: true).LoadFromStream(image);
        var method = assembly.GetType("ReadmeExample")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
        var json = "{\"Items\":{\"BackupJob\":[{\"BackupJobId\":4762614,\"BackupStatus\":\"Finished\",\"BackupId\":\"346650271\"}]},\"RequestId\":\"r\"}";
        var xml = "<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>4762614</BackupJobId></BackupJob></Items><RequestId>r</RequestId></DescribeBackupTasksResponse>";
        method.Invoke(null, new object[] { Encoding.UTF8.GetBytes(json), xml });
    }

    private static string ExtractExample(string readme)
    {
        var marker = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, "The README has no example marked for this test.");
        var start = readme.IndexOf("```csharp\n", marker, StringComparison.Ordinal) + "```csharp\n".Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme.Substring(start, end - start);
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(Path.Combine(directory.FullName, "Bindings.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md next to Bindings.sln");
    }
}
