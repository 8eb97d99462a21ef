using System;

namespace Bindings.StandIn;

/// <summary>An AccessKey the stand-in accepts, optionally an STS one that needs a security token.</summary>
/// <remarks><see cref="ToString"/> never shows the secret or the token.</remarks>
public sealed class StandInAccount
{
    /// <summary>Creates an account; see <see cref="Permanent"/> and <see cref="Sts"/>.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <param name="securityToken">The STS token that must accompany every request, or null for a permanent key.</param>
    /// <param name="securityTokenExpiresAt">When the STS token expires (by the stand-in's clock); null = never.</param>
    public StandInAccount(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? securityTokenExpiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        if (string.IsNullOrEmpty(accessKeySecret))
        {
            throw new ArgumentException("The AccessKey secret must not be empty.", nameof(accessKeySecret));
        }

        if (securityToken is not null && string.IsNullOrWhiteSpace(securityToken))
        {
            throw new ArgumentException("The security token must be null or not empty.", nameof(securityToken));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = securityToken;
        SecurityTokenExpiresAt = securityTokenExpiresAt;
    }

    /// <summary>
    /// The account a stand-in knows when none are configured, for the command-line program and
    /// tests that do not care: ID <c>STANDINACCESSKEYID</c>, secret <c>StandInAccessKeySecret</c>.
    /// These are not real credentials; the stand-in is the only thing that accepts them.
    /// </summary>
    public static StandInAccount Default { get; } = new("STANDINACCESSKEYID", "StandInAccessKeySecret");

    /// <summary>The AccessKey ID.</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS security token the requests must carry, or null for a permanent AccessKey.</summary>
    public string? SecurityToken { get; }

    /// <summary>When <see cref="SecurityToken"/> expires, by the stand-in's clock; null = never.</summary>
    public DateTimeOffset? SecurityTokenExpiresAt { get; }

    /// <summary>Whether requests must carry <see cref="SecurityToken"/>.</summary>
    public bool IsSts => SecurityToken is not null;

    /// <summary>A permanent AccessKey pair.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <returns>The account.</returns>
    public static StandInAccount Permanent(string accessKeyId, string accessKeySecret) => new(accessKeyId, accessKeySecret);

    /// <summary>Temporary STS credentials: every request must carry the token.</summary>
    /// <param name="accessKeyId">The temporary AccessKey ID (the service's start with <c>STS.</c>).</param>
    /// <param name="accessKeySecret">The temporary AccessKey secret.</param>
    /// <param name="securityToken">The security token.</param>
    /// <param name="expiresAt">When the token expires, by the stand-in's clock; null = never.</param>
    /// <returns>The account.</returns>
    public static StandInAccount Sts(string accessKeyId, string accessKeySecret, string securityToken, DateTimeOffset? expiresAt = null) =>
        new(accessKeyId, accessKeySecret, securityToken ?? throw new ArgumentNullException(nameof(securityToken)), expiresAt);

    /// <inheritdoc />
    public override string ToString() =>
        $"StandInAccount {{ AccessKeyId = {AccessKeyId}, Sts = {(IsSts ? "yes" : "no")} }}";
}
