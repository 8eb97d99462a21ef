using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

/// <summary>Signature V1 properties that no published example covers.</summary>
public class RpcSignatureV1Tests
{
    private const string Secret = "S3cr3t-Never-Print-Me-0123456789";
    private const string Token = "CAIS-sts-token-value";
    private static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly KeyValuePair<string, string>[] Operation =
    [
        new("Action", "DescribeBackupTasks"),
        new("Version", "2014-08-15"),
        new("DBInstanceId", "rm-uf6wjk5xxxxxxx"),
        new("BackupMode", "Automated"),
    ];

    [Fact]
    public void Canonicalization_leaves_out_the_signature_and_keeps_empty_values()
    {
        KeyValuePair<string, string>[] parameters = [new("b", ""), new("Signature", "abc="), new("a", "1")];

        Assert.Equal("a=1&b=", RpcSignatureV1.CanonicalizeQuery(parameters));
    }

    [Fact]
    public void Canonicalization_sorts_by_ordinal_so_upper_case_names_come_first()
    {
        KeyValuePair<string, string>[] parameters = [new("b", "4"), new("a", "3"), new("B", "2"), new("A", "1")];

        Assert.Equal("A=1&B=2&a=3&b=4", RpcSignatureV1.CanonicalizeQuery(parameters));
    }

    [Fact]
    public void Canonicalization_sorts_by_the_encoded_names()
    {
        // Raw, "a~" (0x7E) sorts before "aé" (0xE9); encoded, "a%C3%A9" sorts before "a~".
        KeyValuePair<string, string>[] parameters = [new("a~", "1"), new("aé", "2")];

        Assert.Equal("a%C3%A9=2&a~=1", RpcSignatureV1.CanonicalizeQuery(parameters));
    }

    [Fact]
    public void Canonicalization_encodes_names_and_values_and_the_string_to_sign_encodes_them_again()
    {
        KeyValuePair<string, string>[] parameters = [new("Tag.1.Key", "备份 任务"), new("Name", "a*b")];

        var query = RpcSignatureV1.CanonicalizeQuery(parameters);

        Assert.Equal("Name=a%2Ab&Tag.1.Key=%E5%A4%87%E4%BB%BD%20%E4%BB%BB%E5%8A%A1", query);
        Assert.Equal(
            "POST&%2F&Name%3Da%252Ab%26Tag.1.Key%3D%25E5%25A4%2587%25E4%25BB%25BD%2520%25E4%25BB%25BB%25E5%258A%25A1",
            RpcSignatureV1.BuildStringToSign("POST", query));
    }

    [Fact]
    public void Sign_adds_every_common_parameter_sorted_with_the_signature_last()
    {
        var signed = RpcSignatureV1.Sign("GET", Operation, new AlibabaCloudCredentials("LTAI5tExampleId", Secret), Time, "nonce-1", "JSON");

        Assert.Equal(
            ["AccessKeyId", "Action", "BackupMode", "DBInstanceId", "Format", "SignatureMethod", "SignatureNonce",
             "SignatureVersion", "Timestamp", "Version", "Signature"],
            signed.Parameters.Select(p => p.Key));
        var values = signed.Parameters.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("LTAI5tExampleId", values["AccessKeyId"]);
        Assert.Equal("JSON", values["Format"]);
        Assert.Equal("HMAC-SHA1", values["SignatureMethod"]);
        Assert.Equal("1.0", values["SignatureVersion"]);
        Assert.Equal("nonce-1", values["SignatureNonce"]);
        Assert.Equal("2024-05-06T07:08:09Z", values["Timestamp"]);
        Assert.Equal(signed.Signature, values["Signature"]);
        Assert.Equal(RpcSignatureV1.CanonicalizeQuery(signed.Parameters), signed.CanonicalizedQuery);
    }

