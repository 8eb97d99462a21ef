using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Bindings.StandIn;

/// <summary>
/// One request that passed every common check (format, method, signature, timestamp, nonce, STS
/// token), as an operation handler sees it: the action, the account, and the operation's own
/// parameters, already decoded from the query and the form body.
/// </summary>
/// <remarks>
/// A handler refuses a request by returning <see cref="StandInReply.Error"/> or by throwing
/// <see cref="StandInException"/>; the helpers below throw it with the service's codes
/// (<c>MissingParameter</c>, <c>InvalidParameter</c>).
/// </remarks>
public sealed class StandInCall
{
    // The gateway's own parameters: a handler sees only the operation's.
    private static readonly HashSet<string> CommonParameters = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
        "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken",
    };

    internal StandInCall(
        RdsStandIn standIn,
        string action,
        string version,
        string accessKeyId,
        string signatureVersion,
        string httpMethod,
        string requestId,
        DateTimeOffset receivedAt,
        IEnumerable<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken)
    {
        StandIn = standIn;
        Action = action;
        Version = version;
        AccessKeyId = accessKeyId;
        SignatureVersion = signatureVersion;
        HttpMethod = httpMethod;
        RequestId = requestId;
        ReceivedAt = receivedAt;
        CancellationToken = cancellationToken;
        var list = new List<KeyValuePair<string, string>>();
        foreach (var parameter in parameters)
        {
            if (!CommonParameters.Contains(parameter.Key))
            {
                list.Add(parameter);
            }
        }

        Parameters = list;
    }

    /// <summary>The stand-in that received the request.</summary>
    public RdsStandIn StandIn { get; }

    /// <summary>The operation (<c>Action</c> or <c>x-acs-action</c>).</summary>
    public string Action { get; }

    /// <summary>The API version (<c>Version</c> or <c>x-acs-version</c>).</summary>
    public string Version { get; }

    /// <summary>The AccessKey ID that signed the request (not a secret; the secret is never exposed).</summary>
    public string AccessKeyId { get; }

    /// <summary><c>V1</c> (HMAC-SHA1 signed parameters) or <c>V3</c> (<c>ACS3-HMAC-SHA256</c> header).</summary>
    public string SignatureVersion { get; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string HttpMethod { get; }

    /// <summary>The <c>RequestId</c> of the answer; the stand-in adds it to the body when the handler does not.</summary>
    public string RequestId { get; }

    /// <summary>When the request arrived, by the stand-in's clock (<see cref="StandInOptions.TimeProvider"/>).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Cancelled when the client goes away.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The operation's parameters (query and form body, in that order), without the common ones
    /// (<c>Action</c>, <c>Version</c>, <c>Format</c>, <c>AccessKeyId</c>, <c>Signature*</c>,
    /// <c>Timestamp</c>, <c>SecurityToken</c>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The first value of a parameter, or null when it is absent.</summary>
    /// <param name="name">The wire name, for example <c>DBInstanceId</c> or <c>Tag.1.Key</c>.</param>
    /// <returns>The value (possibly empty), or null.</returns>
    public string? Parameter(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A parameter that must be present and not empty.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="StandInException"><c>MissingParameter</c> when it is absent or empty.</exception>
    public string RequiredParameter(string name) =>
        Parameter(name) is { Length: > 0 } value ? value : throw new StandInException(StandInErrors.MissingParameter(name));

    /// <summary>An optional integer parameter within bounds.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The value, or null when absent or empty.</returns>
    /// <exception cref="StandInException"><c>InvalidParameter</c> when it is not an integer within the bounds.</exception>
    public long? Int64Parameter(string name, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        var text = Parameter(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum
            ? value
            : throw new StandInException(StandInErrors.InvalidParameter(name));
    }

    /// <summary>
    /// A list sent in Alibaba's repeat-list style: <c>Name.1</c>, <c>Name.2</c>, … in index order
    /// (the indexes need not be contiguous).
    /// </summary>
    /// <param name="name">The list's wire name, for example <c>ResourceId</c>.</param>
    /// <returns>The values, by index.</returns>
    public IReadOnlyList<string> RepeatList(string name)
    {
        var found = new SortedDictionary<int, string>();
        var prefix = name + ".";
        foreach (var (key, value) in Parameters)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && TryIndex(key.AsSpan(prefix.Length), out var index))
            {
                found.TryAdd(index, value);
            }
        }

        return [.. found.Values];
    }

    /// <summary>
    /// A list of objects sent in the repeat-list style: <c>Name.1.Key=…&amp;Name.1.Value=…</c>, one
    /// dictionary of members per index, in index order.
    /// </summary>
    /// <param name="name">The list's wire name, for example <c>Tag</c>.</param>
    /// <returns>The objects' members, by index.</returns>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RepeatListOfObjects(string name)
    {
        var found = new SortedDictionary<int, Dictionary<string, string>>();
        var prefix = name + ".";
        foreach (var (key, value) in Parameters)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !TryIndex(rest[..dot], out var index) || dot == rest.Length - 1)
            {
                continue;
            }

            if (!found.TryGetValue(index, out var members))
            {
                found[index] = members = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            members.TryAdd(rest[(dot + 1)..].ToString(), value);
        }

        return [.. found.Values];
    }

    private static bool TryIndex(ReadOnlySpan<char> text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index >= 1;
}
