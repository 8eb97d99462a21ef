using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a structure's JSON reader: the public entry points (forwards to the runtime's
/// <c>ResponseParser</c>) and one forward pass over <c>Utf8JsonReader</c> that matches property names
/// on their UTF-8 bytes, grouped by length. Every name it invents comes from the type's
/// <see cref="NameAllocator"/>.
/// </summary>
internal sealed class JsonReaderEmitter
{
    private const string Json = "global::Bindings.Serialization.JsonParsing";
    private const string ReaderType = "ref global::System.Text.Json.Utf8JsonReader";
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Stream = "global::System.IO.Stream";
    private const string UnknownList = "global::Bindings.Serialization.ListBuilder<global::Bindings.UnknownMember>";

    private readonly ShapeUnit _unit;
    private readonly NameAllocator _names;
    private readonly Utf8NameTable _wireNames;
    private readonly Dictionary<MemberModel, (string Reader, string ItemsReader)> _listReaders = new();

    private JsonReaderEmitter(ShapeUnit unit, NameAllocator names)
    {
        _unit = unit;
        _names = names;
        _wireNames = new Utf8NameTable("JsonName", names);
        foreach (var member in unit.Members.Where(member => member.Type.IsList))
        {
            _listReaders.Add(member, (names.New("Read" + member.PropertyName + "Json"), names.New("Read" + member.PropertyName + "JsonItems")));
        }
    }

    /// <summary>Writes the JSON reader as a <c>partial class</c> of the structure, into the structure's file.</summary>
    public static void EmitPart(SourceWriter writer, ShapeUnit unit, NameAllocator names, string parser)
        => new JsonReaderEmitter(unit, names).EmitClassPart(writer, parser);

    private void EmitClassPart(SourceWriter writer, string parser)
    {
        var name = _unit.Name;
        writer.Line("// Reads " + name + " from JSON.");
        using (writer.Block("partial class " + name))
        {
            EmitEntryPoints(writer, name, parser);
            writer.Line();
            EmitObjectReader(writer);
            foreach (var member in _listReaders.Keys)
            {
                writer.Line();
                EmitListReader(writer, member);
            }

            _wireNames.Emit(writer);
        }
    }

    /// <summary>The public entry points: each a forward to the type's <c>ResponseParser</c> in the runtime.</summary>
    private void EmitEntryPoints(SourceWriter writer, string name, string parser)
        => EntryPointEmitter.Emit(writer, name, parser, _names, "/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed or a value has the wrong kind.</exception>", new[]
        {
            new EntryPoint("Parses " + name + " from UTF-8 JSON; a byte order mark is allowed.", TypeSurfaces.Shape.ParseJson, Span, "utf8Json", "The whole document."),
            new EntryPoint("Parses " + name + " from JSON text.", TypeSurfaces.Shape.ParseJson, "string", "json", "The whole document."),
            new EntryPoint("Parses " + name + " from a stream of UTF-8 JSON, read to its end.", TypeSurfaces.Shape.ParseJson, Stream, "utf8Json", "The stream; it is not closed."),
            new EntryPoint("Parses " + name + " from a stream of UTF-8 JSON, read asynchronously to its end.", TypeSurfaces.Shape.ParseJsonAsync, Stream, "utf8Json", "The stream; it is not closed.", IsAsync: true),
        });

