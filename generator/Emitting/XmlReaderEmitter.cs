using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a structure's XML reader: the public entry points and one forward pass over <c>XmlReader</c>.
/// Child elements may come in any order; a list is a run of repeated elements, so one element is a
/// list of one.
/// </summary>
internal static class XmlReaderEmitter
{
    private const string Xml = "global::Bindings.Serialization.XmlParsing";
    private const string Reader = "global::System.Xml.XmlReader reader";
    private const string Options = "global::Bindings.ResponseParseOptions options";
    private const string UnknownList = "global::Bindings.Serialization.ListBuilder<global::Bindings.UnknownMember>";
    private const string Buffering = "global::Bindings.Serialization.StreamBuffering";

    /// <summary>Writes the XML reader as a <c>partial class</c> of the structure, into the structure's file.</summary>
    public static void EmitPart(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        writer.Line("// Reads " + name + " from XML.");
        using (writer.Block("partial class " + name))
        {
            EmitEntryPoints(writer, unit);
            writer.Line();
            EmitElementReader(writer, unit);
            foreach (var member in unit.Members.Where(member => member.Type.IsList && member.Type.ItemWireName is not null))
            {
                writer.Line();
                EmitWrappedListReader(writer, unit, member);
            }
        }
    }

    private static void EmitEntryPoints(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        const string Exception = "/// <exception cref=\"global::Bindings.ResponseParseException\">The document is malformed, has a DTD, or a value has the wrong kind.</exception>";
        writer.Doc("Parses " + name + " from an XML stream; the encoding comes from its byte order mark or declaration.");
        writer.Line("/// <param name=\"xml\">The stream; it is not closed.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line(Exception);
        using (writer.Block("public static " + name + " ParseXml(global::System.IO.Stream xml, global::Bindings.ResponseParseOptions? options = null)"))
        {
            writer.Line("var effective = options ?? global::Bindings.ResponseParseOptions.Default;");
            writer.Line("var buffer = " + Buffering + ".ReadAll(xml, effective, global::Bindings.WireFormat.Xml, " + SourceWriter.Literal(name) + ", out var length);");
            EmitBufferParse(writer, name);
        }

        writer.Line();
        writer.Doc("Parses " + name + " from XML text.");
        writer.Line("/// <param name=\"xml\">The whole document.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line(Exception);
        using (writer.Block("public static " + name + " ParseXml(string xml, global::Bindings.ResponseParseOptions? options = null)"))
        {
            writer.Line("var effective = options ?? global::Bindings.ResponseParseOptions.Default;");
            using (writer.Block("try"))
            {
                writer.Line("using var reader = " + Xml + ".CreateReader(xml, effective);");
                writer.Line("return ReadXmlDocument(reader, effective);");
            }

            using (writer.Block("catch (global::System.Exception exception) when (" + Xml + ".IsReadError(exception))"))
            {
                writer.Line("throw " + Xml + ".Fail(exception, " + SourceWriter.Literal(name) + ");");
            }
        }

        writer.Line();
        writer.Doc("Parses " + name + " from an XML stream, read asynchronously to its end first.");
        writer.Line("/// <param name=\"xml\">The stream; it is not closed.</param>");
        writer.Line("/// <param name=\"options\">Limits on depth and size; the defaults when null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the read.</param>");
        writer.Line(Exception);
        using (writer.Block("public static async global::System.Threading.Tasks.Task<" + name + "> ParseXmlAsync(global::System.IO.Stream xml, global::Bindings.ResponseParseOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            writer.Line("var effective = options ?? global::Bindings.ResponseParseOptions.Default;");
            writer.Line("var (buffer, length) = await " + Buffering + ".ReadAllAsync(xml, effective, global::Bindings.WireFormat.Xml, " + SourceWriter.Literal(name) + ", cancellationToken).ConfigureAwait(false);");
            EmitBufferParse(writer, name);
        }

        writer.Line();
        using (writer.Block("private static " + name + " ReadXmlDocument(" + Reader + ", " + Options + ")"))
        {
            // An operation's response is <ActionResponse>; a structure has no element name of its own.
            writer.Line(Xml + ".MoveToRoot(reader, " + (unit.OperationName is null ? "null" : SourceWriter.Literal(name)) + ");");
            writer.Line("var result = ReadXml(reader, options)!; // MoveToRoot refused a nil root");
            writer.Line(Xml + ".ReadDocumentEnd(reader);");
            writer.Line("return result;");
        }
    }

    // Parses the bytes that the stream entry points read first (outside the try, so that the stream's own
    // exceptions reach the caller as they are), and gives the buffer back.
    private static void EmitBufferParse(SourceWriter writer, string name)
    {
        using (writer.Block("try"))
        {
            writer.Line("using var reader = " + Xml + ".CreateReader(buffer, length, effective);");
            writer.Line("return ReadXmlDocument(reader, effective);");
        }

        using (writer.Block("catch (global::System.Exception exception) when (" + Xml + ".IsReadError(exception))"))
        {
            writer.Line("throw " + Xml + ".Fail(exception, " + SourceWriter.Literal(name) + ");");
        }

        using (writer.Block("finally"))
        {
            writer.Line(Buffering + ".Return(buffer);");
        }
    }

    private static void EmitElementReader(SourceWriter writer, ShapeUnit unit)
    {
        var name = unit.Name;
        writer.Doc("Reads one " + name + " from the element the reader is on, and moves past it; null for <c>xsi:nil</c>.");
        writer.Line("/// <param name=\"reader\">The reader, on the element's start tag.</param>");
        writer.Line("/// <param name=\"options\">The depth limit.</param>");
        using (writer.Block("internal static " + name + "? ReadXml(" + Reader + ", " + Options + ")"))
        {
            writer.Line("if (" + Xml + ".SkipNil(reader)) return null;");
            writer.Line("var result = new " + name + "();");
            writer.Line(UnknownList + " unknownMembers = default;");
            foreach (var member in unit.Members.Where(member => member.Type.IsList))
            {
                writer.Line("global::Bindings.Serialization.ListBuilder<" + EmitterHelpers.ElementType(member.Type, unit.Namespace) + "> " + ListLocal(member) + " = default;");
                if (member.Type.ItemWireName is null)
                {
                    // Empty items are skipped, so the list's count is not the element's index.
                    writer.Line("var " + IndexLocal(member) + " = 0;");
                }
            }

            writer.Line("var member = string.Empty;");
            using (writer.Block("try"))
            {
                using (writer.Block("if (" + Xml + ".StartElement(reader, options, string.Empty, ref unknownMembers))"))
                {
                    writer.Line("// member names the element being read, for the path of an error; it is cleared between elements.");
                    using (writer.Block("for (; " + Xml + ".NextChildElement(reader, options, string.Empty, ref unknownMembers); member = string.Empty)"))
                    {
                        writer.Line("member = reader.LocalName;");
                        using (writer.Block("switch (member)"))
                        {
                            foreach (var member in unit.Members)
                            {
                                writer.Line("case " + SourceWriter.Literal(member.WireName) + ":");
                                using (writer.Block(string.Empty))
                                {
                                    EmitMemberRead(writer, unit, member);
                                    writer.Line("break;");
                                }

                            }

                            writer.Line("default:");
                            writer.Indent();
                            writer.Line(Xml + ".KeepUnknown(reader, member, options, ref unknownMembers);");
                            writer.Line("break;");
                            writer.Outdent();
                        }
                    }
                }
            }

            using (writer.Block("catch (global::System.Exception exception) when (" + Xml + ".IsReadError(exception))"))
            {
                writer.Line("throw " + Xml + ".AsParseError(exception).Within(member);");
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

    private static void EmitMemberRead(SourceWriter writer, ShapeUnit unit, MemberModel member)
    {
        // A member given twice is refused (either value could be the one meant); the repeated elements of a
        // list without a wrapper are its items.
        if (!member.Type.IsList)
        {
            writer.Line("if (result." + member.PropertyName + " is object) throw " + Xml + ".Duplicate(reader);");
            writer.Line("result." + member.PropertyName + " = " + ReadValue(member.Type, unit.Namespace) + ";");
            return;
        }

        if (member.Type.ItemWireName is not null)
        {
            writer.Line("if (" + ListLocal(member) + ".IsStarted) throw " + Xml + ".Duplicate(reader);");
            writer.Line("Read" + member.PropertyName + "Xml(reader, options, ref " + ListLocal(member) + ", ref unknownMembers);");
            return;
        }

        // A bare list: every element with the member's name is one item.
        writer.Line(ListLocal(member) + ".Start();");
        using (writer.Block("try"))
        {
            EmitAddItem(writer, member, unit.Namespace, ListLocal(member));
        }

        using (writer.Block("catch (global::System.Exception exception) when (" + Xml + ".IsReadError(exception))"))
        {
            writer.Line("throw " + Xml + ".AsParseError(exception).WithinItem(" + IndexLocal(member) + ");");
        }

        writer.Line();
        writer.Line(IndexLocal(member) + "++;");
    }

    private static void EmitWrappedListReader(SourceWriter writer, ShapeUnit unit, MemberModel member)
    {
        var element = EmitterHelpers.ElementType(member.Type, unit.Namespace);
        var list = "global::Bindings.Serialization.ListBuilder<" + element + ">";
        var itemName = member.Type.ItemWireName!;
        writer.Doc("Reads the " + member.WireName + " list: <c>&lt;" + member.WireName + "&gt;</c> holding repeated <c>&lt;" + itemName + "&gt;</c> elements.");
        using (writer.Block("private static void Read" + member.PropertyName + "Xml(" + Reader + ", " + Options + ", ref " + list + " items, ref " + UnknownList + " unknownMembers)"))
        {
            writer.Line("items.Start();");
            writer.Line("if (!" + Xml + ".StartElement(reader, options, " + SourceWriter.Literal(member.WireName) + ", ref unknownMembers)) return;");
            writer.Line("// Empty items are skipped, so the list's count is not the element's index.");
            writer.Line("var index = items.Count;");
            using (writer.Block("while (" + Xml + ".NextChildElement(reader, options, " + SourceWriter.Literal(member.WireName + ".") + ", ref unknownMembers))"))
            {
                using (writer.Block("if (reader.LocalName != " + SourceWriter.Literal(itemName) + ")"))
                {
                    writer.Line(Xml + ".KeepUnknown(reader, " + SourceWriter.Literal(member.WireName + ".") + " + reader.LocalName, options, ref unknownMembers);");
                    writer.Line("continue;");
                }

                writer.Line();
                using (writer.Block("try"))
                {
                    EmitAddItem(writer, member, unit.Namespace, "items");
                }

                using (writer.Block("catch (global::System.Exception exception) when (" + Xml + ".IsReadError(exception))"))
                {
                    writer.Line("throw " + Xml + ".AsParseError(exception).WithinItem(index).Within(" + SourceWriter.Literal(itemName) + ");");
                }

                writer.Line();
                writer.Line("index++;");
            }
        }
    }

    private static void EmitAddItem(SourceWriter writer, MemberModel member, string ns, string list)
    {
        // An item marked xsi:nil carries nothing; skipping it keeps the list free of nulls.
        writer.Line("var item = " + ReadValue(member.Type, ns) + ";");
        writer.Line(member.Type.IsValueType ? "if (item.HasValue) " + list + ".Add(item.Value);" : "if (item is object) " + list + ".Add(item);");
    }

    /// <summary>An expression that reads one element's value and moves past the element.</summary>
    private static string ReadValue(MemberType type, string ns) => type.Kind switch
    {
        ValueKind.String => Xml + ".ReadString(reader)",
        ValueKind.Int32 => Xml + ".ReadInt32(reader)",
        ValueKind.Int64 => Xml + ".ReadInt64(reader)",
        ValueKind.Boolean => Xml + ".ReadBoolean(reader)",
        ValueKind.Double => Xml + ".ReadDouble(reader)",
        ValueKind.Decimal => Xml + ".ReadDecimal(reader)",
        ValueKind.DateTime => Xml + ".ReadDateTime(reader)",
        ValueKind.Enum => Xml + ".ReadToken(reader) is string token ? " + EmitterHelpers.ElementType(type, ns) + ".FromWireValue(token) : (" + EmitterHelpers.ElementType(type, ns) + "?)null",
        _ => EmitterHelpers.ElementType(type, ns) + ".ReadXml(reader, options)",
    };

    private static string ListLocal(MemberModel member) => "list" + member.PropertyName;

    private static string IndexLocal(MemberModel member) => "index" + member.PropertyName;
}
