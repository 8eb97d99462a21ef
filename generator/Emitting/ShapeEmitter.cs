using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a response structure: a class with one property per member, the unknown members it kept, and
/// value equality, followed in the same file by its JSON and XML readers (each a part of the class).
/// </summary>
internal static class ShapeEmitter
{
    private const string Presence = "global::Bindings.Serialization.PresenceFlags";
    private const string Equality = "global::Bindings.Serialization.ValueEquality";

    public static string Emit(ShapeUnit unit)
    {
        var writer = EmitterHelpers.StartFile(unit, (unit.OperationName is null ? "The " + unit.Name + " structure" : "The response of " + unit.OperationName) + ", with its JSON and XML readers.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            EmitInto(writer, unit);
        }

        return writer.ToString();
    }

    /// <summary>Writes the structure and its readers into a file whose namespace is open.</summary>
    public static void EmitInto(SourceWriter writer, ShapeUnit unit)
    {
        var names = NameAllocator.Seeded(TypeSurfaces.Shape.Members.Add(unit.Name).Concat(unit.Members.Select(member => member.PropertyName)));
        var parser = names.New("Parser");
        var fields = new BackingFields(unit.Members, names);
        EmitClass(writer, unit, names, parser, fields);

        // One file per type: the compiler checks every new file name against all the others, so
        // three files per structure cost more than three times one file in a large project.
        writer.Line();
        JsonReaderEmitter.EmitPart(writer, unit, names, parser);
        writer.Line();
        XmlReaderEmitter.EmitPart(writer, unit, names, parser);
    }

