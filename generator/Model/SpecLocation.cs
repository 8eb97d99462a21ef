namespace Bindings.Generator.Model;

/// <summary>
/// Where something stands in a spec file: zero-based line and column, as Roslyn counts them.
/// A plain value (not a <c>Location</c>) so that models holding it stay equatable and cacheable.
/// </summary>
internal sealed record SpecLocation(string FilePath, int Line, int Column, int EndLine, int EndColumn)
{
    public static SpecLocation StartOf(string filePath) => new(filePath, 0, 0, 0, 0);
}
