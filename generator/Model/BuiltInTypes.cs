using System.Collections.Immutable;
using System.Linq;

namespace Bindings.Generator.Model;

/// <summary>Which constraints a built-in type may carry in a request.</summary>
[System.Flags]
internal enum ConstraintKinds
{
    None = 0,

    /// <summary><c>minLength</c>, <c>maxLength</c>, <c>ascii</c>.</summary>
    Length = 1,

    /// <summary><c>minimum</c>, <c>maximum</c>.</summary>
    Range = 2,
}

/// <summary>
/// One built-in member type: its name in a spec, and everything the generator does differently for it.
/// The spec reader, the resolver, the emitters and the runtime's read and format helpers all take their
/// behaviour from here; tests check the JSON schema's lists and the runtime's helpers against it.
/// </summary>
/// <param name="SpecName">The name a spec writes (<c>type: integer</c>).</param>
/// <param name="Kind">The kind the model carries.</param>
/// <param name="CSharpType">The C# type of one value (never nullable).</param>
/// <param name="IsValueType">True for a struct: its property is <c>T?</c> over a field and a presence bit.</param>
/// <param name="JsonReader">The <c>JsonParsing</c> method that reads one value (<c>ReadInt32(ref Utf8JsonReader)</c>).</param>
/// <param name="XmlReader">The <c>XmlParsing</c> method that reads one element (<c>ReadInt32(XmlReader)</c>).</param>
/// <param name="WireFormatter">The <c>WireText</c> method that writes a request value, or null when the value is its own text.</param>
/// <param name="Constraints">What a request parameter of this type may be constrained by.</param>
/// <param name="LiteralSuffix">What a bound's C# literal ends with (<c>L</c>, <c>m</c>, <c>d</c>).</param>
/// <param name="WholeRange">For integral types, the range a bound must be a whole number within.</param>
/// <param name="IsFloatingPoint">True when NaN exists, so bounds are checked as "not at least" rather than "less than".</param>
/// <param name="IsText">
/// True for text: a required parameter that is empty or white space is missing (it names nothing), and an
/// identifier's value (<c>DBInstanceId</c>, <c>ClientToken</c>) may not hold control characters.
/// </param>
/// <param name="Description">How the spec format describes it.</param>
internal sealed record BuiltInType(
    string SpecName,
    ValueKind Kind,
    string CSharpType,
    bool IsValueType,
    string JsonReader,
    string XmlReader,
    string? WireFormatter,
    ConstraintKinds Constraints,
    string LiteralSuffix,
    (decimal Minimum, decimal Maximum)? WholeRange,
    bool IsFloatingPoint,
    bool IsText,
    string Description);

/// <summary>The table of built-in member types, and the name of the one collection a spec has.</summary>
internal static class BuiltInTypes
{
    /// <summary><c>type: list</c> with <c>items</c>: many values of one type.</summary>
    public const string List = "list";

    /// <summary><c>type: map</c> with <c>items</c>: values of one type by string key.</summary>
    public const string Map = "map";

    public static readonly ImmutableArray<BuiltInType> All = ImmutableArray.Create(
        new BuiltInType("string", ValueKind.String, "string", false, "ReadString", "ReadString", null, ConstraintKinds.Length, "", null, false, true, "text"),
        new BuiltInType("integer", ValueKind.Int32, "int", true, "ReadInt32", "ReadInt32", "Format", ConstraintKinds.Range, "", (int.MinValue, int.MaxValue), false, false, "a 32-bit integer"),
        new BuiltInType("long", ValueKind.Int64, "long", true, "ReadInt64", "ReadInt64", "Format", ConstraintKinds.Range, "L", (long.MinValue, long.MaxValue), false, false, "a 64-bit integer"),
        new BuiltInType("boolean", ValueKind.Boolean, "bool", true, "ReadBoolean", "ReadBoolean", "Format", ConstraintKinds.None, "", null, false, false, "true or false"),
        new BuiltInType("double", ValueKind.Double, "double", true, "ReadDouble", "ReadDouble", "Format", ConstraintKinds.Range, "d", null, true, false, "a binary floating-point number"),
        new BuiltInType("decimal", ValueKind.Decimal, "decimal", true, "ReadDecimal", "ReadDecimal", "Format", ConstraintKinds.Range, "m", null, false, false, "a decimal number"),
        new BuiltInType("datetime", ValueKind.DateTime, "global::System.DateTimeOffset", true, "ReadDateTime", "ReadDateTime", "Format", ConstraintKinds.None, "", null, false, false, "an ISO 8601 date and time (UTC)"),
        new BuiltInType("any", ValueKind.Raw, "global::Bindings.RawValue", false, "ReadRaw", "ReadRaw", null, ConstraintKinds.None, "", null, false, false, "a value kept as it was sent (JSON text, or outer XML)"));

    /// <summary>The names a spec may write as a type, <c>list</c> and <c>map</c> last: for the schema and for BND003's message.</summary>
    public static readonly string SpecNames = string.Join(", ", All.Select(type => type.SpecName)) + ", " + List + ", " + Map;

    /// <summary>The built-in type a spec names so, or null (an enum's or a shape's name, or a mistake).</summary>
    public static BuiltInType? Find(string specName)
    {
        foreach (var type in All)
        {
            if (type.SpecName == specName)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The built-in type of a kind; null for <see cref="ValueKind.Enum"/> and <see cref="ValueKind.Shape"/>.</summary>
    public static BuiltInType? Of(ValueKind kind)
    {
        foreach (var type in All)
        {
            if (type.Kind == kind)
            {
                return type;
            }
        }

        return null;
    }
}
