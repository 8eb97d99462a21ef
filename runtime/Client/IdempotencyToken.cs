using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// Idempotency tokens (<c>ClientToken</c>): the client fills one in once per call when the caller left
/// it empty, and sends the same one on every retry of that call.
/// </summary>
/// <remarks>
/// To repeat a whole call later (after it failed with a timeout, say) without risk of applying it
/// twice, create a token with <see cref="Create"/>, set it on the request yourself, and send the same
/// request again.
/// </remarks>
public static class IdempotencyToken
{
    /// <summary>Creates a token: a random GUID as 32 lower-case hex characters (ASCII, well under 64).</summary>
    /// <returns>For example <c>0f8fad5bd9cb469fa16570867728950e</c>.</returns>
    public static string Create() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Fills the parameter with a new token when it is present and empty; true when it is present (the
    /// caller's token, or the one filled in), false when it is not there at all.
    /// </summary>
    internal static bool Replace(List<KeyValuePair<string, string>> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Key, name, StringComparison.Ordinal))
            {
                if (string.IsNullOrEmpty(parameters[i].Value))
                {
                    parameters[i] = new KeyValuePair<string, string>(name, Create());
                }

                return true;
            }
        }

        return false;
    }
}
