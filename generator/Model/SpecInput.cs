namespace Bindings.Generator.Model;

/// <summary>
/// A spec file's text and the MSBuild settings that apply to it. Reading the text into this value is the
/// pipeline's first step, so an unchanged file is recognised by value and everything after it is cached.
/// </summary>
internal sealed record SpecInput(string FilePath, string Text, string? NamespaceOverride);
