using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bindings.Benchmarks.GeneratorRuns;

/// <summary>A spec file held in memory, as the compiler hands AdditionalFiles to a generator.</summary>
public sealed class InMemorySpec : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>A spec at <paramref name="path"/> with the YAML <paramref name="text"/>.</summary>
    public InMemorySpec(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    /// <inheritdoc/>
    public override string Path { get; }

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
