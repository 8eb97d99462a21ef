using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>
/// Encodes and sorts request parameters the way both signature versions need them.
/// </summary>
internal static class CanonicalParameters
{
    /// <summary>
    /// Percent-encodes every name and value, then sorts by encoded name and, for repeated names,
    /// by encoded value, both in ordinal (byte) order.
    /// </summary>
    /// <param name="parameters">The parameters, not yet encoded.</param>
    /// <param name="parameterName">The caller's parameter name, for exception messages.</param>
    /// <param name="excludedName">A name to leave out (V1 leaves out <c>Signature</c>).</param>
    /// <param name="strict">
    /// True on the signing side: an empty name or a null value is a caller bug and throws.
    /// False on the verifying side: what arrived is canonicalized as it is (a null value as empty),
    /// because a server helper must not throw on a stranger's malformed request.
    /// </param>
    /// <remarks>
    /// Sorting the encoded form matches the servers, which compare bytes; sorting by value as well
    /// keeps the result deterministic when a name repeats, instead of depending on input order.
    /// </remarks>
    public static List<KeyValuePair<string, string>> EncodeAndSort(
        IEnumerable<KeyValuePair<string, string>> parameters,
        string parameterName,
        string? excludedName,
        bool strict)
    {
        Guard.ThrowIfNull(parameters, parameterName);

        var encoded = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in parameters)
        {
            if (strict)
            {
                // Only the name goes into the message: a value may be a token.
                if (string.IsNullOrEmpty(name))
                {
                    throw new ArgumentException("A parameter name must not be empty.", parameterName);
                }

                if (value is null)
                {
                    throw new ArgumentException($"The parameter '{name}' has a null value.", parameterName);
                }
            }

            if (string.Equals(name, excludedName, StringComparison.Ordinal))
            {
                continue;
            }

            encoded.Add(new(AlibabaPercentEncoding.Encode(name ?? ""), AlibabaPercentEncoding.Encode(value ?? "")));
        }

        encoded.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return encoded;
    }

    /// <summary>Joins encoded pairs as <c>name=value</c> with <c>&amp;</c> (<c>name=</c> for an empty value).</summary>
    public static string Join(List<KeyValuePair<string, string>> encoded) =>
        string.Join("&", encoded.Select(static p => p.Key + "=" + p.Value));
}
