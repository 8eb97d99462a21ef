using System.Text;
using Bindings.Rds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bindings.Client.Tests;

/// <summary>Several clients of one type in one container, options from appsettings.json, checked when the host starts.</summary>
public class NamedClientTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private const string Settings = """
        {
          "Alibaba": {
            "Tokyo": {
              "RegionId": "ap-northeast-1",
              "Format": "xml",
              "SignatureVersion": "V1",
              "Timeout": "00:00:20",
              "Retry": { "MaxRetries": 5, "NotExecutedErrorCodes": [ "ConcurrentLimit" ] },
              "Credentials": { "AccessKeyId": "LTAI5tTokyoKey", "AccessKeySecret": "tokyo-secret-dont-log" }
            },
            "Hangzhou": {
              "RegionId": "cn-hangzhou",
              "UseVpcEndpoint": true,
              "Credentials": { "AccessKeyId": "LTAI5tHangzhouKey", "AccessKeySecret": "hangzhou-secret-dont-log" }
            }
          }
        }
        """;

    [Fact]
    public async Task TwoRegionsAndAccountsLiveSideBySideAsKeyedClientsAndThroughTheFactory()
    {
        var configuration = Json(Settings);
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var services = new ServiceCollection();
        services.AddRdsClient("tokyo", configuration.GetSection("Alibaba:Tokyo")).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddRdsClient("hangzhou", configuration.GetSection("Alibaba:Hangzhou")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var tokyo = provider.GetRequiredKeyedService<IRdsClient>("tokyo");
        var hangzhou = provider.GetRequiredService<IAlibabaCloudClientFactory<IRdsClient>>().CreateClient("hangzhou");
        await tokyo.DescribeBackupTasksAsync(TestClients.Request());
        await hangzhou.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal(new Uri("https://rds.ap-northeast-1.aliyuncs.com/"), tokyo.Endpoint);
        // cn-hangzhou is in RDS's region map, which the official SDK uses for every network, VPC included.
        Assert.Equal(new Uri("https://rds.aliyuncs.com/"), hangzhou.Endpoint);
        var (first, second) = (handler.Requests[0], handler.Requests[1]);
        Assert.Equal("LTAI5tTokyoKey", first.Parameter("AccessKeyId"));
        Assert.Equal("XML", first.Parameter("Format"));
        Assert.Equal("rds.aliyuncs.com", second.Header("Host"));
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=LTAI5tHangzhouKey,", second.Header("Authorization"), StringComparison.Ordinal);

        var options = provider.GetRequiredService<IOptionsMonitor<AlibabaCloudClientOptions>>().Get("Bindings.Rds.RdsClient:tokyo");
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Contains("ConcurrentLimit", options.Retry.NotExecutedErrorCodes);
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IAlibabaCloudClientFactory<IRdsClient>>().CreateClient("osaka"));
    }

    [Fact]
    public async Task TheDefaultClientIsInjectedByItsInterfaceToo()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var services = new ServiceCollection();
        services.AddRdsClient(o => { o.Endpoint = TestClients.LocalEndpoint; o.Credentials = TestClients.Credentials(); })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IRdsClient>();
        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.IsType<RdsClient>(client);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void MistakesInTheConfigurationFailTheStartWithTheirPathsAndNoSecret()
    {
        var configuration = Json("""
            {
              "Rds": {
                "Regoin": "ap-northeast-1",
                "Timeout": "20",
                "Format": "yaml",
                "Retry": { "MaxRetries": "many" },
                "Credentials": { "AccessKeySecret": "lonely-secret-dont-log" }
              },
              "Sts": { "Endpoint": "ftp://sts.example.com", "Credentials": { "Profile": "dev" } }
            }
            """);
        var services = new ServiceCollection();
        services.AddRdsClient("broken", configuration.GetSection("Rds"));
        services.AddRdsClient("endpoint", configuration.GetSection("Sts"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var text = string.Join("\n", error.InnerExceptions.Select(e => e.Message));
        Assert.Contains("Rds:Regoin is not an option", text);
        Assert.Contains("Rds:Timeout must be a time span like 00:00:30, or Infinite", text);
        Assert.Contains("Rds:Format must be one of Json, Xml", text);
        Assert.Contains("Rds:Retry:MaxRetries must be a whole number", text);
        Assert.Contains("Rds:Credentials: AccessKeyId and AccessKeySecret go together; only AccessKeySecret is set", text);
        Assert.Contains("'Bindings.Rds.RdsClient:endpoint'", text);
        Assert.Contains("absolute http or https URL", text);
        Assert.DoesNotContain("lonely-secret-dont-log", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsSetInCodeAreCheckedAtStartTooAndNotAtTheFirstCall()
    {
        var services = new ServiceCollection();
        services.AddRdsClient("bad", o => { o.RegionId = "Tokyo 1"; o.AttemptTimeout = TimeSpan.FromMilliseconds(1); });
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AttemptTimeout must be between 10 milliseconds and 24 hours", error.ToString());
    }
}
