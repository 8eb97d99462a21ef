using Bindings.Import;

namespace Bindings.Import.Tests;

/// <summary>Fixture paths, scratch folders and an in-process run of the command line.</summary>
internal static class TestSupport
{
    public static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static readonly string ShippedSpecs = Path.Combine(AppContext.BaseDirectory, "ShippedSpecs");

    public static string Fixture(params string[] parts) => Path.Combine(new[] { Fixtures }.Concat(parts).ToArray());

    /// <summary>The DescribeBackupTasks fixture's sources, in the order the README passes them.</summary>
    public static string[] BackupTasksSources => new[] { Fixture("backup-tasks", "main.dara"), Fixture("backup-tasks", "api-docs.json"), Fixture("backup-tasks", "api-info.json") };

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bindings-import-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The files of a folder, name to text.</summary>
    public static SortedDictionary<string, string> Files(string folder)
        => new(Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), File.ReadAllText), StringComparer.Ordinal);
}
