using Bindings.Credentials;
using Bindings.Signing;
using Bindings.StandIn;
using Bindings.StandIn.Credentials;

namespace Bindings.Credentials.Tests;

/// <summary>
/// A test's own environment: variables in a dictionary (never the process's), a temporary home
/// directory for profile files, and the closed metadata port unless a test sets another.
/// </summary>
internal sealed class TestEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public TestEnvironment()
    {
        Home = Directory.CreateTempSubdirectory("bindings-home-").FullName;
        _variables["HOME"] = Home;
        _variables[AlibabaCloudEnvironmentVariables.MetadataServiceEndpoint] = CredentialIsolation.ClosedMetadataEndpoint;
    }

    public string Home { get; }

    public string? this[string name]
    {
        get => _variables.TryGetValue(name, out var value) ? value : null;
        set => _variables[name] = value;
    }

    public Func<string, string?> Lookup => name => this[name];

    /// <summary>Writes a file under the home directory and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public T Options<T>(T options, CapturingLoggerFactory? logs = null, TimeProvider? time = null)
        where T : CredentialsProviderOptions
    {
        options.EnvironmentVariables = Lookup;
        options.LoggerFactory = logs;
        options.TimeProvider = time ?? TimeProvider.System;
        return options;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temporary folder is cleaned up later.
        }
    }
}

internal static class Secrets
{
    public const string OidcToken = "eyJhbGciOiJSUzI1NiJ9.oidc-token-never-log-me.c2lnbmF0dXJl";

    /// <summary>Every secret the stand-ins handed out, and the OIDC token: none may appear in text a test reads.</summary>
    public static IEnumerable<string> Of(params IEnumerable<IssuedCredential>[] issued)
    {
        yield return OidcToken;
        yield return StandInAccount.Default.AccessKeySecret;
        foreach (var credential in issued.SelectMany(static list => list))
        {
            yield return credential.Account.AccessKeySecret;
            yield return credential.Account.SecurityToken!;
            yield return AlibabaPercentEncoding.Encode(credential.Account.SecurityToken!);
        }
    }

    public static void AssertAbsent(string? text, IEnumerable<string> secrets)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    public static void AssertAbsent(CapturingLoggerFactory logs, IEnumerable<string> secrets)
    {
        var list = secrets.ToList();
        foreach (var entry in logs.Entries)
        {
            AssertAbsent(entry.Text, list);
        }
    }
}

/// <summary>Asks the STS stand-in whose credentials these are, with the generated STS client: proof that they sign.</summary>
internal static class WhoAmI
{
    public static async Task<Bindings.Sts.GetCallerIdentityResponse> AskAsync(StsStandIn sts, IAlibabaCloudCredentialsProvider provider, TimeProvider? time = null)
    {
        using var http = new HttpClient();
        var client = new Bindings.Sts.StsClient(http, new Client.AlibabaCloudClientOptions
        {
            Endpoint = sts.BaseAddress,
            CredentialsProvider = provider,
            TimeProvider = time ?? TimeProvider.System,
            Retry = new Client.AlibabaCloudRetryOptions { MaxRetries = 0 },
        });
        return await client.GetCallerIdentityAsync(new Bindings.Sts.GetCallerIdentityRequest());
    }
}
