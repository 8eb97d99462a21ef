using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

public class AlibabaPercentEncodingTests
{
    // Known answer: aliyun/aliyun-openapi-java-sdk,
    // aliyun-java-sdk-core/src/test/java/com/aliyuncs/auth/AcsURLEncoderTest.java (percentEncodeReturnNormal).
    [Fact]
    public void Matches_the_Java_SDK_percent_encode_test()
    {
        Assert.Equal(
            "123abc%21%40%23%24%25%5E%26%2A%28%29-%3D_%2B%20~%7C%5C%2F",
            AlibabaPercentEncoding.Encode("123abc!@#$%^&*()-=_+ ~|\\/"));
    }

    // Known answer: aliyun/aliyun-openapi-net-sdk,
    // aliyun-net-sdk-core.Tests/Units/Auth/AcsURLEncoder.cs (PercentEncode).
    [Fact]
    public void Matches_the_dotnet_SDK_percent_encode_test()
    {
        Assert.Equal(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%21%40%23%24%25%5E%26%2A%28%29",
            AlibabaPercentEncoding.Encode(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!@#$%^&*()"));
    }

    // Known answer: AlibabaCloudDocs/ecs, "intl.en-US/API Reference/Getting started/Request signatures.md",
    // example 1 step 1, where the Timestamp parameter is sent as 2016-02-23T12%3A46%3A24Z.
    [Fact]
    public void Matches_the_ECS_documentation_timestamp_encoding()
    {
        Assert.Equal("2016-02-23T12%3A46%3A24Z", AlibabaPercentEncoding.Encode("2016-02-23T12:46:24Z"));
    }

    // No published answer covers every byte, so each ASCII character is checked against the rule.
    [Fact]
    public void Keeps_exactly_the_unreserved_ASCII_characters_and_encodes_the_rest_in_upper_case_hex()
    {
        const string unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        for (var c = (char)0; c < 128; c++)
        {
            var expected = unreserved.Contains(c) ? c.ToString() : "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture);
            Assert.Equal(expected, AlibabaPercentEncoding.Encode(c.ToString()));
        }
    }

    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("+", "%2B")]
    [InlineData("/", "%2F")]
    [InlineData("\"", "%22")]
    [InlineData("a b+c*d~e/f", "a%20b%2Bc%2Ad~e%2Ff")]
    public void Encodes_the_characters_that_form_encoders_get_wrong(string value, string expected)
    {
        Assert.Equal(expected, AlibabaPercentEncoding.Encode(value));
    }

    [Theory]
    [InlineData("阿里云", "%E9%98%BF%E9%87%8C%E4%BA%91")]
    [InlineData("バックアップ", "%E3%83%90%E3%83%83%E3%82%AF%E3%82%A2%E3%83%83%E3%83%97")]
    [InlineData("ÿ", "%C3%BF")]
    [InlineData("İ", "%C4%B0")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("rm-阿😀~", "rm-%E9%98%BF%F0%9F%98%80~")]
    public void Encodes_non_ASCII_text_as_UTF8_bytes(string value, string expected)
    {
        Assert.Equal(expected, AlibabaPercentEncoding.Encode(value));
    }

    // Not [InlineData]: xUnit's serialization of theory data replaces lone surrogates before the
    // test sees them, so the inputs are built here.
    [Fact]
    public void Encodes_a_lone_surrogate_as_the_replacement_character()
    {
        Assert.Equal("%EF%BF%BD", AlibabaPercentEncoding.Encode("\uD800"));
        Assert.Equal("a%EF%BF%BDb", AlibabaPercentEncoding.Encode("a\uDC00b"));
        Assert.Equal("x%EF%BF%BD", AlibabaPercentEncoding.Encode("x\uD83D"));
        Assert.Equal("%EF%BF%BD%EF%BF%BD", AlibabaPercentEncoding.Encode("\uDE00\uD83D"));
        Assert.True(char.IsLowSurrogate("\uDE00\uD83D"[0]) && char.IsHighSurrogate("\uDE00\uD83D"[1]));
    }

    [Fact]
    public void Returns_the_same_instance_when_nothing_needs_encoding()
    {
        var value = "DescribeBackupTasks-2014_08.15~";
        Assert.Same(value, AlibabaPercentEncoding.Encode(value));
        Assert.Same(string.Empty, AlibabaPercentEncoding.Encode(string.Empty));
    }

    // Long values take the pooled-buffer path; random text (with surrogates, valid or not) must
    // match a byte-by-byte reference built on Encoding.UTF8.
    [Fact]
    public void Agrees_with_a_byte_by_byte_reference_on_random_text_of_every_length()
    {
        var random = new Random(20140815);
        const string alphabet = "aZ09-_.~ !*'()&=+/%:?#[]@é阿ア\uD83D\uDE00\uD800\uDC00";
        for (var length = 0; length < 700; length += 7)
        {
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Reference(text), AlibabaPercentEncoding.Encode(text));
        }
    }

    [Theory]
    [MemberData(nameof(CultureScope.Awkward), MemberType = typeof(CultureScope))]
    public void Does_not_depend_on_the_current_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        Assert.Equal("iI%C4%B0%C4%B1%3A", AlibabaPercentEncoding.Encode("iIİı:"));
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => AlibabaPercentEncoding.Encode(null!));
    }

    private static string Reference(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
