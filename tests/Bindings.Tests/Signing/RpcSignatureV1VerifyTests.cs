using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

/// <summary>The server-side check of Signature V1: round trips and tampering.</summary>
public class RpcSignatureV1VerifyTests
{
    private const string Secret = "S3cr3t-Never-Print-Me-0123456789";
    private static readonly AlibabaCloudCredentials Credentials = new("LTAI5tExampleId", Secret, "CAIS-token");

    private static readonly SignedRpcRequest Signed = RpcSignatureV1.Sign(
        "GET",
        [
            new("Action", "DescribeBackupTasks"),
            new("Version", "2014-08-15"),
            new("DBInstanceId", "rm-uf6wjk5xxxxxxx"),
            new("ClientToken", "备份-☃ *~"),
            new("Flag", ""),
        ],
        Credentials,
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
        SignatureNonce.Create(),
        "JSON");

    [Fact]
    public void Accepts_what_Sign_produced_and_reports_the_same_string_to_sign()
    {
        Assert.True(RpcSignatureV1.Verify("GET", Signed.Parameters, Secret, out var stringToSign));
        Assert.Equal(Signed.StringToSign, stringToSign);
    }

    [Fact]
    public void Accepts_the_request_after_a_trip_through_its_encoded_query_string()
    {
        var received = Signed.ToQueryString().Split('&').Select(pair => pair.Split('=')).Select(
            parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1])));

        Assert.True(RpcSignatureV1.Verify("GET", received, Secret, out _));
    }

    [Fact]
    public void Accepts_the_parameters_in_any_order()
    {
        Assert.True(RpcSignatureV1.Verify("GET", Signed.Parameters.Reverse(), Secret, out _));
    }

    // AlibabaCloudDocs/ecs, "intl.en-US/API Reference/Getting started/Request signatures.md", example 1:
    // the signed request as the documentation sends it.
    [Fact]
    public void Accepts_the_ECS_documentation_request()
    {
        KeyValuePair<string, string>[] received =
        [
            new("SignatureVersion", "1.0"), new("Action", "DescribeRegions"), new("Format", "XML"),
            new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"), new("Version", "2014-05-26"),
            new("AccessKeyId", "testid"), new("Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="),
            new("SignatureMethod", "HMAC-SHA1"), new("Timestamp", "2016-02-23T12:46:24Z"),
        ];

        Assert.True(RpcSignatureV1.Verify("GET", received, "testsecret", out _));
    }

    public static TheoryData<string> Tamperings => new()
    {
        "changed value", "changed name", "added parameter", "removed parameter", "no signature",
        "two signatures", "signature not Base64", "signature too short", "other signature",
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Rejects_a_tampered_request(string tampering)
    {
        var parameters = Signed.Parameters.ToList();
        var index = parameters.FindIndex(p => p.Key == "DBInstanceId");
        switch (tampering)
        {
            case "changed value": parameters[index] = new("DBInstanceId", "rm-other"); break;
            case "changed name": parameters[index] = new("DBInstanceID", "rm-uf6wjk5xxxxxxx"); break;
            case "added parameter": parameters.Add(new("BackupMode", "Manual")); break;
            case "removed parameter": parameters.RemoveAt(index); break;
            case "no signature": parameters.RemoveAll(p => p.Key == "Signature"); break;
            case "two signatures": parameters.Add(new("Signature", Signed.Signature)); break;
            case "signature not Base64": Replace(parameters, "Signature", "not base64!"); break;
            case "signature too short": Replace(parameters, "Signature", "AAAA"); break;
            case "other signature": Replace(parameters, "Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="); break;
        }

        Assert.False(RpcSignatureV1.Verify("GET", parameters, Secret, out _));
    }

    [Fact]
    public void Rejects_another_method_or_another_secret()
    {
        Assert.False(RpcSignatureV1.Verify("POST", Signed.Parameters, Secret, out var postStringToSign));
        Assert.StartsWith("POST&%2F&", postStringToSign, StringComparison.Ordinal);
        Assert.False(RpcSignatureV1.Verify("GET", Signed.Parameters, Secret + "x", out _));
    }

    [Fact]
    public void A_malformed_request_is_rejected_not_thrown_on()
    {
        KeyValuePair<string, string>[] received = [new("", "x"), new("Signature", null!), new("Action", null!)];

        Assert.False(RpcSignatureV1.Verify("GET", received, Secret, out var stringToSign));
        Assert.Equal("GET&%2F&%3Dx%26Action%3D", stringToSign);
    }

    [Fact]
    public void The_string_to_sign_it_reports_never_contains_the_secret()
    {
        Assert.False(RpcSignatureV1.Verify("GET", [new("Signature", Secret), new("Secret", "x")], Secret, out var stringToSign));
        Assert.DoesNotContain(Secret, stringToSign, StringComparison.Ordinal);
    }

    private static void Replace(List<KeyValuePair<string, string>> parameters, string name, string value) =>
        parameters[parameters.FindIndex(p => p.Key == name)] = new(name, value);
}
