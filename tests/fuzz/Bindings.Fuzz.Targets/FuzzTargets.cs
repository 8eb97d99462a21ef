using System.Collections.Immutable;
using System.Text;
using Bindings.Rds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Bindings.Fuzz;

/// <summary>
/// What the fuzzer runs, one input at a time. The contract is the parsers' and the generator's: a
/// <see cref="ResponseParseException"/> or a diagnostic is an answer; any other exception escapes and
/// the fuzzer records a crash (a hang is caught by the fuzzer's time limit, a stack overflow kills the
/// process, which it also records).
/// </summary>
public static class FuzzTargets
{
    /// <summary>The JSON parser over the bytes, then over the same bytes as a stream.</summary>
    public static void Json(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var fromSpan = Parse(() => DescribeBackupTasksResponse.ParseJson(bytes));
        var fromStream = Parse(() => DescribeBackupTasksResponse.ParseJson(new MemoryStream(bytes)));
        if (!Equals(fromSpan, fromStream))
        {
            throw new InvalidOperationException("ParseJson over a span and over a stream disagree");
        }
    }

    /// <summary>The XML parser over the bytes as a stream (the encoding is detected), and over the text.</summary>
    public static void Xml(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        Parse(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(bytes)));
        Parse(() => DescribeBackupTasksResponse.ParseXml(Encoding.UTF8.GetString(bytes)));
    }

    /// <summary>
    /// The generator over the input as a spec (decoded leniently, as the compiler decodes AdditionalFiles),
    /// beside the shipped specs' product: it must report diagnostics, never throw.
    /// </summary>
    public static void Spec(ReadOnlySpan<byte> input, ISourceGenerator generator)
    {
        var text = Encoding.UTF8.GetString(input);
        var driver = CSharpGeneratorDriver.Create(
            new[] { generator },
            ImmutableArray.Create<AdditionalText>(new Text("/specs/fuzz.yaml", text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        var result = driver.RunGenerators(EmptyCompilation).GetRunResult();
        foreach (var generatorResult in result.Results)
        {
            if (generatorResult.Exception is { } exception)
            {
                throw new InvalidOperationException("The generator threw", exception);
            }
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id is "BND999" or "CS8785" or "CS8784")
            {
                throw new InvalidOperationException("The generator failed: " + diagnostic);
            }
        }

        // Generated code that does not even parse is a generator bug when the spec drew no error.
        if (!result.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            foreach (var tree in result.GeneratedTrees)
            {
                if (tree.GetDiagnostics().FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error) is { } error)
                {
                    throw new InvalidOperationException("A spec without errors gave code that does not parse: " + error);
                }
            }
        }
    }

    private static readonly CSharpCompilation EmptyCompilation = CSharpCompilation.Create("Fuzz");

    private static DescribeBackupTasksResponse? Parse(Func<DescribeBackupTasksResponse> parse)
    {
        try
        {
            return parse();
        }
        catch (ResponseParseException)
        {
            return null;
        }
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