    private void EmitObjectReader(SourceWriter writer)
    {
        var name = _unit.Name;
        var scope = _names.NewScope();
        var reader = scope.New("reader");
        var json = scope.New("json");
        var result = scope.New("result");
        var unknownMembers = scope.New("unknownMembers");
        var member = scope.New("member");
        var property = scope.New("name");
        var exception = scope.New("exception");
        var lists = _listReaders.Keys.ToDictionary(list => list, list => scope.New("list" + list.PropertyName));
        var maps = _unit.Members.Where(m => m.Type.IsMap).ToDictionary(m => m, m => scope.New("map" + m.PropertyName));
        var valueReader = scope.New("valueReader");
        var valueJson = scope.New("valueJson");

        writer.Doc("Reads one " + name + " with the reader on its first token; null for a JSON <c>null</c>.");
        writer.Line("/// <param name=\"" + reader + "\">The reader; afterwards on the object's last token.</param>");
        writer.Line("/// <param name=\"" + json + "\">The whole document, for keeping unknown members' raw text.</param>");
        using (writer.Block("internal static " + name + "? " + TypeSurfaces.Shape.ReadJson + "(" + ReaderType + " " + reader + ", " + Span + " " + json + ")"))
        {
            writer.Line("if (!" + Json + ".StartObject(ref " + reader + ")) return null;");
            writer.Line("var " + result + " = new " + name + "();");
            writer.Line(UnknownList + " " + unknownMembers + " = default;");
            foreach (var list in lists)
            {
                writer.Line("global::Bindings.Serialization.ListBuilder<" + EmitterHelpers.ElementType(list.Key.Type, _unit.Namespace) + "> " + list.Value + " = default;");
            }

            foreach (var map in maps)
            {
                writer.Line(EmitterHelpers.PropertyType(map.Key.Type, _unit.Namespace) + "? " + map.Value + " = null;");
            }

            writer.Line("var " + member + " = string.Empty;");
            using (writer.Block("try"))
            {
                writer.Line("// " + member + " names the value being read, for the path of an error; it is cleared between members.");
                using (writer.Block("for (; " + Json + ".NextProperty(ref " + reader + "); " + member + " = string.Empty)"))
                {
                    writer.Line("var " + property + " = " + Json + ".PropertyName(ref " + reader + ");");
                    if (_unit.Members.Count > 0)
                    {
                        using (writer.Block("switch (" + property + ".Length)"))
                        {
                            foreach (var group in _unit.Members.GroupBy(m => Utf8Bytes.Length(m.WireName)).OrderBy(group => group.Key))
                            {
                                writer.Line("case " + group.Key + ":");
                                writer.Indent();
                                foreach (var candidate in group)
                                {
                                    using (writer.Block("if (" + EnterMember(reader, property, candidate.WireName, member) + ")"))
                                    {
                                        // A member given twice is refused: either value could be the one meant.
                                        var given = candidate.Type.IsList ? lists[candidate] + ".IsStarted"
                                            : candidate.Type.IsMap ? maps[candidate] + " is object"
                                            : result + "." + candidate.PropertyName + " is object";
                                        writer.Line("if (" + given + ") throw " + Json + ".Duplicate(ref " + reader + ");");
                                        if (candidate.Type.IsList)
                                        {
                                            writer.Line(_listReaders[candidate].Reader + "(ref " + reader + ", " + json + ", ref " + lists[candidate] + ", ref " + unknownMembers + ");");
                                        }
                                        else if (candidate.Type.IsMap)
                                        {
                                            // The runtime reads the entries; the lambda reads one value (it captures nothing, so it is allocated once).
                                            writer.Line(maps[candidate] + " = " + Json + "." + (candidate.Type.IsValueType ? "ReadValueMap<" : "ReadMap<") + EmitterHelpers.ElementType(candidate.Type, _unit.Namespace)
                                                + ">(ref " + reader + ", " + json + ", (" + ReaderType + " " + valueReader + ", " + Span + " " + valueJson + ") => " + ReadValue(candidate.Type, valueReader, valueJson) + ");");
                                        }
                                        else
                                        {
                                            writer.Line(result + "." + candidate.PropertyName + " = " + ReadValue(candidate.Type, reader, json) + ";");
                                        }

                                        writer.Line("continue;");
                                    }
                                }

                                writer.Line("break;");
                                writer.Outdent();
                            }
                        }

                        writer.Line();
                    }

                    writer.Line(Json + ".KeepUnknown(ref " + reader + ", " + json + ", " + property + ", null, ref " + member + ", ref " + unknownMembers + ");");
                }
            }

            EmitCatch(writer, exception, ".Within(" + member + ")");
            writer.Line();
            foreach (var list in lists)
            {
                writer.Line("if (" + list.Value + ".IsStarted) " + result + "." + list.Key.PropertyName + " = " + list.Value + ".ToArray();");
            }

            foreach (var map in maps)
            {
                writer.Line("if (" + map.Value + " is object) " + result + "." + map.Key.PropertyName + " = " + map.Value + ";");
            }

            writer.Line("if (" + unknownMembers + ".IsStarted) " + result + "." + TypeSurfaces.Shape.UnknownMembers + " = " + unknownMembers + ".ToArray();");
            writer.Line("return " + result + ";");
        }
    }

