using System;
using System.Globalization;
using System.Text.Json;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>
/// Reads the JSON answer of the ECS metadata service and of a credentials URI:
/// <c>{"Code":"Success","AccessKeyId":...,"AccessKeySecret":...,"SecurityToken":...,"Expiration":"2024-08-30T07:03:06Z"}</c>
/// (aliyun/credentials-python provider/ecs_ram_role.py and provider/uri.py at 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84).
/// Errors name the field, never the body: it holds the secret.
/// </summary>
internal static class CredentialsDocument
{
    private static readonly string[] ExpirationFormats = { "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" };

    public static AlibabaCloudCredentials Read(byte[] body, int length, string what, string providerName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new ReadOnlyMemory<byte>(body, 0, length));
        }
        catch (JsonException)
        {
            throw new AlibabaCloudCredentialsException(what + " answered with something that is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AlibabaCloudCredentialsException(what + " answered with JSON that is not an object.");
            }

            var code = Text(root, "Code");
            if (!string.Equals(code, "Success", StringComparison.Ordinal))
            {
                throw new AlibabaCloudCredentialsException(what + " answered with Code " + (code is null ? "missing" : "'" + Clip(code) + "'") + ", not Success.");
            }

            var id = Required(root, "AccessKeyId", what);
            var secret = Required(root, "AccessKeySecret", what);
            var token = Required(root, "SecurityToken", what);
            var expirationText = Required(root, "Expiration", what);
            if (!DateTimeOffset.TryParseExact(
                    expirationText, ExpirationFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration))
            {
                throw new AlibabaCloudCredentialsException(what + " answered with an Expiration that is not a UTC time like 2024-08-30T07:03:06Z.");
            }

            return AlibabaCloudCredentials.Create(id, secret, token, expiration, providerName);
        }
    }

    private static string Required(JsonElement root, string name, string what) =>
        Text(root, name) is { Length: > 0 } value
            ? value
            : throw new AlibabaCloudCredentialsException(what + " answered without " + name + ".");

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A code is no secret, but it is the other side's text: short, and one line.
    private static string Clip(string text)
    {
        var clipped = text.Length > 64 ? text.Substring(0, 64) : text;
        return clipped.Replace('\r', ' ').Replace('\n', ' ');
    }
}
