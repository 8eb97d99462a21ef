using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bindings.StandIn.Tests;

/// <summary>
/// The requests the official TypeScript SDK sent (recorded, see <c>Recorded/</c>), sent again as they
/// were, signature, headers and all, to a stand-in whose clock reads the time they were signed:
/// the stand-in accepts the official client's wire form of every lifecycle operation.
/// </summary>
public class OfficialSdkReplayTests
{
    private static readonly JsonElement Recording =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", "official-typescript-sdk-requests.json"))).RootElement;

    public static TheoryData<string> Signatures() => ["V3", "V1"];

    [Theory]
    [MemberData(nameof(Signatures))]
    public async Task Every_recorded_request_of_the_official_SDK_is_accepted_and_answered(string signature)
    {
        var requests = Recording.GetProperty("requests").EnumerateArray().Where(r => r.GetProperty("signature").GetString() == signature).ToList();
        Assert.Equal(13, requests.Count);
        var signedAt = SignedAt(requests[0]);
        await using var h = await Harness.StartAsync(o =>
        {
            o.TimeProvider = new ManualClock(signedAt);
            o.Profile = StandInProfile.Fast;
        });

        foreach (var recorded in requests)
        {
            var action = recorded.GetProperty("action").GetString()!;
            using var request = new HttpRequestMessage(new HttpMethod(recorded.GetProperty("method").GetString()!), recorded.GetProperty("path").GetString());
            string? contentType = null;
            foreach (var header in recorded.GetProperty("headers").EnumerateObject())
            {
                switch (header.Name)
                {
                    case "host":
                        // The host the SDK signed (its port, not the stand-in's): V3 signs it.
                        request.Headers.Host = header.Value.GetString();
                        break;
                    case "content-type":
                        contentType = header.Value.GetString();
                        break;
                    case "connection" or "content-length":
                        break;
                    default:
                        request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
                        break;
                }
            }

            var body = recorded.GetProperty("body").GetString()!;
            if (body.Length > 0 || recorded.GetProperty("method").GetString() == "POST")
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                if (contentType is not null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                }
            }

            var answer = await h.SendAsync(request);
            if (action == "DeleteBackup")
            {
                // The recorded set ID does not exist: the documented refusal, which means the request was read and checked.
                Bodies.AssertError(answer, "JSON", 404, "InvalidBackupSetID.NotFound");
                continue;
            }

            Assert.True(answer.StatusCode == 200, $"{signature} {action}: {answer.StatusCode} {answer.Body}");
            Assert.StartsWith("application/json", answer.ContentType, StringComparison.Ordinal);   // the SDK asked for JSON
            Assert.True(answer.Json().TryGetProperty("RequestId", out _), action);
        }

        // What the recorded requests changed is there: the SDK's repeat-list tags reached both instances,
        // with the value as the SDK encoded it.
        var tags = await h.OkAsync("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "INSTANCE"), ("Tag.1.Key", "owner"));
        Assert.Equal(2, tags.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray().Count(t => t.GetProperty("TagValue").GetString() == "a b&c=d/é"));
        var policy = await h.OkAsync("DescribeBackupPolicy", ("DBInstanceId", StandInInstance.DefaultInstanceId));
        Assert.Equal(14, policy.GetProperty("BackupRetentionPeriod").GetInt32());
        Assert.Equal("Monday,Thursday", policy.GetProperty("PreferredBackupPeriod").GetString());
        Assert.Single(h.StandIn.GetTasks(StandInInstance.DefaultInstanceId), t => t.JobMode == "Manual" && t.TaskAction == "NormalBackupTask" && t.StartsAfter > TimeSpan.Zero);
        Assert.Equal(4, h.StandIn.InstanceIds.Count);   // CreateDBInstance's, with its ServerlessConfig sent as JSON text
    }

    private static DateTimeOffset SignedAt(JsonElement request)
    {
        if (request.GetProperty("headers").TryGetProperty("x-acs-date", out var date))
        {
            return DateTimeOffset.Parse(date.GetString()!, CultureInfo.InvariantCulture);
        }

        var query = request.GetProperty("path").GetString()!;
        var timestamp = query.Split('?', '&').First(p => p.StartsWith("Timestamp=", StringComparison.Ordinal))["Timestamp=".Length..];
        return DateTimeOffset.Parse(Uri.UnescapeDataString(timestamp), CultureInfo.InvariantCulture);
    }
}
