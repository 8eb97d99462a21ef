using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bindings.Notes;
using Bindings.Rds;
using Bindings.Signing;
using Bindings.Sts;

namespace Bindings.Client.Tests;

/// <summary>
/// On POST each operation parameter goes where the official SDK puts it (main.tea: position Query to the
/// URL query, position Body to the form body), compared with what the official TypeScript SDK sent
/// (tests/Shared/OfficialSdk/official-sdk-post-split.json), signed over exactly what is sent. The one
/// difference on purpose: a V1 POST carries SecurityToken and Signature in the body, not the URL.
/// </summary>
public class PostSplitTests
{
    // What this client sends as common parameters, by where they go on a V1 POST.
    private static readonly string[] V1UrlCommon = ["Action", "Format", "Version", "Timestamp", "SignatureNonce", "AccessKeyId", "SignatureMethod", "SignatureVersion"];
    private static readonly string[] V1BodyCommon = ["SecurityToken", "Signature"];
    private static readonly HashSet<string> Common = [.. V1UrlCommon, .. V1BodyCommon];

    public static TheoryData<string, SignatureVersion> Recorded() => new()
    {
        { "DescribeBackupTasks", SignatureVersion.V1 },
        { "DescribeBackupTasks", SignatureVersion.V3 },
        { "DeleteDBInstanceEndpointAddress", SignatureVersion.V1 },
        { "DeleteDBInstanceEndpointAddress", SignatureVersion.V3 },
        { "ConfirmNotify", SignatureVersion.V1 },
        { "ConfirmNotify", SignatureVersion.V3 },
    };

    public static TheoryData<string> Operations() => ["DescribeBackupTasks", "DeleteDBInstanceEndpointAddress", "ConfirmNotify"];

