using System.Collections.Generic;
using Bindings.Signing;

namespace Bindings.Client;

/// <summary>
/// Replaces the AccessKey secret and the STS token with <c>***</c> in text that quotes a request:
/// the server's string to sign holds the token percent-encoded once or twice, and a JSON body may
/// escape its slashes.
/// </summary>
internal sealed class SecretRedactor
{
    internal const string Mask = "***";

    /// <summary>The length from which a parameter of an anonymous call counts as its proof (a token).</summary>
    private const int AnonymousProofLength = 16;

    private readonly List<string> _secrets = new List<string>();

    private SecretRedactor()
    {
    }

    public SecretRedactor(AlibabaCloudCredentials credentials)
    {
        Add(credentials.AccessKeySecret);
        if (credentials.SecurityToken is { } token)
        {
            AddWithEncodings(token);
        }

        Sort();
    }

    /// <summary>Redacts nothing: no secret is known.</summary>
    public static SecretRedactor None { get; } = new SecretRedactor();

    /// <summary>
    /// For an anonymous call, whose proof of identity is one of its own parameters (the OIDC token of
    /// <c>AssumeRoleWithOIDC</c>, a SAML assertion): every long parameter value is treated as a secret.
    /// </summary>
    public static SecretRedactor ForAnonymous(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var redactor = new SecretRedactor();
        foreach (var parameter in parameters)
        {
            if (parameter.Key is not ("Action" or "Version") && parameter.Value.Length >= AnonymousProofLength)
            {
                redactor.AddWithEncodings(parameter.Value);
            }
        }

        redactor.Sort();
        return redactor;
    }

    private void AddWithEncodings(string token)
    {
        Add(token);
        var once = AlibabaPercentEncoding.Encode(token);
        Add(once);
        Add(AlibabaPercentEncoding.Encode(once));
        Add(token.Replace("/", "\\/"));
        // A form or query decoder may have turned an unencoded '+' into a space.
        Add(token.Replace('+', ' '));
    }

    // Longest first, so that an encoded form is not left half replaced by a shorter one.
    private void Sort() => _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text!;
        foreach (var secret in _secrets)
        {
            if (result.IndexOf(secret, System.StringComparison.Ordinal) >= 0)
            {
                result = result.Replace(secret, Mask);
            }
        }

        return result;
    }

    private void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !_secrets.Contains(secret!))
        {
            _secrets.Add(secret!);
        }
    }
}
