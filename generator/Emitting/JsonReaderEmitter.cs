using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a structure's JSON reader: the public entry points and one forward pass over
/// <c>Utf8JsonReader</c> that matches property names on their UTF-8 bytes, grouped by length.
/// </summary>
internal sealed class JsonReaderEmitter
{
    private const string Json = "global::Bindings.Serialization.JsonParsing";
    private const string Reader = "ref global::System.Text.Json.Utf8JsonReader reader";
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string UnknownList = "global::Bindings.Serialization.ListBuilder<global::Bindings.UnknownMember>";

    // What the generated loops over an object's members say about the local that builds the error path.
    private const string MemberComment = "// member names the value being read, for the path of an error; it is cleared between members.";

    private readonly Utf8NameTable _names = new("JsonName");

    /// <summary>Writes the JSON reader as a <c>partial class</c> of the structure, into the structure's file.</summary>
    public static void EmitPart(SourceWriter writer, ShapeUnit unit) => new JsonReaderEmitter().EmitClassPart(writer, unit);

    private void EmitClassPart(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        writer.Line("// Reads " + name + " from JSON.");
        using (writer.Block("partial class " + name))
        {
            EmitEntryPoints(writer, name);
            writer.Line();
            EmitObjectReader(writer, unit);
            foreach (var member in unit.Members.Where(member => member.Type.IsList))
            {
                writer.Line();
                EmitListReader(writer, unit, member);
            }

            _names.Emit(writer);
        }
    }

