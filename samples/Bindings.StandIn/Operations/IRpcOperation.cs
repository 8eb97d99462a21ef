using System;
using System.Collections.Generic;
using Bindings.StandIn.Backups;
using Bindings.StandIn.Protocol;

namespace Bindings.StandIn.Operations;

/// <summary>
/// One RPC operation of the stand-in. The common checks (signature, timestamp, nonce, token) have
/// passed when <see cref="Execute"/> runs; an operation validates its own parameters.
/// </summary>
/// <remarks>To add an operation, add a handler file and list it in <see cref="RpcOperations.All"/>.</remarks>
internal interface IRpcOperation
{
    /// <summary>The API version the operation belongs to, for example <c>2014-08-15</c>.</summary>
    string Version { get; }

    /// <summary>The <c>Action</c>, for example <c>DescribeBackupTasks</c>.</summary>
    string Action { get; }

    /// <summary>Answers a request: the members of <c>{Action}Response</c>, <c>RequestId</c> included, or an error.</summary>
    OperationResult Execute(OperationContext context);
}

/// <summary>What an operation sees of a request.</summary>
/// <param name="Request">The request as received.</param>
/// <param name="Catalog">The instances and their tasks.</param>
/// <param name="Elapsed">Time since the stand-in started, by its clock.</param>
/// <param name="RequestId">The ID of this answer.</param>
internal sealed record OperationContext(IncomingRequest Request, BackupCatalog Catalog, TimeSpan Elapsed, string RequestId)
{
    /// <summary>A request parameter (query or form), or null when absent.</summary>
    public string? Parameter(string name) => Request.Parameter(name);
}

/// <summary>Either a success body or an error.</summary>
internal readonly record struct OperationResult(WireObject? Body, StandInError? Error)
{
    public static implicit operator OperationResult(WireObject body) => new(body, null);

    public static implicit operator OperationResult(StandInError error) => new(null, error);
}

/// <summary>The operations the stand-in serves.</summary>
internal static class RpcOperations
{
    public static IReadOnlyList<IRpcOperation> All { get; } =
    [
        new DescribeBackupTasksOperation(),
    ];
}
