// C# 8: block-scoped namespace, no target-typed new, no records.
using System.Collections.Generic;
using Bindings;
using Contoso.Backups;
using Contoso.Health;

namespace Contoso
{
    /// <summary>Uses the generated types from a netstandard2.0 library.</summary>
    public static class BackupTasks
    {
        /// <summary>The IDs of the backup jobs in a DescribeBackupTasks response.</summary>
        /// <param name="json">The response body.</param>
        /// <returns>The job IDs that were present.</returns>
        public static IReadOnlyList<long> JobIds(string json)
        {
            var ids = new List<long>();
            foreach (var job in DescribeBackupTasksResponse.ParseJson(json).Items)
            {
                if (job.BackupJobId is long id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        /// <summary>A request for every automated backup task of an instance.</summary>
        /// <param name="instanceId">The instance.</param>
        /// <returns>The request, validated.</returns>
        public static IRpcRequest Automated(string instanceId)
        {
            var request = new DescribeBackupTasksRequest { DBInstanceId = instanceId, BackupMode = BackupMode.Automated };
            request.Validate();
            return request;
        }

        /// <summary>A request of the second API, generated into its own namespace.</summary>
        /// <returns>The request.</returns>
        public static IRpcRequest Ping() => new PingRequest { Name = "consumer", Count = 3, Expected = CheckState.InProgress };
    }
}
