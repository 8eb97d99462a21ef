using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// What the client needs to know about one operation beyond its request: the service it belongs to
/// (for telemetry), its idempotency token, whether it is signed, the error codes its spec says
/// mean "not executed", and the wire names of its response's members (to tell an error document that
/// came with a success status from a response). Generated clients make one per operation, once.
/// </summary>
public sealed class RpcOperation
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    /// <summary>Describes an operation.</summary>
    /// <param name="service">The product, e.g. <c>Rds</c> (the spec's <c>product</c>): <c>rpc.service</c> in telemetry.</param>
    /// <param name="name">The operation, sent as <c>Action</c>, e.g. <c>DescribeBackupTasks</c>.</param>
    /// <param name="idempotencyTokenParameter">
    /// The wire name of the operation's idempotency token (<c>ClientToken</c>), or null. When a request
    /// leaves it empty, a new token is sent, the same on every attempt of the call.
    /// </param>
    /// <param name="anonymous">
    /// True for an operation the service authenticates by its own parameters (STS
    /// <c>AssumeRoleWithOIDC</c>: the OIDC token): sent unsigned, without AccessKey or security token,
    /// as Alibaba's SDKs send <c>authType: Anonymous</c>.
    /// </param>
    /// <param name="retryableErrorCodes">
    /// Error codes that, for this operation, mean the service did not execute the call (the spec's
    /// <c>retryableErrors</c>): retried like throttling, whatever the operation does.
    /// </param>
    /// <param name="responseMembers">
    /// The wire names of the response's members (<c>RequestId</c>, <c>Items</c>, ...). A success-status JSON
    /// body with <c>Code</c> and <c>Message</c> at the top level and none of these members but
    /// <c>RequestId</c> is an error document, not a response; with none given, any such body is.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="service"/> or <paramref name="name"/> is empty.</exception>
    public RpcOperation(
        string service,
        string name,
        string? idempotencyTokenParameter = null,
        bool anonymous = false,
        IEnumerable<string>? retryableErrorCodes = null,
        IEnumerable<string>? responseMembers = null)
    {
        if (string.IsNullOrEmpty(service))
        {
            throw new ArgumentException("The service must not be empty.", nameof(service));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The operation name must not be empty.", nameof(name));
        }

        Service = service;
        Name = name;
        IdempotencyTokenParameter = string.IsNullOrEmpty(idempotencyTokenParameter) ? null : idempotencyTokenParameter;
        IsAnonymous = anonymous;
        RetryableErrorCodes = retryableErrorCodes is null ? None : new HashSet<string>(retryableErrorCodes, StringComparer.Ordinal);
        ResponseMembers = responseMembers is null ? None : new HashSet<string>(responseMembers, StringComparer.Ordinal);
    }

    /// <summary>The product, e.g. <c>Rds</c>.</summary>
    public string Service { get; }

    /// <summary>The operation (the <c>Action</c>).</summary>
    public string Name { get; }

    /// <summary>The wire name of the idempotency token, or null.</summary>
    public string? IdempotencyTokenParameter { get; }

    /// <summary>Whether the operation is sent unsigned.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The operation's own "not executed" error codes (ordinal comparison).</summary>
    public IReadOnlyCollection<string> RetryableErrorCodes { get; }

    /// <summary>The wire names of the response's members (ordinal comparison).</summary>
    public IReadOnlyCollection<string> ResponseMembers { get; }

    internal bool IsRetryableCode(string code) => ((HashSet<string>)RetryableErrorCodes).Contains(code);

    internal bool IsResponseMember(string name) => ((HashSet<string>)ResponseMembers).Contains(name);

    /// <inheritdoc />
    public override string ToString() => Service + "/" + Name;
}