    /// <summary>
    /// The test that the property <paramref name="property"/> is the member <paramref name="wireName"/>;
    /// when it is, the reader is on the value and <paramref name="member"/> names it.
    /// </summary>
    private string EnterMember(string reader, string property, string wireName, string member)
        => Json + ".EnterMember(ref " + reader + ", " + property + ", " + _wireNames[wireName] + ", " + SourceWriter.Literal(wireName) + ", ref " + member + ")";

    /// <summary>An expression that reads one value of the type's kind; null when the JSON says <c>null</c>.</summary>
    private string ReadValue(MemberType type, string reader, string json) => type.Kind switch
    {
        ValueKind.Enum => Json + ".ReadEnum<" + EmitterHelpers.ElementType(type, _unit.Namespace) + ">(ref " + reader + ")",
        ValueKind.Shape => EmitterHelpers.ElementType(type, _unit.Namespace) + "." + TypeSurfaces.Shape.ReadJson + "(ref " + reader + ", " + json + ")",
        ValueKind.Raw => Json + "." + type.BuiltIn!.JsonReader + "(ref " + reader + ", " + json + ")",
        ValueKind.DateTime when type.DateFormat is { } format => Json + "." + type.BuiltIn!.JsonReader + "(ref " + reader + ", " + DateTimeFormats.Expression(format) + ")",
        _ => Json + "." + type.BuiltIn!.JsonReader + "(ref " + reader + ")",
    };

    private void EmitListReader(SourceWriter writer, MemberModel list)
    {
        var element = EmitterHelpers.ElementType(list.Type, _unit.Namespace);
        var builder = "global::Bindings.Serialization.ListBuilder<" + element + ">";
        var (method, itemsMethod) = _listReaders[list];
        var itemName = list.Type.ItemWireName;
        var scope = _names.NewScope();
        var reader = scope.New("reader");
        var json = scope.New("json");
        var items = scope.New("items");
        var unknownMembers = scope.New("unknownMembers");
        writer.Doc(itemName is null
            ? "Reads the " + SourceWriter.Escape(list.WireName) + " list: an array, or a single item as a list of one."
            : "Reads the " + SourceWriter.Escape(list.WireName) + " list: the wrapper <c>{\"" + SourceWriter.Escape(itemName) + "\": [...]}</c>, a bare array, or a single item.");
        using (writer.Block("private static void " + method + "(" + ReaderType + " " + reader + ", " + Span + " " + json + ", ref " + builder + " " + items + ", ref " + UnknownList + " " + unknownMembers + ")"))
        {
            writer.Line(items + ".Start();");
            writer.Line("if (" + Json + ".IsAbsentList(ref " + reader + ")) return;");
            if (itemName is not null)
            {
                var member = scope.New("member");
                var property = scope.New("name");
                var exception = scope.New("exception");
                var hasItems = scope.New("hasItems");
                using (writer.Block("if (" + reader + ".TokenType == global::System.Text.Json.JsonTokenType.StartObject)"))
                {
                    writer.Line("var " + member + " = string.Empty;");
                    writer.Line("var " + hasItems + " = false;");
                    using (writer.Block("try"))
                    {
                        writer.Line("// " + member + " names the value being read, for the path of an error; it is cleared between members.");
                        using (writer.Block("for (; " + Json + ".NextProperty(ref " + reader + "); " + member + " = string.Empty)"))
                        {
                            writer.Line("var " + property + " = " + Json + ".PropertyName(ref " + reader + ");");
                            using (writer.Block("if (" + EnterMember(reader, property, itemName, member) + ")"))
                            {
                                writer.Line("if (" + hasItems + ") throw " + Json + ".Duplicate(ref " + reader + ");");
                                writer.Line(hasItems + " = true;");
                                writer.Line(itemsMethod + "(ref " + reader + ", " + json + ", ref " + items + ");");
                                writer.Line("continue;");
                            }

                            writer.Line();
                            writer.Line(Json + ".KeepUnknown(ref " + reader + ", " + json + ", " + property + ", " + SourceWriter.Literal(list.WireName + ".") + ", ref " + member + ", ref " + unknownMembers + ");");
                        }
                    }

                    EmitCatch(writer, exception, ".Within(" + member + ")");
                    writer.Line();
                    writer.Line("return;");
                }

                writer.Line();
            }

            writer.Line(itemsMethod + "(ref " + reader + ", " + json + ", ref " + items + ");");
        }

        writer.Line();
        EmitItemsReader(writer, list, builder, itemsMethod);
    }

