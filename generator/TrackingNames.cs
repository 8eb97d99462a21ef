namespace Bindings.Generator;

/// <summary>Names of the pipeline's steps, so that tests can watch what each run reuses.</summary>
public static class TrackingNames
{
    /// <summary>A spec file's path, text and namespace override.</summary>
    public const string SpecInput = nameof(SpecInput);

    /// <summary>One spec file read into a model, with its own diagnostics.</summary>
    public const string SpecDocument = nameof(SpecDocument);

    /// <summary>All spec files joined into APIs, names resolved across files.</summary>
    public const string ResolvedSpecs = nameof(ResolvedSpecs);

    /// <summary>One self-contained unit of output (an enum, a structure, a request, a client).</summary>
    public const string EmitUnit = nameof(EmitUnit);
}
