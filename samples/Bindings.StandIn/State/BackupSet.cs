using System;

namespace Bindings.StandIn.State;

/// <summary>A backup set as <c>DescribeBackups</c> lists it.</summary>
internal sealed record BackupSet(
    string BackupId,
    string DBInstanceId,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Succeeded,
    string Mode,
    string Method,
    string Type,
    long Size,
    long? BackupJobId)
{
    /// <summary><c>Success</c> or <c>Failed</c>.</summary>
    public string Status => Succeeded ? "Success" : "Failed";

    /// <summary><c>System</c> for the schedule's backups, <c>User</c> for <c>CreateBackup</c>'s.</summary>
    public string Initiator => Mode == "Manual" ? "User" : "System";

    /// <summary>
    /// Whether <c>DeleteBackup</c> may delete it (<c>StoreStatus</c> <c>Enabled</c>): manual sets
    /// only; an automated set is kept for the whole retention period.
    /// </summary>
    public bool Deletable => Mode == "Manual";
}
