using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Bindings.Generator.Tests;

/// <summary>
/// Thousands of damaged specs, made from the shipped ones, each run through the generator beside a valid
/// spec: the generator never throws (no CS8785, no BND999), it reports diagnostics instead, the valid spec
/// still generates all its files, and when a damaged spec draws no error the code generated from it
/// compiles (checked on a sample). Deterministic: a fixed seed, the same cases on every run.
/// </summary>
public class SpecMutationTests
{
    /// <summary>Damaged specs per run; bounded for CI.</summary>
    public const int Cases = 2500;

    /// <summary>
    /// The most distinct outputs (comment lines aside) of damaged specs that drew no error to compile;
    /// about 0.3 s each on an idle machine (the valid spec's code is left out).
    /// </summary>
    private const int MaxCompilations = 30;

    private const string ValidSpecPath = "/repo/specs/widgets/widgets.yaml";

    /// <summary>A spec of another API that no mutation touches: its files must be generated every time.</summary>
    private const string ValidSpec = """
        product: Widgets
        version: "2020-01-01"
        enums:
          Color:
            values:
              Red:
              in-progress:
                name: InProgress
        shapes:
          Widget:
            members:
              Id: long
              Colors:
                type: list
                items: Color
                itemName: Color
        operations:
          ListWidgets:
            readOnly: true
            request:
              PageSize:
                type: integer
                minimum: 1
                maximum: 100
            response:
              Widgets:
                type: list
                items: Widget
                itemName: Widget
              RequestId: string
        """;

    private static readonly string[] ValidSpecFiles =
    {
        "Bindings.Widgets.Color.g.cs", "Bindings.Widgets.Widget.g.cs",
        "Bindings.Widgets.ListWidgets.g.cs", "Bindings.Widgets.WidgetsClient.g.cs",
    };

    private readonly ITestOutputHelper _output;

