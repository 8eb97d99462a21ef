using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a structure's XML reader: the public entry points (forwards to the runtime's
/// <c>ResponseParser</c>) and one forward pass over <c>XmlReader</c>. Child elements may come in any
/// order; a list is a run of repeated elements, so one element is a list of one. Every name it invents
/// comes from the type's <see cref="NameAllocator"/>.
/// </summary>
internal sealed class XmlReaderEmitter
{
    private const string Xml = "global::Bindings.Serialization.XmlParsing";
    private const string ReaderType = "global::System.Xml.XmlReader";
    private const string OptionsType = "global::Bindings.ResponseParseOptions";
    private const string Stream = "global::System.IO.Stream";
    private const string UnknownList = "global::Bindings.Serialization.ListBuilder<global::Bindings.UnknownMember>";

    private readonly ShapeUnit _unit;
    private readonly NameAllocator _names;
    private readonly Dictionary<MemberModel, string> _wrappedListReaders = new();

    private XmlReaderEmitter(ShapeUnit unit, NameAllocator names)
    {
        _unit = unit;
        _names = names;
        foreach (var member in unit.Members.Where(member => member.Type.IsList && member.Type.ItemWireName is not null))
        {
            _wrappedListReaders.Add(member, names.New("Read" + member.PropertyName + "Xml"));
        }
    }

    /// <summary>Writes the XML reader as a <c>partial class</c> of the structure, into the structure's file.</summary>
    public static void EmitPart(SourceWriter writer, ShapeUnit unit, NameAllocator names, string parser)
        => new XmlReaderEmitter(unit, names).EmitClassPart(writer, parser);

    private void EmitClassPart(SourceWriter writer, string parser)
    {
        var name = _unit.Name;
        writer.Line("// Reads " + name + " from XML.");
        using (writer.Block("partial class " + name))
        {
            EmitEntryPoints(writer, name, parser);
            writer.Line();
            EmitElementReader(writer);
            foreach (var member in _wrappedListReaders.Keys)
            {
                writer.Line();
                EmitWrappedListReader(writer, member);
            }
        }
    }

    /// <summary>The public entry points: each a forward to the type's <c>ResponseParser</c> in the runtime.</summary>
    private void EmitEntryPoints(SourceWriter writer, string name, string parser)
        => EntryPointEmitter.Emit(writer, name, parser, _names, "/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed, has a DTD, or a value has the wrong kind.</exception>", new[]
        {
            new EntryPoint("Parses " + name + " from an XML stream; the encoding comes from its byte order mark or declaration.", TypeSurfaces.Shape.ParseXml, Stream, "xml", "The stream; it is not closed."),
            new EntryPoint("Parses " + name + " from XML text.", TypeSurfaces.Shape.ParseXml, "string", "xml", "The whole document."),
            new EntryPoint("Parses " + name + " from an XML stream, read asynchronously to its end first.", TypeSurfaces.Shape.ParseXmlAsync, Stream, "xml", "The stream; it is not closed.", IsAsync: true),
        });

