using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits one operation's file: its request, its response with the JSON and XML readers, and its method on
/// the product's client. One file per operation keeps a 400-operation product at about 460 files, and an
/// edit to one operation's spec re-emits that file only.
/// </summary>
internal static class OperationEmitter
{
    public static string Emit(OperationUnit unit)
    {
        var writer = EmitterHelpers.StartFile(unit, "The " + unit.Request.OperationName + " operation: its request, its response with its JSON and XML readers, and its client method.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            RequestEmitter.EmitInto(writer, unit.Request, unit.Accessibility);
            writer.Line();
            ShapeEmitter.EmitInto(writer, unit.Response with { Accessibility = unit.Accessibility });
            if (unit.Client is { } operation)
            {
                writer.Line();
                ClientEmitter.EmitOperationPart(writer, unit, operation);
            }
        }

        return writer.ToString();
    }
}
