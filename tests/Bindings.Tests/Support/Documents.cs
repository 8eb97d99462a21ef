using System.Text;
using Bindings.Rds;

namespace Bindings.Tests.Support;

/// <summary>Short ways to parse DescribeBackupTasks documents in tests.</summary>
public static class Documents
{
    public static DescribeBackupTasksResponse FromJson(string json) => DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(json));

    public static DescribeBackupTasksResponse FromXml(string xml) => DescribeBackupTasksResponse.ParseXml(xml);

    /// <summary>A JSON document whose only job is <paramref name="jobMembers"/> (the inside of the object).</summary>
    public static BackupJob JsonJob(string jobMembers)
        => Assert.Single(FromJson("{\"Items\":{\"BackupJob\":[{" + jobMembers + "}]},\"RequestId\":\"r\"}").Items);

    /// <summary>An XML document whose only job holds <paramref name="jobElements"/>.</summary>
    public static BackupJob XmlJob(string jobElements)
        => Assert.Single(FromXml("<DescribeBackupTasksResponse><Items><BackupJob>" + jobElements + "</BackupJob></Items><RequestId>r</RequestId></DescribeBackupTasksResponse>").Items);

    public static MemoryStream Utf8Stream(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }
}
