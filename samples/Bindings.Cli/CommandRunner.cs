using Bindings.Client;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>Turns what a command throws into one clear line and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (RequestValidationException exception)
        {
            return Fail(console, ExitCodes.Usage, exception.Message);
        }
        catch (AlibabaCloudServiceException exception)
        {
            return Fail(console, ExitCodes.ServiceError, exception.Message);
        }
        catch (AlibabaCloudTransportException exception)
        {
            return Fail(console, ExitCodes.TransportError, exception.Message);
        }
        catch (ResponseParseException exception)
        {
            return Fail(console, ExitCodes.TransportError, exception.Message);
        }
        catch (Bindings.Credentials.AlibabaCloudCredentialsException exception)
        {
            return Fail(console, ExitCodes.CredentialsError, exception.Message);
        }
        catch (ArgumentException exception)
        {
            // Options the client refuses (an unknown region with no endpoint, for example).
            return Fail(console, ExitCodes.Usage, exception.Message);
        }
    }

    private static int Fail(IAnsiConsole console, int exitCode, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return exitCode;
    }
}
