using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

/// <summary>Signature V3 properties that no published example covers.</summary>
public class AcsSignatureV3Tests
{
    private const string Secret = "S3cr3t-Never-Print-Me-0123456789";
    private const string Token = "CAIS-sts-token-value";
    private static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly KeyValuePair<string, string>[] Operation =
    [
        new("Action", "DescribeBackupTasks"),
        new("Version", "2014-08-15"),
        new("DBInstanceId", "rm-uf6wjk5xxxxxxx"),
        new("ClientToken", ""),
    ];

    [Fact]
    public void Sign_moves_action_and_version_to_headers_and_lists_the_headers_to_set()
    {
        var signed = AcsSignatureV3.Sign("POST", "rds.aliyuncs.com", Operation, [], null, new("LTAI5tExampleId", Secret), Time, "n-1");

        Assert.Equal(["ClientToken", "DBInstanceId"], signed.QueryParameters.Select(p => p.Key));
        Assert.Equal(
            [
                new("host", "rds.aliyuncs.com"),
                new("x-acs-action", "DescribeBackupTasks"),
                new("x-acs-content-sha256", AcsSignatureV3.HashPayload([])),
                new("x-acs-date", "2024-05-06T07:08:09Z"),
                new("x-acs-signature-nonce", "n-1"),
                new("x-acs-version", "2014-08-15"),
                new KeyValuePair<string, string>("Authorization", signed.Authorization),
            ],
            signed.Headers);
        Assert.Contains("\nClientToken=&DBInstanceId=rm-uf6wjk5xxxxxxx\n", signed.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_signs_the_security_token_for_STS_credentials()
    {
        var signed = AcsSignatureV3.Sign("POST", "rds.aliyuncs.com", Operation, [], null, new("STS.ExampleId", Secret, Token), Time, "n");

        Assert.Contains(new KeyValuePair<string, string>("x-acs-security-token", Token), signed.Headers);
        Assert.Equal(
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version",
            signed.SignedHeaders);
        Assert.Contains("\nx-acs-security-token:" + Token + "\n", signed.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_hashes_the_body_and_signs_the_content_type_without_listing_it()
    {
        var body = Encoding.UTF8.GetBytes("DBInstanceId=rm-1&Flag=%E5%A4%87");

        var signed = AcsSignatureV3.Sign(
            "POST", "rds.aliyuncs.com", Operation[..2], body, "application/x-www-form-urlencoded", new("id", Secret), Time, "n");

        Assert.Equal(AcsSignatureV3.HashPayload(body), signed.Headers.Single(h => h.Key == "x-acs-content-sha256").Value);
        Assert.StartsWith("content-type;host;", signed.SignedHeaders, StringComparison.Ordinal);
        Assert.Contains("\ncontent-type:application/x-www-form-urlencoded\n", signed.CanonicalRequest, StringComparison.Ordinal);
        Assert.DoesNotContain(signed.Headers, h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith("\n" + AcsSignatureV3.HashPayload(body), signed.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("", AcsSignatureV3.CanonicalizeQuery(signed.QueryParameters));
    }

    [Fact]
    public void Header_canonicalization_lower_cases_sorts_trims_and_ignores_other_headers()
    {
        var canonical = AcsSignatureV3.CanonicalizeHeaders(
            [
                new("X-Acs-Version", "\t2014-08-15 "),
                new("Content-Type", "application/json"),
                new("Authorization", "ACS3-HMAC-SHA256 ..."),
                new("Accept", "application/json"),
                new("HOST", "rds.aliyuncs.com"),
                new("x-acs-empty", null!),
                new("x-acsfoo", "not a signed header"),
            ],
            out var signedHeaders);

        Assert.Equal("content-type;host;x-acs-empty;x-acs-version", signedHeaders);
        Assert.Equal("content-type:application/json\nhost:rds.aliyuncs.com\nx-acs-empty:\nx-acs-version:2014-08-15\n", canonical);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Awkward), MemberType = typeof(CultureScope))]
    public void Signing_does_not_depend_on_the_current_culture(string culture)
    {
        var credentials = new AlibabaCloudCredentials("id", Secret, Token);
        var expected = AcsSignatureV3.Sign("post", "rds.aliyuncs.com", Operation, [], null, credentials, Time, "n");

        using var scope = new CultureScope(culture);
        var actual = AcsSignatureV3.Sign("post", "rds.aliyuncs.com", Operation, [], null, credentials, Time, "n");
        var headers = AcsSignatureV3.CanonicalizeHeaders([new("X-ACS-SIGNATURE-NONCE", "I")], out var signedHeaders);

        Assert.Equal(expected.CanonicalRequest, actual.CanonicalRequest);
        Assert.Equal(expected.Authorization, actual.Authorization);
        Assert.Equal("x-acs-signature-nonce:I\n", headers);
        Assert.Equal("x-acs-signature-nonce", signedHeaders);
    }

    [Fact]
    public void An_empty_query_canonicalizes_to_an_empty_string_and_an_empty_path_to_a_slash()
    {
        Assert.Equal("", AcsSignatureV3.CanonicalizeQuery([]));
        Assert.Equal("/", AcsSignatureV3.CanonicalizeUri(""));
        Assert.Equal("/", AcsSignatureV3.CanonicalizeUri("/"));
    }

    [Fact]
    public void TryParseAuthorization_reads_the_documentation_header()
    {
        Assert.True(AcsSignatureV3.TryParseAuthorization(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action,Signature=06563a9e",
            out var id, out var signedHeaders, out var signature));
        Assert.Equal("YourAccessKeyId", id);
        Assert.Equal("host;x-acs-action", signedHeaders);
        Assert.Equal("06563a9e", signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=00")]
    [InlineData("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host")]
    [InlineData("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=00")]
    [InlineData("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=00,Extra=1")]
    public void TryParseAuthorization_rejects_other_forms(string? authorization)
    {
        Assert.False(AcsSignatureV3.TryParseAuthorization(authorization, out _, out _, out _));
    }

    public static TheoryData<string, KeyValuePair<string, string>[]> InvalidOperations => new()
    {
        { "no Action", [new("Version", "2014-08-15")] },
        { "no Version", [new("Action", "DescribeBackupTasks")] },
        { "empty Action", [new("Action", ""), new("Version", "2014-08-15")] },
        { "repeated name", [.. Operation, new("DBInstanceId", "rm-2")] },
        { "empty name", [.. Operation, new("", "x")] },
        { "null value", [.. Operation, new("Flag", null!)] },
    };

    [Theory]
    [MemberData(nameof(InvalidOperations))]
    public void Sign_rejects_invalid_operation_parameters_without_revealing_the_secret(
        string reason, KeyValuePair<string, string>[] operation)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => AcsSignatureV3.Sign("POST", "rds.aliyuncs.com", operation, [], null, new("id", Secret), Time, "n"));

        Assert.Equal("operationParameters", error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("", "rds.aliyuncs.com", "n", null, "httpMethod")]
    [InlineData("PO ST", "rds.aliyuncs.com", "n", null, "httpMethod")]
    [InlineData("POST", " ", "n", null, "host")]
    [InlineData("POST", "rds.aliyuncs.com", "", null, "nonce")]
    [InlineData("POST", "rds.aliyuncs.com", "n", "", "contentType")]
    public void Sign_rejects_empty_or_malformed_arguments(string method, string host, string nonce, string? contentType, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => AcsSignatureV3.Sign(method, host, Operation, [], contentType, new("id", Secret), Time, nonce));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_the_signer_returns_contains_the_secret()
    {
        var signed = AcsSignatureV3.Sign("POST", "rds.aliyuncs.com", Operation, [], null, new("id", Secret, Token), Time, "n");

        Assert.DoesNotContain(Secret, signed.CanonicalRequest, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, signed.StringToSign, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, signed.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, signed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(signed.Headers, h => h.Value.Contains(Secret, StringComparison.Ordinal));
    }
}
