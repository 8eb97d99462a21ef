using System.Linq;
using System.Text;

namespace Bindings.Generator.Emitting;

/// <summary>
/// UTF-8 constants for generated code that must compile at C# 8 (no <c>u8</c> literals): a
/// <c>ReadOnlySpan&lt;byte&gt;</c> property over a constant array, which the compiler stores in the
/// assembly's data instead of allocating.
/// </summary>
internal static class Utf8Bytes
{
    public static void Property(SourceWriter writer, string propertyName, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        writer.Line("// " + SourceWriter.Literal(text));
        writer.Line("private static global::System.ReadOnlySpan<byte> " + propertyName + " => new byte[] { " + string.Join(", ", bytes.Select(b => b.ToString())) + " };");
    }

    public static int Length(string text) => Encoding.UTF8.GetByteCount(text);

    public static string Equal(string span, string propertyName)
        => "global::System.MemoryExtensions.SequenceEqual(" + span + ", " + propertyName + ")";
}
