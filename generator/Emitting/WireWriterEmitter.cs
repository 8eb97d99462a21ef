using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Writes the statements that hand members to the runtime's <c>WireWriter</c>: one call per member, the
/// same for a request's parameters and a structure's members, so that every style's wire form (repeat
/// lists, flat, JSON text, joined) is decided once, in the runtime, exactly as the official SDK does it.
/// </summary>
internal static class WireWriterEmitter
{
    private const string Scalar = "global::Bindings.Serialization.WireScalar";

    /// <summary>
    /// The statement that writes <paramref name="member"/> (read as <paramref name="access"/>) through
    /// <paramref name="writer"/>. A request parameter's own style applies at the top level (the writer is an
    /// <c>RpcParameterWriter</c> there); inside a structure the writer decides (flat or JSON).
    /// </summary>
    public static string Statement(string writer, MemberModel member, string ns, string access, NameAllocator scope)
    {
        var type = member.Type;
        var wire = SourceWriter.Literal(member.WireName);
        var json = member.Style == WireStyle.Json;
        if (type.IsList || type.IsMap)
        {
            var ofShapes = type.Kind == ValueKind.Shape;
            var method = type.IsMap
                ? (json ? "JsonMap" : "Map")
                : member.Style is WireStyle.Simple or WireStyle.SpaceDelimited or WireStyle.PipeDelimited ? "Joined"
                : json ? "JsonList" : "List";
            if (ofShapes)
            {
                method = method.Replace("Map", "ShapeMap").Replace("List", "ShapeList");
                // KeyValuePair is invariant: a map of Part is no sequence of pairs of Part? to the compiler
                // (CS8620), though the writer only reads it, and skips null values.
                return writer + "." + method + "(" + wire + ", " + access + (type.IsMap ? "!" : string.Empty) + ");";
            }

            var separator = method == "Joined" ? ", '" + WireStyles.Of(member.Style).Separator!.Value + "'" : string.Empty;
            return writer + "." + method + "(" + wire + ", " + access + ", " + ToScalar(type, ns, scope) + separator + ");";
        }

        return type.Kind switch
        {
            ValueKind.Shape => writer + (json ? ".Json(" : ".Shape(") + wire + ", " + access + ");",
            // default(enum) has no wire text: it is never sent as an empty parameter.
            ValueKind.Enum => writer + ".Member(" + wire + ", " + Scalar + ".Enum(" + access + "?." + TypeSurfaces.Enum.WireValue + "));",
            ValueKind.DateTime => writer + ".Member(" + wire + ", " + access + ", " + DateTimeFormats.Expression(type.DateFormat) + ");",
            _ => writer + ".Member(" + wire + ", " + access + ");",
        };
    }

    /// <summary>Turns one element of a list or map into its wire scalar: a method group where one fits, else a lambda.</summary>
    private static string ToScalar(MemberType type, string ns, NameAllocator scope)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                return Scalar + ".String";
            case ValueKind.Raw:
                return Scalar + ".Json";
            case ValueKind.Enum:
            {
                var value = scope.New("value");
                return "(" + EmitterHelpers.ElementType(type, ns) + " " + value + ") => " + Scalar + ".Enum(" + value + "." + TypeSurfaces.Enum.WireValue + ")";
            }

            case ValueKind.DateTime:
            {
                var value = scope.New("value");
                return "(" + EmitterHelpers.ElementType(type, ns) + " " + value + ") => " + Scalar + ".From(" + value + ", " + DateTimeFormats.Expression(type.DateFormat) + ")";
            }

            default:
            {
                var value = scope.New("value");
                return "(" + EmitterHelpers.ElementType(type, ns) + " " + value + ") => " + Scalar + ".From(" + value + ")";
            }
        }
    }

    /// <summary>
    /// A structure's <c>IWireShape</c> implementation (explicit, so it takes no name from the spec): its
    /// members in spec order, for a request that sends it flat or as JSON text.
    /// </summary>
    public static void EmitShapeWriter(SourceWriter writer, ShapeUnit unit, NameAllocator names)
    {
        var scope = names.NewScope();
        var wireWriter = scope.New("writer");
        writer.Doc("Writes the members that are set, by wire name and in spec order, for a request that sends this structure.");
        writer.Line("/// <param name=\"" + wireWriter + "\">Where the members go: flat parameters or JSON text.</param>");
        using (writer.Block("void global::Bindings.Serialization.IWireShape.WriteMembers(global::Bindings.Serialization.WireWriter " + wireWriter + ")"))
        {
            foreach (var member in unit.Members)
            {
                writer.Line(Statement(wireWriter, member, unit.Namespace, member.PropertyName, scope.NewScope()));
            }
        }
    }
}
