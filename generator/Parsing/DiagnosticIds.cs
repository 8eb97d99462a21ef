namespace Bindings.Generator.Parsing;

/// <summary>The stable IDs of the spec diagnostics; the README's table lists them.</summary>
internal static class DiagnosticIds
{
    public const string MalformedYaml = "BND001";
    public const string MissingKey = "BND002";
    public const string UnknownType = "BND003";
    public const string DuplicateName = "BND004";
    public const string InvalidIdentifier = "BND005";
    public const string EmptyEnum = "BND006";
    public const string UnknownKey = "BND007";
    public const string InvalidValue = "BND008";
    public const string ConflictingApi = "BND009";
    public const string Unsupported = "BND010";
    public const string ReservedName = "BND011";
    public const string InternalError = "BND999";
}