    [Theory]
    [MemberData(nameof(Recorded))]
    public async Task EachOperationParameterGoesWhereTheOfficialSdkPutsIt(string name, SignatureVersion signature)
    {
        var official = OfficialPost.Load(name, signature);
        var sent = await SendLikeTheOfficialSdk(name, signature);

        Assert.Equal("POST", sent.Method);
        Assert.Equal(Sorted(Operational(official.Query)), Sorted(Operational(sent.Query)));
        // Same parameters in the body, in the same order (the spec's and main.tea's).
        Assert.Equal(Operational(official.Body), Operational(sent.Form));
        if (official.Body.Count == 0 && signature == SignatureVersion.V3)
        {
            Assert.Empty(sent.Body);
            Assert.Null(sent.Header("Content-Type"));
        }
        else
        {
            Assert.Equal("application/x-www-form-urlencoded", sent.Header("Content-Type"));
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task V1SignsTheSameStringAsTheOfficialSdkGivenTheSameTimestampAndNonce(string name)
    {
        const SignatureVersion signature = SignatureVersion.V1;
        var official = OfficialPost.Load(name, signature);
        var sent = await SendLikeTheOfficialSdk(name, signature);

        // The common parameters: where the official SDK puts them, but for SecurityToken and Signature.
        Assert.Equal(V1UrlCommon.Order(StringComparer.Ordinal), sent.Query.Select(p => p.Key).Where(Common.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(V1BodyCommon.Order(StringComparer.Ordinal), sent.Form.Select(p => p.Key).Where(Common.Contains).Order(StringComparer.Ordinal));
        Assert.All([.. V1UrlCommon, .. V1BodyCommon], common => Assert.Contains(official.Query, p => p.Key == common));
        Assert.Equal(official.Timestamp, sent.Parameter("Timestamp"));

        // Given our nonce, and the Format case this client sends (the official SDK's doRPCRequest always
        // writes "json"; the service reads it in any case), the official SDK signs the string we signed.
        var theirs = official.Query.Concat(official.Body)
            .Where(p => p.Key != "Signature")
            .Select(p => p.Key switch
            {
                "SignatureNonce" => new KeyValuePair<string, string>(p.Key, sent.Parameter("SignatureNonce")!),
                "Format" => new KeyValuePair<string, string>(p.Key, "JSON"),
                _ => p,
            });
        var ours = sent.AllParameters.Where(p => p.Key != "Signature");
        Assert.Equal(
            RpcSignatureV1.BuildStringToSign("POST", RpcSignatureV1.CanonicalizeQuery(theirs)),
            RpcSignatureV1.BuildStringToSign("POST", RpcSignatureV1.CanonicalizeQuery(ours)));

        // And each signature covers exactly what its request carries, query and body together.
        Assert.True(RpcSignatureV1.Verify("POST", sent.AllParameters, official.Secret, out _));
        Assert.True(RpcSignatureV1.Verify("POST", official.Query.Concat(official.Body), official.Secret, out _));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task V3SignsTheOfficialSdksCanonicalQueryAndPayload(string name)
    {
        const SignatureVersion signature = SignatureVersion.V3;
        var official = OfficialPost.Load(name, signature);
        var sent = await SendLikeTheOfficialSdk(name, signature);

        // The canonical query string is the official SDK's, plus the Format this client asks for.
        Assert.Equal(
            AcsSignatureV3.CanonicalizeQuery([.. official.Query, new("Format", "JSON")]),
            AcsSignatureV3.CanonicalizeQuery(sent.Query));
        Assert.DoesNotContain(sent.Query.Concat(sent.Form), p => p.Key is "Action" or "Version" or "SecurityToken" or "Signature" or "AccessKeyId");
        Assert.Equal(official.Headers["x-acs-security-token"], sent.Header("x-acs-security-token"));
        Assert.Equal(official.Headers["x-acs-date"], sent.Header("x-acs-date"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sent.Body)), sent.Header("x-acs-content-sha256"));
        Assert.Contains(official.Body.Count > 0 ? "SignedHeaders=content-type;host;" : "SignedHeaders=host;", sent.Header("Authorization"));

        // The payload: the same form body; its bytes differ from Node's querystring only where Node leaves
        // !'()* unencoded, so where none occurs the hash is the official one.
        if (!official.RawBody.AsSpan().ContainsAny("!'()*"))
        {
            Assert.Equal(official.Headers["x-acs-content-sha256"], sent.Header("x-acs-content-sha256"));
        }

        // Both requests verify as signed over their own query and body, by the same canonicalization.
        Assert.True(AcsSignatureV3.Verify("POST", "/", sent.Query, sent.Headers, sent.Body, official.Secret, out _));
        Assert.True(AcsSignatureV3.Verify("POST", "/", official.Query, official.Headers, Encoding.Latin1.GetBytes(official.RawBody), official.Secret, out _));
    }

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task GetKeepsEveryParameterInTheUrl(SignatureVersion signature)
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => { o.HttpMethod = RpcHttpMethod.Get; o.SignatureVersion = signature; }, sts: true);

        await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest { DBInstanceId = "rm-a", BackupMode = BackupMode.Automated });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("GET", sent.Method);
        Assert.Empty(sent.Body);
        Assert.Equal("rm-a", sent.Query.Single(p => p.Key == "DBInstanceId").Value);
        Assert.Equal("Automated", sent.Query.Single(p => p.Key == "BackupMode").Value);
        if (signature == SignatureVersion.V1)
        {
            Assert.Equal(TestClients.StsToken, sent.Query.Single(p => p.Key == "SecurityToken").Value);
            Assert.True(RpcSignatureV1.Verify("GET", sent.Query, TestClients.Secret, out _));
        }
        else
        {
            Assert.True(AcsSignatureV3.Verify("GET", "/", sent.Query, sent.Headers, [], TestClients.Secret, out _));
        }
    }

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task ABodyParameterMakesAGetClientPostWithTheQueryParametersStillInTheUrl(SignatureVersion signature)
    {
        var handler = new FakeHttpHandler().Then(Ok);
        var client = TestClients.Rds(handler, o => { o.HttpMethod = RpcHttpMethod.Get; o.SignatureVersion = signature; });

        await client.DeleteDBInstanceEndpointAddressAsync(new DeleteDBInstanceEndpointAddressRequest
        {
            DBInstanceId = "pc-1", DBInstanceEndpointId = "ep-1", ConnectionString = "a.b",
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(["ConnectionString", "DBInstanceEndpointId"], sent.Form.Select(p => p.Key).Where(k => !Common.Contains(k)));
        // The idempotency token the client fills in goes where the spec puts ClientToken: the query.
        Assert.Equal(["ClientToken", "DBInstanceId"], sent.Query.Select(p => p.Key).Where(k => !Common.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task AnAnonymousCallPutsTheCommonParametersInTheUrlAndItsBodyParametersInTheBody(SignatureVersion signature)
    {
        var official = OfficialPost.Load("AnonymousQueryAndBody", SignatureVersion.V1);   // doRPCRequest: the form this client sends anonymous calls in
        var handler = new FakeHttpHandler().Then(_ => Responses.Make(HttpStatusCode.OK,
            "{\"RequestId\":\"R\",\"Credentials\":{\"AccessKeyId\":\"STS.a\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"2030-01-01T00:00:00Z\"}}"));
        var sts = new StsClient(new HttpClient(handler), TestClients.Options(o => { o.Credentials = null; o.CredentialsProvider = new NoCredentials(); o.SignatureVersion = signature; }));

        await sts.AssumeRoleWithOIDCAsync(new AssumeRoleWithOIDCRequest
        {
            RoleArn = "acs:ram::1:role/r", OIDCProviderArn = "acs:ram::1:oidc-provider/p", OIDCToken = "eyJ.oidc-token", RoleSessionName = "s1",
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        // The URL: the official SDK's common parameters of an anonymous call (doRPCRequest), nothing else.
        var officialCommon = official.Query.Select(p => p.Key).Where(Common.Contains).Order(StringComparer.Ordinal);
        Assert.Equal(officialCommon, sent.Query.Select(p => p.Key).Order(StringComparer.Ordinal));
        // The body: every parameter, the OIDC token among them (specs/sts says why they are position: body).
        Assert.Equal(["RoleArn", "OIDCProviderArn", "OIDCToken", "RoleSessionName"], sent.Form.Select(p => p.Key));
        Assert.DoesNotContain("oidc-token", sent.Uri.ToString(), StringComparison.Ordinal);
        Assert.Null(sent.Header("Authorization"));
    }

    [Fact]
    public async Task AnAnonymousCallsQueryParametersGoInTheUrl()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = new AlibabaCloudRpcClient(new HttpClient(handler), TestClients.Options(), new ServiceEndpoints("rds.aliyuncs.com", null, null));

        await client.SendAsync(
            new SplitRequest { Query = { ["RoleArn"] = "r" }, Body = { ["Extra"] = "b v" } },
            new RpcOperation("Sts", SplitRequest.Name, anonymous: true), DescribeBackupTasksResponse.ParseJsonAsync, DescribeBackupTasksResponse.ParseXmlAsync);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(["Action", "Format", "RoleArn", "SignatureNonce", "Timestamp", "Version"], sent.Query.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal([new("Extra", "b v")], sent.Form);
    }

    [Fact]
    public async Task APagerPutsBodyPageParametersInTheBodyOnEveryPage()
    {
        var handler = new FakeHttpHandler().Then(request => Responses.Make(HttpStatusCode.OK,
            request.Form.Single(p => p.Key == "PageNumber").Value == "1"
                ? "{\"RequestId\":\"R\",\"TotalRecordCount\":3,\"Notes\":{\"Note\":[\"a\",\"b\"]}}"
                : "{\"RequestId\":\"R\",\"TotalRecordCount\":3,\"Notes\":{\"Note\":[\"c\"]}}"));
        var notes = new NotesClient(new HttpClient(handler), TestClients.Options());

        var all = new List<string>();
        await foreach (var note in notes.ListNotesItemsAsync(new ListNotesRequest { Owner = "me" }))
        {
            all.Add(note);
        }

        Assert.Equal(["a", "b", "c"], all);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("me", r.Query.Single(p => p.Key == "Owner").Value);
            Assert.DoesNotContain(r.Query, p => p.Key is "PageNumber" or "PageSize");
            Assert.Equal("2", r.Form.Single(p => p.Key == "PageSize").Value);
        });
        Assert.Equal(["1", "2"], handler.Requests.Select(r => r.Form.Single(p => p.Key == "PageNumber").Value));
    }

    [Fact]
    public async Task ARequestThatWritesOneNameIntoTheQueryAndTheBodyIsRefusedBeforeAnythingIsSent()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = new AlibabaCloudRpcClient(new HttpClient(handler), TestClients.Options(), new ServiceEndpoints("rds.aliyuncs.com", null, null));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(
            new SplitRequest { Query = { ["Id"] = "1" }, Body = { ["Id"] = "2" } },
            new RpcOperation("Rds", SplitRequest.Name), DescribeBackupTasksResponse.ParseJsonAsync, DescribeBackupTasksResponse.ParseXmlAsync));

        Assert.Contains("'Id'", error.Message);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void TheOneCollectionFormWritesEveryParameterInSpecOrder()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        new DeleteDBInstanceEndpointAddressRequest { ClientToken = "t", ConnectionString = "c", DBInstanceEndpointId = "e", DBInstanceId = "d" }.WriteParameters(parameters);

        Assert.Equal(["Action", "Version", "ClientToken", "ConnectionString", "DBInstanceEndpointId", "DBInstanceId"], parameters.Select(p => p.Key));
    }

    private static async Task<RecordedRequest> SendLikeTheOfficialSdk(string name, SignatureVersion signature)
    {
        var official = OfficialPost.Load(name, signature);
        var handler = new FakeHttpHandler().Then(Ok);
        var client = new RdsClient(new HttpClient(handler), TestClients.Options(o =>
        {
            o.Credentials = new AlibabaCloudCredentials(official.AccessKeyId, official.Secret, official.SecurityToken);
            o.SignatureVersion = signature;
            o.TimeProvider = new FixedClock(DateTimeOffset.Parse(official.Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        }));

        // The same requests as record-post-split.js makes.
        switch (name)
        {
            case "DescribeBackupTasks":
                await client.DescribeBackupTasksAsync(new DescribeBackupTasksRequest
                {
                    DBInstanceId = "rm-uf6wjk5xxxxxxx", BackupMode = BackupMode.Automated, BackupJobStatus = BackupJobStatus.Progressing, ClientToken = "a-token",
                });
                break;
            case "DeleteDBInstanceEndpointAddress":
                await client.DeleteDBInstanceEndpointAddressAsync(new DeleteDBInstanceEndpointAddressRequest
                {
                    ClientToken = "ETnLKlblzczshOTUbOCz****", DBInstanceId = "pc-xxxxxxxxxx", DBInstanceEndpointId = "ep-****",
                    ConnectionString = "new a&b=c/é.mysql.rds.aliyuncs.com",
                });
                break;
            case "ConfirmNotify":
                await client.ConfirmNotifyAsync(new ConfirmNotifyRequest { Confirmor = 0, NotifyIdList = [1, 2] });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }

        return Assert.Single(handler.Requests);
    }

    private static HttpResponseMessage Ok(RecordedRequest request) => Responses.Make(HttpStatusCode.OK, "{\"RequestId\":\"R\"}");

    private static List<KeyValuePair<string, string>> Operational(IEnumerable<KeyValuePair<string, string>> parameters) =>
        [.. parameters.Where(p => !Common.Contains(p.Key))];

    private static List<KeyValuePair<string, string>> Sorted(List<KeyValuePair<string, string>> parameters) =>
        [.. parameters.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>One request of official-sdk-post-split.json.</summary>
    private sealed record OfficialPost(
        List<KeyValuePair<string, string>> Query,
        List<KeyValuePair<string, string>> Body,
        string RawBody,
        List<KeyValuePair<string, string>> HeaderList,
        string Timestamp,
        string AccessKeyId,
        string Secret,
        string SecurityToken)
    {
        public Dictionary<string, string> Headers => HeaderList.ToDictionary(h => h.Key, h => h.Value);

        public static OfficialPost Load(string name, SignatureVersion signature)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OfficialSdk", "official-sdk-post-split.json")));
            var root = document.RootElement;
            var request = root.GetProperty("requests").EnumerateArray()
                .Single(r => r.GetProperty("name").GetString() == name && r.GetProperty("signature").GetString() == signature.ToString());
            Assert.Equal("POST", request.GetProperty("method").GetString());
            return new OfficialPost(
                Pairs(request.GetProperty("query")),
                Pairs(request.GetProperty("body")),
                request.GetProperty("rawBody").GetString()!,
                [.. request.GetProperty("headers").EnumerateObject().Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!))],
                root.GetProperty("timestamp").GetString()!,
                root.GetProperty("accessKeyId").GetString()!,
                root.GetProperty("accessKeySecret").GetString()!,
                root.GetProperty("securityToken").GetString()!);
        }

        private static List<KeyValuePair<string, string>> Pairs(JsonElement pairs) =>
            [.. pairs.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!))];
    }

    /// <summary>A hand-written request with parameters in the query and the body, as a generated one splits them.</summary>
    private sealed class SplitRequest : IRpcRequest, IRpcBodyParameters
    {
        public const string Name = "AssumeRoleWithOIDC";

        public Dictionary<string, string> Query { get; } = [];

        public Dictionary<string, string> Body { get; } = [];

        public string Action => Name;

        public string Version => "2015-04-01";

        public bool IsReadOnly => true;

        public void Validate()
        {
        }

        public bool IsBodyParameter(string name) => Body.ContainsKey(name);

        public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters) => WriteParameters(parameters, parameters);

        public void WriteParameters(ICollection<KeyValuePair<string, string>> query, ICollection<KeyValuePair<string, string>> body)
        {
            query.Add(new("Action", Action));
            query.Add(new("Version", Version));
            foreach (var parameter in Query)
            {
                query.Add(parameter);
            }

            foreach (var parameter in Body)
            {
                body.Add(parameter);
            }
        }
    }
}
