using Bindings.Cli;
using Spectre.Console;

return await CliApp.RunAsync(args, AnsiConsole.Console, Environment.GetEnvironmentVariable, CancellationToken.None);
