using System.Text;
using Bindings.Rds;

namespace Bindings.Robustness.Tests;

/// <summary>
/// Every input that made a fuzzing run crash (kept in tests/fuzz/crashes/FORMAT/), replayed through the
/// parsers: each must now parse or be refused with <see cref="ResponseParseException"/>. Also the
/// smallest forms of each crash.
/// </summary>
public class FuzzCrashRegressionTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "FuzzCrashes");

    public static TheoryData<string> CrashFiles()
    {
        var data = new TheoryData<string>();
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Directory, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashFiles))]
    public void ACrashFoundByFuzzingParsesOrIsRefused(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Directory, file));
        if (file.StartsWith("json/", StringComparison.Ordinal))
        {
            Guard.Run(() => DescribeBackupTasksResponse.ParseJson(bytes), file);
            Guard.Run(() => DescribeBackupTasksResponse.ParseJson(new MemoryStream(bytes)), file);
        }
        else
        {
            Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(bytes)), file);
            Guard.Run(() => DescribeBackupTasksResponse.ParseXml(Encoding.UTF8.GetString(bytes)), file);
        }
    }

    [Theory]
    [InlineData("<DescribeBackupTasksResponse><Items><xmlns:Job/></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><xmlns:x>1</xmlns:x></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items><BackupJob><X><xmlns:y/></X></BackupJob></Items></DescribeBackupTasksResponse>")]
    public void AnUnknownElementWithTheReservedXmlnsPrefixIsRefused(string xml)
    {
        // Found by afl-fuzz: XmlReader reads <xmlns:Job>, but the writer that keeps unknown elements threw ArgumentException.
        var refusal = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(xml));
        Assert.Equal(WireFormat.Xml, refusal.Format);
    }
}
