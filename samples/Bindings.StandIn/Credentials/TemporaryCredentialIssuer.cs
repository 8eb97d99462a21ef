using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;

namespace Bindings.StandIn.Credentials;

/// <summary>
/// Makes temporary credentials as STS does: an <c>STS.</c> AccessKey ID, a secret, a security token and
/// an expiry by the stand-in's clock, each one new. Every credential issued is kept, with who it was
/// issued as, so that another stand-in can accept it and <c>GetCallerIdentity</c> can say whose it is.
/// </summary>
internal sealed class TemporaryCredentialIssuer
{
    private readonly object _gate = new();
    private readonly List<IssuedCredential> _issued = new();
    private int _serial;

    public IReadOnlyList<IssuedCredential> Issued
    {
        get
        {
            lock (_gate)
            {
                return _issued.ToArray();
            }
        }
    }

    public IssuedCredential Issue(string source, string? roleArn, string? sessionName, DateTimeOffset expiresAt)
    {
        var serial = Interlocked.Increment(ref _serial).ToString("D4", CultureInfo.InvariantCulture);
        var account = StandInAccount.Sts(
            "STS.StandIn" + source + serial + Random(8),
            "standin-" + source.ToLowerInvariant() + "-secret-" + Random(16),
            "CAIS" + source + serial + "+token/" + Random(24) + "==",
            expiresAt);
        var issued = new IssuedCredential(account, source, roleArn, sessionName);
        lock (_gate)
        {
            _issued.Add(issued);
        }

        return issued;
    }

    private static string Random(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}

/// <summary>Temporary credentials a stand-in issued, and as whom.</summary>
/// <param name="Account">The AccessKey pair, token and expiry, as the RDS and STS stand-ins accept them.</param>
/// <param name="Source">Which stand-in issued them: <c>AssumeRole</c>, <c>AssumeRoleWithOIDC</c>, <c>Ecs</c>, <c>Uri</c>.</param>
/// <param name="RoleArn">The role they are of, if any.</param>
/// <param name="SessionName">The role session name, if any.</param>
public sealed record IssuedCredential(StandInAccount Account, string Source, string? RoleArn, string? SessionName);
