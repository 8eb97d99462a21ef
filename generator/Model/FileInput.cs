namespace Bindings.Generator.Model;

/// <summary>
/// What resolving one spec file needs: the file as read, its MSBuild settings, the declarations of its
/// product and version (null when the file declares no API), and the shapes of other files its waiters'
/// paths walk through (none for most files). Equal as long as these are, so a change to another API's
/// declarations, or to another file's text, leaves this file's resolution cached.
/// </summary>
internal sealed record FileInput(SpecDocument Document, FileSettings Settings, string? Namespace, ApiDeclarations? Api, EquatableArray<ShapeOutline> WaiterShapes);

/// <summary>What one spec file produces: its units (one per enum, shape and operation it owns) and its diagnostics.</summary>
internal sealed record ResolvedFile(string FilePath, EquatableArray<EmitUnit> Units);
