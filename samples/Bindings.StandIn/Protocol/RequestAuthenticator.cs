using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bindings.Signing;

namespace Bindings.StandIn.Protocol;

/// <summary>A request that passed every common check.</summary>
/// <param name="Action">The operation (<c>Action</c> or <c>x-acs-action</c>).</param>
/// <param name="Version">The API version (<c>Version</c> or <c>x-acs-version</c>).</param>
/// <param name="Account">The account whose secret signed it.</param>
/// <param name="Nonce">The nonce, now used up.</param>
internal sealed record AuthenticatedRequest(string Action, string Version, StandInAccount Account, string Nonce);

/// <summary>
/// The API gateway's checks, in its order: common parameters, operation and version, AccessKey,
/// signature, clock skew, nonce, STS token.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly ConcurrentDictionary<string, StandInAccount> _accounts;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxClockSkew;
    private readonly NonceCache _nonces;
    private readonly Func<string, string, bool> _isKnownOperation;
    private readonly Func<string, bool> _isKnownVersion;

    public RequestAuthenticator(
        IEnumerable<StandInAccount> accounts,
        TimeProvider time,
        TimeSpan maxClockSkew,
        Func<string, bool> isKnownVersion,
        Func<string, string, bool> isKnownOperation)
    {
        _accounts = new ConcurrentDictionary<string, StandInAccount>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            ArgumentNullException.ThrowIfNull(account);
            if (!_accounts.TryAdd(account.AccessKeyId, account))
            {
                throw new ArgumentException($"The AccessKey ID {account.AccessKeyId} is listed twice.");
            }
        }

        _time = time;
        _maxClockSkew = maxClockSkew;
        _nonces = new NonceCache(maxClockSkew);
        _isKnownVersion = isKnownVersion;
        _isKnownOperation = isKnownOperation;
    }

    /// <summary>Accepts one more account from now on (the STS stand-in adds the credentials it issues).</summary>
    public void AddAccount(StandInAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_accounts.TryAdd(account.AccessKeyId, account))
        {
            throw new ArgumentException($"The AccessKey ID {account.AccessKeyId} is listed twice.");
        }
    }

    /// <summary>Decides the response format before anything else, so that every error is in it.</summary>
    public static bool TryGetFormat(IncomingRequest request, out ResponseFormat format)
    {
        var requested = request.Parameter("Format");
        if (requested is null)
        {
            // V1 answers XML by default (documented); V3 answers JSON unless Accept asks for XML.
            format = request.Scheme == SignatureScheme.V3
                && request.Header("Accept") is { } accept
                && accept.Contains("xml", StringComparison.OrdinalIgnoreCase)
                ? ResponseFormat.Xml
                : request.Scheme == SignatureScheme.V3 ? ResponseFormat.Json : ResponseFormat.Xml;
            return true;
        }

        if (string.Equals(requested, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            format = ResponseFormat.Json;
            return true;
        }

        format = ResponseFormat.Xml;
        return string.Equals(requested, "XML", StringComparison.OrdinalIgnoreCase);
    }

    public StandInError? Authenticate(IncomingRequest request, out AuthenticatedRequest? authenticated)
    {
        authenticated = null;
        return request.Scheme == SignatureScheme.V3
            ? AuthenticateV3(request, out authenticated)
            : AuthenticateV1(request, out authenticated);
    }

    private StandInError? AuthenticateV1(IncomingRequest request, out AuthenticatedRequest? authenticated)
    {
        authenticated = null;
        string[] required = ["Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"];
        foreach (var name in required)
        {
            if (string.IsNullOrEmpty(request.Parameter(name)))
            {
                return StandInErrors.MissingCommonParameter(name);
            }
        }

        var action = request.Parameter("Action")!;
        var version = request.Parameter("Version")!;
        if (CheckOperation(action, version) is { } operationError)
        {
            return operationError;
        }

        if (request.Parameter("SignatureMethod") != RpcSignatureV1.SignatureMethod)
        {
            return StandInErrors.InvalidSignatureMethod;
        }

        if (request.Parameter("SignatureVersion") != RpcSignatureV1.SignatureVersion)
        {
            return StandInErrors.InvalidParameter("SignatureVersion");
        }

        if (!AlibabaTimestamp.TryParse(request.Parameter("Timestamp"), out var timestamp))
        {
            return StandInErrors.IllegalTimestamp("Timestamp");
        }

        if (!_accounts.TryGetValue(request.Parameter("AccessKeyId")!, out var account))
        {
            return StandInErrors.InvalidAccessKeyIdNotFound;
        }

        if (!RpcSignatureV1.Verify(request.Method, request.Parameters, account.AccessKeySecret, out var stringToSign))
        {
            return StandInErrors.SignatureDoesNotMatch(stringToSign);
        }

        var nonce = request.Parameter("SignatureNonce")!;
        return Finish(account, timestamp, nonce, request.Parameter("SecurityToken"), action, version, out authenticated);
    }

    private StandInError? AuthenticateV3(IncomingRequest request, out AuthenticatedRequest? authenticated)
    {
        authenticated = null;
        if (!AcsSignatureV3.TryParseAuthorization(request.Header("Authorization"), out var accessKeyId, out _, out _))
        {
            return StandInErrors.IncompleteSignature;
        }

        (string Name, string Header)[] required =
        [
            ("Action", "x-acs-action"), ("Version", "x-acs-version"), ("Timestamp", "x-acs-date"),
            ("SignatureNonce", "x-acs-signature-nonce"), ("ContentSha256", "x-acs-content-sha256"),
        ];
        foreach (var (name, header) in required)
        {
            if (string.IsNullOrEmpty(request.Header(header)))
            {
                return StandInErrors.MissingCommonParameter(name, header);
            }
        }

        var action = request.Header("x-acs-action")!;
        var version = request.Header("x-acs-version")!;
        if (CheckOperation(action, version) is { } operationError)
        {
            return operationError;
        }

        if (!AlibabaTimestamp.TryParse(request.Header("x-acs-date"), out var timestamp))
        {
            return StandInErrors.IllegalTimestamp("x-acs-date");
        }

        if (!_accounts.TryGetValue(accessKeyId, out var account))
        {
            return StandInErrors.InvalidAccessKeyIdNotFound;
        }

        if (!AcsSignatureV3.Verify(
                request.Method, "/", request.QueryParameters, request.Headers, request.Body, account.AccessKeySecret, out var stringToSign))
        {
            return StandInErrors.SignatureDoesNotMatch(stringToSign);
        }

        var nonce = request.Header("x-acs-signature-nonce")!;
        return Finish(account, timestamp, nonce, request.Header("x-acs-security-token"), action, version, out authenticated);
    }

    private StandInError? CheckOperation(string action, string version)
    {
        if (!_isKnownVersion(version))
        {
            return StandInErrors.InvalidVersion;
        }

        return _isKnownOperation(action, version) ? null : StandInErrors.InvalidActionNotFound;
    }

    private StandInError? Finish(
        StandInAccount account, DateTimeOffset timestamp, string nonce, string? token, string action, string version,
        out AuthenticatedRequest? authenticated)
    {
        authenticated = null;
        var now = _time.GetUtcNow();
        if ((now - timestamp).Duration() > _maxClockSkew)
        {
            return StandInErrors.InvalidTimeStampExpired;
        }

        // Only a correctly signed, timely request uses its nonce up: otherwise anyone could burn
        // other callers' nonces, and a retry after a clock error would be refused.
        if (!_nonces.TryUse(account.AccessKeyId, nonce, now))
        {
            return StandInErrors.SignatureNonceUsed;
        }

        if (CheckToken(account, token, now) is { } tokenError)
        {
            return tokenError;
        }

        authenticated = new AuthenticatedRequest(action, version, account, nonce);
        return null;
    }

    private StandInError? CheckToken(StandInAccount account, string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return account.IsSts ? StandInErrors.MissingSecurityToken : null;
        }

        if (account.IsSts && FixedTimeEquals(token, account.SecurityToken!))
        {
            return account.SecurityTokenExpiresAt is { } expiresAt && now >= expiresAt
                ? StandInErrors.InvalidSecurityTokenExpired
                : null;
        }

        // A token the stand-in issued to another AccessKey is a mismatch; anything else is not a
        // token at all.
        return _accounts.Values.Any(a => a.IsSts && FixedTimeEquals(token, a.SecurityToken!))
            ? StandInErrors.InvalidSecurityTokenMismatchWithAccessKey
            : StandInErrors.InvalidSecurityTokenMalformed;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
