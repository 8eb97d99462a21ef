using Bindings.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Spectre assumes 80 columns when the output is not a terminal, and wraps a table's cells mid-word
    // ("FullBacku / p"); in a pipe or a log file a line may be as long as the table needs.
    console.Profile.Width = 240;
}

return await CliApp.RunAsync(args, console, Environment.GetEnvironmentVariable, CancellationToken.None);
