using System.CommandLine;
using System.Globalization;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// <c>policy show</c> and <c>policy set</c>: an instance's backup policy (<c>DescribeBackupPolicy</c>,
/// <c>ModifyBackupPolicy</c>). <c>set</c> changes what it is given and sends the rest of the data
/// backup policy as it is, because the service wants the whole of it in every change.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var command = new Command("policy", "Show or change an instance's backup policy.");
        command.Subcommands.Add(ShowCommand(options, console, environment));
        command.Subcommands.Add(SetCommand(options, console, environment));
        return command;
    }

    private static Command ShowCommand(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var raw = CliOptions.Raw();
        var command = new Command("show", "Show an instance's backup policy (DescribeBackupPolicy).");
        options.AddInstanceTo(command);
        command.Options.Add(raw);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "DescribeBackupPolicy", cancellationToken, keepRawBody: result.GetValue(raw));
            var policy = await connection.Client.DescribeBackupPolicyAsync(new DescribeBackupPolicyRequest { DBInstanceId = connection.InstanceId }, cancellationToken);
            if (result.GetValue(raw))
            {
                connection.PrintLastBody(console);
                return ExitCodes.Success;
            }

            Render(console, connection.InstanceId, policy);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SetCommand(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var retention = new Option<int?>("--retention") { Description = "Days to keep data backups (the service takes 7 to 730)." };
        var period = new Option<string?>("--period") { Description = "The days to back up on, e.g. Monday,Thursday (at least two)." };
        var time = new Option<string?>("--time") { Description = "The backup window in UTC, HH:mmZ-HH:mmZ one hour long, e.g. 19:00Z-20:00Z." };
        var logBackup = new Option<string?>("--log-backup") { Description = "Back up the logs: on or off." };
        logBackup.AcceptOnlyFromAmong("on", "off");
        var logRetention = new Option<int?>("--log-retention") { Description = "Days to keep log backups (7 to 730, at most --retention)." };
        var raw = CliOptions.Raw();
        var command = new Command("set", "Change an instance's backup policy (ModifyBackupPolicy): what is not given stays as it is.");
        options.AddInstanceTo(command);
        command.Options.Add(retention);
        command.Options.Add(period);
        command.Options.Add(time);
        command.Options.Add(logBackup);
        command.Options.Add(logRetention);
        command.Options.Add(raw);
        command.Validators.Add(result =>
        {
            if (result.GetResult(retention) is null && result.GetResult(period) is null && result.GetResult(time) is null
                && result.GetResult(logBackup) is null && result.GetResult(logRetention) is null)
            {
                result.AddError("policy set needs at least one of --retention, --period, --time, --log-backup, --log-retention.");
            }
        });
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, "ModifyBackupPolicy", cancellationToken, keepRawBody: result.GetValue(raw));
            var read = new DescribeBackupPolicyRequest { DBInstanceId = connection.InstanceId };
            var current = await connection.Client.DescribeBackupPolicyAsync(read, cancellationToken);
            var request = new ModifyBackupPolicyRequest
            {
                DBInstanceId = connection.InstanceId,
                BackupRetentionPeriod = Invariant(result.GetValue(retention) ?? current.BackupRetentionPeriod),
                PreferredBackupPeriod = result.GetValue(period) ?? current.PreferredBackupPeriod,
                PreferredBackupTime = result.GetValue(time) ?? current.PreferredBackupTime,
                BackupLog = result.GetValue(logBackup) is { } on ? (on == "on" ? "Enable" : "Disabled") : current.BackupLog,
                LogBackupRetentionPeriod = Invariant(result.GetValue(logRetention)),
            };
            await connection.Client.ModifyBackupPolicyAsync(request, cancellationToken);
            var changed = await connection.Client.DescribeBackupPolicyAsync(read, cancellationToken);
            if (result.GetValue(raw))
            {
                connection.PrintLastBody(console);
                return ExitCodes.Success;
            }

            console.MarkupLine($"Changed the backup policy of {Markup.Escape(connection.InstanceId)}.");
            Render(console, connection.InstanceId, changed);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static void Render(IAnsiConsole console, string instanceId, DescribeBackupPolicyResponse policy)
    {
        var table = new Table().Title($"Backup policy of {Markup.Escape(instanceId)}").HideHeaders().AddColumns("Field", "Value");
        table.AddRow("Data backup retention", Days(policy.BackupRetentionPeriod));
        table.AddRow("Backup days", Display.Text(policy.PreferredBackupPeriod));
        table.AddRow("Backup window", Display.Text(policy.PreferredBackupTime));
        table.AddRow("Next backup", Display.Time(policy.PreferredNextBackupTime));
        table.AddRow("Backup method", Display.Text(policy.BackupMethod?.WireValue));
        table.AddRow("Log backup", Display.Text(policy.BackupLog));
        table.AddRow("Log backup retention", Days(policy.LogBackupRetentionPeriod));
        table.AddRow("Local log retention", policy.LocalLogRetentionHours is { } hours ? $"{hours} hours" : "-");
        table.AddRow("Local log space", policy.LocalLogRetentionSpace is { Length: > 0 } space ? Markup.Escape(space) + "%" : "-");
        console.Write(table);
        console.MarkupLine($"[grey]RequestId {Display.Text(policy.RequestId)}[/]");
    }

    private static string Days(long? days) => days is { } n ? $"{n} days" : "-";
}
