using Bindings.Rds;

namespace Bindings.Client.Tests;

/// <summary>
/// A parameter a spec places in the body (<c>position: body</c>) never travels in the URL: a client
/// configured for GET sends such a request as POST with it in a form body and the query parameters in the
/// URL, signed either way; otherwise GET stays GET.
/// </summary>
public class BodyPositionTests
{
    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task ARequestWithABodyParameterSetGoesAsPostEvenWhenTheClientUsesGet(SignatureVersion signature)
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler, o => { o.HttpMethod = RpcHttpMethod.Get; o.SignatureVersion = signature; });

        await Send(client, new BodyRequest { Content = "a long text" });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Contains(sent.Form, p => p.Key == "Content" && p.Value == "a long text");
        Assert.DoesNotContain(sent.Query, p => p.Key == "Content");
        // The query parameter stays in the URL, as the official SDK sends it.
        Assert.Contains(sent.Query, p => p.Key == "Id" && p.Value == "1");
        Assert.DoesNotContain(sent.Form, p => p.Key == "Id");
    }

    [Fact]
    public async Task WithTheBodyParameterUnsetGetStaysGet()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = CreateThingRequest.Client(handler, o => o.HttpMethod = RpcHttpMethod.Get);

        await Send(client, new BodyRequest());

        Assert.Equal("GET", Assert.Single(handler.Requests).Method);
    }

    private static Task<DescribeBackupTasksResponse> Send(AlibabaCloudRpcClient client, BodyRequest request) =>
        client.SendAsync(request, new RpcOperation("Things", "PutContent"), DescribeBackupTasksResponse.ParseJsonAsync, DescribeBackupTasksResponse.ParseXmlAsync);

    private sealed class BodyRequest : IRpcRequest, IRpcBodyParameters
    {
        public string? Content { get; set; }

        public string Action => "PutContent";

        public string Version => "2014-08-15";

        public bool IsReadOnly => true;

        public void Validate()
        {
        }

        public bool IsBodyParameter(string name) => name == "Content";

        public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters) => WriteParameters(parameters, parameters);

        public void WriteParameters(ICollection<KeyValuePair<string, string>> query, ICollection<KeyValuePair<string, string>> body)
        {
            query.Add(new("Action", Action));
            query.Add(new("Version", Version));
            query.Add(new("Id", "1"));
            if (Content is not null)
            {
                body.Add(new("Content", Content));
            }
        }
    }
}
