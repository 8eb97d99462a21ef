using Bindings.StandIn;
using Spectre.Console.Testing;

namespace Bindings.Cli.Tests;

/// <summary>The command-line program, run in process: its output and exit codes.</summary>
public class CliTests
{
    private static readonly Func<string, string?> NoCredentials = _ => null;

    [Fact]
    public async Task DescribeWithoutCredentialsRunsAgainstTheStandInAndPrintsTheTasks()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "describe");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No Alibaba Cloud credentials in the environment: using the local RDS stand-in at http://127.0.0.1:", output);
        Assert.Single(output.Split('\n'), line => line.Contains("local RDS stand-in"));
        Assert.Contains("Backup tasks of rm-uf6wjk5xxxxxxx", output);
        Assert.Contains("4762614", output);
        Assert.Contains("RequestId", output);
    }

    [Theory]
    [InlineData("json", "v3", "\"Items\"")]
    [InlineData("xml", "v1", "<DescribeBackupTasksResponse>")]
    [InlineData("xml", "v3", "<BackupJob>")]
    [InlineData("json", "v1", "\"BackupJob\"")]
    public async Task DescribeRawPrintsTheBodyInTheChosenFormat(string format, string signature, string expected)
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "describe", "--raw", "--format", format, "--signature", signature);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task WatchFollowsEveryTaskToFinishedAndExitsZero()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "watch", "--interval", "00:00:00.5");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Every backup task of rm-uf6wjk5xxxxxxx has finished.", output);
        Assert.Contains("Uploading", output);
        Assert.Contains("Finished 100%", output);
    }

    [Fact]
    public async Task WatchExitsNonZeroWhenATaskFails()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "watch", "--instance", StandInInstance.FailingInstanceId, "--interval", "00:00:00.5");
        Assert.Equal(ExitCodes.TaskFailed, exitCode);
        Assert.Contains("Failed", output);
        Assert.Contains("failed.", output);
    }

    [Fact]
    public async Task WatchGivesUpAfterTheTimeout()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "watch", "--interval", "00:00:00.2", "--timeout", "00:00:01");
        Assert.Equal(ExitCodes.TimedOut, exitCode);
        Assert.Contains("Timed out", output);
    }

    [Fact]
    public async Task AnInstanceWithoutTasksIsSaidSo()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "watch", "--instance", StandInInstance.IdleInstanceId);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("has finished", output);
        (exitCode, output) = await RunAsync(NoCredentials, "describe", "--instance", StandInInstance.IdleInstanceId);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No backup tasks", output);
    }

    [Fact]
    public async Task AServiceErrorIsOneLineAndExitCodeTwo()
    {
        var (exitCode, output) = await RunAsync(NoCredentials, "describe", "--instance", "rm-doesnotexist");
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("InvalidDBInstanceId.NotFound", output);
    }

    [Theory]
    [InlineData("describe", "--signature", "v2")]
    [InlineData("describe", "--endpoint", "not a url")]
    [InlineData("describe", "--format", "yaml")]
    [InlineData("frobnicate")]
    public async Task BadCommandLinesExitWithTheUsageCode(params string[] args)
    {
        var (exitCode, output) = await RunAsync(NoCredentials, args);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("error", output);
    }

    [Fact]
    public async Task WithCredentialsItCallsTheGivenEndpointAndNeverPrintsTheSecret()
    {
        // Credentials in the environment mean "the real service"; --endpoint points it at a stand-in we run here.
        var account = StandInAccount.Permanent("LTAI5tTestKeyId", "TestSecretValue-do-not-print");
        await using var service = await RdsStandIn.StartAsync(new StandInOptions { Accounts = [account], Profile = StandInProfile.Fast });
        var environment = new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = account.AccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = account.AccessKeySecret,
        };

        var (exitCode, output) = await RunAsync(name => environment.GetValueOrDefault(name), "describe", "--instance", StandInInstance.DefaultInstanceId, "--endpoint", service.BaseAddress.ToString());
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("stand-in", output);
        Assert.Contains("4762614", output);
        Assert.True(service.Counters.Requests > 0);

        environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "WrongSecret-do-not-print";
        (exitCode, output) = await RunAsync(name => environment.GetValueOrDefault(name), "describe", "--instance", StandInInstance.DefaultInstanceId, "--endpoint", service.BaseAddress.ToString());
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("SignatureDoesNotMatch", output);
        Assert.DoesNotContain("do-not-print", output);
    }

    [Theory]
    [InlineData("json", "application/json", """{"Code":"Throttling","Message":"Request was denied due to request throttling.","RequestId":"r-1"}""")]
    [InlineData("xml", "text/xml", "<Error><Code>Throttling</Code><Message>Request was denied due to request throttling.</Message><RequestId>r-1</RequestId></Error>")]
    public async Task WatchNeverCallsAnErrorDocumentWithStatus200Finished(string format, string contentType, string body)
    {
        // A gateway that answers every poll with HTTP 200 and an error document: zero tasks, if read as a
        // response, and "every backup task has finished".
        await using var gateway = await Bindings.Testing.LoopbackServer.StartAsync(Bindings.Testing.LoopbackServer.Answer(200, contentType, body));

        var (exitCode, output) = await RunAsync(NoCredentials, "watch", "--endpoint", gateway.BaseAddress.ToString(), "--format", format, "--interval", "00:00:00.1");

        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("Throttling (HTTP 200)", output);
        Assert.DoesNotContain("has finished", output);
    }

    [Fact]
    public async Task DescribeRawKeepsNoMoreThanTheLimitAndAnEndlessBodyIsRefused()
    {
        // Without a limit in the CLI, --raw buffered the whole body first: this one never ends.
        await using var endless = await Bindings.Testing.LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            var spaces = new byte[64 * 1024];
            Array.Fill(spaces, (byte)' ');
            await context.Response.Body.WriteAsync("{\"RequestId\":"u8.ToArray());
            try
            {
                for (var i = 0; i < 4096 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(spaces, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
            }
        });

        var (exitCode, output) = await RunAsync(NoCredentials, "describe", "--raw", "--endpoint", endless.BaseAddress.ToString());

        Assert.Equal(ExitCodes.TransportError, exitCode);
        Assert.Contains("larger than the limit of 67108864 bytes", output);
    }

    [Fact]
    public async Task WithCredentialsButNoInstanceItAsksForOne()
    {
        var environment = new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tTestKeyId",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "TestSecretValue-do-not-print",
        };
        var (exitCode, output) = await RunAsync(name => environment.GetValueOrDefault(name), "describe", "--endpoint", "http://127.0.0.1:9/");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--instance", output);
    }

    /// <summary>
    /// Runs the program in process. Its environment is the test's: the metadata service is the closed
    /// loopback port unless the test says otherwise (never the real 100.100.100.200), and there is no
    /// home directory unless the test gives one, so a developer's own profiles never sign a request.
    /// </summary>
    internal static async Task<(int ExitCode, string Output)> RunAsync(Func<string, string?> environment, params string[] args)
    {
        var console = new TestConsole().Width(250);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        Func<string, string?> isolated = name => environment(name)
            ?? (name == "BINDINGS_ECS_METADATA_ENDPOINT" ? Bindings.Testing.CredentialIsolation.ClosedMetadataEndpoint : null);
        var exitCode = await CliApp.RunAsync(args, console, isolated, timeout.Token);
        return (exitCode, console.Output);
    }
}
