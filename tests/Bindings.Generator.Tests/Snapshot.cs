using System.Runtime.CompilerServices;

namespace Bindings.Generator.Tests;

/// <summary>
/// Snapshot checks in Verify's conventions: <c>*.verified.cs</c> files are committed; a mismatch writes
/// <c>*.received.cs</c> beside it and fails. <c>BINDINGS_ACCEPT_SNAPSHOTS=1</c> accepts the received
/// text. In strict mode (<c>SNAPSHOTS_STRICT=on</c>, or <c>CI</c> set, as in .ci/run) a missing snapshot
/// fails too; otherwise it is created.
/// </summary>
internal static class Snapshot
{
    public static bool Strict
        => string.Equals(Environment.GetEnvironmentVariable("SNAPSHOTS_STRICT"), "on", StringComparison.OrdinalIgnoreCase)
           || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static bool Accept => Environment.GetEnvironmentVariable("BINDINGS_ACCEPT_SNAPSHOTS") == "1";

    public static string Directory([CallerFilePath] string callerPath = "")
        => Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Directory(callerPath);
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        actual = actual.Replace("\r\n", "\n");

        if (!File.Exists(verified))
        {
            if (Strict && !Accept)
            {
                File.WriteAllText(received, actual);
                Assert.Fail($"No snapshot {Path.GetFileName(verified)}; the output is in {Path.GetFileName(received)}. Run the tests with BINDINGS_ACCEPT_SNAPSHOTS=1 to accept it.");
            }

            File.WriteAllText(verified, actual);
            return;
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{Path.GetFileName(verified)} differs from the generated text (written to {Path.GetFileName(received)}): first difference at {FirstDifference(expected, actual)}. Run the tests with BINDINGS_ACCEPT_SNAPSHOTS=1 to accept it.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var right = i < actualLines.Length ? actualLines[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  verified: {left}\n  received: {right}";
            }
        }

        return "(line endings)";
    }
}