    private static void EmitClass(SourceWriter writer, ShapeUnit unit, NameAllocator names, string parser, BackingFields fields)
    {
        var name = unit.Name;
        writer.Summary(
            unit.OperationName is null ? unit.Description : "The response of " + unit.OperationName + ".",
            "The " + name + " structure.");
        writer.Remarks(
            "Read it with <c>" + TypeSurfaces.Shape.ParseJson + "</c> or <c>" + TypeSurfaces.Shape.ParseXml + "</c>. Both accept what the service is known to send",
            "(numbers as strings and the reverse, a single item for a list, missing lists) and keep fields",
            "the spec does not describe in <see cref=\"" + TypeSurfaces.Shape.UnknownMembers + "\"/>.");
        writer.Line(EmitterHelpers.GeneratedCodeAttribute);
        // A structure (not a response) can be sent in a request too: it hands its members to the runtime's writer.
        var sendable = unit.OperationName is null;
        using (writer.Block(unit.Accessibility + " sealed partial class " + name + " : global::System.IEquatable<" + name + ">"
            + (sendable ? ", global::Bindings.Serialization.IWireShape" : string.Empty)))
        {
            writer.Line("private static readonly global::Bindings.Serialization.ResponseParser<" + name + "> " + parser
                + " = new global::Bindings.Serialization.ResponseParser<" + name + ">(" + SourceWriter.Literal(name) + ", "
                + TypeSurfaces.Shape.ReadJson + ", " + TypeSurfaces.Shape.ReadXml + ", " + (unit.XmlRootName is { } root ? SourceWriter.Literal(root) : "null") + ");");
            writer.Line();
            foreach (var member in unit.Members)
            {
                EmitterHelpers.MemberDocumentation(writer, member, isRead: true);
                var type = EmitterHelpers.PropertyType(member.Type, unit.Namespace);
                if (fields.Has(member))
                {
                    EmitValueProperty(writer, member, type, EmitterHelpers.ElementType(member.Type, unit.Namespace), fields);
                    writer.Line();
                    continue;
                }

                // A list or a map the document does not give is empty, never null.
                var initializer = member.Type.IsList
                    ? " = global::System.Array.Empty<" + EmitterHelpers.ElementType(member.Type, unit.Namespace) + ">();"
                    : member.Type.IsMap
                        ? " = global::Bindings.Serialization.WireMap.Empty<" + EmitterHelpers.ElementType(member.Type, unit.Namespace) + ">();"
                        : string.Empty;
                writer.Line("public " + type + " " + member.PropertyName + " { get; set; }" + initializer);
                writer.Line();
            }

            fields.EmitFlags(writer);

            writer.Doc("Fields the service sent that the spec does not describe, kept as they came.");
            writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::Bindings.UnknownMember> " + TypeSurfaces.Shape.UnknownMembers
                + " { get; set; } = global::System.Array.Empty<global::Bindings.UnknownMember>();");
            writer.Line();
            EmitEquality(writer, unit, names);
            if (sendable)
            {
                writer.Line();
                WireWriterEmitter.EmitShapeWriter(writer, unit, names);
            }
        }
    }

    /// <summary>
    /// A member of a value type, stored as a plain field and one bit saying whether it is set: the same
    /// nullable property, without the padding Nullable&lt;T&gt; adds to each field (a <c>decimal?</c>
    /// takes 24 bytes, a <c>long?</c> 16; as field and bit, 16 and 8).
    /// </summary>
    private static void EmitValueProperty(SourceWriter writer, MemberModel member, string nullableType, string valueType, BackingFields fields)
    {
        var field = fields.Field(member);
        var flags = fields.Flags(member);
        var bit = fields.Bit(member);
        using (writer.Block("public " + nullableType + " " + member.PropertyName))
        {
            writer.Line("get => " + Presence + ".Get(" + flags + ", " + bit + ", " + field + ");");
            writer.Line("set => " + Presence + ".Set(ref " + flags + ", " + bit + ", ref " + field + ", value);");
        }

        writer.Line();
        writer.Line("private " + valueType + " " + field + ";");
    }

    /// <summary>Names the backing fields of value-type members and gives each a bit in a <c>uint</c> of flags.</summary>
    private sealed class BackingFields
    {
        private readonly Dictionary<MemberModel, (string Field, int Index)> _fields = new();
        private readonly List<string> _flags = new();

        public BackingFields(EquatableArray<MemberModel> members, NameAllocator names)
        {
            foreach (var member in members)
            {
                if (!member.Type.IsList && !member.Type.IsMap && member.Type.IsValueType)
                {
                    _fields.Add(member, (names.New("_" + char.ToLowerInvariant(member.PropertyName[0]) + member.PropertyName.Substring(1)), _fields.Count));
                }
            }

            for (var i = 0; i * 32 < _fields.Count; i++)
            {
                _flags.Add(names.New(_fields.Count <= 32 ? "_hasValue" : "_hasValue" + i));
            }
        }

        public bool Has(MemberModel member) => _fields.ContainsKey(member);

        public string Field(MemberModel member) => _fields[member].Field;

        public string Flags(MemberModel member) => _flags[_fields[member].Index / 32];

        public string Bit(MemberModel member) => "0x" + (1u << (_fields[member].Index % 32)).ToString("X") + "u";

        public void EmitFlags(SourceWriter writer)
        {
            foreach (var flags in _flags)
            {
                writer.Doc("One bit for each member of a value type above, set while that member has a value.");
                writer.Line("private uint " + flags + ";");
                writer.Line();
            }
        }
    }

    private static void EmitEquality(SourceWriter writer, ShapeUnit unit, NameAllocator names)
    {
        var name = unit.Name;
        var other = names.NewScope().New("other");
        writer.Doc("True when every member, and every unknown member, is equal.");
        writer.Line("/// <param name=\"" + other + "\">The instance to compare with.</param>");
        using (writer.Block("public bool Equals(" + name + "? " + other + ")"))
        {
            writer.Line("if (" + other + " is null) return false;");
            writer.Line("if (object.ReferenceEquals(this, " + other + ")) return true;");
            writer.Line("return");
            writer.Indent();
            foreach (var member in unit.Members)
            {
                writer.Line(Equality + (member.Type.IsList ? ".ListEquals(" : member.Type.IsMap ? ".MapEquals(" : ".Equal(") + member.PropertyName + ", " + other + "." + member.PropertyName + ") &&");
            }

            writer.Line(Equality + ".ListEquals(" + TypeSurfaces.Shape.UnknownMembers + ", " + other + "." + TypeSurfaces.Shape.UnknownMembers + ");");
            writer.Outdent();
        }

        writer.Line();
        var obj = names.NewScope().New("obj");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? " + obj + ") => Equals(" + obj + " as " + name + ");");
        writer.Line();
        var hash = names.NewScope().New("hash");
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("public override int GetHashCode()"))
        {
            writer.Line("var " + hash + " = 17;");
            foreach (var member in unit.Members)
            {
                writer.Line(hash + " = " + Equality + (member.Type.IsList ? ".HashList(" : member.Type.IsMap ? ".HashMap(" : ".Hash(") + hash + ", " + member.PropertyName + ");");
            }

            writer.Line("return " + hash + ";");
        }
    }
}
