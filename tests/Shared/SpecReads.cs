using Bindings.Generator;
using Microsoft.CodeAnalysis;

namespace Bindings.Testing;

/// <summary>
/// Where a tracked run shows that a spec file was read again. The step that reads a file has no tracking name
/// (every output's recorded graph reaches every file's read, and Roslyn files each named step it meets there,
/// see <c>BindingsGenerator.Initialize</c>), so it is found below the file's <see cref="TrackingNames.FileInput"/>
/// step: the nearest step there whose input is one of the project's files. One copy, linked into every test
/// project that needs it.
/// </summary>
internal static class SpecReads
{
    /// <summary>Each file's read in the run, with why it ran (Cached: the file was not read again).</summary>
    public static IEnumerable<(object Document, IncrementalStepRunReason Reason)> Of(GeneratorRunResult run)
        => run.TrackedSteps[TrackingNames.FileInput].Select(ReadBelow).Select(step => Assert.Single(step.Outputs));

    /// <summary>
    /// The read of the file of <paramref name="fileInput"/>, breadth first: the file's own read sits right
    /// under the step that joins it to the declaration table; the reads the table depends on are deeper.
    /// </summary>
    private static IncrementalGeneratorRunStep ReadBelow(IncrementalGeneratorRunStep fileInput)
    {
        var level = new List<IncrementalGeneratorRunStep> { fileInput };
        while (level.Count > 0)
        {
            var read = level.FirstOrDefault(step => step.Inputs.Length == 1 && step.Inputs[0].Source.Name == WellKnownGeneratorInputs.AdditionalTexts);
            if (read is not null)
            {
                return read;
            }

            level = level.SelectMany(step => step.Inputs).Select(input => input.Source).ToList();
        }

        throw new InvalidOperationException("No read of a spec file below the FileInput step.");
    }
}
