using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Bindings.Serialization;

namespace Bindings.Tests.Parsing;

/// <summary>The fast path for plain decimals gives exactly what the general parsers give, scale included.</summary>
public class PlainDecimalTests
{
    public static TheoryData<string> Samples => new()
    {
        "0", "00", "0.0", "0.00", "1.50", "007.10", "25", "100", "125", "37.5", "99.99",
        "1234567890123456789", "9999999999999999999", "0.000000000000000001", "12345678901234567.8",
        "18446744073709551615", "99999999999999999999", "5.", ".5", "1e2", "-1.5", "+1", " 1", "1 ", "1.2.3", "", ".",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void AgreesWithTheGeneralParsers(string text) => AssertAgrees(text);

    [Fact]
    public void AgreesOnEveryShortString()
    {
        // Every string of up to 5 characters from digits and a point, and many longer ones.
        var alphabet = "0123456789.";
        var random = new Random(7);
        var texts = new List<string>();
        for (var length = 1; length <= 4; length++)
        {
            var count = (int)Math.Pow(alphabet.Length, length);
            for (var n = 0; n < count; n++)
            {
                var chars = new char[length];
                for (int i = 0, rest = n; i < length; i++, rest /= alphabet.Length)
                {
                    chars[i] = alphabet[rest % alphabet.Length];
                }

                texts.Add(new string(chars));
            }
        }

        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(5, 23)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(8) == 0 ? '.' : (char)('0' + random.Next(10));
            }

            texts.Add(new string(chars));
        }

        foreach (var text in texts)
        {
            AssertAgrees(text);
        }
    }

    private static void AssertAgrees(string text)
    {
        var expectedOk = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expectedUtf8Ok = Utf8Parser.TryParse(utf8, out decimal expectedUtf8, out var consumed) && consumed == utf8.Length;

        if (WireText.TryParsePlainDecimal(text.AsSpan(), out var fromChars))
        {
            Assert.True(expectedOk, text);
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(fromChars));
        }

        if (WireText.TryParsePlainDecimal(utf8, out var fromUtf8))
        {
            Assert.True(expectedUtf8Ok, text);
            Assert.Equal(decimal.GetBits(expectedUtf8), decimal.GetBits(fromUtf8));
        }

        // And the public entry points still accept exactly what they accepted.
        Assert.Equal(expectedOk, WireText.TryParseDecimal(text, out var viaString));
        if (expectedOk)
        {
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(viaString));
        }
    }
}
