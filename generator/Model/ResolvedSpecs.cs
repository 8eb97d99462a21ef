namespace Bindings.Generator.Model;

/// <summary>Everything the specs of a compilation produce: the units to emit and the cross-file diagnostics.</summary>
internal sealed record ResolvedSpecs(EquatableArray<EmitUnit> Units, EquatableArray<DiagnosticInfo> Diagnostics);