    private void EmitElementReader(SourceWriter writer)
    {
        var name = _unit.Name;
        var scope = _names.NewScope();
        var reader = scope.New("reader");
        var options = scope.New("options");
        var result = scope.New("result");
        var unknownMembers = scope.New("unknownMembers");
        var member = scope.New("member");
        var item = scope.New("item");
        var exception = scope.New("exception");
        var lists = _unit.Members.Where(m => m.Type.IsList).ToDictionary(m => m, m => scope.New("list" + m.PropertyName));
        var maps = _unit.Members.Where(m => m.Type.IsMap).ToDictionary(m => m, m => scope.New("map" + m.PropertyName));
        var valueReader = scope.New("valueReader");
        var valueOptions = scope.New("valueOptions");

        // Empty items are skipped, so a bare list's count is not the element's index: it has its own.
        var indexes = lists.Keys.Where(m => m.Type.ItemWireName is null).ToDictionary(m => m, m => scope.New("index" + m.PropertyName));

        writer.Doc("Reads one " + name + " from the element the reader is on, and moves past it; null for <c>xsi:nil</c>.");
        writer.Line("/// <param name=\"" + reader + "\">The reader, on the element's start tag.</param>");
        writer.Line("/// <param name=\"" + options + "\">The depth limit.</param>");
        using (writer.Block("internal static " + name + "? " + TypeSurfaces.Shape.ReadXml + "(" + ReaderType + " " + reader + ", " + OptionsType + " " + options + ")"))
        {
            // xsi:nil stands for an absent structure, as JSON's null does.
            writer.Line("if (" + Xml + ".SkipNil(" + reader + ")) return null;");
            writer.Line("var " + result + " = new " + name + "();");
            writer.Line(UnknownList + " " + unknownMembers + " = default;");
            foreach (var list in lists)
            {
                writer.Line("global::Bindings.Serialization.ListBuilder<" + EmitterHelpers.ElementType(list.Key.Type, _unit.Namespace) + "> " + list.Value + " = default;");
                if (indexes.TryGetValue(list.Key, out var index))
                {
                    writer.Line("var " + index + " = 0;");
                }
            }

            foreach (var map in maps)
            {
                writer.Line(EmitterHelpers.PropertyType(map.Key.Type, _unit.Namespace) + "? " + map.Value + " = null;");
            }

            writer.Line("var " + member + " = string.Empty;");
            using (writer.Block("try"))
            {
                // The element's attributes, and elements of other namespaces, are kept as unknown members.
                using (writer.Block("if (" + Xml + ".StartElement(" + reader + ", " + options + ", string.Empty, ref " + unknownMembers + "))"))
                {
                    writer.Line("// " + member + " names the element being read, for the path of an error; it is cleared between elements.");
                    using (writer.Block("for (; " + Xml + ".NextChildElement(" + reader + ", " + options + ", string.Empty, ref " + unknownMembers + "); " + member + " = string.Empty)"))
                    {
                        writer.Line(member + " = " + reader + ".LocalName;");
                        using (writer.Block("switch (" + member + ")"))
                        {
                            foreach (var candidate in _unit.Members)
                            {
                                writer.Line("case " + SourceWriter.Literal(candidate.WireName) + ":");
                                writer.Indent();
                                // A member given twice is refused (either value could be the one meant); the
                                // repeated elements of a list without a wrapper are its items.
                                if (candidate.Type.IsMap)
                                {
                                    // The runtime reads the entries; the lambda reads one value (it captures nothing, so it is allocated once).
                                    writer.Line("if (" + maps[candidate] + " is object) throw " + Xml + ".Duplicate(" + reader + ");");
                                    writer.Line(maps[candidate] + " = " + Xml + "." + (candidate.Type.IsValueType ? "ReadValueMap<" : "ReadMap<") + EmitterHelpers.ElementType(candidate.Type, _unit.Namespace)
                                        + ">(" + reader + ", " + options + ", " + SourceWriter.Literal(candidate.WireName) + ", (" + ReaderType + " " + valueReader + ", " + OptionsType + " " + valueOptions + ") => "
                                        + ReadValue(candidate.Type, valueReader, valueOptions) + ", ref " + unknownMembers + ");");
                                }
                                else if (!candidate.Type.IsList)
                                {
                                    writer.Line("if (" + result + "." + candidate.PropertyName + " is object) throw " + Xml + ".Duplicate(" + reader + ");");
                                    writer.Line(result + "." + candidate.PropertyName + " = " + ReadValue(candidate.Type, reader, options) + ";");
                                }
                                else if (_wrappedListReaders.TryGetValue(candidate, out var method))
                                {
                                    writer.Line("if (" + lists[candidate] + ".IsStarted) throw " + Xml + ".Duplicate(" + reader + ");");
                                    writer.Line(method + "(" + reader + ", " + options + ", ref " + lists[candidate] + ", ref " + unknownMembers + ");");
                                }
                                else
                                {
                                    // A bare list: every element with the member's name is one item.
                                    var list = lists[candidate];
                                    writer.Line(list + ".Start();");
                                    using (writer.Block("try"))
                                    {
                                        EmitAddItem(writer, candidate, reader, options, list, item);
                                    }

                                    EmitCatch(writer, exception, ".WithinItem(" + indexes[candidate] + ")");
                                    writer.Line();
                                    writer.Line(indexes[candidate] + "++;");
                                }

                                writer.Line("break;");
                                writer.Outdent();
                            }

                            writer.Line("default:");
                            writer.Indent();
                            writer.Line(Xml + ".KeepUnknown(" + reader + ", " + member + ", " + options + ", ref " + unknownMembers + ");");
                            writer.Line("break;");
                            writer.Outdent();
                        }
                    }
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

    private void EmitWrappedListReader(SourceWriter writer, MemberModel list)
    {
        var element = EmitterHelpers.ElementType(list.Type, _unit.Namespace);
        var builder = "global::Bindings.Serialization.ListBuilder<" + element + ">";
        var itemName = list.Type.ItemWireName!;
        var scope = _names.NewScope();
        var reader = scope.New("reader");
        var options = scope.New("options");
        var items = scope.New("items");
        var unknownMembers = scope.New("unknownMembers");
        var index = scope.New("index");
        var item = scope.New("item");
        var exception = scope.New("exception");
        writer.Doc("Reads the " + SourceWriter.Escape(list.WireName) + " list: <c>&lt;" + SourceWriter.Escape(list.WireName) + "&gt;</c> holding repeated <c>&lt;"
            + SourceWriter.Escape(itemName) + "&gt;</c> elements.");
        using (writer.Block("private static void " + _wrappedListReaders[list] + "(" + ReaderType + " " + reader + ", " + OptionsType + " " + options + ", ref " + builder + " " + items + ", ref " + UnknownList + " " + unknownMembers + ")"))
        {
            writer.Line(items + ".Start();");
            // The wrapper's attributes are kept as "{list}@{name}", elements of other namespaces as "{list}.{prefix:name}".
            writer.Line("if (!" + Xml + ".StartElement(" + reader + ", " + options + ", " + SourceWriter.Literal(list.WireName) + ", ref " + unknownMembers + ")) return;");
            writer.Line("// Empty items are skipped, so the list's count is not the element's index.");
            writer.Line("var " + index + " = " + items + ".Count;");
            using (writer.Block("while (" + Xml + ".NextChildElement(" + reader + ", " + options + ", " + SourceWriter.Literal(list.WireName + ".") + ", ref " + unknownMembers + "))"))
            {
                using (writer.Block("if (" + reader + ".LocalName != " + SourceWriter.Literal(itemName) + ")"))
                {
                    writer.Line(Xml + ".KeepUnknown(" + reader + ", " + SourceWriter.Literal(list.WireName + ".") + " + " + reader + ".LocalName, " + options + ", ref " + unknownMembers + ");");
                    writer.Line("continue;");
                }

                writer.Line();
                using (writer.Block("try"))
                {
                    EmitAddItem(writer, list, reader, options, items, item);
                }

                EmitCatch(writer, exception, ".WithinItem(" + index + ").Within(" + SourceWriter.Literal(itemName) + ")");
                writer.Line();
                writer.Line(index + "++;");
            }
        }
    }

    private void EmitAddItem(SourceWriter writer, MemberModel list, string reader, string options, string items, string item)
    {
        // An item marked xsi:nil carries nothing; skipping it keeps the list free of nulls.
        writer.Line("var " + item + " = " + ReadValue(list.Type, reader, options) + ";");
        writer.Line(list.Type.IsValueType
            ? "if (" + item + ".HasValue) " + items + ".Add(" + item + ".Value);"
            : "if (" + item + " is object) " + items + ".Add(" + item + ");");
    }

    /// <summary>An expression that reads one element's value and moves past the element.</summary>
    private string ReadValue(MemberType type, string reader, string options) => type.Kind switch
    {
        ValueKind.Enum => Xml + ".ReadEnum<" + EmitterHelpers.ElementType(type, _unit.Namespace) + ">(" + reader + ")",
        ValueKind.Shape => EmitterHelpers.ElementType(type, _unit.Namespace) + "." + TypeSurfaces.Shape.ReadXml + "(" + reader + ", " + options + ")",
        ValueKind.Raw => Xml + "." + type.BuiltIn!.XmlReader + "(" + reader + ", " + options + ")",
        ValueKind.DateTime when type.DateFormat is { } format => Xml + "." + type.BuiltIn!.XmlReader + "(" + reader + ", " + DateTimeFormats.Expression(format) + ")",
        _ => Xml + "." + type.BuiltIn!.XmlReader + "(" + reader + ")",
    };

    /// <summary>The catch that turns what a read can throw into the parse error, with the path segment <paramref name="within"/> added.</summary>
    private static void EmitCatch(SourceWriter writer, string exception, string within)
    {
        using (writer.Block("catch (global::System.Exception " + exception + ") when (" + Xml + ".IsReadError(" + exception + "))"))
        {
            writer.Line("throw " + Xml + ".AsParseError(" + exception + ")" + within + ";");
        }
    }
}
