using System.Text.RegularExpressions;
using Bindings.StandIn;

namespace Bindings.Cli.Tests;

/// <summary>
/// The backup lifecycle through the program, over real HTTP against one stand-in that keeps its state
/// between commands (credentials in the environment, <c>--endpoint</c> at the stand-in): back up and
/// wait, list, read and change the policy, delete.
/// </summary>
public sealed partial class LifecycleTests : IAsyncLifetime
{
    private const string Id = "rm-cli-lifecycle";

    /// <summary>Forty days of daily automated sets: with the new one, 41, two pages of 30.</summary>
    private const int History = 40;

    private readonly StandInAccount _account = StandInAccount.Permanent("LTAI5tLifecycleKey", "LifecycleSecret-do-not-print");
    private RdsStandIn _service = null!;

    public async Task InitializeAsync()
    {
        var instances = StandInInstance.Defaults();
        instances.Add(new StandInInstance(Id, taskCount: 0) { BackupRetentionPeriod = History, ScheduledBackups = false, DBInstanceDescription = "lifecycle" });
        _service = await RdsStandIn.StartAsync(new StandInOptions { Accounts = [_account], Profile = StandInProfile.Fast, Instances = instances });
    }

    public Task DisposeAsync() => _service.DisposeAsync().AsTask();

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = _account.AccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = _account.AccessKeySecret,
        };
        return CliTests.RunAsync(name => environment.GetValueOrDefault(name), [.. args, "--endpoint", _service.BaseAddress.ToString()]);
    }

    [Fact]
    public async Task A_backup_is_created_followed_to_its_set_listed_on_the_first_page_and_deleted_and_the_policy_changed()
    {
        // The service's times are to the minute: from the start of this minute, only the new set.
        var now = DateTimeOffset.UtcNow;
        var thisMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm'Z'");

        var (exitCode, output) = await RunAsync("backup", "create", "--instance", Id, "--wait", "--interval", "00:00:00.5");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("stand-in", output);
        var jobId = Assert.Single(StartedJob().Matches(output)).Groups[1].Value;
        // The task's progress, one line per change (the test console is not a terminal), in order.
        var phases = Phases(output, jobId);
        Assert.Equal("Finished", phases[^1]);
        Assert.Contains("Uploading", phases);
        Assert.True(phases.IndexOf("Uploading") < phases.IndexOf("Finished"), string.Join(" -> ", phases));
        var backupId = Assert.Single(FinishedSet().Matches(output)).Groups[1].Value;
        Assert.Matches(@"Size\s+│\s+2\.\d GiB \(2\d{9} bytes\)", output);
        Assert.Matches(@"Start\s+│\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", output);

        // The new set is the newest: on the first page of 30, not on the second; 41 on two pages in all.
        (exitCode, output) = await RunAsync("backups", "list", "--instance", Id);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(backupId, output);
        Assert.Contains($"Page 1: 30 of {History + 1} backup sets", output);
        (exitCode, output) = await RunAsync("backups", "list", "--instance", Id, "--page", "2");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain(backupId, output);
        Assert.Contains($"Page 2: {History + 1 - 30} of {History + 1} backup sets", output);
        (exitCode, output) = await RunAsync("backups", "list", "--instance", Id, "--all");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"{History + 1} backup sets on 2 pages.", output);
        Assert.Equal(History, Regex.Matches(output, "Automated").Count);
        (exitCode, output) = await RunAsync("backups", "list", "--instance", Id, "--all", "--from", thisMinute);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(backupId, output);
        Assert.Contains("1 backup sets on 1 page.", output);

        // The policy, read and changed: what is not given stays.
        (exitCode, output) = await RunAsync("policy", "show", "--instance", Id);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"Data backup retention\s+│\s+40 days", output);
        Assert.Matches(@"Backup window\s+│\s+19:00Z-20:00Z", output);
        (exitCode, output) = await RunAsync("policy", "set", "--instance", Id, "--retention", "45", "--period", "Monday,Thursday", "--log-backup", "off");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Changed the backup policy of {Id}.", output);
        Assert.Matches(@"Data backup retention\s+│\s+45 days", output);
        Assert.Matches(@"Backup days\s+│\s+Monday,Thursday", output);
        Assert.Matches(@"Backup window\s+│\s+19:00Z-20:00Z", output);
        Assert.Matches(@"Log backup\s+│\s+Disabled", output);
        (exitCode, output) = await RunAsync("policy", "show", "--instance", Id);
        Assert.Matches(@"Data backup retention\s+│\s+45 days", output);

        // Deleted, then gone: not listed, and a second delete is refused.
        (exitCode, output) = await RunAsync("backup", "delete", backupId, "--instance", Id);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Deleted 1 backup set of {Id}: {backupId}.", output);
        (exitCode, output) = await RunAsync("backups", "list", "--instance", Id, "--all");
        Assert.DoesNotContain(backupId, output);
        Assert.Contains($"{History} backup sets on 2 pages.", output);
        (exitCode, output) = await RunAsync("backup", "delete", backupId, "--instance", Id);
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("InvalidBackupSetID.NotFound", output);
    }

    [Fact]
    public async Task Raw_prints_every_body_as_received_and_nothing_else()
    {
        var (exitCode, output) = await RunAsync("backup", "create", "--instance", Id, "--wait", "--raw", "--interval", "00:00:00.5", "--format", "xml");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("<?xml", output.TrimStart());
        Assert.Contains("<CreateBackupResponse>", output);
        Assert.Contains("<DescribeBackupTasksResponse>", output);
        Assert.Contains("<DescribeBackupsResponse>", output);
        Assert.DoesNotContain("│", output);
        Assert.DoesNotContain("Started backup job", output);
    }

    [Fact]
    public async Task A_backup_of_an_instance_whose_backups_fail_exits_with_the_task_failed_code()
    {
        var (exitCode, output) = await RunAsync("backup", "create", "--instance", StandInInstance.FailingInstanceId, "--wait", "--interval", "00:00:00.5");
        Assert.Equal(ExitCodes.TaskFailed, exitCode);
        Assert.Matches(@"Backup job \d+ of rm-bp1ibu842w2xxxxx failed\.", output);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout_with_its_own_exit_code()
    {
        // Fast backups take 7 s at least; the waiter's maximum is 1.5 s.
        var (exitCode, output) = await RunAsync("backup", "create", "--instance", StandInInstance.IdleInstanceId, "--wait", "--interval", "00:00:00.5", "--timeout", "00:00:01.5");
        Assert.Equal(ExitCodes.TimedOut, exitCode);
        Assert.Matches(@"Timed out with backup job \d+ of rm-2ze8g2am97xxxxxx still running\.", output);
    }

    [Fact]
    public async Task Without_wait_it_starts_the_backup_and_says_which_job()
    {
        var (exitCode, output) = await RunAsync("backup", "create", "--instance", StandInInstance.DefaultInstanceId);
        Assert.Equal(ExitCodes.Success, exitCode);
        var jobId = long.Parse(Assert.Single(StartedJob().Matches(output)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The task exists and runs: a second backup now is BackupJobExists.
        (exitCode, output) = await RunAsync("backup", "create", "--instance", StandInInstance.DefaultInstanceId);
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("BackupJobExists", output);
        (exitCode, output) = await RunAsync("describe", "--instance", StandInInstance.DefaultInstanceId);
        Assert.Contains(jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), output);
    }

    /// <summary>Each documented refusal the commands can meet: exit code 2 and the service's code, and nothing changed.</summary>
    [Theory]
    [InlineData("InvalidDBInstanceId.NotFound", "backup", "create", "--instance", "rm-nosuch")]
    [InlineData("InvalidBackupMethod.ValueNotSupport", "backup", "create", "--instance", Id, "--method", "Incremental")]
    [InlineData("BackupType.NotSupport", "backup", "create", "--instance", Id, "--type", "Differential")]
    [InlineData("InvalidDBInstanceId.NotFound", "backups", "list", "--instance", "rm-nosuch")]
    [InlineData("InvalidParameterCombination", "backups", "list", "--instance", Id, "--from", "2026-02-02T00:00Z", "--to", "2026-02-01T00:00Z")]
    [InlineData("InvalidParameter", "backups", "list", "--instance", Id, "--mode", "Scheduled")]
    [InlineData("InvalidBackupSetID.NotFound", "backup", "delete", "1", "--instance", Id)]
    [InlineData("InvalidDBInstanceId.NotFound", "policy", "show", "--instance", "rm-nosuch")]
    [InlineData("InvalidBackupRetentionPeriod.Malformed", "policy", "set", "--instance", Id, "--retention", "6")]
    [InlineData("InvalidBackupRetentionPeriod.Malformed", "policy", "set", "--instance", Id, "--retention", "731")]
    [InlineData("InvalidBackupRetentionPeriod.Malformed", "policy", "set", "--instance", Id, "--log-retention", "41")]
    [InlineData("InvalidPreferredBackupTime.Format", "policy", "set", "--instance", Id, "--time", "02:00-03:00")]
    [InlineData("InvalidPreferredBackupPeriod.Malformed", "policy", "set", "--instance", Id, "--period", "Monday")]
    [InlineData("InvalidPreferredBackupPeriod.Malformed", "policy", "set", "--instance", Id, "--period", "Monday,Funday")]
    public async Task A_documented_refusal_is_one_line_with_the_code_and_exit_code_two(string code, params string[] args)
    {
        var before = await StateAsync();
        var (exitCode, output) = await RunAsync(args);
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains(code, output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("do-not-print", output);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Deleting_an_automated_set_within_the_retention_period_is_refused_and_keeps_it()
    {
        var (_, listed) = await RunAsync("backups", "list", "--instance", Id, "--mode", "Automated");
        var automated = Assert.IsType<Match>(SetId().Match(listed)).Groups[1].Value;
        var (exitCode, output) = await RunAsync("backup", "delete", automated, "--instance", Id);
        Assert.Equal(ExitCodes.ServiceError, exitCode);
        Assert.Contains("OperationDenied.BackupSetDeleteNotSupport", output);
        (_, listed) = await RunAsync("backups", "list", "--instance", Id, "--all");
        Assert.Contains(automated, listed);
    }

    [Theory]
    [InlineData("policy", "set", "--instance", Id)]                          // nothing to change
    [InlineData("policy", "set", "--instance", Id, "--log-backup", "maybe")]
    [InlineData("backups", "list", "--instance", Id, "--from", "last tuesday")]
    [InlineData("backups", "list", "--instance", Id, "--all", "--page", "2")]
    [InlineData("backup", "delete", "--instance", Id)]                       // no ID
    [InlineData("backup", "create", "--instance", Id, "--wait", "--interval", "00:00:00")]
    [InlineData("instances", "list", "--tag", "env")]
    [InlineData("instances", "list", "--tag", "a=1", "--tag", "a=2")]
    [InlineData("instances", "list", "--tag", "a=1", "--tag", "b=2", "--tag", "c=3", "--tag", "d=4", "--tag", "e=5", "--tag", "f=6")]
    public async Task A_bad_command_line_is_the_usage_exit_code_and_sends_nothing(params string[] args)
    {
        var requests = _service.Counters.Requests;
        var (exitCode, output) = await RunAsync(args);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("error", output);
        Assert.Equal(requests, _service.Counters.Requests);
    }

    [Fact]
    public async Task With_credentials_instances_list_needs_a_region()
    {
        var (exitCode, output) = await RunAsync("instances", "list");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--region", output);
    }

    [Fact]
    public async Task Instances_are_listed_by_region_and_tags_one_page_or_all()
    {
        var (exitCode, output) = await RunAsync("instances", "list", "--region", StandInInstance.DefaultRegionId);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Instances in cn-hangzhou", output);
        Assert.Contains(StandInInstance.DefaultInstanceId, output);
        Assert.Contains(Id, output);
        Assert.Contains("MySQL 8.0", output);
        Assert.Contains("Page 1: 4 of 4 instances", output);

        (exitCode, output) = await RunAsync("instances", "list", "--region", StandInInstance.DefaultRegionId, "--tag", "env=production");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(StandInInstance.DefaultInstanceId, output);
        Assert.Contains(StandInInstance.IdleInstanceId, output);
        Assert.DoesNotContain(StandInInstance.FailingInstanceId, output);
        Assert.DoesNotContain(Id, output);

        (exitCode, output) = await RunAsync("instances", "list", "--region", StandInInstance.DefaultRegionId, "--tag", "env=production", "--tag", "team=payments");
        Assert.Contains(StandInInstance.DefaultInstanceId, output);
        Assert.DoesNotContain(StandInInstance.IdleInstanceId, output);

        (exitCode, output) = await RunAsync("instances", "list", "--region", StandInInstance.DefaultRegionId, "--all", "--page-size", "1");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("4 instances on 4 pages.", output);

        (exitCode, output) = await RunAsync("instances", "list", "--region", "cn-beijing");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No instances in cn-beijing.", output);
    }

    /// <summary>What a refused command must leave alone: the instance's sets, tasks and policy, as the service shows them.</summary>
    private async Task<string> StateAsync()
    {
        var (_, sets) = await RunAsync("backups", "list", "--instance", Id, "--all", "--raw");
        var (_, tasks) = await RunAsync("describe", "--instance", Id, "--raw");
        var (_, policy) = await RunAsync("policy", "show", "--instance", Id, "--raw");
        return RequestIds().Replace(sets + tasks + policy, "");
    }

    private static List<string> Phases(string output, string jobId)
    {
        var phases = new List<string>();
        foreach (Match line in Regex.Matches(output, $@"^Job {jobId} \(Manual\) (\S+) \d+%", RegexOptions.Multiline))
        {
            phases.Add(line.Groups[1].Value);
        }

        return phases;
    }

    [GeneratedRegex(@"Started backup job (\d+) of ")]
    private static partial Regex StartedJob();

    [GeneratedRegex(@"has finished: backup set (\S+)\.")]
    private static partial Regex FinishedSet();

    [GeneratedRegex(@"│\s*(\d+)\s*│\s*Success\s*│\s*Automated")]
    private static partial Regex SetId();

    [GeneratedRegex(@"""?RequestId""?\s*[:>]\s*""?[0-9A-Fa-f-]+""?")]
    private static partial Regex RequestIds();
}
