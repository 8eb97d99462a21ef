namespace Bindings.StandIn.Operations.Rds;

/// <summary>The RDS operations the stand-in answers: every operation of <c>specs/rds</c>.</summary>
internal static class RdsOperations
{
    /// <summary>New instances for one stand-in (some keep per-stand-in state, such as client tokens).</summary>
    public static RdsOperation[] Create() =>
    [
        new DescribeBackupTasks(),
        new CreateBackup(),
        new DescribeBackups(),
        new DeleteBackup(),
        new DescribeBackupPolicy(),
        new ModifyBackupPolicy(),
        new DescribeBinlogFiles(),
        new DescribeLogBackupFiles(),
        new DescribeDBInstances(),
        new DescribeDBInstanceAttribute(),
        new TagResources(),
        new ListTagResources(),
        new CreateDBInstance(),
    ];
}
