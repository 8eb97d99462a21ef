using System.Text;
using Bindings.Rds;

namespace Bindings.Tests.Parsing;

/// <summary>The documented response examples, with the names the translation broke restored.</summary>
public class DocumentedExampleTests
{
    public const string Json = global::Bindings.Testing.DocumentedExamples.Json;

    public const string Xml = global::Bindings.Testing.DocumentedExamples.Xml;

    [Fact]
    public void JsonExampleGivesTheDocumentedValues() => AssertDocumentedValues(DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(Json)));

    [Fact]
    public void XmlExampleGivesTheDocumentedValues() => AssertDocumentedValues(DescribeBackupTasksResponse.ParseXml(Xml));

    [Fact]
    public void JsonAndXmlGiveEqualObjects()
        => Assert.Equal(DescribeBackupTasksResponse.ParseJson(Json), DescribeBackupTasksResponse.ParseXml(Xml));

    [Fact]
    public async Task StreamEntryPointsGiveTheSameResult()
    {
        var fromSpan = DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(Json));
        Assert.Equal(fromSpan, DescribeBackupTasksResponse.ParseJson(new MemoryStream(Encoding.UTF8.GetBytes(Json))));
        Assert.Equal(fromSpan, await DescribeBackupTasksResponse.ParseJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(Json))));
        Assert.Equal(fromSpan, DescribeBackupTasksResponse.ParseXml(new MemoryStream(Encoding.UTF8.GetBytes(Xml))));
        Assert.Equal(fromSpan, await DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(Encoding.UTF8.GetBytes(Xml))));
    }

    private static void AssertDocumentedValues(DescribeBackupTasksResponse response)
    {
        Assert.Equal("90496720-2319-42A8-87CD-FCE4DF95EBED", response.RequestId);
        var job = Assert.Single(response.Items);
        Assert.Equal(BackupMode.Automated, job.JobMode);
        Assert.Equal(BackupModeKind.Automated, job.JobMode?.Kind);
        Assert.Equal(BackupProgressStatus.NoStart, job.BackupProgressStatus);
        Assert.Equal(TaskAction.NormalBackupTask, job.TaskAction);
        Assert.Equal(BackupStatus.NoStart, job.BackupStatus);
        Assert.Equal(4762614L, job.BackupJobId);
        Assert.Null(job.BackupId);
        Assert.Null(job.Process);
        Assert.Empty(job.UnknownMembers);
        Assert.Empty(response.UnknownMembers);
    }
}
