using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a struct over the wire string, plus a plain C# enum of the documented
/// values to <c>switch</c> on. A value the spec does not list is kept (its kind is <c>Unknown</c>) and
/// written back exactly as it came, the way AWS's constant classes and Azure's extensible enums do.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EnumUnit unit)
    {
        var model = unit.Enum;
        var name = model.Name;
        var kindName = name + TypeSurfaces.Enum.KindSuffix;
        // The kind enum by its simple name, unless a value of the same name would hide it inside the struct.
        var kind = model.Values.Any(value => value.Name == kindName) ? "global::" + unit.Namespace + "." + kindName : kindName;
        var entry = "global::Bindings.Serialization.WireEnumEntry<" + kind + ">";
        var names = NameAllocator.Seeded(TypeSurfaces.Enum.Members.Add(name).Concat(model.Values.Select(value => value.Name)));
        var field = names.New("_entry");

        var writer = EmitterHelpers.StartFile(unit, "The " + name + " enum and its wire values.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            writer.Doc("The documented values of <see cref=\"" + name + "\"/>, for <c>switch</c> statements.");
            using (writer.Block(unit.Accessibility + " enum " + kindName))
            {
                writer.Doc("A value this spec does not list; <see cref=\"" + name + "." + TypeSurfaces.Enum.WireValue + "\"/> holds it.");
                writer.Line(TypeSurfaces.Enum.Unknown + " = 0,");
                for (var i = 0; i < model.Values.Count; i++)
                {
                    var value = model.Values[i];
                    writer.Line();
                    writer.Summary(value.Description, "The wire value <c>" + SourceWriter.Escape(value.WireValue) + "</c>.");
                    writer.Line(value.Name + " = " + (i + 1) + ",");
                }
            }

            writer.Line();
            writer.Summary(model.Description, "The " + name + " values.");
            writer.Remarks(
                "Known values: " + string.Join(", ", model.Values.Select(value => "<c>" + SourceWriter.Escape(value.WireValue) + "</c>")) + ".",
                "A value the service sends that is not listed is kept: its <see cref=\"" + TypeSurfaces.Enum.Kind + "\"/> is",
                "<see cref=\"" + kind + "." + TypeSurfaces.Enum.Unknown + "\"/> and <see cref=\"" + TypeSurfaces.Enum.WireValue + "\"/> is the text as sent.");
            writer.Line(EmitterHelpers.GeneratedCodeAttribute);
            using (writer.Block(unit.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, global::Bindings.Serialization.IWireEnum<" + name + ">"))
            {
                writer.Line("private readonly " + entry + "? " + field + ";");
                writer.Line();
                var constructor = names.NewScope();
                var kindParameter = constructor.New("kind");
                var wireParameter = constructor.New("wireValue");
                using (writer.Block("private " + name + "(" + kind + " " + kindParameter + ", string " + wireParameter + ")"))
                {
                    writer.Line(field + " = new " + entry + "(" + kindParameter + ", " + wireParameter + ");");
                }

                foreach (var value in model.Values)
                {
                    writer.Line();
                    writer.Summary(value.Description, "The wire value <c>" + SourceWriter.Escape(value.WireValue) + "</c>.");
                    writer.Line("public static " + name + " " + value.Name + " { get; } = new " + name + "(" + kind + "." + value.Name + ", " + SourceWriter.Literal(value.WireValue) + ");");
                }

                writer.Line();
                writer.Doc("Which documented value this is, or <see cref=\"" + kind + "." + TypeSurfaces.Enum.Unknown + "\"/>.");
                writer.Line("public " + kind + " " + TypeSurfaces.Enum.Kind + " => " + field + " is null ? " + kind + "." + TypeSurfaces.Enum.Unknown + " : " + field + ".Kind;");
                writer.Line();
                writer.Doc("True when the value is one the spec documents.");
                writer.Line("public bool " + TypeSurfaces.Enum.IsKnown + " => " + TypeSurfaces.Enum.Kind + " != " + kind + "." + TypeSurfaces.Enum.Unknown + ";");
                writer.Line();
                writer.Doc("The value exactly as the service sends it.");
                writer.Line("public string " + TypeSurfaces.Enum.WireValue + " => " + field + " is null ? string.Empty : " + field + ".WireValue;");
                writer.Line();
                EmitFromWireValue(writer, model, name, kind, names);
                writer.Line();
                EmitFromUtf8(writer, model, name, kind, names);
                writer.Line();
                EmitContracts(writer, name, names);
            }
        }

        return writer.ToString();
    }

    private static void EmitFromWireValue(SourceWriter writer, EnumModel model, string name, string kind, NameAllocator names)
    {
        var wireValue = names.NewScope().New("wireValue");
        writer.Doc("The value for a wire string; one the spec does not list is kept as it is.");
        writer.Line("/// <param name=\"" + wireValue + "\">The text the service sends.</param>");
        using (writer.Block("public static " + name + " " + TypeSurfaces.Enum.FromWireValue + "(string " + wireValue + ")"))
        {
            using (writer.Block("switch (" + wireValue + ")"))
            {
                foreach (var value in model.Values)
                {
                    writer.Line("case " + SourceWriter.Literal(value.WireValue) + ": return " + value.Name + ";");
                }

                writer.Line("case null: throw new global::System.ArgumentNullException(" + SourceWriter.Literal(wireValue) + ");");
                writer.Line("default: return new " + name + "(" + kind + "." + TypeSurfaces.Enum.Unknown + ", " + wireValue + ");");
            }
        }
    }

    private static void EmitFromUtf8(SourceWriter writer, EnumModel model, string name, string kind, NameAllocator names)
    {
        var utf8 = names.NewScope().New("utf8");
        var constants = model.Values.ToDictionary(value => value, value => names.New("Utf8" + value.Name));
        writer.Doc("The value for UTF-8 wire text; documented values are matched without allocating.");
        writer.Line("/// <param name=\"" + utf8 + "\">The text the service sends, as UTF-8.</param>");
        using (writer.Block("public static " + name + " " + TypeSurfaces.Enum.FromUtf8 + "(global::System.ReadOnlySpan<byte> " + utf8 + ")"))
        {
            using (writer.Block("switch (" + utf8 + ".Length)"))
            {
                foreach (var group in model.Values.GroupBy(value => Utf8Bytes.Length(value.WireValue)).OrderBy(group => group.Key))
                {
                    writer.Line("case " + group.Key + ":");
                    writer.Indent();
                    foreach (var value in group)
                    {
                        writer.Line("if (" + Utf8Bytes.Equal(utf8, constants[value]) + ") return " + value.Name + ";");
                    }

                    writer.Line("break;");
                    writer.Outdent();
                }
            }

            writer.Line();
            writer.Line("return new " + name + "(" + kind + "." + TypeSurfaces.Enum.Unknown + ", global::Bindings.Serialization.WireText.FromUtf8(" + utf8 + "));");
        }

        foreach (var value in model.Values)
        {
            writer.Line();
            Utf8Bytes.Property(writer, constants[value], value.WireValue);
        }
    }

    /// <summary>The runtime's factory interface, equality by wire value, and the operators.</summary>
    private static void EmitContracts(SourceWriter writer, string name, NameAllocator names)
    {
        var contract = "global::Bindings.Serialization.IWireEnum<" + name + ">";
        var wireValue = names.NewScope().New("wireValue");
        var utf8 = names.NewScope().New("utf8");
        var other = names.NewScope().New("other");
        var obj = names.NewScope().New("obj");
        var operands = names.NewScope();
        var left = operands.New("left");
        var right = operands.New("right");

        writer.Line("/// <inheritdoc/>");
        writer.Line(name + " " + contract + "." + TypeSurfaces.Enum.FromWireValue + "(string " + wireValue + ") => " + TypeSurfaces.Enum.FromWireValue + "(" + wireValue + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(name + " " + contract + "." + TypeSurfaces.Enum.FromUtf8 + "(global::System.ReadOnlySpan<byte> " + utf8 + ") => " + TypeSurfaces.Enum.FromUtf8 + "(" + utf8 + ");");
        writer.Line();
        writer.Doc("Compares wire values, ordinally.");
        writer.Line("public bool Equals(" + name + " " + other + ") => string.Equals(" + TypeSurfaces.Enum.WireValue + ", " + other + "." + TypeSurfaces.Enum.WireValue + ", global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? " + obj + ") => " + obj + " is " + name + " " + other + " && Equals(" + other + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(" + TypeSurfaces.Enum.WireValue + ");");
        writer.Line();
        writer.Doc("The wire value.");
        writer.Line("public override string ToString() => " + TypeSurfaces.Enum.WireValue + ";");
        writer.Line();
        writer.Doc("Compares wire values, ordinally.");
        writer.Line("public static bool operator ==(" + name + " " + left + ", " + name + " " + right + ") => " + left + ".Equals(" + right + ");");
        writer.Line();
        writer.Doc("Compares wire values, ordinally.");
        writer.Line("public static bool operator !=(" + name + " " + left + ", " + name + " " + right + ") => !" + left + ".Equals(" + right + ");");
    }
}
