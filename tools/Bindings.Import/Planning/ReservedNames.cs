namespace Bindings.Import.Planning;

/// <summary>
/// The names the generator's emitters declare themselves, which a spec's names must not take (the
/// generator refuses them with BND011, or they clash with a generated type): one home here for the
/// importer, following specs/README.md's "Reserved names". ImportedSpecsBuildTests builds specs with
/// every one of them to keep this list honest.
/// </summary>
internal static class ReservedNames
{
    /// <summary>What every generated type has from object.</summary>
    public static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    /// <summary>Members of generated shape and response types.</summary>
    public static readonly string[] ShapeMembers = ObjectMembers
        .Concat(new[] { "UnknownMembers", "ParseJson", "ParseJsonAsync", "ParseXml", "ParseXmlAsync", "ReadJson", "ReadXml", "ReadXmlDocument", "other", "hash" })
        .ToArray();

    /// <summary>Members of generated request types.</summary>
    public static readonly string[] RequestMembers = ObjectMembers.Concat(new[] { "Validate", "WriteParameters", "parameters", "i" }).ToArray();

    /// <summary>Members of generated enum structs besides one per value.</summary>
    public static readonly string[] EnumMembers = ObjectMembers
        .Concat(new[] { "Unknown", "Kind", "IsKnown", "WireValue", "FromWireValue", "FromUtf8", "wireValue", "utf8", "_wireValue" })
        .ToArray();

    /// <summary>Names a shape or response member cannot have beside a list member <paramref name="list"/>.</summary>
    public static IEnumerable<string> BesideList(string list) => new[] { "Read" + list + "Json", "Read" + list + "JsonItems", "Read" + list + "Xml" };

    /// <summary>Type names the generator gives an operation, a product and an enum.</summary>
    public static IEnumerable<string> TypesOf(string product, IEnumerable<string> operations)
    {
        yield return product + "Client";
        yield return product + "ClientServiceCollectionExtensions";
        foreach (var operation in operations)
        {
            yield return operation + "Request";
            yield return operation + "Response";
        }
    }

    /// <summary>The second type an enum declares.</summary>
    public static string KindOf(string enumName) => enumName + "Kind";

    /// <summary>Whether a shape or response member name starts like the generated JSON name constants.</summary>
    public static bool IsJsonNameConstant(string name) => name.StartsWith("JsonName", StringComparison.Ordinal);
}
