namespace Bindings.Generator;

/// <summary>
/// Names of the pipeline's steps, so that tests can watch what each run reuses. The step that reads a spec
/// file has none, on purpose: every output's recorded graph reaches every file's read, and Roslyn files each
/// named step it meets there (see <c>BindingsGenerator.Initialize</c>); a file's read is the document below
/// its <see cref="FileInput"/> step.
/// </summary>
public static class TrackingNames
{
    /// <summary>The MSBuild settings of all spec files (the namespace property, per-file metadata).</summary>
    public const string SpecSettings = nameof(SpecSettings);

    /// <summary>What every file declares, joined per product and version: names and kinds, no members.</summary>
    public const string DeclarationTable = nameof(DeclarationTable);

    /// <summary>One file with its settings and the declarations of its own API: what resolving it needs.</summary>
    public const string FileInput = nameof(FileInput);

    /// <summary>One file resolved against the table: its units and diagnostics.</summary>
    public const string ResolvedFile = nameof(ResolvedFile);

    /// <summary>One self-contained unit of output (an enum, a structure, an operation, a client, a file's diagnostics).</summary>
    public const string EmitUnit = nameof(EmitUnit);

    /// <summary>The clients of the APIs that have operations, from the table.</summary>
    public const string ClientUnit = nameof(ClientUnit);
}
