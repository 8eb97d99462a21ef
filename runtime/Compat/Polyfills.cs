#if !NET
using System.Collections.Generic;
using System.Text;

namespace Bindings.Compat;

/// <summary>
/// Instance methods that .NET has and netstandard2.0 lacks, as extension methods of the same shape,
/// so that call sites read the same on both targets. Not compiled for .NET, where the real
/// instance methods win anyway.
/// </summary>
internal static class Polyfills
{
    /// <summary><c>foreach (var (key, value) in pairs)</c>: <c>KeyValuePair.Deconstruct</c> is .NET Core 2.0+.</summary>
    public static void Deconstruct<TKey, TValue>(
        this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }

    /// <summary><c>StringBuilder.AppendJoin(char, IEnumerable&lt;T&gt;)</c> is .NET Core 2.0+.</summary>
    public static StringBuilder AppendJoin(this StringBuilder builder, char separator, IEnumerable<string> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            builder.Append(value);
            first = false;
        }

        return builder;
    }
}
#endif
