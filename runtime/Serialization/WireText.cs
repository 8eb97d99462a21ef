using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Bindings.Serialization;

/// <summary>
/// Text forms of wire values, always in the invariant culture: the official SDK formats 25.5 as "25,5"
/// under a German locale, which the service then rejects or misreads.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireText
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    };

    /// <summary>Decodes UTF-8 text (replacing invalid bytes), on every target framework.</summary>
    public static string FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        unsafe
        {
            fixed (byte* bytes = utf8)
            {
                return Encoding.UTF8.GetString(bytes, utf8.Length);
            }
        }
    }

    /// <summary>Decodes text known to be ASCII (every byte below 0x80), which needs no UTF-8 decoder.</summary>
    internal static string FromAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty)
        {
            return string.Empty;
        }

#if NET8_0_OR_GREATER
        return Encoding.Latin1.GetString(ascii);
#else
        unsafe
        {
            fixed (byte* bytes = ascii)
            {
                return Encoding.ASCII.GetString(bytes, ascii.Length);
            }
        }
#endif
    }

    /// <summary>The wire text of an integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The wire text of a long integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The wire text of a decimal, without exponent.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The wire text of a double that reads back to the same value.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The wire text of a boolean: <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>The wire text of a date and time: UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Format(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a decimal in invariant form, exponent allowed.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> utf8, out decimal value)
    {
        if (TryParsePlainDecimal(utf8, out value))
        {
            return true;
        }

        if (Utf8Parser.TryParse(utf8, out value, out var consumed) && consumed == utf8.Length)
        {
            return true;
        }

        return Utf8Parser.TryParse(utf8, out value, out consumed, 'E') && consumed == utf8.Length;
    }

    /// <summary>Parses a double in invariant form.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value)
        => Utf8Parser.TryParse(utf8, out value, out var consumed) && consumed == utf8.Length;

    /// <summary>Parses <c>true</c>/<c>false</c> in any case, or <c>1</c>/<c>0</c>.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<byte> utf8, out bool value)
    {
        if (utf8.Length == 1 && (utf8[0] == (byte)'1' || utf8[0] == (byte)'0'))
        {
            value = utf8[0] == (byte)'1';
            return true;
        }

        if (utf8.Length == 4 && (utf8[0] | 0x20) == 't' && (utf8[1] | 0x20) == 'r' && (utf8[2] | 0x20) == 'u' && (utf8[3] | 0x20) == 'e')
        {
            value = true;
            return true;
        }

        if (utf8.Length == 5 && (utf8[0] | 0x20) == 'f' && (utf8[1] | 0x20) == 'a' && (utf8[2] | 0x20) == 'l' && (utf8[3] | 0x20) == 's' && (utf8[4] | 0x20) == 'e')
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Parses an ISO 8601 date and time; without an offset it is UTC.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
        => TryParseCommonDateTime(utf8, out value) || TryParseDateTime(FromUtf8(utf8), out value);

    /// <summary>
    /// The forms the service sends, <c>yyyy-MM-ddTHH:mm:ssZ</c>, <c>yyyy-MM-ddTHH:mmZ</c> and <c>yyyy-MM-dd</c>
    /// with ASCII digits, read without <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>,
    /// whose pattern matching cost more than reading the rest of a backup set (a third of a DescribeBackups
    /// parse). False for anything else, and for every value of those forms that the general parser would
    /// refuse (month 13, a day the month lacks, hour 24, second 60): that parser then decides, so the result
    /// is the same either way (tests compare the two on every form and on damaged ones).
    /// </summary>
    private static bool TryParseCommonDateTime(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        int hour = 0, minute = 0, second = 0;
        if (utf8.Length == 20)
        {
            if (utf8[16] != (byte)':' || utf8[19] != (byte)'Z' || !TryTwoDigits(utf8, 17, out second))
            {
                return false;
            }
        }
        else if (utf8.Length == 17)
        {
            if (utf8[16] != (byte)'Z')
            {
                return false;
            }
        }
        else if (utf8.Length != 10)
        {
            return false;
        }

        if (utf8.Length > 10
            && (utf8[10] != (byte)'T' || utf8[13] != (byte)':' || !TryTwoDigits(utf8, 11, out hour) || !TryTwoDigits(utf8, 14, out minute)))
        {
            return false;
        }

        if (utf8[4] != (byte)'-' || utf8[7] != (byte)'-'
            || !TryTwoDigits(utf8, 0, out var century) || !TryTwoDigits(utf8, 2, out var yearOfCentury)
            || !TryTwoDigits(utf8, 5, out var month) || !TryTwoDigits(utf8, 8, out var day))
        {
            return false;
        }

        var year = (century * 100) + yearOfCentury;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryTwoDigits(ReadOnlySpan<byte> utf8, int start, out int value)
    {
        var tens = (uint)(utf8[start] - '0');
        var ones = (uint)(utf8[start + 1] - '0');
        value = (int)((tens * 10) + ones);
        return tens <= 9 && ones <= 9;
    }

    /// <summary>Parses an ISO 8601 date and time; without an offset it is UTC.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParseExact(
            text,
            DateTimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    /// <summary>Parses an integer in invariant form.</summary>
    public static bool TryParseInt32(string text, out int value)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a long integer in invariant form.</summary>
    public static bool TryParseInt64(string text, out long value)
        => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a decimal in invariant form, exponent allowed.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
        => TryParsePlainDecimal(text.AsSpan(), out value)
           || decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The common case of a decimal, quickly: up to 19 digits with at most one point between digits
    /// (<c>25</c>, <c>37.5</c>, <c>007.10</c>). The result is the one the general parsers give, scale
    /// included (<c>1.50</c> keeps two decimals); anything else (a sign, an exponent, white space, more
    /// digits) returns false and is left to them.
    /// </summary>
    public static bool TryParsePlainDecimal(ReadOnlySpan<byte> utf8, out decimal value)
    {
        value = default;
        if (utf8.IsEmpty || utf8.Length > 20)
        {
            return false;
        }

        ulong mantissa = 0;
        var scale = -1;
        for (var i = 0; i < utf8.Length; i++)
        {
            var digit = (uint)(utf8[i] - '0');
            if (digit <= 9)
            {
                mantissa = unchecked((mantissa * 10) + digit);
                scale += scale >= 0 ? 1 : 0;
            }
            else if (utf8[i] == '.' && scale < 0 && i > 0 && i < utf8.Length - 1)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        return PlainDecimal(mantissa, utf8.Length, scale, out value);
    }

    /// <summary>The same as <see cref="TryParsePlainDecimal(ReadOnlySpan{byte}, out decimal)"/>, over UTF-16 text.</summary>
    public static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = default;
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }

        ulong mantissa = 0;
        var scale = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = unchecked((mantissa * 10) + digit);
                scale += scale >= 0 ? 1 : 0;
            }
            else if (text[i] == '.' && scale < 0 && i > 0 && i < text.Length - 1)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        return PlainDecimal(mantissa, text.Length, scale, out value);
    }

    private static bool PlainDecimal(ulong mantissa, int length, int scale, out decimal value)
    {
        // 19 digits always fit in 64 bits; with 20 the mantissa may have wrapped.
        var digits = scale >= 0 ? length - 1 : length;
        if (digits > 19)
        {
            value = default;
            return false;
        }

        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, false, (byte)(scale >= 0 ? scale : 0));
        return true;
    }

    /// <summary>Parses a double in invariant form.</summary>
    public static bool TryParseDouble(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses <c>true</c>/<c>false</c> in any case, or <c>1</c>/<c>0</c>.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "1":
                value = true;
                return true;
            case "0":
                value = false;
                return true;
        }

        return bool.TryParse(text, out value);
    }

    /// <summary>
    /// Reads an integer written as an integral decimal (<c>4762614.0</c>, <c>4.762614E6</c>), which integer
    /// parsers refuse: the value is kept when it is a whole number within <paramref name="min"/> and
    /// <paramref name="max"/>; otherwise the result says truly why not.
    /// </summary>
    internal static IntegerText ParseIntegralDecimal(string text, long min, long max, out long value)
    {
        value = 0;
        const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var number))
        {
            if (decimal.Truncate(number) != number)
            {
                return IntegerText.Fractional;
            }

            if (number < min || number > max)
            {
                return IntegerText.OutOfRange;
            }

            value = (long)number;
            return IntegerText.Integer;
        }

        // Too large for a decimal, but a number all the same (1e400): out of range, not "not a number".
        return double.TryParse(text, Decimal, CultureInfo.InvariantCulture, out _) ? IntegerText.OutOfRange : IntegerText.NotANumber;
    }

    /// <summary>What <see cref="ParseIntegralDecimal"/> found, as the end of a reason: "expected a 64-bit integer, found ...".</summary>
    internal static string Describe(IntegerText found) => found switch
    {
        IntegerText.Fractional => "a number with a fractional part",
        IntegerText.OutOfRange => "a number out of its range",
        _ => "text that is not a number",
    };

    /// <summary>
    /// The white space around an enum, a number, a boolean or a date, in both formats: the four characters
    /// XML calls white space. Other characters (a no-break space) are part of the value.
    /// </summary>
    internal static ReadOnlySpan<byte> TrimWhiteSpace(ReadOnlySpan<byte> utf8)
    {
        var start = 0;
        var end = utf8.Length;
        while (start < end && IsWhiteSpace(utf8[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(utf8[end - 1]))
        {
            end--;
        }

        return start == 0 && end == utf8.Length ? utf8 : utf8.Slice(start, end - start);
    }

    /// <summary>The same as <see cref="TrimWhiteSpace(ReadOnlySpan{byte})"/>, for characters.</summary>
    internal static ReadOnlySpan<char> TrimWhiteSpace(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    /// <summary>The same as <see cref="TrimWhiteSpace(ReadOnlySpan{byte})"/>, for text.</summary>
    internal static string TrimWhiteSpace(string text)
        => text.Length > 0 && (IsWhiteSpace(text[0]) || IsWhiteSpace(text[text.Length - 1])) ? text.Trim(XmlWhiteSpace) : text;

    private static readonly char[] XmlWhiteSpace = { ' ', '\t', '\r', '\n' };

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>True when the text holds a control character (U+0000 to U+001F, U+007F to U+009F).</summary>
    public static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every character is ASCII.</summary>
    public static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What an integer member's text turned out to be.</summary>
internal enum IntegerText
{
    /// <summary>A whole number in range.</summary>
    Integer,

    /// <summary>A number with a non-zero fractional part.</summary>
    Fractional,

    /// <summary>A number, whole or not, beyond the member's range.</summary>
    OutOfRange,

    /// <summary>Not a number at all.</summary>
    NotANumber,
}
