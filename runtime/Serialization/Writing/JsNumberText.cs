using System;
using System.Globalization;
using System.Text;

namespace Bindings.Serialization;

/// <summary>
/// Numbers as the official SDK writes them: it is JavaScript underneath (<c>toString()</c> and
/// <c>JSON.stringify</c>), so a double is its shortest round-trip digits laid out by ECMAScript's
/// <c>Number::toString</c> (plain up to 21 integer digits and down to 1e-6, else <c>1e+21</c>,
/// <c>1.5e-7</c>). Always invariant: never <c>25,5</c>.
/// </summary>
internal static class JsNumberText
{
    /// <summary>The text of a double; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> as JavaScript prints them.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0"; // -0 too, as in JavaScript
        }

        // "R" is the shortest round-trip form on .NET Core 3.0 and later: "1E+21", "1.5E-07", "123.45".
        return Layout(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The text of a decimal: its exact digits without trailing zeros, laid out as JavaScript lays out a number.</summary>
    public static string Format(decimal value) => value == 0 ? "0" : Layout(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>True for a double that JSON cannot hold (JSON.stringify writes <c>null</c> for it).</summary>
    public static bool IsJsonNull(double value) => double.IsNaN(value) || double.IsInfinity(value);

    // Takes invariant text ("-123.4500", "1.5E-07") and lays its significant digits out by Number::toString.
    private static string Layout(string invariant)
    {
        var negative = invariant[0] == '-';
        var start = negative ? 1 : 0;
        var exponentAt = invariant.IndexOfAny(new[] { 'E', 'e' });
        var mantissaEnd = exponentAt < 0 ? invariant.Length : exponentAt;
        var exponent = exponentAt < 0 ? 0 : int.Parse(invariant.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var digits = new StringBuilder(mantissaEnd - start);
        var pointAt = -1;
        for (var i = start; i < mantissaEnd; i++)
        {
            if (invariant[i] == '.')
            {
                pointAt = digits.Length;
            }
            else
            {
                digits.Append(invariant[i]);
            }
        }

        // n: the position of the decimal point relative to the first digit (value = 0.d1d2... x 10^n).
        var n = (pointAt < 0 ? digits.Length : pointAt) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits.Remove(0, leading);
        n -= leading;
        var k = digits.Length;
        while (k > 1 && digits[k - 1] == '0')
        {
            k--;
        }

        digits.Length = k;
        var text = new StringBuilder(k + 8);
        if (negative)
        {
            text.Append('-');
        }

        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits.ToString(0, n)).Append('.').Append(digits.ToString(n, k - n));
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits.ToString(1, k - 1));
            }

            text.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
