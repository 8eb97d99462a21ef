using Bindings.Signing;
using Bindings.StandIn;

namespace Bindings.Reliability.Tests;

/// <summary>
/// The accounts of the runs, with secrets built so that any leak is easy to find: every secret and
/// the token hold <c>dont-log</c>, a head and a tail no other text has, and '+', '/' and '=' so that
/// their percent-encoded and JSON-escaped forms differ from the raw ones.
/// </summary>
internal static class Secrets
{
    public const string Marker = "dont-log";

    public static readonly StandInAccount Permanent =
        StandInAccount.Permanent("LTAI5tReliability01", "PermSecretHead+dont-log/PermSecretTail=");

    public static readonly StandInAccount Sts =
        StandInAccount.Sts("STS.NTReliability02", "StsSecretHead+dont-log/StsSecretTail=", "CAIS+StsTokenHead/dont-log==StsTokenTail");

    /// <summary>Not the secret of any account: the stand-in answers <c>SignatureDoesNotMatch</c>.</summary>
    public const string WrongSecret = "WrongSecretHead+dont-log/WrongSecretTail=";

    public static IReadOnlyList<string> All { get; } =
    [
        Permanent.AccessKeySecret,
        Sts.AccessKeySecret,
        Sts.SecurityToken!,
        WrongSecret,
        StandInAccount.Default.AccessKeySecret,
    ];

    /// <summary>Every text that must never show up: each secret in every form a request or a body could quote it, and fragments.</summary>
    public static IReadOnlyList<string> Forbidden { get; } = BuildForbidden();

    public static AlibabaCloudCredentials Credentials(StandInAccount account, bool wrongSecret = false) =>
        new(account.AccessKeyId, wrongSecret ? WrongSecret : account.AccessKeySecret, account.SecurityToken);

    /// <summary>The first forbidden text found in <paramref name="text"/>, or null.</summary>
    public static string? FindLeak(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var forbidden in Forbidden)
        {
            if (text.Contains(forbidden, StringComparison.Ordinal))
            {
                return forbidden;
            }
        }

        return null;
    }

    /// <summary>Asserts that none of <paramref name="texts"/> holds a secret, naming where the first leak is.</summary>
    public static void AssertNoLeak(IEnumerable<(string Where, string? Text)> texts)
    {
        var checkedTexts = 0;
        foreach (var (where, text) in texts)
        {
            checkedTexts++;
            var leak = FindLeak(text);
            Assert.True(leak is null, $"A secret ({leak}) leaked into {where}: {text}");
        }

        Assert.True(checkedTexts > 0, "No text was checked.");
    }

    /// <summary>What an exception shows: its message and ToString, every inner exception's, and the service error's fields.</summary>
    public static IEnumerable<(string Where, string? Text)> TextsOf(Exception exception)
    {
        var name = exception.GetType().Name;
        yield return (name + ".ToString()", exception.ToString());
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return (e.GetType().Name + ".Message", e.Message);
            yield return (e.GetType().Name + ".ToString()", e.ToString());
            foreach (System.Collections.DictionaryEntry entry in e.Data)
            {
                yield return (e.GetType().Name + ".Data", entry.Key + "=" + entry.Value);
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    yield return ("AggregateException inner", inner.ToString());
                }
            }
        }

        if (exception is Bindings.Client.AlibabaCloudServiceException service)
        {
            yield return ("ServiceMessage", service.ServiceMessage);
            yield return ("BodyExcerpt", service.BodyExcerpt);
            yield return ("ClientStringToSign", service.ClientStringToSign);
            yield return ("ServerStringToSign", service.ServerStringToSign);
            yield return ("Recommend", service.Recommend);
        }
    }

    private static List<string> BuildForbidden()
    {
        var forms = new List<string>();
        foreach (var secret in All)
        {
            var once = AlibabaPercentEncoding.Encode(secret);
            forms.AddRange([secret, once, AlibabaPercentEncoding.Encode(once), Uri.EscapeDataString(secret), secret.Replace("/", "\\/", StringComparison.Ordinal), secret.Replace('+', ' ')]);
        }

        // Fragments: a secret cut by an excerpt, or half replaced, still leaks one of these.
        forms.AddRange([Marker, "PermSecretHead", "PermSecretTail", "StsSecretHead", "StsSecretTail", "StsTokenHead", "StsTokenTail", "WrongSecretHead", "WrongSecretTail"]);
        return [.. forms.Distinct(StringComparer.Ordinal)];
    }
}
