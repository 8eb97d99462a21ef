using Bindings.Rds;

namespace Bindings.Client.Tests;

/// <summary>Where requests go, and options that are refused when the client is built.</summary>
public class EndpointAndOptionsTests
{
    private static Uri Resolve(Action<AlibabaCloudClientOptions> configure)
    {
        var options = new AlibabaCloudClientOptions { Credentials = TestClients.Credentials() };
        configure(options);
        return new RdsClient(new HttpClient(new FakeHttpHandler()), options).Endpoint;
    }

    [Fact]
    public void TheSpecsEndpointsAreGenerated()
    {
        Assert.Equal("rds.aliyuncs.com", RdsClient.Endpoints.DefaultHost);
        Assert.Equal("rds.{regionId}.aliyuncs.com", RdsClient.Endpoints.RegionalTemplate);
        Assert.Equal("rds-vpc.{regionId}.aliyuncs.com", RdsClient.Endpoints.VpcTemplate);
    }

    [Fact]
    public void WithoutRegionTheDefaultHostIsUsed() => Assert.Equal(new Uri("https://rds.aliyuncs.com/"), Resolve(_ => { }));

    [Fact]
    public void ARegionPicksTheRegionalHost() =>
        Assert.Equal(new Uri("https://rds.ap-northeast-1.aliyuncs.com/"), Resolve(o => o.RegionId = "ap-northeast-1"));

    [Fact]
    public void AVpcEndpointCanBeChosen() =>
        Assert.Equal(new Uri("https://rds-vpc.eu-central-1.aliyuncs.com/"), Resolve(o => { o.RegionId = "eu-central-1"; o.UseVpcEndpoint = true; }));

    [Theory]
    [InlineData("http://127.0.0.1:5380", "http://127.0.0.1:5380/")]
    [InlineData("http://localhost:8080/", "http://localhost:8080/")]
    [InlineData("https://rds.example.test", "https://rds.example.test/")]
    [InlineData("http://[::1]:9000", "http://[::1]:9000/")]
    public void TheEndpointWinsOverTheRegion(string endpoint, string expected) =>
        Assert.Equal(new Uri(expected), Resolve(o => { o.Endpoint = new Uri(endpoint); o.RegionId = "cn-hangzhou"; }));

    [Fact]
    public async Task RequestsGoToTheResolvedHost()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = new RdsClient(new HttpClient(handler), new AlibabaCloudClientOptions { Credentials = TestClients.Credentials(), RegionId = "eu-central-1" });

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal("rds.eu-central-1.aliyuncs.com", handler.Requests[0].Uri.Host);
        Assert.Equal("rds.eu-central-1.aliyuncs.com", handler.Requests[0].Header("Host"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5380/api")]
    [InlineData("http://127.0.0.1:5380/?a=b")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://user:pass@127.0.0.1/")]
    public void AnEndpointWithMoreThanAHostIsRefused(string endpoint) =>
        Assert.Throws<ArgumentException>(() => Resolve(o => o.Endpoint = new Uri(endpoint)));

    [Theory]
    [InlineData("cn-hangzhou.evil.com/")]
    [InlineData("CN-HANGZHOU")]
    [InlineData("cn hangzhou")]
    public void AMalformedRegionIsRefused(string region) => Assert.Throws<ArgumentException>(() => Resolve(o => o.RegionId = region));

    [Fact]
    public void VpcWithoutRegionIsRefused() => Assert.Throws<ArgumentException>(() => Resolve(o => o.UseVpcEndpoint = true));

    public static TheoryData<string, Action<AlibabaCloudClientOptions>> BadOptions() => new()
    {
        { "attempt timeout too short", o => o.AttemptTimeout = TimeSpan.FromMilliseconds(1) },
        { "negative timeout", o => o.Timeout = TimeSpan.FromSeconds(-5) },
        { "negative retries", o => o.Retry.MaxRetries = -1 },
        { "max delay below base", o => { o.Retry.BaseDelay = TimeSpan.FromSeconds(2); o.Retry.MaxDelay = TimeSpan.FromSeconds(1); } },
        { "no retry options", o => o.Retry = null! },
        { "user agent with a line break", o => o.UserAgent = "a\r\nX-Injected: 1" },
        { "undefined format", o => o.Format = (ResponseFormat)7 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsAreRefusedWhenTheClientIsBuilt(string why, Action<AlibabaCloudClientOptions> configure)
    {
        Assert.NotEmpty(why);
        Assert.Throws<ArgumentException>(() => Resolve(configure));
    }

    [Fact]
    public async Task OptionsAreReadOnceWhenTheClientIsBuilt()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var options = TestClients.Options();
        var client = new RdsClient(new HttpClient(handler), options);
        options.Format = ResponseFormat.Xml;
        options.Endpoint = new Uri("http://elsewhere.test/");

        await client.DescribeBackupTasksAsync(TestClients.Request());

        Assert.Equal("JSON", handler.Requests[0].Parameter("Format"));
        Assert.Equal(TestClients.LocalEndpoint.Authority, handler.Requests[0].Uri.Authority);
    }
}
