using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

/// <summary>The server-side check of Signature V3: round trips and tampering.</summary>
public class AcsSignatureV3VerifyTests
{
    private const string Secret = "S3cr3t-Never-Print-Me-0123456789";
    private const string ContentType = "application/x-www-form-urlencoded";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("BackupMode=Automated&Flag=%E5%A4%87");
    private static readonly AlibabaCloudCredentials Credentials = new("LTAI5tExampleId", Secret, "CAIS-token");

    private static readonly SignedAcsRequest Signed = AcsSignatureV3.Sign(
        "POST",
        "rds.aliyuncs.com",
        [
            new("Action", "DescribeBackupTasks"),
            new("Version", "2014-08-15"),
            new("DBInstanceId", "rm-uf6wjk5xxxxxxx"),
            new("ClientToken", "备份-☃ *~"),
            new("Flag", ""),
        ],
        Body,
        ContentType,
        Credentials,
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
        SignatureNonce.Create());

    /// <summary>The headers as a server sees them: what Sign listed, the content type, and others.</summary>
    private static List<KeyValuePair<string, string>> ReceivedHeaders() =>
    [
        .. Signed.Headers,
        new("Content-Type", ContentType),
        new("User-Agent", "Bindings/1.0"),
        new("Accept", "application/json"),
    ];

    [Fact]
    public void Accepts_what_Sign_produced_and_reports_the_same_string_to_sign()
    {
        Assert.True(AcsSignatureV3.Verify("POST", "/", Signed.QueryParameters, ReceivedHeaders(), Body, Secret, out var stringToSign));
        Assert.Equal(Signed.StringToSign, stringToSign);
    }

    [Fact]
    public void Accepts_the_query_after_a_trip_through_its_encoded_form()
    {
        var received = Signed.ToQueryString().Split('&').Select(pair => pair.Split('=')).Select(
            parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1])));

        Assert.True(AcsSignatureV3.Verify("POST", "/", received, ReceivedHeaders(), Body, Secret, out _));
    }

    [Fact]
    public void Accepts_header_names_in_any_case_and_parameters_in_any_order()
    {
        var headers = ReceivedHeaders().Select(h => new KeyValuePair<string, string>(h.Key.ToUpperInvariant(), h.Value)).Reverse();

        Assert.True(AcsSignatureV3.Verify("post", "", Signed.QueryParameters.Reverse(), headers, Body, Secret, out _));
    }

    // V3 documentation, "Fixed parameter values" step 4, with the date and nonce of step 1
    // (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature).
    [Fact]
    public void Accepts_the_V3_documentation_request()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("Authorization", "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"),
            new("x-acs-action", "RunInstances"),
            new("host", "ecs.cn-shanghai.aliyuncs.com"),
            new("x-acs-date", "2023-10-26T10:22:32Z"),
            new("x-acs-version", "2014-05-26"),
            new("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            new("user-agent", "AlibabaCloud (Mac OS X; x86_64) Java/1.8.0_352-b08 tea-util/0.2.6 TeaDSL/1"),
            new("accept", "application/json"),
        ];
        KeyValuePair<string, string>[] query =
            [new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), new("RegionId", "cn-shanghai")];

        Assert.True(AcsSignatureV3.Verify("POST", "/", query, headers, [], "YourAccessKeySecret", out _));
    }

    public static TheoryData<string> Tamperings => new()
    {
        "query value", "query added", "header value", "header added", "content type", "body",
        "content hash header", "no content hash", "no authorization", "two authorizations", "signed headers",
        "signature not hex", "signature short", "other algorithm",
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Rejects_a_tampered_request(string tampering)
    {
        var query = Signed.QueryParameters.ToList();
        var headers = ReceivedHeaders();
        var body = Body;
        var authorization = Signed.Authorization;
        switch (tampering)
        {
            case "query value": query[query.FindIndex(p => p.Key == "DBInstanceId")] = new("DBInstanceId", "rm-other"); break;
            case "query added": query.Add(new("BackupMode", "Manual")); break;
            case "header value": Replace(headers, "x-acs-date", "2024-05-06T07:08:10Z"); break;
            case "header added": headers.Add(new("x-acs-extra", "1")); break;
            case "content type": Replace(headers, "Content-Type", ContentType + "; charset=utf-8"); break;
            case "body": body = [.. Body, (byte)'x']; break;
            case "content hash header": Replace(headers, "x-acs-content-sha256", AcsSignatureV3.HashPayload([])); break;
            case "no content hash": headers.RemoveAll(h => h.Key == "x-acs-content-sha256"); break;
            case "no authorization": headers.RemoveAll(h => h.Key == "Authorization"); break;
            case "two authorizations": headers.Add(new("authorization", authorization)); break;
            case "signed headers": Replace(headers, "Authorization", authorization.Replace("content-type;", "", StringComparison.Ordinal)); break;
            case "signature not hex": Replace(headers, "Authorization", authorization[..^2] + "zz"); break;
            case "signature short": Replace(headers, "Authorization", authorization[..^2]); break;
            case "other algorithm": Replace(headers, "Authorization", authorization.Replace("SHA256", "SM3", StringComparison.Ordinal)); break;
        }

        Assert.False(AcsSignatureV3.Verify("POST", "/", query, headers, body, Secret, out _));
    }

    [Fact]
    public void Rejects_another_method_path_or_secret()
    {
        Assert.False(AcsSignatureV3.Verify("GET", "/", Signed.QueryParameters, ReceivedHeaders(), Body, Secret, out _));
        Assert.False(AcsSignatureV3.Verify("POST", "/api", Signed.QueryParameters, ReceivedHeaders(), Body, Secret, out _));
        Assert.False(AcsSignatureV3.Verify("POST", "/", Signed.QueryParameters, ReceivedHeaders(), Body, Secret + "x", out _));
    }

    [Fact]
    public void Accepts_an_upper_case_hex_signature()
    {
        var headers = ReceivedHeaders();
        Replace(headers, "Authorization", Signed.Authorization.Replace(Signed.Signature, Signed.Signature.ToUpperInvariant(), StringComparison.Ordinal));

        Assert.True(AcsSignatureV3.Verify("POST", "/", Signed.QueryParameters, headers, Body, Secret, out _));
    }

    [Fact]
    public void A_malformed_request_is_rejected_not_thrown_on()
    {
        KeyValuePair<string, string>[] query = [new("", "x"), new("Action", null!)];
        KeyValuePair<string, string>[] headers = [new(null!, "x"), new("Authorization", null!), new("x-acs-date", null!)];

        Assert.False(AcsSignatureV3.Verify("POST", "/", query, headers, [], Secret, out var stringToSign));
        Assert.StartsWith("ACS3-HMAC-SHA256\n", stringToSign, StringComparison.Ordinal);
    }

    private static void Replace(List<KeyValuePair<string, string>> headers, string name, string value) =>
        headers[headers.FindIndex(h => h.Key == name)] = new(name, value);
}
