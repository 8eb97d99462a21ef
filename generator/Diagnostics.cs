using System.Collections.Generic;
using Bindings.Generator.Model;
using Bindings.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bindings.Generator;

/// <summary>The descriptors behind the spec diagnostics, and how a <see cref="DiagnosticInfo"/> becomes one.</summary>
internal static class Diagnostics
{
    private const string Category = "Bindings.Spec";

    public static readonly DiagnosticDescriptor MalformedYaml = new(
        DiagnosticIds.MalformedYaml, "Malformed YAML", "The spec is not valid YAML: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingKey = new(
        DiagnosticIds.MissingKey, "Missing required key", "{0} is missing the required key '{1}'", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownType = new(
        DiagnosticIds.UnknownType, "Unknown type", "'{0}' is neither a built-in type ({1}) nor an enum or shape declared for {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        DiagnosticIds.DuplicateName, "Duplicate name", "The {0} name '{1}' is declared more than once", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        DiagnosticIds.InvalidIdentifier, "Not a C# identifier", "'{0}' is not a valid C# identifier for {1}; choose another name or set 'name'", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EmptyEnum = new(
        DiagnosticIds.EmptyEnum, "Enum without values", "The enum '{0}' declares no values", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        DiagnosticIds.UnknownKey, "Unknown key", "'{0}' is not a key of {1}; it is ignored (known keys: {2})", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        DiagnosticIds.InvalidValue, "Invalid value", "The value of '{0}' must be {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingApi = new(
        DiagnosticIds.ConflictingApi, "Conflicting API declaration", "The {0} of {1} is '{2}' here but '{3}' in {4}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        DiagnosticIds.Unsupported, "Unsupported construct", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedName = new(
        DiagnosticIds.ReservedName, "Reserved name", "'{0}' cannot be used as {1}: {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        DiagnosticIds.InternalError, "Spec could not be processed", "The generator failed on this spec; please report it: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [MalformedYaml.Id] = MalformedYaml,
        [MissingKey.Id] = MissingKey,
        [UnknownType.Id] = UnknownType,
        [DuplicateName.Id] = DuplicateName,
        [InvalidIdentifier.Id] = InvalidIdentifier,
        [EmptyEnum.Id] = EmptyEnum,
        [UnknownKey.Id] = UnknownKey,
        [InvalidValue.Id] = InvalidValue,
        [ConflictingApi.Id] = ConflictingApi,
        [Unsupported.Id] = Unsupported,
        [ReservedName.Id] = ReservedName,
        [InternalError.Id] = InternalError,
    };

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.Location;
        var lineSpan = new LinePositionSpan(
            new LinePosition(location.Line, location.Column),
            new LinePosition(location.EndLine, location.EndColumn));
        var descriptor = ById.TryGetValue(info.Id, out var known) ? known : InternalError;
        var arguments = new object[info.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location.Create(location.FilePath, default, lineSpan), arguments);
    }
}
