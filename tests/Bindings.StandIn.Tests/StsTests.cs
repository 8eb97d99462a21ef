using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>STS accounts: the token is required, checked, tied to its AccessKey, and expires.</summary>
public class StsTests
{
    private const string Token = "CAIS8gF1q6Ft5B2yfSjIr5bgIOz31blR9oWmWBfCs3kDR/xm3Imc1zz2IHxMdHJsCeAcs/Q0lGFR5/sflqJIRoReREvCUcZr8szfWcsZos2T1fau5Jko1be0ewHKeQKZsebWZ+LmNpy/Ht6md1HDkAJq3LL+bk/Mdle5MJqP+/kFC9MMRVuAcCZhDtVbLRcYgq18D3bKMuu3ORPHm3fZCFES2jBxkmRi86+ysIP+phPVlw/90fRH5dazcJW0Zsx0OJo6Wcq+3+FqM6DQlTNM6hwNtoUO1fYUommb54nDXwQIvUjfbtC5qIM/cFVLAYEhALNBofTGkvl1h/fejYyfyWwWYbkFCHiPFNr9kJCUSbr4a4sjF6zyPnPWycyCLYXleLzhxPWd/2kagAE=";

    private static readonly AlibabaCloudCredentials StsCredentials = new("STS.NUgYrLnoC37mZZCNnAbez2x", "sts-secret", Token);

    private static Task<Harness> StartAsync(DateTimeOffset? expiresAt = null) => Harness.StartAsync(o => o.Accounts =
    [
        StandInAccount.Default,
        StandInAccount.Sts(StsCredentials.AccessKeyId, StsCredentials.AccessKeySecret, Token, expiresAt),
        StandInAccount.Sts("STS.another", "another-secret", "another-token"),
    ]);

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_signed_token_is_accepted_in_V1_GET_V1_POST_and_V3(string format)
    {
        await using var h = await StartAsync();
        var (get, _) = await h.SendV1Async(Harness.Describe(), format, credentials: StsCredentials);
        var (post, _) = await h.SendV1Async(Harness.Describe(), format, method: "POST", credentials: StsCredentials);
        var (v3, signed) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), credentials: StsCredentials);

        Assert.Equal(4, Bodies.ReadJobs(get, format).Jobs.Count);
        Assert.Equal(4, Bodies.ReadJobs(post, format).Jobs.Count);
        Assert.Equal(4, Bodies.ReadJobs(v3, format).Jobs.Count);
        Assert.Contains("x-acs-security-token", signed.SignedHeaders, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task An_STS_key_without_its_token_is_MissingSecurityToken(string format)
    {
        await using var h = await StartAsync();
        var withoutToken = new AlibabaCloudCredentials(StsCredentials.AccessKeyId, StsCredentials.AccessKeySecret);
        var (v1, _) = await h.SendV1Async(Harness.Describe(), format, credentials: withoutToken);
        var (v3, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), credentials: withoutToken);

        var error = Bodies.AssertError(v1, format, 400, "MissingSecurityToken");
        Assert.Equal("SecurityToken is mandatory for this action.", error.Message);
        Bodies.AssertError(v3, format, 400, "MissingSecurityToken");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task A_token_that_was_never_issued_is_InvalidSecurityToken_Malformed(string format)
    {
        await using var h = await StartAsync();
        var forged = new AlibabaCloudCredentials(StsCredentials.AccessKeyId, StsCredentials.AccessKeySecret, "forged-token");
        var (v1, _) = await h.SendV1Async(Harness.Describe(), format, credentials: forged);
        // A permanent key that sends a token anyway gets the same answer.
        var permanent = new AlibabaCloudCredentials(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret, "forged-token");
        var (v3, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), credentials: permanent);

        Bodies.AssertError(v1, format, 400, "InvalidSecurityToken.Malformed");
        Bodies.AssertError(v3, format, 400, "InvalidSecurityToken.Malformed");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task Another_keys_token_is_InvalidSecurityToken_MismatchWithAccessKey(string format)
    {
        await using var h = await StartAsync();
        var swapped = new AlibabaCloudCredentials(StsCredentials.AccessKeyId, StsCredentials.AccessKeySecret, "another-token");
        var (answer, _) = await h.SendV1Async(Harness.Describe(), format, credentials: swapped);

        Bodies.AssertError(answer, format, 400, "InvalidSecurityToken.MismatchWithAccessKey");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("XML")]
    public async Task An_expired_token_is_InvalidSecurityToken_Expired(string format)
    {
        await using var h = await StartAsync(expiresAt: ManualClock.DefaultStart.AddHours(1));
        var (before, _) = await h.SendV1Async(Harness.Describe(), format, credentials: StsCredentials);
        h.Clock.Advance(TimeSpan.FromHours(1));
        var (after, _) = await h.SendV1Async(Harness.Describe(), format, credentials: StsCredentials);
        var (afterV3, _) = await h.SendV3Async(Harness.Describe(more: ("Format", format)), credentials: StsCredentials);

        Bodies.ReadJobs(before, format);
        var error = Bodies.AssertError(after, format, 400, "InvalidSecurityToken.Expired");
        Assert.Equal("Specified SecurityToken is expired.", error.Message);
        Bodies.AssertError(afterV3, format, 400, "InvalidSecurityToken.Expired");
    }

    [Fact]
    public void Accounts_never_show_their_secret_or_token()
    {
        var account = StandInAccount.Sts("STS.shown", "hidden-secret", "hidden-token");

        Assert.DoesNotContain("hidden", account.ToString(), StringComparison.Ordinal);
        Assert.Contains("STS.shown", account.ToString(), StringComparison.Ordinal);
    }
}
