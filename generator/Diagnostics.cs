using System.Collections.Immutable;
using Bindings.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bindings.Generator;

/// <summary>
/// Every diagnostic the generator reports, declared once: a <see cref="DiagnosticInfo"/> carries its
/// descriptor (as System.Text.Json's generator does), and a test holds these against
/// <c>AnalyzerReleases.*.md</c> and the README's table.
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Bindings.Spec";

    public static readonly DiagnosticDescriptor MalformedYaml = new(
        "BND001", "Malformed YAML", "The spec is not valid YAML: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingKey = new(
        "BND002", "Missing required key", "{0} is missing the required key '{1}'", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownType = new(
        "BND003", "Unknown type", "'{0}' is neither a built-in type ({1}) nor an enum or shape declared for {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "BND004", "Duplicate name", "The {0} name '{1}' is declared more than once", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        "BND005", "Not a C# identifier", "'{0}' is not a valid C# identifier for {1}; choose another name or set 'name'", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EmptyEnum = new(
        "BND006", "Enum without values", "The enum '{0}' declares no values", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "BND007", "Unknown key", "'{0}' is not a key of {1}: {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "BND008", "Invalid value", "The value of '{0}' must be {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingApi = new(
        "BND009", "Conflicting API declaration", "The {0} of {1} is '{2}' here but '{3}' in {4}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "BND010", "Unsupported construct", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedName = new(
        "BND011", "Reserved name", "'{0}' cannot be used as {1}: {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "BND999", "Spec could not be processed", "The generator failed on this spec; please report it: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>All of them, for the tests that hold them against the release notes and the README.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        MalformedYaml, MissingKey, UnknownType, DuplicateName, InvalidIdentifier, EmptyEnum, UnknownKey, InvalidValue,
        ConflictingApi, Unsupported, ReservedName, InternalError);

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.Location;
        var lineSpan = new LinePositionSpan(
            new LinePosition(location.Line, location.Column),
            new LinePosition(location.EndLine, location.EndColumn));
        var arguments = new object[info.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.Arguments[i];
        }

        return Diagnostic.Create(info.Descriptor, Location.Create(location.FilePath, default, lineSpan), arguments);
    }
}
