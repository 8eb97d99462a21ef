using System.Diagnostics;
using Bindings.Client;
using Bindings.Rds;
using Bindings.Signing;
using Bindings.StandIn;
using Consumer.App;
using Xunit;

namespace Consumer.App.Tests;

/// <summary>The app's code against the stand-in, over real HTTP, as a user's test project would run it.</summary>
public sealed class BackupReportTests : IAsyncLifetime
{
    private RdsStandIn _standIn = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _standIn = await RdsStandIn.StartAsync(new StandInOptions { Profile = StandInProfile.Fast });

        // Teach the stand-in the operation the app added to its own specs.
        _standIn.MapOperation("2014-08-15", "DescribeRegions", call => new StandInObject
        {
            {
                "Regions", new StandInObject
                {
                    {
                        "RDSRegion", new StandInArray
                        {
                            new StandInObject { { "RegionId", "cn-hangzhou" }, { "ZoneId", "cn-hangzhou-h" }, { "LocalName", call.Parameter("AcceptLanguage") ?? "" } },
                            new StandInObject { { "RegionId", "cn-hangzhou" }, { "ZoneId", "cn-hangzhou-i" } },
                            new StandInObject { { "RegionId", "ap-northeast-1" }, { "ZoneId", "ap-northeast-1a" } },
                        }
                    },
                }
            },
        });
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _standIn.DisposeAsync();
    }

    private RdsClient Client(SignatureVersion signature) => new(_http, new AlibabaCloudClientOptions
    {
        Endpoint = _standIn.BaseAddress,
        Credentials = new AlibabaCloudCredentials(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret),
        SignatureVersion = signature,
    });

    [Theory]
    [InlineData(SignatureVersion.V1)]
    [InlineData(SignatureVersion.V3)]
    public async Task The_report_reads_the_tasks_the_stand_in_holds(SignatureVersion signature)
    {
        var report = new BackupReport(Client(signature));
        var line = await report.SummarizeAsync(StandInInstance.DefaultInstanceId);
        Assert.StartsWith("rm-uf6wjk5xxxxxxx: 4 tasks, ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operation_of_the_apps_own_specs_is_answered_by_the_handler_the_test_registered()
    {
        var regions = await new BackupReport(Client(SignatureVersion.V3)).RegionsAsync();
        Assert.Equal(["cn-hangzhou", "ap-northeast-1"], regions);
        Assert.Contains(_standIn.RecentRequests, r => r.Action == "DescribeRegions" && r.Parameters["AcceptLanguage"] == "en-US" && r.StatusCode == 200);
    }

    [Fact]
    public async Task An_unknown_instance_is_the_services_error_through_the_generated_client()
    {
        var error = await Assert.ThrowsAsync<AlibabaCloudServiceException>(() => new BackupReport(Client(SignatureVersion.V3)).SummarizeAsync("rm-nosuch"));
        Assert.Equal("InvalidDBInstanceId.NotFound", error.Code);
    }

    [Fact]
    public async Task The_NativeAOT_build_of_the_app_calls_the_stand_in_too()
    {
        // run.sh runs this test alone, after publishing the app with PublishAot=true, and says where the executable is.
        var exe = Environment.GetEnvironmentVariable("CONSUMER_AOT_EXE");
        Assert.False(string.IsNullOrEmpty(exe), "CONSUMER_AOT_EXE names the NativeAOT executable (run.sh sets it).");

        var start = new ProcessStartInfo(exe, ["--endpoint", _standIn.BaseAddress.ToString(), "--instance", StandInInstance.FailingInstanceId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = StandInAccount.Default.AccessKeyId;
        start.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = StandInAccount.Default.AccessKeySecret;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("rm-bp1ibu842w2xxxxx: 3 tasks, ", output, StringComparison.Ordinal);
        Assert.Contains("regions: cn-hangzhou,ap-northeast-1", output, StringComparison.Ordinal);
    }
}
