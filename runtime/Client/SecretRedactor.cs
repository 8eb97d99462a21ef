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

    private readonly List<string> _secrets = new List<string>();

    public SecretRedactor(AlibabaCloudCredentials credentials)
    {
        Add(credentials.AccessKeySecret);
        if (credentials.SecurityToken is { } token)
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
        _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

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
