using System;
using System.Collections.Generic;
using System.Text;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

/// <summary>Signature V3 against answers published by Alibaba (documentation and official SDK tests).</summary>
public class AcsSignatureV3KnownAnswerTests
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    // Alibaba, "Request syntax and signature method V3", section "Fixed parameter values"
    // (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature).
    private static readonly KeyValuePair<string, string>[] DocOperation =
    [
        new("Action", "RunInstances"),
        new("Version", "2014-05-26"),
        new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
        new("RegionId", "cn-shanghai"),
    ];

    private static readonly AlibabaCloudCredentials DocCredentials = new("YourAccessKeyId", "YourAccessKeySecret");

    private const string DocSignedHeaders =
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

    private const string DocCanonicalRequest =
        "POST\n"
        + "/\n"
        + "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
        + "host:ecs.cn-shanghai.aliyuncs.com\n"
        + "x-acs-action:RunInstances\n"
        + "x-acs-content-sha256:" + EmptyHash + "\n"
        + "x-acs-date:2023-10-26T10:22:32Z\n"
        + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
        + "x-acs-version:2014-05-26\n"
        + "\n"
        + DocSignedHeaders + "\n"
        + EmptyHash;

    // V3 documentation, "Fixed parameter values", steps 1 to 4.
    [Fact]
    public void Sign_reproduces_the_V3_documentation_example_step_by_step()
    {
        var signed = AcsSignatureV3.Sign(
            "POST", "ecs.cn-shanghai.aliyuncs.com", DocOperation, [], null, DocCredentials,
            new DateTimeOffset(2023, 10, 26, 10, 22, 32, TimeSpan.Zero), "3156853299f313e23d1673dc12e1703d");

        Assert.Equal(DocCanonicalRequest, signed.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", signed.StringToSign);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signed.Signature);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=" + DocSignedHeaders
            + ",Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            signed.Authorization);
        Assert.Equal(
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
            signed.ToQueryString());
    }

    // V3 documentation, "Canonicalized query string", "HashedRequestPayload", "Canonicalized headers"
    // and "Signed headers" examples, each step on its own.
    [Fact]
    public void Each_step_matches_the_V3_documentation_examples()
    {
        Assert.Equal(
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
            AcsSignatureV3.CanonicalizeQuery(DocOperation[2..]));
        Assert.Equal(EmptyHash, AcsSignatureV3.HashPayload([]));

        var headers = AcsSignatureV3.CanonicalizeHeaders(
            [
                new("x-acs-version", "2014-05-26"),
                new("Host", " ecs.cn-shanghai.aliyuncs.com "),
                new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
                new("x-acs-date", "2023-10-26T10:22:32Z"),
                new("x-acs-content-sha256", EmptyHash),
                new("x-acs-action", "RunInstances"),
                new("user-agent", "AlibabaCloud (Mac OS X; x86_64) Java/1.8.0_352-b08 tea-util/0.2.6 TeaDSL/1"),
                new("accept", "application/json"),
            ],
            out var signedHeaders);

        Assert.Equal(DocSignedHeaders, signedHeaders);
        Assert.Equal(
            "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:" + EmptyHash
            + "\nx-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n",
            headers);
        Assert.Equal(
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            AcsSignatureV3.ComputeSignature(AcsSignatureV3.BuildStringToSign(DocCanonicalRequest), "YourAccessKeySecret"));
    }

    // Alibaba's V3 page in Chinese (https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature),
    // request-header table of its 2024 revision: the same RunInstances request dated 2023-10-26T09:01:01Z with
    // nonce d410180a5abf7fe235dd9b74aca91fc0 carries Signature=e521358f... (the English page pairs these two
    // headers with the 06563a9e... signature of the other example, a slip in that table).
    [Fact]
    public void Sign_reproduces_the_V3_documentation_header_table_example()
    {
        var signed = AcsSignatureV3.Sign(
            "POST", "ecs.cn-shanghai.aliyuncs.com", DocOperation, [], null, DocCredentials,
            new DateTimeOffset(2023, 10, 26, 9, 1, 1, TimeSpan.Zero), "d410180a5abf7fe235dd9b74aca91fc0");

        Assert.Equal("e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804", signed.Signature);
    }

    // aliyun/darabonba-openapi-util, csharp/tests/ClientTest.cs (Test_GetAuthorization) and
    // python/tests/test_client.py (test_get_authorization): two header names that differ only in case
    // are merged, values sorted and joined with ','. That utility writes an empty query value as
    // "empty" (no '='), which the V3 page and the Java utility do not (see the next test), and uses an
    // empty path; both are passed in as it builds them, so this pins the headers, the string to sign,
    // the HMAC and the Authorization format. The payload hash is the one the test passes in.
    [Fact]
    public void Matches_the_openapi_util_authorization_test_of_the_CSharp_and_Python_SDKs()
    {
        const string payload = "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23";
        var headers = AcsSignatureV3.CanonicalizeHeaders([new("x-acs-test", "http"), new("x-acs-TEST", "https")], out var signed);

        var canonicalRequest = AcsSignatureV3.BuildCanonicalRequest("GET", "", "empty&test=ok", headers, signed, payload);
        var signature = AcsSignatureV3.ComputeSignature(AcsSignatureV3.BuildStringToSign(canonicalRequest), "secret");

        Assert.Equal("x-acs-test:http,https\n", headers);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=da772425f29289d3460d5fc961455d40c5e8c6afd0888b78a910c991e6a14846",
            AcsSignatureV3.BuildAuthorization("acesskey", signed, signature));
    }

    // aliyun/darabonba-openapi-util, java/src/test/java/com/aliyun/openapiutil/ClientTest.java
    // (getAuthorizationTest): query {test: ok, empty: ""} canonicalized with "empty=". Its two headers
    // x-acs-test/x-acs-TEST collapse in a Java HashMap to the single value "http", so that one header is
    // passed here; the path is empty, as in that test.
    [Fact]
    public void Matches_the_openapi_util_authorization_test_of_the_Java_SDK()
    {
        const string payload = "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23";
        var query = AcsSignatureV3.CanonicalizeQuery([new("test", "ok"), new("empty", "")]);
        var headers = AcsSignatureV3.CanonicalizeHeaders([new("x-acs-test", "http")], out var signed);

        var canonicalRequest = AcsSignatureV3.BuildCanonicalRequest("GET", "", query, headers, signed, payload);
        var signature = AcsSignatureV3.ComputeSignature(AcsSignatureV3.BuildStringToSign(canonicalRequest), "secret");

        Assert.Equal("empty=&test=ok", query);
        Assert.Equal("3f62ee8a912ade7e6c35ec8e2f67ccb06140e8182ab98c37f781335f04875e99", signature);
    }

    // aliyun/aliyun-openapi-java-sdk, aliyun-java-sdk-core/src/test/java/com/aliyuncs/auth/V3SignatureComposerTest.java
    // (composeStringToSignTest): the query part of the expected canonical request.
    [Fact]
    public void Matches_the_Java_SDK_V3_canonical_query_with_an_empty_value()
    {
        Assert.Equal(
            "queryKey1=queryValue1&queryKey2=queryValue2&queryKey3=&queryKey4=queryValue4",
            AcsSignatureV3.CanonicalizeQuery(
                [new("queryKey4", "queryValue4"), new("queryKey3", ""), new("queryKey1", "queryValue1"), new("queryKey2", "queryValue2")]));
    }

    // aliyun/darabonba-openapi-util, python/tests/test_client.py (test_get_canonical_query_string).
    [Fact]
    public void Matches_the_openapi_util_canonical_query_test()
    {
        Assert.Equal("test=%20~%2F%2A-%2B", AcsSignatureV3.CanonicalizeQuery([new("test", " ~/*-+")]));
    }

    // aliyun/darabonba-openapi-util, csharp/tests/ClientTest.cs (Test_HexEncode, ACS3-HMAC-SHA256 hash of "test").
    [Fact]
    public void Matches_the_openapi_util_payload_hash_test()
    {
        Assert.Equal(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            AcsSignatureV3.HashPayload(Encoding.UTF8.GetBytes("test")));
    }

    // aliyun/darabonba-openapi-util, csharp/tests/ClientTest.cs (Test_GetEncodePath) and
    // java/.../openapiutil/ClientTest.java (getEncodePathTest).
    [Theory]
    [InlineData("/path/ test", "/path/%20test")]
    [InlineData("/path/#test", "/path/%23test")]
    [InlineData("/path/\"test", "/path/%22test")]
    public void Matches_the_openapi_util_path_encoding_tests(string path, string expected)
    {
        Assert.Equal(expected, AcsSignatureV3.CanonicalizeUri(path));
    }
}
