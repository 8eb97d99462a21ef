using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DeleteBackup</c>: deletes backup sets of an instance (<c>BackupId</c>: up to 100 IDs separated
/// by commas), all or none: an unknown ID is <c>InvalidBackupSetID.NotFound</c>, an automated set
/// within the retention period <c>OperationDenied.BackupSetDeleteNotSupport</c>.
/// </summary>
internal sealed class DeleteBackup : RdsOperation
{
    public override string Action => "DeleteBackup";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        call.RequiredParameter("DBInstanceId");
        var ids = call.RequiredParameter("BackupId").Split(',', StringSplitOptions.TrimEntries);
        if (ids.Length > 100)
        {
            throw new StandInException(StandInErrors.Rds.DeleteBackupSetNumExceed);
        }

        CheckOwnerIds(call);
        var instance = Instance(call, view);
        var sets = instance.Sets(view.Now).ToDictionary(static s => s.BackupId, StringComparer.Ordinal);
        var doomed = new List<BackupSet>();
        foreach (var id in ids)
        {
            if (!sets.TryGetValue(id, out var set))
            {
                throw new StandInException(StandInErrors.Rds.InvalidBackupSetIdNotFound);
            }

            if (!set.Deletable)
            {
                throw new StandInException(StandInErrors.Rds.BackupSetDeleteNotSupport);
            }

            doomed.Add(set);
        }

        foreach (var set in doomed)
        {
            instance.Delete(set.BackupId);
        }

        return new StandInObject();
    }
}
