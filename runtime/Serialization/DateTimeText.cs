using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;

namespace Bindings.Serialization;

/// <summary>
/// Dates and times in each <see cref="DateTimeWireFormat"/>: written in the invariant culture and in
/// UTC, read strictly (a value in another shape is refused, never guessed at).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DateTimeText
{
    private const string SpaceSeparatedPattern = "yyyy-MM-dd HH:mm:ss";

    // DateTimeOffset's range in Unix time: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z.
    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>The pattern of a format as the specs and the documentation write it.</summary>
    public static string Pattern(DateTimeWireFormat format) => format switch
    {
        DateTimeWireFormat.Iso8601Seconds => "yyyy-MM-ddTHH:mm:ssZ",
        DateTimeWireFormat.Iso8601Minutes => "yyyy-MM-ddTHH:mmZ",
        DateTimeWireFormat.SpaceSeparated => SpaceSeparatedPattern,
        DateTimeWireFormat.UnixSeconds => "unixSeconds",
        DateTimeWireFormat.UnixMilliseconds => "unixMilliseconds",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Why <paramref name="value"/> cannot be sent in <paramref name="format"/> without losing part of
    /// it (seconds in a minutes format, a fraction in a seconds format, a time before 1970 in Unix
    /// time), or null when it can. Generated <c>Validate()</c> methods refuse such values.
    /// </summary>
    public static string? Problem(DateTimeOffset value, DateTimeWireFormat format)
    {
        var ticks = value.UtcTicks;
        switch (format)
        {
            case DateTimeWireFormat.Iso8601Minutes:
                return ticks % TimeSpan.TicksPerMinute == 0
                    ? null
                    : "has seconds, which yyyy-MM-ddTHH:mmZ cannot carry: give whole minutes";
            case DateTimeWireFormat.Iso8601Seconds:
            case DateTimeWireFormat.SpaceSeparated:
                return ticks % TimeSpan.TicksPerSecond == 0
                    ? null
                    : "has a fraction of a second, which " + Pattern(format) + " cannot carry: give whole seconds";
            case DateTimeWireFormat.UnixSeconds:
                return value < DateTimeOffset.FromUnixTimeSeconds(0)
                    ? "is before 1970-01-01T00:00:00Z, which Unix time here cannot carry"
                    : ticks % TimeSpan.TicksPerSecond == 0 ? null : "has a fraction of a second, which Unix seconds cannot carry: give whole seconds";
            case DateTimeWireFormat.UnixMilliseconds:
                return value < DateTimeOffset.FromUnixTimeSeconds(0)
                    ? "is before 1970-01-01T00:00:00Z, which Unix time here cannot carry"
                    : ticks % TimeSpan.TicksPerMillisecond == 0 ? null : "has a fraction of a millisecond, which Unix milliseconds cannot carry";
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>
    /// The wire text of <paramref name="value"/> in <paramref name="format"/>, in UTC. Precision the
    /// format has no room for is cut off; <see cref="Problem"/> tells beforehand.
    /// </summary>
    public static string Format(DateTimeOffset value, DateTimeWireFormat format)
    {
        var utc = value.UtcDateTime;
        return format switch
        {
            DateTimeWireFormat.Iso8601Seconds => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateTimeWireFormat.Iso8601Minutes => utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            DateTimeWireFormat.SpaceSeparated => utc.ToString(SpaceSeparatedPattern, CultureInfo.InvariantCulture),
            DateTimeWireFormat.UnixSeconds => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            DateTimeWireFormat.UnixMilliseconds => value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>Reads a date and time in <paramref name="format"/> from UTF-8 text (a JSON string's or number's bytes).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, DateTimeWireFormat format, out DateTimeOffset value)
    {
        if (format is DateTimeWireFormat.UnixSeconds or DateTimeWireFormat.UnixMilliseconds)
        {
            value = default;
            return IsPlainInteger(utf8)
                && Utf8Parser.TryParse(utf8, out long number, out var consumed)
                && consumed == utf8.Length
                && TryFromUnix(number, format, out value);
        }

        return format is DateTimeWireFormat.Iso8601Seconds or DateTimeWireFormat.Iso8601Minutes
            ? WireText.TryParseDateTime(utf8, out value)
            : TryParse(WireText.FromUtf8(utf8), format, out value);
    }

    /// <summary>Reads a date and time in <paramref name="format"/> from text.</summary>
    public static bool TryParse(string text, DateTimeWireFormat format, out DateTimeOffset value)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        switch (format)
        {
            case DateTimeWireFormat.Iso8601Seconds:
            case DateTimeWireFormat.Iso8601Minutes:
                return WireText.TryParseDateTime(text, out value);
            case DateTimeWireFormat.SpaceSeparated:
                return DateTimeOffset.TryParseExact(
                    text,
                    SpaceSeparatedPattern,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out value);
            case DateTimeWireFormat.UnixSeconds:
            case DateTimeWireFormat.UnixMilliseconds:
                return TryParse(System.Text.Encoding.UTF8.GetBytes(text), format, out value);
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>What a parse error says was expected, e.g. "a date and time in unixSeconds".</summary>
    public static string Expected(DateTimeWireFormat format) => format switch
    {
        DateTimeWireFormat.Iso8601Seconds or DateTimeWireFormat.Iso8601Minutes => "an ISO 8601 date and time",
        DateTimeWireFormat.SpaceSeparated => "a date and time as yyyy-MM-dd HH:mm:ss",
        DateTimeWireFormat.UnixSeconds => "a Unix time in seconds",
        _ => "a Unix time in milliseconds",
    };

    private static bool TryFromUnix(long number, DateTimeWireFormat format, out DateTimeOffset value)
    {
        var inRange = format == DateTimeWireFormat.UnixSeconds
            ? number >= MinUnixSeconds && number <= MaxUnixSeconds
            : number >= MinUnixSeconds * 1000 && number <= (MaxUnixSeconds * 1000) + 999;
        if (!inRange)
        {
            value = default;
            return false;
        }

        value = format == DateTimeWireFormat.UnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(number)
            : DateTimeOffset.FromUnixTimeMilliseconds(number);
        return true;
    }

    // An optional minus and ASCII digits only: no white space, no '+', no fraction, no exponent.
    private static bool IsPlainInteger(ReadOnlySpan<byte> utf8)
    {
        var start = utf8.Length > 1 && utf8[0] == (byte)'-' ? 1 : 0;
        if (utf8.Length == start || utf8.Length - start > 19)
        {
            return false;
        }

        for (var i = start; i < utf8.Length; i++)
        {
            if ((uint)(utf8[i] - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }
}
