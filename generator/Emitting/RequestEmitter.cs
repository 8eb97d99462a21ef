using System.Globalization;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits an operation's request: typed parameters, validation that names the offending parameter, and
/// the wire parameters in invariant-culture text for a signer to consume.
/// </summary>
internal static class RequestEmitter
{
    private const string Invalid = "global::Bindings.RequestValidationException";
    private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";

    /// <summary>Writes the request type into a file whose namespace is open.</summary>
    /// <param name="accessibility">The type's accessibility: that of the operation's unit.</param>
    public static void EmitInto(SourceWriter writer, RequestUnit unit, string accessibility)
    {
        var name = unit.TypeName;
        var names = NameAllocator.Seeded(TypeSurfaces.Request.Members.Add(name).Concat(unit.Parameters.Select(parameter => parameter.PropertyName)));
        writer.Summary(unit.Description, "The request of " + unit.OperationName + ".");
        writer.Remarks(
            "Sent as <c>Action=" + unit.OperationName + "</c>, <c>Version=" + unit.Version + "</c>; the response is",
            "<see cref=\"global::" + unit.Namespace + "." + unit.ResponseTypeName + "\"/>.");
        writer.Line(EmitterHelpers.GeneratedCodeAttribute);
        var bodyInterface = unit.Parameters.Any(parameter => parameter.InBody) ? ", global::Bindings.IRpcBodyParameters" : string.Empty;
        using (writer.Block(accessibility + " sealed partial class " + name + " : global::Bindings.IRpcRequest" + bodyInterface))
        {
            foreach (var parameter in unit.Parameters)
            {
                EmitterHelpers.MemberDocumentation(writer, parameter, isRead: false);
                writer.Line("public " + ParameterType(parameter.Type, unit.Namespace) + " " + parameter.PropertyName + " { get; set; }");
                writer.Line();
            }

            writer.Line("string global::Bindings.IRpcRequest.Action => " + SourceWriter.Literal(unit.OperationName) + ";");
            writer.Line();
            writer.Line("string global::Bindings.IRpcRequest.Version => " + SourceWriter.Literal(unit.Version) + ";");
            writer.Line();
            writer.Line("bool global::Bindings.IRpcRequest.IsReadOnly => " + (unit.ReadOnly ? "true" : "false") + ";");
            writer.Line();
            EmitValidate(writer, unit, names.NewScope());
            writer.Line();
            if (bodyInterface.Length > 0)
            {
                EmitSplitWriteParameters(writer, unit, names.NewScope());
            }
            else
            {
                EmitWriteParameters(writer, unit, names.NewScope());
            }
        }
    }

    private static string ParameterType(MemberType type, string ns)
        => type.IsList || type.IsMap ? EmitterHelpers.PropertyType(type, ns) + "?" : EmitterHelpers.PropertyType(type, ns);

    private static void EmitValidate(SourceWriter writer, RequestUnit unit, NameAllocator scope)
    {
        writer.Doc("Checks required parameters and documented constraints before anything is sent.");
        writer.Line("/// <exception cref=\"" + Invalid + "\">A parameter is missing or breaks a constraint; the exception names it.</exception>");
        using (writer.Block("public void " + TypeSurfaces.Request.Validate + "()"))
        {
            var operation = SourceWriter.Literal(unit.OperationName);
            string? i = null;
            foreach (var parameter in unit.Parameters)
            {
                var property = parameter.PropertyName;
                var wire = SourceWriter.Literal(parameter.WireName);
                var type = parameter.Type;
                var isEnum = type.Kind == ValueKind.Enum;
                var isText = type.BuiltIn?.IsText == true;
                if (parameter.Required)
                {
                    // Blank text names nothing, and default(enum) has no wire text: both are missing.
                    var missing = type.IsList || type.IsMap
                        ? property + " is null || " + property + ".Count == 0"
                        : isEnum
                            ? "!" + property + ".HasValue || " + property + ".Value." + TypeSurfaces.Enum.WireValue + ".Length == 0"
                            : type.IsValueType
                                ? "!" + property + ".HasValue"
                                : isText
                                    ? "string.IsNullOrWhiteSpace(" + property + ")"
                                    : type.Kind == ValueKind.String
                                        ? "string.IsNullOrEmpty(" + property + ")"
                                        : property + " is null";
                    writer.Line("if (" + missing + ") throw new " + Invalid + "(" + operation + ", " + wire + ", \"is required\");");
                }

                if (type.DateFormat is { } format && !type.IsList && !type.IsMap)
                {
                    // A value the format cannot carry (seconds in a minutes format, a time before 1970 in Unix time) is refused, never cut.
                    var problem = scope.New("problem");
                    writer.Line("if (" + property + ".HasValue && global::Bindings.Serialization.DateTimeText.Problem(" + property + ".Value, " + DateTimeFormats.Expression(format)
                        + ") is string " + problem + ") throw new " + Invalid + "(" + operation + ", " + wire + ", " + problem + ");");
                }

                if (isEnum && !type.IsList && !type.IsMap)
                {
                    writer.Line("if (" + property + ".HasValue && " + property + ".Value." + TypeSurfaces.Enum.WireValue + ".Length == 0) throw new " + Invalid + "(" + operation + ", " + wire + ", " + UnsetEnum + ");");
                }
                else if (isEnum && type.IsList)
                {
                    i ??= scope.New("i");
                    writer.Line("if (" + property + " is object) for (var " + i + " = 0; " + i + " < " + property + ".Count; " + i + "++) if (" + property + "[" + i + "]." + TypeSurfaces.Enum.WireValue
                        + ".Length == 0) throw new " + Invalid + "(" + operation + ", " + wire + ", " + UnsetEnum + ");");
                }

                if (isText && !type.IsList && !type.IsMap && IsIdentifier(parameter))
                {
                    writer.Line("if (" + property + " is object && global::Bindings.Serialization.WireText.HasControlCharacter(" + property + ")) throw new " + Invalid + "(" + operation + ", " + wire + ", \"must not contain control characters\");");
                }

                EmitConstraints(writer, parameter, operation, wire);
            }
        }
    }

