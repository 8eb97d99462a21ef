using Bindings.Tests.Shared;

namespace Bindings.Client.Tests;

/// <summary>
/// Hosts picked as the official SDK's <c>getEndpoint</c> picks them: the region map first, for every
/// network, then the rule (<c>rds.&lt;region&gt;</c>, <c>rds-vpc.&lt;region&gt;</c>); checked against
/// the hosts the official TypeScript client chose (tests/Shared/OfficialSdk).
/// </summary>
public class RegionMapTests
{
    // The entries of RDS's map (api-info.json) for the regions the recording covers.
    private static readonly ServiceEndpoints Rds = new ServiceEndpoints(
        "rds.aliyuncs.com",
        "rds.{regionId}.aliyuncs.com",
        "rds-vpc.{regionId}.aliyuncs.com",
        new Dictionary<string, string>
        {
            ["cn-hangzhou"] = "rds.aliyuncs.com",
            ["cn-beijing"] = "rds.aliyuncs.com",
            ["cn-hongkong"] = "rds.aliyuncs.com",
            ["ap-southeast-1"] = "rds.aliyuncs.com",
            ["us-west-1"] = "rds.aliyuncs.com",
            ["cn-hangzhou-finance"] = "rds-vpc.cn-hangzhou-finance.aliyuncs.com",
        });

    public static TheoryData<string, string, string> RecordedHosts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (network, region, host) in OfficialSdkAnswers.Hosts())
        {
            // The client has the public and the VPC network; "internal" has no option here.
            if (network != "internal")
            {
                data.Add(network, region, host);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedHosts))]
    public void EachRegionAndNetworkGoesWhereTheOfficialSdkSendsIt(string network, string region, string host)
    {
        var resolved = Rds.Resolve(new AlibabaCloudClientOptions { RegionId = region, UseVpcEndpoint = network == "vpc" });

        Assert.Equal(new Uri("https://" + host + "/"), resolved);
    }

    [Fact]
    public void TheMapWinsOverTheVpcTemplateAsInTheOfficialSdk() =>
        Assert.Equal("rds.aliyuncs.com", Rds.Resolve(new AlibabaCloudClientOptions { RegionId = "cn-hangzhou", UseVpcEndpoint = true }).Host);

    [Fact]
    public void AnExplicitEndpointWinsOverTheMap() =>
        Assert.Equal(
            new Uri("http://127.0.0.1:5380/"),
            Rds.Resolve(new AlibabaCloudClientOptions { RegionId = "cn-hangzhou", Endpoint = new Uri("http://127.0.0.1:5380") }));

    [Fact]
    public void WithoutARegionTheDefaultHostIsUsed() =>
        Assert.Equal("rds.aliyuncs.com", Rds.Resolve(new AlibabaCloudClientOptions()).Host);

    [Fact]
    public void TheMapIsCopiedSoThatLaterChangesDoNotMoveTheClient()
    {
        var regions = new Dictionary<string, string> { ["cn-hangzhou"] = "rds.aliyuncs.com" };
        var endpoints = new ServiceEndpoints(null, "rds.{regionId}.aliyuncs.com", null, regions);
        regions["cn-hangzhou"] = "attacker.example";

        Assert.Equal("rds.aliyuncs.com", endpoints.Resolve(new AlibabaCloudClientOptions { RegionId = "cn-hangzhou" }).Host);
    }

    [Theory]
    [InlineData("", "rds.aliyuncs.com")]
    [InlineData("CN-HANGZHOU", "rds.aliyuncs.com")]
    [InlineData("cn-hangzhou/x", "rds.aliyuncs.com")]
    [InlineData("cn-hangzhou", "rds.aliyuncs.com/evil")]
    [InlineData("cn-hangzhou", "user@rds.aliyuncs.com")]
    [InlineData("cn-hangzhou", "")]
    public void AMalformedEntryIsRefusedWhenTheSetIsMade(string region, string host) =>
        Assert.Throws<ArgumentException>(() => new ServiceEndpoints(null, null, null, new Dictionary<string, string> { [region] = host }));
}
