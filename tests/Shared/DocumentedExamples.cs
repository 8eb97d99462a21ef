namespace Bindings.Testing;

/// <summary>
/// The response examples of the DescribeBackupTasks reference page, with the names the translation
/// broke restored (<c>Items</c>, <c>Automated</c>). One copy, linked into every project that needs them.
/// </summary>
internal static class DocumentedExamples
{
    /// <summary>The JSON example.</summary>
    public const string Json = """
        {
          "Items": {
            "BackupJob": [
              {
                "JobMode": "Automated",
                "BackupProgressStatus": "NoStart",
                "TaskAction": "NormalBackupTask",
                "BackupStatus": "NoStart",
                "BackupJobId": 4762614
              }
            ]
          },
          "RequestId": "90496720-2319-42A8-87CD-FCE4DF95EBED"
        }
        """;

    /// <summary>The XML example.</summary>
    public const string Xml = """
        <DescribeBackupTasksResponse>
          <Items>
            <BackupJob>
              <JobMode>Automated</JobMode>
              <BackupProgressStatus>NoStart</BackupProgressStatus>
              <TaskAction>NormalBackupTask</TaskAction>
              <BackupStatus>NoStart</BackupStatus>
              <BackupJobId>4762614</BackupJobId>
            </BackupJob>
          </Items>
          <RequestId>90496720-2319-42A8-87CD-FCE4DF95EBED</RequestId>
        </DescribeBackupTasksResponse>
        """;
}
