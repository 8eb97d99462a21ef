using System.CommandLine;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>The command line: <c>describe</c> and <c>watch</c>, over the real service or the stand-in.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var options = new CliOptions();
        var root = new RootCommand(
            "Lists and follows the backup tasks of an ApsaraDB RDS instance (DescribeBackupTasks). Credentials come from "
            + "Alibaba Cloud's default chain: ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET (and _SECURITY_TOKEN), OIDC role "
            + "federation, the aliyun CLI's profile (ALIBABA_CLOUD_PROFILE), ~/.alibabacloud/credentials.ini, the ECS "
            + "instance's RAM role, ALIBABA_CLOUD_CREDENTIALS_URI; without any the program starts a local stand-in of the "
            + "service and runs against it.");
        root.Subcommands.Add(DescribeCommand.Create(options, console, environment));
        root.Subcommands.Add(WatchCommand.Create(options, console, environment));
        root.Subcommands.Add(WhoAmICommand.Create(options, console, environment));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            }

            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = console.Profile.Out.Writer }, cancellationToken);
    }
}
