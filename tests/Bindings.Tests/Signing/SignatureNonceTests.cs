using System.Collections.Generic;
using System.Linq;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

public class SignatureNonceTests
{
    [Fact]
    public void Is_32_lower_case_hex_characters()
    {
        var nonce = SignatureNonce.Create();

        Assert.Equal(32, nonce.Length);
        Assert.All(nonce, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), $"'{c}'"));
    }

    [Fact]
    public void Is_unique_across_ten_thousand_calls()
    {
        var nonces = new HashSet<string>();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(nonces.Add(SignatureNonce.Create()));
        }
    }

    [Fact]
    public void Uses_every_hex_digit_in_every_position_over_many_calls()
    {
        // A crude randomness check: a constant or counter-like nonce would leave positions fixed.
        var nonces = Enumerable.Range(0, 2_000).Select(_ => SignatureNonce.Create()).ToList();
        for (var position = 0; position < 32; position++)
        {
            Assert.Equal(16, nonces.Select(n => n[position]).Distinct().Count());
        }
    }
}