    private const string UnsetEnum = "\"is an unset value (default) with no wire text: set a value or leave it null\"";

    // An identifier (DBInstanceId, RegionId, ResourceGroupIds, ClientToken) names something; a control
    // character in it is a copy-and-paste accident or an injection, never part of a real name.
    private static bool IsIdentifier(MemberModel parameter)
        => parameter.IsIdempotencyToken
           || parameter.WireName.EndsWith("Id", System.StringComparison.Ordinal)
           || parameter.WireName.EndsWith("Ids", System.StringComparison.Ordinal)
           || parameter.WireName.EndsWith("Token", System.StringComparison.Ordinal);

    private static void EmitConstraints(SourceWriter writer, MemberModel parameter, string operation, string wire)
    {
        var constraints = parameter.Constraints;
        if (constraints.IsEmpty)
        {
            return;
        }

        var property = parameter.PropertyName;
        using (writer.Block(parameter.Type.IsValueType ? "if (" + property + ".HasValue)" : "if (" + property + " is object)"))
        {
            if (constraints.MinLength is { } minLength)
            {
                writer.Line("if (" + property + ".Length < " + minLength + ") throw new " + Invalid + "(" + operation + ", " + wire + ", \"must be at least " + minLength + " characters long\");");
            }

            if (constraints.MaxLength is { } maxLength)
            {
                writer.Line("if (" + property + ".Length > " + maxLength + ") throw new " + Invalid + "(" + operation + ", " + wire + ", \"must be at most " + maxLength + " characters long (it has \" + " + property + ".Length + \")\");");
            }

            if (constraints.AsciiOnly)
            {
                writer.Line("if (!global::Bindings.Serialization.WireText.IsAscii(" + property + ")) throw new " + Invalid + "(" + operation + ", " + wire + ", \"must contain ASCII characters only\");");
            }

            // For a floating-point type, "not at least" rather than "less than", so that NaN, which compares
            // false with everything, is rejected too.
            var isDouble = parameter.Type.BuiltIn!.IsFloatingPoint;
            if (constraints.Minimum is { } minimum)
            {
                var bound = NumberLiteral(minimum, parameter.Type.BuiltIn);
                var broken = isDouble ? "!(" + property + ".Value >= " + bound + ")" : property + ".Value < " + bound;
                writer.Line("if (" + broken + ") throw new " + Invalid + "(" + operation + ", " + wire + ", \"must be at least " + minimum.ToString(CultureInfo.InvariantCulture) + "\");");
            }

            if (constraints.Maximum is { } maximum)
            {
                var bound = NumberLiteral(maximum, parameter.Type.BuiltIn);
                var broken = isDouble ? "!(" + property + ".Value <= " + bound + ")" : property + ".Value > " + bound;
                writer.Line("if (" + broken + ") throw new " + Invalid + "(" + operation + ", " + wire + ", \"must be at most " + maximum.ToString(CultureInfo.InvariantCulture) + "\");");
            }
        }
    }

    private static string NumberLiteral(decimal value, BuiltInType type) => value.ToString(CultureInfo.InvariantCulture) + type.LiteralSuffix;

