using System;
using System.Globalization;

namespace Bindings.Signing;

/// <summary>
/// The timestamp format of the <c>Timestamp</c> parameter (V1) and the <c>x-acs-date</c> header (V3):
/// UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
public static class AlibabaTimestamp
{
    /// <summary>The exact format string, for readers that want to parse it themselves.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Formats <paramref name="timestamp"/> in UTC, whatever its offset.</summary>
    /// <param name="timestamp">The moment to format; fractions of a second are dropped.</param>
    /// <returns>For example <c>2016-02-23T12:46:24Z</c>.</returns>
    public static string ToWireFormat(DateTimeOffset timestamp) =>
        // The invariant culture keeps the Gregorian calendar and ASCII digits whatever the thread's
        // culture is (th-TH would otherwise write the Buddhist year).
        timestamp.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a timestamp in the wire format.</summary>
    /// <param name="text">The received text.</param>
    /// <param name="timestamp">The parsed moment (offset zero), or default when parsing failed.</param>
    /// <returns>Whether <paramref name="text"/> was exactly in the wire format.</returns>
    public static bool TryParse(string? text, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(
            text,
            Format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out timestamp);
}
