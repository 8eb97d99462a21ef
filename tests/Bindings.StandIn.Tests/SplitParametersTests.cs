using System.Net;
using Bindings.Signing;

namespace Bindings.StandIn.Tests;

/// <summary>
/// Parameters split between the URL query and the form body, as the official SDK sends a POST (and this
/// project's client too): the stand-in reads them as one set, as the service does, and a signature covers
/// both, so a body changed after signing is refused.
/// </summary>
public class SplitParametersTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task V1WithParametersInTheQueryAndTheBodyIsVerifiedOverBoth(bool tampered)
    {
        await using var h = await Harness.StartAsync();
        var signed = RpcSignatureV1.Sign("POST", Harness.Describe(), Harness.DefaultCredentials, h.Clock.GetUtcNow(), SignatureNonce.Create(), "JSON");
        // DBInstanceId and Signature in the body, everything else in the URL.
        var inBody = signed.Parameters.Where(p => p.Key is "DBInstanceId" or "Signature").ToList();
        var inQuery = signed.Parameters.Except(inBody).ToList();
        Assert.Contains(inQuery, p => p.Key == "Action");
        var body = Encode(inBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/?" + Encode(inQuery))
        {
            Content = Harness.FormContent(tampered ? body.Replace("rm-uf6wjk5xxxxxxx", "rm-other", StringComparison.Ordinal) : body),
        };

        var answer = await h.SendAsync(request);

        if (tampered)
        {
            Bodies.AssertError(answer, "JSON", 400, "SignatureDoesNotMatch");
            return;
        }

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        Assert.True(answer.Json().GetProperty("Items").TryGetProperty("BackupJob", out _), answer.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task V3WithQueryParametersAndAHashedFormBodyIsVerifiedOverBoth(bool tampered)
    {
        await using var h = await Harness.StartAsync();
        var query = Harness.Describe(instanceId: null, ("Format", "JSON"));
        var (answer, _) = await h.SendV3Async(
            query,
            method: "POST",
            formBody: "DBInstanceId=rm-uf6wjk5xxxxxxx",
            tamper: tampered ? r => r.Content = Harness.FormContent("DBInstanceId=rm-other") : null);

        if (tampered)
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains("Signature", answer.Body, StringComparison.Ordinal);
            return;
        }

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        Assert.True(answer.Json().GetProperty("Items").TryGetProperty("BackupJob", out _), answer.Body);
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(static p => AlibabaPercentEncoding.Encode(p.Key) + "=" + AlibabaPercentEncoding.Encode(p.Value)));
}
