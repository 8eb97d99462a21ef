using System;
using System.Globalization;
using System.Linq;

namespace Bindings.StandIn.State;

/// <summary>The documented formats of the backup policy's values (<c>ModifyBackupPolicy</c>).</summary>
internal static class Policies
{
    /// <summary>
    /// <c>PreferredBackupPeriod</c>: days of the week (<c>Monday</c> ... <c>Sunday</c>) separated by
    /// commas, each at most once, "at least two days of the week".
    /// </summary>
    public static bool IsPeriod(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var days = text.Split(',');
        return days.Length >= 2
            && days.All(static d => Array.IndexOf(BackupPolicy.Days, d) >= 0)
            && days.Distinct(StringComparer.Ordinal).Count() == days.Length;
    }

    /// <summary><c>PreferredBackupTime</c>: <c>HH:mmZ-HH:mmZ</c> in UTC, the end after the start (the window may pass midnight).</summary>
    public static bool IsBackupWindow(string? text)
    {
        if (text is not { Length: 13 } || text[5] != 'Z' || text[6] != '-' || text[12] != 'Z')
        {
            return false;
        }

        return TryMinutes(text.AsSpan(0, 5), out var start) && TryMinutes(text.AsSpan(7, 5), out var end) && start != end;
    }

    /// <summary>An integer in the invariant culture, within bounds.</summary>
    public static bool TryInt(string text, int minimum, int maximum, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum;

    private static bool TryMinutes(ReadOnlySpan<char> hhmm, out int minutes)
    {
        minutes = 0;
        if (hhmm[2] != ':'
            || !int.TryParse(hhmm[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(hhmm[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
            || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = hours * 60 + mins;
        return true;
    }
}
