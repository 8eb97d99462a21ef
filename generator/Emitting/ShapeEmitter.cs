using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a response structure: a class with one property per member, the unknown members it kept, and
/// value equality, followed in the same file by its JSON and XML readers (each a part of the class).
/// </summary>
internal static class ShapeEmitter
{
    public static string Emit(ShapeUnit unit)
    {
        var name = unit.Name;
        var writer = EmitterHelpers.StartFile(unit, (unit.OperationName is null ? "The " + name + " structure" : "The response of " + unit.OperationName) + ", with its JSON and XML readers.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            writer.Summary(
                unit.OperationName is null ? unit.Description : "The response of " + unit.OperationName + ".",
                "The " + name + " structure.");
            writer.Remarks(
                "Read it with <c>ParseJson</c> or <c>ParseXml</c>. Both accept what the service is known to send",
                "(numbers as strings and the reverse, a single item for a list, missing lists) and keep fields",
                "the spec does not describe in <see cref=\"UnknownMembers\"/>.");
            writer.Line(EmitterHelpers.GeneratedCodeAttribute);
            using (writer.Block(unit.Accessibility + " sealed partial class " + name + " : global::System.IEquatable<" + name + ">"))
            {
                var fields = new BackingFields(unit.Members);
                foreach (var member in unit.Members)
                {
                    EmitterHelpers.MemberDocumentation(writer, member);
                    var type = EmitterHelpers.PropertyType(member.Type, unit.Namespace);
                    if (fields.Has(member))
                    {
                        EmitValueProperty(writer, member, type, EmitterHelpers.ElementType(member.Type, unit.Namespace), fields);
                        writer.Line();
                        continue;
                    }

                    var initializer = member.Type.IsList
                        ? " = global::System.Array.Empty<" + EmitterHelpers.ElementType(member.Type, unit.Namespace) + ">();"
                        : string.Empty;
                    writer.Line("public " + type + " " + member.PropertyName + " { get; set; }" + initializer);
                    writer.Line();
                }

                fields.EmitFlags(writer);

                writer.Doc("Fields the service sent that the spec does not describe, kept as they came.");
                writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::Bindings.UnknownMember> UnknownMembers { get; set; } = global::System.Array.Empty<global::Bindings.UnknownMember>();");
                writer.Line();
                EmitEquality(writer, unit);
            }

            // One file per type: the compiler checks every new file name against all the others, so
            // three files per structure cost more than three times one file in a large project.
            writer.Line();
            JsonReaderEmitter.EmitPart(writer, unit);
            writer.Line();
            XmlReaderEmitter.EmitPart(writer, unit);
        }

        return writer.ToString();
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
            writer.Line("get => (" + flags + " & " + bit + ") != 0 ? " + field + " : (" + nullableType + ")null;");
            using (writer.Block("set"))
            {
                writer.Line(field + " = value.GetValueOrDefault();");
                writer.Line("if (value.HasValue) " + flags + " |= " + bit + "; else " + flags + " &= ~" + bit + ";");
            }
        }

        writer.Line();
        writer.Line("private " + valueType + " " + field + ";");
    }

    /// <summary>Names the backing fields of value-type members and gives each a bit in an int of flags.</summary>
    private sealed class BackingFields
    {
        private readonly System.Collections.Generic.Dictionary<MemberModel, (string Field, int Index)> _fields = new();

        public BackingFields(EquatableArray<MemberModel> members)
        {
            var used = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in members)
            {
                if (member.Type.IsList || !member.Type.IsValueType)
                {
                    continue;
                }

                var name = "_" + char.ToLowerInvariant(member.PropertyName[0]) + member.PropertyName.Substring(1);
                var unique = name;
                for (var i = 2; !used.Add(unique) || unique.StartsWith("_hasValue", System.StringComparison.Ordinal); i++)
                {
                    unique = name + i;
                }

                _fields.Add(member, (unique, _fields.Count));
            }
        }

        public bool Has(MemberModel member) => _fields.ContainsKey(member);

        public string Field(MemberModel member) => _fields[member].Field;

        public string Flags(MemberModel member) => FlagsName(_fields[member].Index / 32);

        public string Bit(MemberModel member) => "0x" + (1u << (_fields[member].Index % 32)).ToString("X") + "u";

        public void EmitFlags(SourceWriter writer)
        {
            for (var i = 0; i * 32 < _fields.Count; i++)
            {
                writer.Doc("One bit for each member of a value type above, set while that member has a value.");
                writer.Line("private uint " + FlagsName(i) + ";");
                writer.Line();
            }
        }

        private string FlagsName(int index) => _fields.Count <= 32 ? "_hasValue" : "_hasValue" + index;
    }

    private static void EmitEquality(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        writer.Doc("True when every member, and every unknown member, is equal.");
        writer.Line("/// <param name=\"other\">The instance to compare with.</param>");
        using (writer.Block("public bool Equals(" + name + "? other)"))
        {
            writer.Line("if (other is null) return false;");
            writer.Line("if (ReferenceEquals(this, other)) return true;");
            writer.Line("return");
            writer.Indent();
            foreach (var member in unit.Members)
            {
                writer.Line(MemberEquals(member, unit.Namespace) + " &&");
            }

            writer.Line("global::Bindings.Serialization.ValueEquality.ListEquals(UnknownMembers, other.UnknownMembers);");
            writer.Outdent();
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => Equals(obj as " + name + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("public override int GetHashCode()"))
        {
            writer.Line("var hash = 17;");
            foreach (var member in unit.Members)
            {
                writer.Line("hash = unchecked((hash * 31) + " + MemberHash(member) + ");");
            }

            writer.Line("return hash;");
        }
    }

    private static string MemberEquals(MemberModel member, string ns)
    {
        var property = member.PropertyName;
        if (member.Type.IsList)
        {
            return "global::Bindings.Serialization.ValueEquality.ListEquals(" + property + ", other." + property + ")";
        }

        var type = EmitterHelpers.PropertyType(member.Type, ns);
        return "global::System.Collections.Generic.EqualityComparer<" + type + ">.Default.Equals(" + property + ", other." + property + ")";
    }

    private static string MemberHash(MemberModel member)
    {
        var property = member.PropertyName;
        if (member.Type.IsList)
        {
            return "global::Bindings.Serialization.ValueEquality.ListHash(" + property + ")";
        }

        return member.Type.IsValueType ? property + ".GetHashCode()" : "(" + property + "?.GetHashCode() ?? 0)";
    }
}
