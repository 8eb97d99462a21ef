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
        var kind = name + "Kind";
        var writer = EmitterHelpers.StartFile(unit, "The " + name + " enum and its wire values.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            writer.Doc("The documented values of <see cref=\"" + name + "\"/>, for <c>switch</c> statements.");
            using (writer.Block(unit.Accessibility + " enum " + kind))
            {
                writer.Doc("A value this spec does not list; <see cref=\"" + name + ".WireValue\"/> holds it.");
                writer.Line("Unknown = 0,");
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
                "A value the service sends that is not listed is kept: its <see cref=\"Kind\"/> is",
                "<see cref=\"" + kind + ".Unknown\"/> and <see cref=\"WireValue\"/> is the text as sent.");
            writer.Line(EmitterHelpers.GeneratedCodeAttribute);
            using (writer.Block(unit.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">"))
            {
                writer.Line("private readonly Entry? _entry;");
                writer.Line();
                using (writer.Block("private " + name + "(Entry entry)"))
                {
                    writer.Line("_entry = entry;");
                }

                foreach (var value in model.Values)
                {
                    writer.Line();
                    writer.Summary(value.Description, "The wire value <c>" + SourceWriter.Escape(value.WireValue) + "</c>.");
                    writer.Line("public static " + name + " " + value.Name + " { get; } = new " + name + "(new Entry(" + kind + "." + value.Name + ", " + SourceWriter.Literal(value.WireValue) + "));");
                }

                writer.Line();
                writer.Doc("Which documented value this is, or <see cref=\"" + kind + ".Unknown\"/>.");
                writer.Line("public " + kind + " Kind => _entry is null ? " + kind + ".Unknown : _entry.Kind;");
                writer.Line();
                writer.Doc("True when the value is one the spec documents.");
                writer.Line("public bool IsKnown => Kind != " + kind + ".Unknown;");
                writer.Line();
                writer.Doc("The value exactly as the service sends it.");
                writer.Line("public string WireValue => _entry is null ? string.Empty : _entry.WireValue;");
                writer.Line();
                EmitFromWireValue(writer, model, name, kind);
                writer.Line();
                EmitFromUtf8(writer, model, name, kind);
                writer.Line();
                writer.Doc("Compares wire values, ordinally.");
                writer.Line("public bool Equals(" + name + " other) => string.Equals(WireValue, other.WireValue, global::System.StringComparison.Ordinal);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(WireValue);");
                writer.Line();
                writer.Doc("The wire value.");
                writer.Line("public override string ToString() => WireValue;");
                writer.Line();
                writer.Doc("Compares wire values, ordinally.");
                writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
                writer.Line();
                writer.Doc("Compares wire values, ordinally.");
                writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
                writer.Line();
                writer.Doc("A value's kind and wire text. Each documented value has one shared instance, so the struct is a single reference (a nullable one is 16 bytes, not 24).");
                using (writer.Block("private sealed class Entry"))
                {
                    using (writer.Block("public Entry(" + kind + " kind, string wireValue)"))
                    {
                        writer.Line("Kind = kind;");
                        writer.Line("WireValue = wireValue;");
                    }

                    writer.Line();
                    writer.Line("public " + kind + " Kind { get; }");
                    writer.Line();
                    writer.Line("public string WireValue { get; }");
                }
            }
        }

        return writer.ToString();
    }

    private static void EmitFromWireValue(SourceWriter writer, EnumModel model, string name, string kind)
    {
        writer.Doc("The value for a wire string; one the spec does not list is kept as it is.");
        writer.Line("/// <param name=\"wireValue\">The text the service sends.</param>");
        using (writer.Block("public static " + name + " FromWireValue(string wireValue)"))
        {
            using (writer.Block("switch (wireValue)"))
            {
                foreach (var value in model.Values)
                {
                    writer.Line("case " + SourceWriter.Literal(value.WireValue) + ": return " + value.Name + ";");
                }

                writer.Line("case null: throw new global::System.ArgumentNullException(nameof(wireValue));");
                writer.Line("default: return new " + name + "(new Entry(" + kind + ".Unknown, wireValue));");
            }
        }
    }

    private static void EmitFromUtf8(SourceWriter writer, EnumModel model, string name, string kind)
    {
        writer.Doc("The value for UTF-8 wire text; documented values are matched without allocating.");
        writer.Line("/// <param name=\"utf8\">The text the service sends, as UTF-8.</param>");
        using (writer.Block("public static " + name + " FromUtf8(global::System.ReadOnlySpan<byte> utf8)"))
        {
            using (writer.Block("switch (utf8.Length)"))
            {
                foreach (var group in model.Values.GroupBy(value => Utf8Bytes.Length(value.WireValue)).OrderBy(group => group.Key))
                {
                    writer.Line("case " + group.Key + ":");
                    writer.Indent();
                    foreach (var value in group)
                    {
                        writer.Line("if (" + Utf8Bytes.Equal("utf8", "Utf8" + value.Name) + ") return " + value.Name + ";");
                    }

                    writer.Line("break;");
                    writer.Outdent();
                }
            }

            writer.Line();
            writer.Line("return new " + name + "(new Entry(" + kind + ".Unknown, global::Bindings.Serialization.WireText.FromUtf8(utf8)));");
        }

        foreach (var value in model.Values)
        {
            writer.Line();
            Utf8Bytes.Property(writer, "Utf8" + value.Name, value.WireValue);
        }
    }
}