    public SpecMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void DamagedSpecsGiveDiagnosticsNeverExceptions()
    {
        var shipped = GeneratorHarness.ShippedSpecs().Select(spec => (spec.Path, Text: spec.GetText()!.ToString())).ToList();
        var random = new Random(20261128);
        var stopwatch = Stopwatch.StartNew();
        var byKind = new Dictionary<SpecMutation, int>();
        var diagnosticIds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int withErrors = 0, withoutErrors = 0, compiled = 0;
        var generating = new Stopwatch();
        var compiledOutputs = new HashSet<string>(StringComparer.Ordinal);
        var seenTrees = new Dictionary<string, (List<string> Errors, string CodeHash)>(StringComparer.Ordinal);
        var compiling = new Stopwatch();
        var mutating = new Stopwatch();
        var checking = new Stopwatch();
        var failures = new List<string>();

        // One driver for all cases, as in an IDE: the mutated file is swapped in and out, so the valid
        // files stay cached and each case costs one spec's reading plus the emitting it changes.
        var compilation = GeneratorHarness.Compilation(LanguageVersion.Latest, "namespace Consumer { public static class Marker { } }");
        var current = shipped.Select(spec => GeneratorHarness.Spec(spec.Path, spec.Text)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new BindingsGenerator().AsSourceGenerator() },
            current.Append(GeneratorHarness.Spec(ValidSpecPath, ValidSpec)),
            new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        for (var i = 0; i < Cases && failures.Count < 10; i++)
        {
            var target = random.Next(shipped.Count);
            var text = shipped[target].Text;
            var applied = new List<SpecMutation>();
            mutating.Start();
            var rounds = random.Next(4) == 0 ? 2 + random.Next(2) : 1;
            for (var round = 0; round < rounds; round++)
            {
                var mutation = (SpecMutation)random.Next(Enum.GetValues<SpecMutation>().Length);
                text = SpecMutator.Apply(mutation, text, random);
                applied.Add(mutation);
                byKind[mutation] = byKind.GetValueOrDefault(mutation) + 1;
            }

            mutating.Stop();
            var what = $"case {i} ({string.Join(", ", applied)} of {Path.GetFileName(shipped[target].Path)})";
            var mutated = GeneratorHarness.Spec(shipped[target].Path, text);
            driver = driver.ReplaceAdditionalText(current[target], mutated);
            current[target] = mutated;

            GeneratorDriverRunResult result;
            try
            {
                generating.Start();
                driver = driver.RunGenerators(compilation);
                result = driver.GetRunResult();
                generating.Stop();
            }
            catch (Exception exception)
            {
                failures.Add($"{what}: the generator driver threw {exception}");
                continue;
            }
            finally
            {
                var original = GeneratorHarness.Spec(shipped[target].Path, shipped[target].Text);
                driver = driver.ReplaceAdditionalText(current[target], original);
                current[target] = original;
            }

            var problems = Problems(result).ToList();
            if (problems.Count > 0)
            {
                failures.Add($"{what}: {string.Join("; ", problems)}\n--- spec ---\n{text}\n---");
                continue;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                diagnosticIds[diagnostic.Id] = diagnosticIds.GetValueOrDefault(diagnostic.Id) + 1;
            }

            if (result.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            {
                withErrors++;
                continue;
            }

            // Every output must at least parse (a broken doc comment line shows here); trees already seen are
            // looked up by checksum, since most cases change one file or none...
            withoutErrors++;
            checking.Start();
            var syntaxErrors = new List<string>();
            var output = new StringBuilder();
            foreach (var tree in result.GeneratedTrees)
            {
                var checksum = Convert.ToHexString(tree.GetText().GetChecksum().AsSpan());
                if (!seenTrees.TryGetValue(checksum, out var seen))
                {
                    var errors = tree.GetDiagnostics().Select(diagnostic => diagnostic.ToString()).ToList();
                    var code = string.Join("\n", tree.ToString().Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
                    seenTrees[checksum] = seen = (errors, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(code))));
                }

                syntaxErrors.AddRange(seen.Errors);
                if (!tree.FilePath.Contains("Bindings.Widgets.", StringComparison.Ordinal))
                {
                    output.Append(seen.CodeHash).Append('\n');
                }
            }

            if (syntaxErrors.Count > 0)
            {
                checking.Stop();
                failures.Add($"{what}: the spec drew no error, but the generated code does not parse:\n{string.Join("\n", syntaxErrors.Take(5))}\n--- spec ---\n{text}\n---");
                continue;
            }

            // ...and compile. Most give the same code as the shipped specs (a comment, a BOM, an unknown key):
            // compile each distinct output (comment lines aside) once, up to a bound.
            checking.Stop();
            if (compiledOutputs.Add(output.ToString()) && compiled < MaxCompilations)
            {
                compiled++;
                compiling.Start();
                var errors = CompilerProblems(compilation, result).ToList();
                compiling.Stop();
                if (errors.Count > 0)
                {
                    failures.Add($"{what}: the spec drew no error, but the generated code does not compile:\n{string.Join("\n", errors.Take(5))}\n--- spec ---\n{text}\n---");
                }
            }
        }

        _output.WriteLine($"{Cases} damaged specs in {stopwatch.Elapsed.TotalSeconds:F1} s ({mutating.Elapsed.TotalSeconds:F1} s mutating, {generating.Elapsed.TotalSeconds:F1} s generating, {checking.Elapsed.TotalSeconds:F1} s parsing the output, {compiling.Elapsed.TotalSeconds:F1} s compiling): {withErrors} drew errors, {withoutErrors} did not ({compiledOutputs.Count} distinct outputs, {compiled} of them compiled)");
        _output.WriteLine("Mutations: " + string.Join(", ", byKind.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
        _output.WriteLine("Diagnostics: " + string.Join(", ", diagnosticIds.Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>What must never happen, whatever the spec.</summary>
    private static IEnumerable<string> Problems(GeneratorDriverRunResult result)
    {
        foreach (var generator in result.Results.Where(generator => generator.Exception is not null))
        {
            yield return "the generator threw " + generator.Exception;
        }

        foreach (var diagnostic in result.Diagnostics.Where(diagnostic => diagnostic.Id is "CS8784" or "CS8785" or "BND999"))
        {
            yield return diagnostic.ToString();
        }

        var generated = result.Results.SelectMany(generator => generator.GeneratedSources).Select(source => source.HintName).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in ValidSpecFiles.Where(file => !generated.Contains(file)))
        {
            yield return "the valid spec beside it lost " + missing;
        }

        foreach (var diagnostic in result.Diagnostics.Where(diagnostic => diagnostic.Location.GetLineSpan().Path == ValidSpecPath))
        {
            yield return "the valid spec beside it got " + diagnostic;
        }
    }

    /// <summary>
    /// Compiler errors and warnings in the generated code (a user's build may treat warnings as errors),
    /// apart from the valid spec's, which no mutation touches.
    /// </summary>
    private static IEnumerable<string> CompilerProblems(Compilation compilation, GeneratorDriverRunResult result)
        => compilation.AddSyntaxTrees(result.GeneratedTrees.Where(tree => !tree.FilePath.Contains("Bindings.Widgets.", StringComparison.Ordinal))).GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic => diagnostic.ToString());

    [Theory]
    [MemberData(nameof(Regressions))]
    public void RegressionsFromTheMutationRuns(string caught, string yaml, string? expectedId)
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("/repo/specs/case.yaml", yaml), GeneratorHarness.Spec(ValidSpecPath, ValidSpec) });
        Assert.Empty(Problems(run.Result));
        if (expectedId is null)
        {
            Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            Assert.Empty(CompilerProblems(GeneratorHarness.Compilation(), run.Result));
        }
        else
        {
            Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == expectedId);
        }

