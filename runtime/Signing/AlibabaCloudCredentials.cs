using System;
using System.Diagnostics;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>
/// An Alibaba Cloud AccessKey pair, optionally with an STS security token.
/// </summary>
/// <remarks>
/// The secret and the token never appear in <see cref="ToString"/>, in the debugger or in exception
/// messages: a credentials object ends up in logs (inside a record, an options object, a failed
/// request) far more often than anyone intends.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AlibabaCloudCredentials
{
    /// <summary>The environment variable that holds the AccessKey ID.</summary>
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The environment variable that holds the AccessKey secret.</summary>
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The environment variable that holds the STS security token, when one is used.</summary>
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    /// <summary>Creates credentials from an AccessKey pair and an optional STS token.</summary>
    /// <param name="accessKeyId">The AccessKey ID; must not be empty.</param>
    /// <param name="accessKeySecret">The AccessKey secret; must not be empty.</param>
    /// <param name="securityToken">The STS security token, or null (an empty token counts as none).</param>
    /// <exception cref="ArgumentException">The ID or the secret is null, empty or white space.</exception>
    public AlibabaCloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null)
    {
        // The messages name the parameter only: echoing the value would put a secret in a log.
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("The AccessKey ID must not be empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrWhiteSpace(accessKeySecret))
        {
            throw new ArgumentException("The AccessKey secret must not be empty.", nameof(accessKeySecret));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken;
    }

    /// <summary>Creates credentials that say when they expire and where they came from (temporary credentials from a provider).</summary>
    /// <param name="accessKeyId">The AccessKey ID; must not be empty.</param>
    /// <param name="accessKeySecret">The AccessKey secret; must not be empty.</param>
    /// <param name="securityToken">The STS security token, or null (an empty token counts as none).</param>
    /// <param name="expiration">When they expire; null for credentials that do not.</param>
    /// <param name="providerName">
    /// The source, as the credential chain names it (<c>env</c>, <c>ecs_ram_role</c>,
    /// <c>cli_profile/ram_role_arn</c>, ...); null when unknown.
    /// </param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ArgumentException">The ID or the secret is null, empty or white space.</exception>
    public static AlibabaCloudCredentials Create(string accessKeyId, string accessKeySecret, string? securityToken, DateTimeOffset? expiration, string? providerName) =>
        new(accessKeyId, accessKeySecret, securityToken)
        {
            Expiration = expiration,
            ProviderName = string.IsNullOrEmpty(providerName) ? null : providerName,
        };

    /// <summary>When temporary credentials expire; null for a permanent AccessKey pair or when unknown.</summary>
    public DateTimeOffset? Expiration { get; private init; }

    /// <summary>Where the credentials came from (<c>env</c>, <c>ecs_ram_role</c>, ...); null when unknown. Not a secret.</summary>
    public string? ProviderName { get; private init; }

    /// <summary>The same credentials, named as coming from <paramref name="providerName"/>.</summary>
    /// <param name="providerName">The source's name.</param>
    /// <returns>A copy with <see cref="ProviderName"/> set.</returns>
    public AlibabaCloudCredentials WithProviderName(string providerName) =>
        Create(AccessKeyId, AccessKeySecret, SecurityToken, Expiration, providerName);

    /// <summary>The AccessKey ID (public: it is sent with every request).</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret. Never log it.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string AccessKeySecret { get; }

    /// <summary>The STS security token, or null for a permanent AccessKey pair. Never log it.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? SecurityToken { get; }

    /// <summary>
    /// Reads the credentials from <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c>
    /// and <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>.
    /// </summary>
    /// <returns>The credentials, or null when the ID or the secret is missing or empty.</returns>
    public static AlibabaCloudCredentials? FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the credentials through <paramref name="lookup"/> (a stand-in for the environment).</summary>
    /// <param name="lookup">Returns a variable's value, or null when it is not set.</param>
    /// <returns>The credentials, or null when the ID or the secret is missing or empty.</returns>
    public static AlibabaCloudCredentials? FromEnvironment(Func<string, string?> lookup)
    {
        Guard.ThrowIfNull(lookup);

        var id = lookup(AccessKeyIdVariable);
        var secret = lookup(AccessKeySecretVariable);
        if (Strings.IsNullOrWhiteSpace(id) || Strings.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        return new AlibabaCloudCredentials(id, secret, lookup(SecurityTokenVariable));
    }

    /// <summary>
    /// Describes the credentials with the ID masked (its first four characters, then <c>***</c>);
    /// the secret and the token are never shown.
    /// </summary>
    /// <returns>For example <c>AlibabaCloudCredentials { AccessKeyId = LTAI***, SecurityToken = none }</c>.</returns>
    public override string ToString() =>
        $"AlibabaCloudCredentials {{ AccessKeyId = {MaskedAccessKeyId}, SecurityToken = {(SecurityToken is null ? "none" : "***")}"
        + (Expiration is { } expiration ? ", Expiration = " + AlibabaTimestamp.ToWireFormat(expiration) : string.Empty)
        + (ProviderName is { } provider ? ", Provider = " + provider : string.Empty)
        + " }";

    /// <summary>The AccessKey ID with all but its first four characters hidden.</summary>
    public string MaskedAccessKeyId =>
        // A short ID would be half revealed by four characters, so it is hidden entirely.
        AccessKeyId.Length >= 8 ? AccessKeyId.Substring(0, 4) + "***" : "***";
}
