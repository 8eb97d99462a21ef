using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bindings.Benchmarks.Alternatives;

/// <summary>
/// System.Text.Json's source generator over the hand-written classes: numbers may come as strings
/// (BackupJobId "4762614", Process "25"), enums by name (the converter is on each enum type),
/// unknown fields skipped.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PlainResponse))]
public sealed partial class PlainJsonContext : JsonSerializerContext
{
}

/// <summary>The System.Text.Json alternatives.</summary>
public static class SystemTextJsonAlternatives
{
    /// <summary>The same settings as <see cref="PlainJsonContext"/>, resolved by reflection at run time.</summary>
    public static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>With the source-generated metadata.</summary>
    public static PlainResponse? ParseSourceGenerated(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, PlainJsonContext.Default.PlainResponse);

    /// <summary>With metadata built by reflection (cached by the options after the first call).</summary>
    public static PlainResponse? ParseReflection(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize<PlainResponse>(utf8Json, ReflectionOptions);
}
