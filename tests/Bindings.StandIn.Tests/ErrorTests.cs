using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>Every error the stand-in answers, with its status and body, in JSON and in XML.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Unknown_AccessKeyId_is_InvalidAccessKeyId_NotFound_404(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe(), format, credentials: new("NOSUCHKEYID", "whatever"));

        var error = Bodies.AssertError(answer, format, 404, "InvalidAccessKeyId.NotFound");
        Assert.Equal("Specified access key is not found.", error.Message);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Unknown_AccessKeyId_in_V3_is_InvalidAccessKeyId_NotFound_404(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), credentials: new("NOSUCHKEYID", "whatever"));

        Bodies.AssertError(answer, format, 404, "InvalidAccessKeyId.NotFound");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Wrong_secret_in_V1_is_SignatureDoesNotMatch_400_ending_with_the_same_string_to_sign(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, signed) = await h.SendV1Async(
            Harness.Describe(), format, credentials: new(StandInAccount.Default.AccessKeyId, "not-the-secret"));

        var error = Bodies.AssertError(answer, format, 400, "SignatureDoesNotMatch");
        // A wrong secret: the server signed exactly what the client signed.
        Assert.Equal(StandInErrors.SignatureDoesNotMatchPrefix + signed.StringToSign, error.Message);
        Assert.StartsWith("Specified signature is not matched with our calculation. server string to sign is:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_parameter_changed_after_signing_gives_a_different_server_string_to_sign(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, signed) = await h.SendV1Async(
            Harness.Describe(), format, tamper: q => q.Replace("rm-uf6wjk5xxxxxxx", "rm-uf6wjk5yyyyyyy", StringComparison.Ordinal));

        var error = Bodies.AssertError(answer, format, 400, "SignatureDoesNotMatch");
        var serverStringToSign = error.Message[StandInErrors.SignatureDoesNotMatchPrefix.Length..];
        Assert.NotEqual(signed.StringToSign, serverStringToSign);
        Assert.Equal(signed.StringToSign.Replace("rm-uf6wjk5xxxxxxx", "rm-uf6wjk5yyyyyyy", StringComparison.Ordinal), serverStringToSign);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Wrong_secret_in_V3_is_SignatureDoesNotMatch_with_the_V3_string_to_sign(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, signed) = await h.SendV3Async(
            Harness.Describe(more: ("Format", format)), credentials: new(StandInAccount.Default.AccessKeyId, "not-the-secret"));

        var error = Bodies.AssertError(answer, format, 400, "SignatureDoesNotMatch");
        Assert.Equal(StandInErrors.SignatureDoesNotMatchPrefix + signed.StringToSign, error.Message);
        Assert.StartsWith("ACS3-HMAC-SHA256\n", signed.StringToSign, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Timestamps_more_than_15_minutes_off_either_way_are_InvalidTimeStamp_Expired(string format)
    {
        await using var h = await Harness.StartAsync();
        var now = h.Clock.GetUtcNow();

        var (late, _) = await h.SendV1Async(Harness.Describe(), format, timestamp: now.AddMinutes(-16));
        var (early, _) = await h.SendV1Async(Harness.Describe(), format, timestamp: now.AddMinutes(16));
        var (v3, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), timestamp: now.AddMinutes(-16));
        var (withinV1, _) = await h.SendV1Async(Harness.Describe(), format, timestamp: now.AddMinutes(-14));
        var (withinV3, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), timestamp: now.AddMinutes(14));

        var error = Bodies.AssertError(late, format, 400, "InvalidTimeStamp.Expired");
        Assert.Equal("Specified time stamp or date value is expired.", error.Message);
        Bodies.AssertError(early, format, 400, "InvalidTimeStamp.Expired");
        Bodies.AssertError(v3, format, 400, "InvalidTimeStamp.Expired");
        Bodies.ReadJobs(withinV1, format);
        Bodies.ReadJobs(withinV3, format);
    }

    [Fact]
    public async Task The_window_follows_the_stand_ins_clock()
    {
        await using var h = await Harness.StartAsync();
        var signedAt = h.Clock.GetUtcNow();
        h.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        var (answer, _) = await h.SendV1Async(Harness.Describe(), timestamp: signedAt);

        Bodies.AssertError(answer, "JSON", 400, "InvalidTimeStamp.Expired");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_reused_nonce_is_SignatureNonceUsed(string format)
    {
        await using var h = await Harness.StartAsync();
        var nonce = SignatureNonce.Create();

        var (first, _) = await h.SendV1Async(Harness.Describe(), format, nonce: nonce);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var (replay, _) = await h.SendV1Async(Harness.Describe(), format, nonce: nonce);
        var (v3First, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), nonce: "v3-" + nonce);
        var (v3Replay, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), nonce: "v3-" + nonce);

        Bodies.ReadJobs(first, format);
        var error = Bodies.AssertError(replay, format, 400, "SignatureNonceUsed");
        Assert.Equal("Specified signature nonce was used already.", error.Message);
        Bodies.ReadJobs(v3First, format);
        Bodies.AssertError(v3Replay, format, 400, "SignatureNonceUsed");
    }

    [Fact]
    public async Task A_request_refused_for_its_signature_does_not_use_up_its_nonce()
    {
        await using var h = await Harness.StartAsync();
        var nonce = SignatureNonce.Create();

        var (bad, _) = await h.SendV1Async(Harness.Describe(), nonce: nonce, credentials: new(StandInAccount.Default.AccessKeyId, "wrong"));
        var (good, _) = await h.SendV1Async(Harness.Describe(), nonce: nonce);

        Bodies.AssertError(bad, "JSON", 400, "SignatureDoesNotMatch");
        Bodies.ReadJobs(good, "JSON");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Missing_DBInstanceId_is_MissingParameter(string format)
    {
        await using var h = await Harness.StartAsync();
        var (v1, _) = await h.SendV1Async(Harness.Describe(instanceId: null), format);
        var (v3, _) = await h.SendV3Async(Harness.Describe(instanceId: null, ("Format", format)));

        var error = Bodies.AssertError(v1, format, 400, "MissingParameter");
        Assert.Equal("The input parameter \"DBInstanceId\" that is mandatory for processing this request is not supplied.", error.Message);
        Bodies.AssertError(v3, format, 400, "MissingParameter");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Unknown_instance_is_InvalidDBInstanceId_NotFound_400(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe("rm-doesnotexist"), format);

        Bodies.AssertError(answer, format, 400, "InvalidDBInstanceId.NotFound");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Unknown_Action_is_InvalidAction_NotFound_404(string format)
    {
        await using var h = await Harness.StartAsync();
        var parameters = Harness.Describe();
        parameters["Action"] = "DescribeNothing";
        var (v1, _) = await h.SendV1Async(parameters, format);
        var (v3, _) = await h.SendV3Async(new Dictionary<string, string>(parameters) { ["Format"] = format });

        var error = Bodies.AssertError(v1, format, 404, "InvalidAction.NotFound");
        Assert.Equal("Specified api is not found, please check your url and method.", error.Message);
        Bodies.AssertError(v3, format, 404, "InvalidAction.NotFound");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Unknown_Version_is_InvalidVersion(string format)
    {
        await using var h = await Harness.StartAsync();
        var parameters = Harness.Describe();
        parameters["Version"] = "2099-01-01";
        var (answer, _) = await h.SendV1Async(parameters, format);

        Bodies.AssertError(answer, format, 400, "InvalidVersion");
    }

    [Theory]
    [InlineData("BackupMode", "Sometimes")]
    [InlineData("BackupJobStatus", "Finished")]
    [InlineData("BackupJobId", "12ab")]
    [InlineData("OwnerId", "-1")]
    public async Task Invalid_operation_parameters_are_InvalidParameter(string name, string value)
    {
        await using var h = await Harness.StartAsync();
        foreach (var format in new[] { "JSON", "XML" })
        {
            var (answer, _) = await h.SendV1Async(Harness.Describe(more: (name, value)), format);
            var error = Bodies.AssertError(answer, format, 400, "InvalidParameter");
            Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_malformed_timestamp_is_IllegalTimestamp(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(
            Harness.Describe(), format, tamper: q => System.Text.RegularExpressions.Regex.Replace(q, "Timestamp=[^&]*", "Timestamp=yesterday"));

        Bodies.AssertError(answer, format, 400, "IllegalTimestamp");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Missing_common_parameters_are_named_in_the_code(string format)
    {
        await using var h = await Harness.StartAsync();
        var (noNonce, _) = await h.SendV1Async(
            Harness.Describe(), format, tamper: q => System.Text.RegularExpressions.Regex.Replace(q, "&SignatureNonce=[^&]*", ""));
        var (noSignature, _) = await h.SendV1Async(
            Harness.Describe(), format, tamper: q => System.Text.RegularExpressions.Regex.Replace(q, "&Signature=[^&]*$", ""));
        var (noV3Date, _) = await h.SendV3Async(
            Harness.Describe(more: ("Format", format)), tamper: r => r.Headers.Remove("x-acs-date"));

        var error = Bodies.AssertError(noNonce, format, 400, "MissingSignatureNonce");
        Assert.Equal("SignatureNonce is mandatory for this action.", error.Message);
        Bodies.AssertError(noSignature, format, 400, "MissingSignature");
        Bodies.AssertError(noV3Date, format, 400, "MissingTimestamp");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_wrong_SignatureMethod_is_InvalidSignatureMethod(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(
            Harness.Describe(), format, tamper: q => q.Replace("SignatureMethod=HMAC-SHA1", "SignatureMethod=HMAC-SHA256", StringComparison.Ordinal));

        Bodies.AssertError(answer, format, 400, "InvalidSignatureMethod");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_malformed_V3_Authorization_is_IncompleteSignature(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV3Async(
            Harness.Describe(more: ("Format", format)),
            tamper: r =>
            {
                r.Headers.Remove("Authorization");
                r.Headers.TryAddWithoutValidation("Authorization", "ACS3-HMAC-SHA256 Credential=STANDINACCESSKEYID");
            });

        Bodies.AssertError(answer, format, 400, "IncompleteSignature");
    }

    [Fact]
    public async Task An_unknown_Format_is_InvalidParameter_Format_answered_in_XML()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe(), format: "YAML");

        Bodies.AssertError(answer, "XML", 400, "InvalidParameter.Format");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Methods_other_than_GET_and_POST_are_UnsupportedHTTPMethod(string format)
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe(), format, method: "PUT");

        Bodies.AssertError(answer, format, 400, "UnsupportedHTTPMethod");
    }

    [Fact]
    public async Task Errors_in_JSON_carry_a_Recommend_link_and_count_as_service_errors()
    {
        await using var h = await Harness.StartAsync();
        var (answer, _) = await h.SendV1Async(Harness.Describe("rm-doesnotexist"));

        var error = Bodies.AssertError(answer, "JSON", 400, "InvalidDBInstanceId.NotFound");
        Assert.StartsWith("https://", error.Recommend, StringComparison.Ordinal);
        Assert.Contains("InvalidDBInstanceId.NotFound", error.Recommend, StringComparison.Ordinal);
        Assert.Equal(1, h.StandIn.Counters.ServiceErrors);
        Assert.Equal(0, h.StandIn.Counters.FaultsInjected);
        Assert.Equal("InvalidDBInstanceId.NotFound", Assert.Single(h.StandIn.RecentRequests).ErrorCode);
    }
}
