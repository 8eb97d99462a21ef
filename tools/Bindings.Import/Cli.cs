using Bindings.Import.Sources;

namespace Bindings.Import;

/// <summary>The command line: <c>bindings import ...</c> (see <see cref="ImportOptions.Usage"/>).</summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(ImportOptions.Usage);
            return args.Length == 0 ? 64 : 0;
        }

        if (args[0] != "import")
        {
            error.WriteLine("Unknown command '" + args[0] + "'.");
            error.WriteLine(ImportOptions.Usage);
            return 64;
        }

        var (options, problem) = ImportOptions.Parse(args.Skip(1).ToList());
        if (options is null)
        {
            error.WriteLine("bindings import: " + problem);
            error.WriteLine(ImportOptions.Usage);
            return 64;
        }

        try
        {
            return ImportCommand.Run(options, output, error);
        }
        catch (ImportException exception)
        {
            error.WriteLine("bindings import: " + exception.Message);
            return 2;
        }
    }
}
