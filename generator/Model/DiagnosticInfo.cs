using Microsoft.CodeAnalysis;

namespace Bindings.Generator.Model;

/// <summary>
/// A diagnostic waiting to be reported: its descriptor (one of <see cref="Diagnostics"/>), where, and the
/// message arguments. Equatable (a descriptor compares by value), so a model that holds it stays cacheable.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SpecLocation Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
        => new(descriptor, location, arguments.ToEquatableArray());
}