        Assert.NotEmpty(caught);
    }

    public static TheoryData<string> FuzzCrashes()
    {
        var data = new TheoryData<string>();
        var directory = Path.Combine(AppContext.BaseDirectory, "FuzzCrashes");
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Every spec that made a fuzzing run crash (tests/fuzz/crashes/spec/), decoded as the compiler does.</summary>
    [Theory]
    [MemberData(nameof(FuzzCrashes))]
    public void SpecsThatCrashedAFuzzingRunGiveDiagnostics(string file)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FuzzCrashes", file)));
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("/repo/specs/fuzz.yaml", text), GeneratorHarness.Spec(ValidSpecPath, ValidSpec) });
        Assert.Empty(Problems(run.Result));
    }

    private const string Header = "product: Demo\nversion: \"2024-01-01\"\n";

    /// <summary>Specs that broke the generator or its output before a fix; each says what it caught.</summary>
    public static TheoryData<string, string, string?> Regressions() => new()
    {
        {
            "YamlDotNet threw InvalidOperationException (BND999) on an unclosed [ before a less indented line",
            Header + "endpoints:\n  default: a\n  regional: [\n  vpc: b\n", "BND001"
        },
        {
            "YamlDotNet threw ArgumentException (BND999) on the tag !!++1+++ (found by afl-fuzz)",
            Header + "shapes:\n  Box:\n    members:\n      Size: !!++1+++ long\n", "BND001"
        },
        {
            "a line separator in an example ended the doc comment line: CS1002 in the generated code",
            Header + "shapes:\n  Box:\n    members:\n      Size:\n        type: long\n        example: \"a\\u2028b\\u2029c\\u0085d\\ne\"\n        documentedType: \"x\\u2028y\"\n", null
        },
        {
            "an enum value named IsKnown clashed with the generated property: CS0102",
            Header + "enums:\n  Color:\n    values:\n      Red:\n      IsKnown:\n", "BND011"
        },
        {
            "an enum value named as its enum's Kind type hid it: CS0119",
            Header + "enums:\n  Color:\n    values:\n      Red:\n      ColorKind:\n", "BND011"
        },
        {
            "an enum value Utf8Red beside Red clashed with Red's UTF-8 constant: CS0102 (since issue 9 the constant gives way)",
            Header + "enums:\n  Color:\n    values:\n      Red:\n      Utf8Red:\n", null
        },
        {
            "a shape named ColorKind beside the enum Color: CS0101",
            Header + "enums:\n  Color:\n    values:\n      Red:\nshapes:\n  ColorKind:\n    members:\n      Size: long\n", "BND004"
        },
        {
            "a request parameter named MemberwiseClone hid object.MemberwiseClone: warning CS0108",
            Header + "operations:\n  Get:\n    request:\n      MemberwiseClone: string\n", "BND011"
        },
        {
            "a request parameter named parameters was shadowed in WriteParameters: CS1503 (since issue 9 the parameter gives way)",
            Header + "operations:\n  Get:\n    request:\n      P:\n        type: string\n        name: parameters\n", null
        },
        {
            "a member named other was shadowed in Equals: CS1061 (since issue 9 the parameter gives way)",
            Header + "shapes:\n  Box:\n    members:\n      other: string\n", null
        },
        {
            "a member named ReadItemsJson clashed with the reader of the list Items: CS0102 (since issue 9 the reader gives way)",
            Header + "shapes:\n  Box:\n    members:\n      Items:\n        type: list\n        items: string\n      ReadItemsJson: string\n", null
        },
        {
            "a minimum beyond the range of long became a literal too large: CS1021",
            Header + "operations:\n  Get:\n    request:\n      Size:\n        type: long\n        minimum: 1e20\n", "BND008"
        },
        {
            "a fractional maximum on an integer",
            Header + "operations:\n  Get:\n    request:\n      Size:\n        type: integer\n        maximum: 1.5\n", "BND008"
        },
        {
            "minimum 1.0 on a long became the literal 1.0L: CS1013",
            Header + "operations:\n  Get:\n    request:\n      Size:\n        type: long\n        minimum: 1.0\n        maximum: 100.00\n", null
        },
        {
            "a version with a line break ended the doc comment line",
            "product: Demo\nversion: \"2024\\n01-01\"\noperations:\n  Get:\n    request:\n      Size: long\n", "BND008"
        },
        {
            "a wire name with a line break ended the doc comment line of a list reader",
            Header + "shapes:\n  Box:\n    members:\n      \"Ite\\nms\":\n        name: Items\n        type: list\n        items: string\n", "BND008"
        },
    };
}
