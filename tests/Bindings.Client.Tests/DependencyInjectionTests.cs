using Bindings.Rds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bindings.Client.Tests;

/// <summary>The generated <c>AddRdsClient</c> registers a typed client with <c>IHttpClientFactory</c>.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task TheRegisteredClientSendsThroughTheFactorysHandlerWithTheConfiguredOptions()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services
            .AddRdsClient(o => { o.Endpoint = TestClients.LocalEndpoint; o.Credentials = TestClients.Credentials(); o.Format = ResponseFormat.Xml; })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<RdsClient>();
        var response = await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(Bodies.RequestId, response.RequestId);
        Assert.Equal("XML", handler.Requests.Single().Parameter("Format"));
        Assert.Equal(TestClients.LocalEndpoint.Authority, client.Endpoint.Authority);
        // The container's logger factory is used when the options name none.
        Assert.Contains(logs.Entries, e => e.Category == "Bindings.Client.AlibabaCloudRpcClient");
    }

    [Fact]
    public void TheOptionsAreNamedAfterTheClientAndTheHttpClientHasNoTimeoutOfItsOwn()
    {
        var services = new ServiceCollection();
        services.AddRdsClient(o => o.RegionId = "ap-northeast-1");
        services.Configure<AlibabaCloudClientOptions>("Bindings.Rds.RdsClient", o => o.Retry.MaxRetries = 7);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AlibabaCloudClientOptions>>().Get("Bindings.Rds.RdsClient");
        Assert.Equal("ap-northeast-1", options.RegionId);
        Assert.Equal(7, options.Retry.MaxRetries);
        Assert.Equal(Timeout.InfiniteTimeSpan, provider.GetRequiredService<IHttpClientFactory>().CreateClient("Bindings.Rds.RdsClient").Timeout);
        Assert.Equal(new Uri("https://rds.ap-northeast-1.aliyuncs.com/"), provider.GetRequiredService<RdsClient>().Endpoint);
    }
}
