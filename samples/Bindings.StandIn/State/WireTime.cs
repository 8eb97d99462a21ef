using System;
using System.Globalization;

namespace Bindings.StandIn.State;

/// <summary>The time formats of RDS: to the second (<c>yyyy-MM-ddTHH:mm:ssZ</c>) and to the minute (<c>yyyy-MM-ddTHH:mmZ</c>), UTC.</summary>
internal static class WireTime
{
    public const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    public const string MinutesFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    public static string Seconds(DateTimeOffset value) => value.UtcDateTime.ToString(SecondsFormat, CultureInfo.InvariantCulture);

    public static string Minutes(DateTimeOffset value) => value.UtcDateTime.ToString(MinutesFormat, CultureInfo.InvariantCulture);

    public static bool TryParseSeconds(string? text, out DateTimeOffset value) => TryParse(text, SecondsFormat, out value);

    public static bool TryParseMinutes(string? text, out DateTimeOffset value) => TryParse(text, MinutesFormat, out value);

    public static long UnixSeconds(DateTimeOffset value) => value.ToUnixTimeSeconds();

    private static bool TryParse(string? text, string format, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
