using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Bindings.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Bindings.Generator.Tests;

/// <summary>Runs the generator in memory over spec texts, the way the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly string ShippedSpecsDirectory = Path.Combine(AppContext.BaseDirectory, "ShippedSpecs");

    // The runtime and the packages its public API exposes to generated code (the client's DI shortcut).
    private static readonly MetadataReference[] RuntimeReferences =
    {
        MetadataReference.CreateFromFile(typeof(ResponseParseException).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location),
    };

    public static IReadOnlyList<AdditionalText> ShippedSpecs()
        => Directory.GetFiles(ShippedSpecsDirectory, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new InMemoryAdditionalText(ToSpecPath(path), File.ReadAllText(path)))
            .ToList();

    public static AdditionalText Spec(string path, string yaml) => new InMemoryAdditionalText(path, yaml);

    /// <summary>The widgets spec of the runtime tests, as <c>/repo/tests/widgets.yaml</c>.</summary>
    public static AdditionalText WidgetsSpec() => TestSpec("widgets.yaml");

    /// <summary>A spec of the runtime tests (<c>tests/Bindings.Tests/Specs</c>), as <c>/repo/tests/{fileName}</c>.</summary>
    public static AdditionalText TestSpec(string fileName)
        => Spec("/repo/tests/" + fileName, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScenarioSpecs", fileName)));

    /// <summary>Every warning and error of a compilation, as text: empty when it builds with warnings as errors.</summary>
    public static List<string> Problems(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();

    public static CSharpCompilation Compilation(LanguageVersion languageVersion = LanguageVersion.Latest, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(languageVersion))),
            Net100.References.All.Concat(RuntimeReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, LanguageVersion languageVersion = LanguageVersion.Latest, AnalyzerConfigOptionsProvider? options = null)
        => CSharpGeneratorDriver.Create(
            new[] { new BindingsGenerator().AsSourceGenerator() },
            additionalTexts: specs,
            parseOptions: new CSharpParseOptions(languageVersion),
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and returns what it produced and the compilation that includes it.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> specs, LanguageVersion languageVersion = LanguageVersion.Latest, AnalyzerConfigOptionsProvider? options = null)
    {
        var compilation = Compilation(languageVersion, "namespace Consumer { public static class Marker { } }");
        var driver = CreateDriver(specs, languageVersion, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    // Paths in diagnostics should read like a repository's, not like the test's output folder.
    private static string ToSpecPath(string path) => "/repo/specs/" + Path.GetRelativePath(ShippedSpecsDirectory, path).Replace('\\', '/');

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(result => result.GeneratedSources);

    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public string Source(string hintName) => Sources.Single(source => source.HintName == hintName).SourceText.ToString();
}

/// <summary>MSBuild options as the compiler would see them, for namespace overrides and exclusions.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, string> _global;
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;

    public TestOptionsProvider(Dictionary<string, string>? global = null, Dictionary<string, Dictionary<string, string>>? perFile = null)
    {
        _global = global ?? new();
        _perFile = perFile ?? new();
    }

    public override AnalyzerConfigOptions GlobalOptions => new Options(_global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => new Options(_perFile.TryGetValue(textFile.Path, out var options) ? options : new());

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? string.Empty;
            return found;
        }
    }
}