    private static void EmitEntryPoints(SourceWriter writer, string name)
    {
        writer.Doc("Parses " + name + " from UTF-8 JSON; a byte order mark is allowed.");
        writer.Line("/// <param name=\"utf8Json\">The whole document.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed or a value has the wrong kind.</exception>");
        using (writer.Block("public static " + name + " ParseJson(" + Span + " utf8Json, global::Bindings.ResponseParseOptions? options = null)"))
        {
            writer.Line("var json = " + Json + ".SkipBom(utf8Json);");
            using (writer.Block("try"))
            {
                writer.Line("var reader = " + Json + ".CreateReader(json, options ?? global::Bindings.ResponseParseOptions.Default);");
                writer.Line(Json + ".ReadDocumentStart(ref reader);");
                writer.Line("var result = ReadJson(ref reader, json) ?? throw " + Json + ".Unexpected(ref reader, \"an object\");");
                writer.Line(Json + ".ReadDocumentEnd(ref reader);");
                writer.Line("return result;");
            }

            using (writer.Block("catch (global::System.Exception exception) when (" + Json + ".IsReadError(exception))"))
            {
                writer.Line("throw " + Json + ".Fail(exception, json, " + SourceWriter.Literal(name) + ");");
            }
        }

        writer.Line();
        writer.Doc("Parses " + name + " from JSON text.");
        writer.Line("/// <param name=\"json\">The whole document.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed or a value has the wrong kind.</exception>");
        writer.Line("public static " + name + " ParseJson(string json, global::Bindings.ResponseParseOptions? options = null)");
        writer.Indent().Line("=> ParseJson(global::System.Text.Encoding.UTF8.GetBytes(json ?? throw new global::System.ArgumentNullException(nameof(json))), options);").Outdent();
        writer.Line();
        writer.Doc("Parses " + name + " from a stream of UTF-8 JSON, read to its end.");
        writer.Line("/// <param name=\"utf8Json\">The stream; it is not closed.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed or a value has the wrong kind.</exception>");
        using (writer.Block("public static " + name + " ParseJson(global::System.IO.Stream utf8Json, global::Bindings.ResponseParseOptions? options = null)"))
        {
            writer.Line("var effective = options ?? global::Bindings.ResponseParseOptions.Default;");
            writer.Line("var buffer = global::Bindings.Serialization.StreamBuffering.ReadAll(utf8Json, effective, global::Bindings.WireFormat.Json, " + SourceWriter.Literal(name) + ", out var length);");
            using (writer.Block("try"))
            {
                writer.Line("return ParseJson(new " + Span + "(buffer, 0, length), effective);");
            }

            using (writer.Block("finally"))
            {
                writer.Line("global::Bindings.Serialization.StreamBuffering.Return(buffer);");
            }
        }

        writer.Line();
        writer.Doc("Parses " + name + " from a stream of UTF-8 JSON, read asynchronously to its end.");
        writer.Line("/// <param name=\"utf8Json\">The stream; it is not closed.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the read.</param>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed or a value has the wrong kind.</exception>");
        using (writer.Block("public static async global::System.Threading.Tasks.Task<" + name + "> ParseJsonAsync(global::System.IO.Stream utf8Json, global::Bindings.ResponseParseOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            writer.Line("var effective = options ?? global::Bindings.ResponseParseOptions.Default;");
            writer.Line("var (buffer, length) = await global::Bindings.Serialization.StreamBuffering.ReadAllAsync(utf8Json, effective, global::Bindings.WireFormat.Json, " + SourceWriter.Literal(name) + ", cancellationToken).ConfigureAwait(false);");
            using (writer.Block("try"))
            {
                writer.Line("return ParseJson(new " + Span + "(buffer, 0, length), effective);");
            }

            using (writer.Block("finally"))
            {
                writer.Line("global::Bindings.Serialization.StreamBuffering.Return(buffer);");
            }
        }
    }

    private void EmitObjectReader(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        writer.Doc("Reads one " + name + " with the reader on its first token; null for a JSON <c>null</c>.");
        writer.Line("/// <param name=\"reader\">The reader; afterwards on the object's last token.</param>");
        writer.Line("/// <param name=\"json\">The whole document, for keeping unknown members' raw text.</param>");
        using (writer.Block("internal static " + name + "? ReadJson(" + Reader + ", " + Span + " json)"))
        {
            writer.Line("if (!" + Json + ".StartObject(ref reader)) return null;");
            writer.Line("var result = new " + name + "();");
            writer.Line(UnknownList + " unknownMembers = default;");
            foreach (var member in unit.Members.Where(member => member.Type.IsList))
            {
                writer.Line("global::Bindings.Serialization.ListBuilder<" + EmitterHelpers.ElementType(member.Type, unit.Namespace) + "> " + ListLocal(member) + " = default;");
            }

            writer.Line("var member = string.Empty;");
            using (writer.Block("try"))
            {
                writer.Line(MemberComment);
                using (writer.Block("for (; " + Json + ".NextProperty(ref reader); member = string.Empty)"))
                {
                    writer.Line("var name = " + Json + ".PropertyName(ref reader);");
                    if (unit.Members.Count > 0)
                    {
                        EmitNameSwitch(writer, unit.Members, member => EmitMemberRead(writer, unit, member));
                        writer.Line();
                    }

                    writer.Line("member = " + Json + ".MemberName(name);");
                    writer.Line(Json + ".MoveToValue(ref reader);");
                    writer.Line(Json + ".KeepUnknown(ref reader, json, member, ref unknownMembers);");
                }
            }

            using (writer.Block("catch (global::System.Exception exception) when (" + Json + ".IsReadError(exception))"))
            {
                writer.Line("throw " + Json + ".AsParseError(exception).Within(member);");
            }

            writer.Line();
            foreach (var member in unit.Members.Where(member => member.Type.IsList))
            {
                writer.Line("if (" + ListLocal(member) + ".IsStarted) result." + member.PropertyName + " = " + ListLocal(member) + ".ToArray();");
            }

            writer.Line("if (unknownMembers.IsStarted) result.UnknownMembers = unknownMembers.ToArray();");
            writer.Line("return result;");
        }
    }

    /// <summary>Matches <c>name</c> against the members' UTF-8 wire names: a switch on length, then the bytes.</summary>
    private void EmitNameSwitch(SourceWriter writer, IEnumerable<MemberModel> members, System.Action<MemberModel> emitMatch)
    {
        using (writer.Block("switch (name.Length)"))
        {
            foreach (var group in members.GroupBy(member => Utf8Bytes.Length(member.WireName)).OrderBy(group => group.Key))
            {
                writer.Line("case " + group.Key + ":");
                writer.Indent();
                foreach (var member in group)
                {
                    using (writer.Block("if (" + Utf8Bytes.Equal("name", _names[member.WireName]) + ")"))
                    {
                        emitMatch(member);
                    }
                }

                writer.Line("break;");
                writer.Outdent();
            }
        }
    }

    private void EmitMemberRead(SourceWriter writer, ShapeUnit unit, MemberModel member)
    {
        writer.Line("member = " + SourceWriter.Literal(member.WireName) + ";");
        // A member given twice is refused: either value could be the one meant.
        writer.Line("if (" + (member.Type.IsList ? ListLocal(member) + ".IsStarted" : "result." + member.PropertyName + " is object") + ") throw " + Json + ".Duplicate(ref reader);");
        writer.Line(Json + ".MoveToValue(ref reader);");
        if (member.Type.IsList)
        {
            writer.Line("Read" + member.PropertyName + "Json(ref reader, json, ref " + ListLocal(member) + ", ref unknownMembers);");
        }
        else
        {
            writer.Line("result." + member.PropertyName + " = " + ReadValue(member.Type, unit.Namespace) + ";");
        }

        writer.Line("continue;");
    }

    /// <summary>An expression that reads one value of the type's kind; null when the JSON says <c>null</c>.</summary>
    private static string ReadValue(MemberType type, string ns) => type.Kind switch
    {
        ValueKind.String => Json + ".ReadString(ref reader)",
        ValueKind.Int32 => Json + ".ReadInt32(ref reader)",
        ValueKind.Int64 => Json + ".ReadInt64(ref reader)",
        ValueKind.Boolean => Json + ".ReadBoolean(ref reader)",
        ValueKind.Double => Json + ".ReadDouble(ref reader)",
        ValueKind.Decimal => Json + ".ReadDecimal(ref reader)",
        ValueKind.DateTime => Json + ".ReadDateTime(ref reader)",
        ValueKind.Enum => Json + ".TryGetToken(ref reader, out var token) ? " + EmitterHelpers.ElementType(type, ns) + ".FromUtf8(token) : (" + EmitterHelpers.ElementType(type, ns) + "?)null",
        _ => EmitterHelpers.ElementType(type, ns) + ".ReadJson(ref reader, json)",
    };

    private void EmitListReader(SourceWriter writer, ShapeUnit unit, MemberModel member)
    {
        var element = EmitterHelpers.ElementType(member.Type, unit.Namespace);
        var list = "global::Bindings.Serialization.ListBuilder<" + element + ">";
        var method = "Read" + member.PropertyName + "Json";
        var itemName = member.Type.ItemWireName;
        writer.Doc(itemName is null
            ? "Reads the " + member.WireName + " list: an array, or a single item as a list of one."
            : "Reads the " + member.WireName + " list: the wrapper <c>{\"" + itemName + "\": [...]}</c>, a bare array, or a single item.");
        using (writer.Block("private static void " + method + "(" + Reader + ", " + Span + " json, ref " + list + " items, ref " + UnknownList + " unknownMembers)"))
        {
            writer.Line("items.Start();");
            writer.Line("if (" + Json + ".IsAbsentList(ref reader)) return;");
            if (itemName is not null)
            {
                using (writer.Block("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)"))
                {
                    writer.Line("var member = string.Empty;");
                    writer.Line("var hasItems = false;");
                    using (writer.Block("try"))
                    {
                        writer.Line(MemberComment);
                        using (writer.Block("for (; " + Json + ".NextProperty(ref reader); member = string.Empty)"))
                        {
                            writer.Line("var name = " + Json + ".PropertyName(ref reader);");
                            using (writer.Block("if (" + Utf8Bytes.Equal("name", _names[itemName]) + ")"))
                            {
                                writer.Line("member = " + SourceWriter.Literal(itemName) + ";");
                                writer.Line("if (hasItems) throw " + Json + ".Duplicate(ref reader);");
                                writer.Line("hasItems = true;");
                                writer.Line(Json + ".MoveToValue(ref reader);");
                                writer.Line(method + "Items(ref reader, json, ref items);");
                                writer.Line("continue;");
                            }

                            writer.Line();
                            writer.Line("member = " + Json + ".MemberName(name);");
                            writer.Line(Json + ".MoveToValue(ref reader);");
                            writer.Line(Json + ".KeepUnknown(ref reader, json, " + SourceWriter.Literal(member.WireName + ".") + " + member, ref unknownMembers);");
                        }
                    }

                    using (writer.Block("catch (global::System.Exception exception) when (" + Json + ".IsReadError(exception))"))
                    {
                        writer.Line("throw " + Json + ".AsParseError(exception).Within(member);");
                    }

                    writer.Line();
                    writer.Line("return;");
                }

                writer.Line();
            }

            writer.Line(method + "Items(ref reader, json, ref items);");
        }

        writer.Line();
        writer.Doc("Reads the items of the " + member.WireName + " list: an array, or one item alone.");
        using (writer.Block("private static void " + method + "Items(" + Reader + ", " + Span + " json, ref " + list + " items)"))
        {
            writer.Line("if (" + Json + ".IsAbsentList(ref reader)) return;");
            using (writer.Block("if (!" + Json + ".StartArray(ref reader))"))
            {
                using (writer.Block("try"))
                {
                    EmitAddItem(writer, member, unit.Namespace);
                }

                using (writer.Block("catch (global::System.Exception exception) when (" + Json + ".IsReadError(exception))"))
                {
                    writer.Line("throw " + Json + ".AsParseError(exception).WithinItem(items.Count);");
                }

                writer.Line();
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("var index = items.Count;");
            using (writer.Block("try"))
            {
                writer.Line("// The token after an item is the start of the next one: count it before reading it.");
                using (writer.Block("for (; " + Json + ".InArray(ref reader); index++, " + Json + ".NextItem(ref reader))"))
                {
                    EmitAddItem(writer, member, unit.Namespace);
                }
            }

            using (writer.Block("catch (global::System.Exception exception) when (" + Json + ".IsReadError(exception))"))
            {
                writer.Line("throw " + Json + ".AsParseError(exception).WithinItem(index);");
            }
        }
    }

    private static void EmitAddItem(SourceWriter writer, MemberModel member, string ns)
    {
        // A null item carries nothing; skipping it keeps the list free of nulls.
        writer.Line("var item = " + ReadValue(member.Type, ns) + ";");
        writer.Line(member.Type.IsValueType ? "if (item.HasValue) items.Add(item.Value);" : "if (item is object) items.Add(item);");
    }

    private static string ListLocal(MemberModel member) => "list" + member.PropertyName;
}