    [Fact]
    public void Sign_adds_the_security_token_only_for_STS_credentials()
    {
        var permanent = RpcSignatureV1.Sign("GET", Operation, new AlibabaCloudCredentials("LTAI5tExampleId", Secret), Time, "n", "XML");
        var temporary = RpcSignatureV1.Sign("GET", Operation, new AlibabaCloudCredentials("STS.ExampleId", Secret, Token), Time, "n", "XML");

        Assert.DoesNotContain(permanent.Parameters, p => p.Key == "SecurityToken");
        Assert.Contains(new KeyValuePair<string, string>("SecurityToken", Token), temporary.Parameters);
        Assert.Contains("SecurityToken%3D" + Token, temporary.StringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_drops_fractions_of_a_second_from_the_timestamp()
    {
        var signed = RpcSignatureV1.Sign(
            "GET", Operation, new AlibabaCloudCredentials("id", Secret), Time.AddMilliseconds(999), "n", "XML");

        Assert.Contains(new KeyValuePair<string, string>("Timestamp", "2024-05-06T07:08:09Z"), signed.Parameters);
    }

    [Fact]
    public void The_method_is_upper_cased()
    {
        var credentials = new AlibabaCloudCredentials("id", Secret);

        Assert.Equal(
            RpcSignatureV1.Sign("POST", Operation, credentials, Time, "n", "XML").Signature,
            RpcSignatureV1.Sign("post", Operation, credentials, Time, "n", "XML").Signature);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Awkward), MemberType = typeof(CultureScope))]
    public void Signing_does_not_depend_on_the_current_culture(string culture)
    {
        var credentials = new AlibabaCloudCredentials("testid", "testsecret");
        KeyValuePair<string, string>[] operation = [new("Action", "DescribeRegions"), new("Version", "2014-05-26"), new("Id", "iI")];
        var expected = RpcSignatureV1.Sign("get", operation, credentials, Time, "n", "XML");

        using var scope = new CultureScope(culture);
        var actual = RpcSignatureV1.Sign("get", operation, credentials, Time, "n", "XML");

        Assert.Equal(expected.StringToSign, actual.StringToSign);
        Assert.Equal(expected.Signature, actual.Signature);
        Assert.Contains("Timestamp%3D2024-05-06T07%253A08%253A09Z", actual.StringToSign, StringComparison.Ordinal);
    }

    public static TheoryData<string, KeyValuePair<string, string>[]> InvalidOperations => new()
    {
        { "no Action", [new("Version", "2014-08-15")] },
        { "no Version", [new("Action", "DescribeBackupTasks")] },
        { "repeated name", [.. Operation, new("BackupMode", "Manual")] },
        { "common parameter", [.. Operation, new("Timestamp", "2024-01-01T00:00:00Z")] },
        { "signature", [.. Operation, new("Signature", "x")] },
        { "empty name", [.. Operation, new("", "x")] },
        { "null value", [.. Operation, new("ClientToken", null!)] },
    };

    [Theory]
    [MemberData(nameof(InvalidOperations))]
    public void Sign_rejects_invalid_operation_parameters_without_revealing_the_secret(
        string reason, KeyValuePair<string, string>[] operation)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => RpcSignatureV1.Sign("GET", operation, new AlibabaCloudCredentials("id", Secret), Time, "n", "XML"));

        Assert.Equal("operationParameters", error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("", "n", "XML", "httpMethod")]
    [InlineData("GET&", "n", "XML", "httpMethod")]
    [InlineData("GET", "", "XML", "nonce")]
    [InlineData("GET", "n", " ", "format")]
    public void Sign_rejects_empty_or_malformed_arguments(string method, string nonce, string format, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => RpcSignatureV1.Sign(method, Operation, new AlibabaCloudCredentials("id", Secret), Time, nonce, format));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeSignature_rejects_an_empty_secret()
    {
        Assert.Equal("accessKeySecret", Assert.ThrowsAny<ArgumentException>(() => RpcSignatureV1.ComputeSignature("x", "")).ParamName);
    }

    [Fact]
    public void Nothing_the_signer_returns_contains_the_secret()
    {
        var signed = RpcSignatureV1.Sign("GET", Operation, new AlibabaCloudCredentials("id", Secret, Token), Time, "n", "XML");

        Assert.DoesNotContain(Secret, signed.StringToSign, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, signed.CanonicalizedQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, signed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(signed.Parameters, p => p.Value.Contains(Secret, StringComparison.Ordinal));
    }
}
