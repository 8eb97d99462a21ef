using System;
using System.Collections.Generic;

namespace Bindings.Generator.Parsing;

/// <summary>The known key a mistyped one was most likely meant to be, for "did you mean 'required'?".</summary>
internal static class NearestKey
{
    /// <summary>
    /// The known key closest to <paramref name="key"/>: one that differs only in case, else the nearest by
    /// edits (a letter added, dropped, changed, or two letters swapped), if it is close enough to be a typo:
    /// at most two edits, and fewer than half the letters. Null when none is.
    /// </summary>
    public static string? Find(string key, IReadOnlyList<string> known)
    {
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= 2 && bestDistance * 2 < Math.Max(key.Length, 1) ? best : null;
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        // Keys are short; a full table is clearer than two rolling rows and costs nothing here.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