    private void EmitItemsReader(SourceWriter writer, MemberModel list, string builder, string method)
    {
        var scope = _names.NewScope();
        var reader = scope.New("reader");
        var json = scope.New("json");
        var items = scope.New("items");
        var index = scope.New("index");
        var item = scope.New("item");
        var exception = scope.New("exception");
        writer.Doc("Reads the items of the " + SourceWriter.Escape(list.WireName) + " list: an array, or one item alone.");
        using (writer.Block("private static void " + method + "(" + ReaderType + " " + reader + ", " + Span + " " + json + ", ref " + builder + " " + items + ")"))
        {
            writer.Line("if (" + Json + ".IsAbsentList(ref " + reader + ")) return;");
            using (writer.Block("if (!" + Json + ".StartArray(ref " + reader + "))"))
            {
                using (writer.Block("try"))
                {
                    EmitAddItem(writer, list, reader, json, items, item);
                }

                EmitCatch(writer, exception, ".WithinItem(" + items + ".Count)");
                writer.Line();
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("var " + index + " = " + items + ".Count;");
            using (writer.Block("try"))
            {
                writer.Line("// The token after an item is the start of the next one: count it before reading it.");
                using (writer.Block("for (; " + Json + ".InArray(ref " + reader + "); " + index + "++, " + Json + ".NextItem(ref " + reader + "))"))
                {
                    EmitAddItem(writer, list, reader, json, items, item);
                }
            }

            EmitCatch(writer, exception, ".WithinItem(" + index + ")");
        }
    }

    private void EmitAddItem(SourceWriter writer, MemberModel list, string reader, string json, string items, string item)
    {
        // A null item carries nothing; skipping it keeps the list free of nulls.
        writer.Line("var " + item + " = " + ReadValue(list.Type, reader, json) + ";");
        writer.Line(list.Type.IsValueType
            ? "if (" + item + ".HasValue) " + items + ".Add(" + item + ".Value);"
            : "if (" + item + " is object) " + items + ".Add(" + item + ");");
    }

    /// <summary>The catch that turns what a read can throw into the parse error, with the path segment <paramref name="within"/> added.</summary>
    private static void EmitCatch(SourceWriter writer, string exception, string within)
    {
        using (writer.Block("catch (global::System.Exception " + exception + ") when (" + Json + ".IsReadError(" + exception + "))"))
        {
            writer.Line("throw " + Json + ".AsParseError(" + exception + ")" + within + ";");
        }
    }
}
