using System.Collections.Generic;

namespace Bindings.Generator.Emitting;

/// <summary>One public static parse method of a structure, in the table a reader emitter hands to <see cref="EntryPointEmitter"/>.</summary>
/// <param name="Summary">The method's summary.</param>
/// <param name="Method">Its name; the runtime's <c>ResponseParser</c> method it forwards to has the same name.</param>
/// <param name="InputType">The C# type of the document parameter.</param>
/// <param name="Input">The preferred name of the document parameter (the allocator may change it).</param>
/// <param name="InputDoc">What the document parameter is.</param>
/// <param name="IsAsync">Returns a task and takes a cancellation token.</param>
internal sealed record EntryPoint(string Summary, string Method, string InputType, string Input, string InputDoc, bool IsAsync = false);

/// <summary>
/// Writes a structure's public parse methods, JSON's and XML's alike: each a one-line forward to the
/// type's <c>ResponseParser</c> in the runtime, which holds the parsing loop, the buffers and the limits.
/// </summary>
internal static class EntryPointEmitter
{
    private const string Options = "global::Bindings.ResponseParseOptions?";

    /// <param name="exceptionDoc">The <c>exception</c> doc line of every method.</param>
    public static void Emit(SourceWriter writer, string name, string parser, NameAllocator names, string exceptionDoc, IReadOnlyList<EntryPoint> entryPoints)
    {
        var scope = names.NewScope();
        var inputs = new Dictionary<string, string>();
        foreach (var entryPoint in entryPoints)
        {
            if (!inputs.ContainsKey(entryPoint.Input))
            {
                inputs.Add(entryPoint.Input, scope.New(entryPoint.Input));
            }
        }

        var options = scope.New("options");
        var cancellationToken = scope.New("cancellationToken");
        for (var i = 0; i < entryPoints.Count; i++)
        {
            var entryPoint = entryPoints[i];
            var input = inputs[entryPoint.Input];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Doc(entryPoint.Summary);
            writer.Line("/// <param name=\"" + input + "\">" + entryPoint.InputDoc + "</param>");
            writer.Line("/// <param name=\"" + options + "\">Limits on depth and size; the defaults when null.</param>");
            if (entryPoint.IsAsync)
            {
                writer.Line("/// <param name=\"" + cancellationToken + "\">Cancels the read.</param>");
            }

            writer.Line(exceptionDoc);
            writer.Line(entryPoint.IsAsync
                ? "public static global::System.Threading.Tasks.Task<" + name + "> " + entryPoint.Method + "(" + entryPoint.InputType + " " + input + ", "
                    + Options + " " + options + " = null, global::System.Threading.CancellationToken " + cancellationToken + " = default) => "
                    + parser + "." + entryPoint.Method + "(" + input + ", " + options + ", " + cancellationToken + ");"
                : "public static " + name + " " + entryPoint.Method + "(" + entryPoint.InputType + " " + input + ", " + Options + " " + options + " = null) => "
                    + parser + "." + entryPoint.Method + "(" + input + ", " + options + ");");
        }
    }
}
