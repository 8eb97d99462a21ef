using System;
using System.Collections.Generic;

namespace Bindings.StandIn;

/// <summary>
/// One request as the stand-in saw it and answered it, for tests (for example: did every retry
/// carry the same <c>ClientToken</c> and a fresh nonce?). <c>Signature</c> and
/// <c>SecurityToken</c> are left out of <see cref="Parameters"/>.
/// </summary>
/// <param name="ReceivedAt">When it arrived, by the stand-in's clock.</param>
/// <param name="HttpMethod">GET, POST, ...</param>
/// <param name="SignatureVersion"><c>V1</c> or <c>V3</c>, by the way it was signed; <c>-</c> when the request was dropped unread.</param>
/// <param name="Action">The operation asked for, when there was one.</param>
/// <param name="AccessKeyId">The AccessKey ID it named, when there was one.</param>
/// <param name="Nonce">Its <c>SignatureNonce</c> / <c>x-acs-signature-nonce</c>, when there was one.</param>
/// <param name="Parameters">The query and form parameters, first value of each name, without secrets.</param>
/// <param name="StatusCode">The status answered; 0 when the connection was dropped.</param>
/// <param name="ErrorCode">The error <c>Code</c> answered, or null on success.</param>
/// <param name="Fault">The injected fault (<c>Throttling</c>, <c>ServerError</c>, <c>Dropped</c>, <c>Truncated</c>, <c>Delayed</c>), or null.</param>
public sealed record StandInRequestRecord(
    DateTimeOffset ReceivedAt,
    string HttpMethod,
    string SignatureVersion,
    string? Action,
    string? AccessKeyId,
    string? Nonce,
    IReadOnlyDictionary<string, string> Parameters,
    int StatusCode,
    string? ErrorCode,
    string? Fault);