    private static void EmitWriteParameters(SourceWriter writer, RequestUnit unit, NameAllocator scope)
    {
        var parameters = scope.New("parameters");
        var wireWriter = scope.New("writer");
        writer.Doc("Adds <c>Action</c>, <c>Version</c> and every parameter that is set, by wire name, as the official SDK writes it.");
        writer.Line("/// <param name=\"" + parameters + "\">Where to add them; the signer adds the common parameters.</param>");
        using (writer.Block("public void " + TypeSurfaces.Request.WriteParameters + "(global::System.Collections.Generic.ICollection<" + Pair + "> " + parameters + ")"))
        {
            writer.Line("if (" + parameters + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(parameters) + ");");
            writer.Line(parameters + ".Add(new " + Pair + "(\"Action\", " + SourceWriter.Literal(unit.OperationName) + "));");
            writer.Line(parameters + ".Add(new " + Pair + "(\"Version\", " + SourceWriter.Literal(unit.Version) + "));");
            if (unit.Parameters.Count == 0)
            {
                return;
            }

            // Repeat lists, flat structures, JSON text and joined lists are written by the runtime, one call each.
            writer.Line("var " + wireWriter + " = new global::Bindings.Serialization.RpcParameterWriter(" + parameters + ");");
            foreach (var parameter in unit.Parameters)
            {
                writer.Line(WireWriterEmitter.Statement(wireWriter, parameter, unit.Namespace, parameter.PropertyName, scope.NewScope()));
            }
        }
    }

    /// <summary>
    /// For a request with <c>position: body</c> parameters (<c>IRpcBodyParameters</c>): the parameters split
    /// as the official SDK splits them, query and form body, and the one-collection form over it.
    /// </summary>
    private static void EmitSplitWriteParameters(SourceWriter writer, RequestUnit unit, NameAllocator scope)
    {
        var parameters = scope.New("parameters");
        writer.Doc("Adds <c>Action</c>, <c>Version</c> and every parameter that is set, by wire name, as the official SDK writes it, query and body parameters together.");
        writer.Line("/// <param name=\"" + parameters + "\">Where to add them; the signer adds the common parameters.</param>");
        using (writer.Block("public void " + TypeSurfaces.Request.WriteParameters + "(global::System.Collections.Generic.ICollection<" + Pair + "> " + parameters + ")"))
        {
            writer.Line("if (" + parameters + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(parameters) + ");");
            writer.Line(TypeSurfaces.Request.WriteParameters + "(" + parameters + ", " + parameters + ");");
        }

        writer.Line();
        var query = scope.New("query");
        var body = scope.New("body");
        var queryWriter = scope.New("writer");
        var bodyWriter = scope.New("bodyWriter");
        writer.Doc("Adds <c>Action</c>, <c>Version</c> and the query parameters that are set to the query, and the <c>position: body</c> ones to the body, as the official SDK splits them.");
        writer.Line("/// <param name=\"" + query + "\">Where the parameters of the URL query go.</param>");
        writer.Line("/// <param name=\"" + body + "\">Where the parameters of the form body go.</param>");
        using (writer.Block("public void " + TypeSurfaces.Request.WriteParameters + "(global::System.Collections.Generic.ICollection<" + Pair + "> " + query
            + ", global::System.Collections.Generic.ICollection<" + Pair + "> " + body + ")"))
        {
            writer.Line("if (" + query + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(query) + ");");
            writer.Line("if (" + body + " is null) throw new global::System.ArgumentNullException(" + SourceWriter.Literal(body) + ");");
            writer.Line(query + ".Add(new " + Pair + "(\"Action\", " + SourceWriter.Literal(unit.OperationName) + "));");
            writer.Line(query + ".Add(new " + Pair + "(\"Version\", " + SourceWriter.Literal(unit.Version) + "));");
            var hasQuery = unit.Parameters.Any(parameter => !parameter.InBody);
            if (hasQuery)
            {
                writer.Line("var " + queryWriter + " = new global::Bindings.Serialization.RpcParameterWriter(" + query + ");");
            }

            writer.Line("var " + bodyWriter + " = new global::Bindings.Serialization.RpcParameterWriter(" + body + ");");
            foreach (var parameter in unit.Parameters)
            {
                writer.Line(WireWriterEmitter.Statement(parameter.InBody ? bodyWriter : queryWriter, parameter, unit.Namespace, parameter.PropertyName, scope.NewScope()));
            }
        }

        writer.Line();
        var name = scope.New("name");
        var isBody = unit.Parameters.Where(parameter => parameter.InBody).Select(parameter => name + " == " + SourceWriter.Literal(parameter.WireName));
        writer.Line("bool global::Bindings.IRpcBodyParameters.IsBodyParameter(string " + name + ") => " + string.Join(" || ", isBody) + ";");
    }
}
