using System;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>Validates and normalizes the HTTP method that both signatures start with.</summary>
internal static class HttpMethodName
{
    /// <summary>Returns the method in upper case; throws unless it is a plain ASCII-letter token.</summary>
    /// <remarks>
    /// Servers sign the method as they receive it, which is upper case; "get" would sign a request
    /// the server can never match. A character such as <c>&amp;</c> or a line break would change the
    /// structure of the string to sign, so only letters are accepted.
    /// </remarks>
    public static string Normalize(string httpMethod, string parameterName)
    {
        if (string.IsNullOrEmpty(httpMethod))
        {
            throw new ArgumentException("The HTTP method must not be empty.", parameterName);
        }

        foreach (var c in httpMethod)
        {
            if (!Strings.IsAsciiLetter(c))
            {
                throw new ArgumentException("The HTTP method must consist of ASCII letters only.", parameterName);
            }
        }

        return httpMethod.ToUpperInvariant();
    }
}
