using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Bindings.Testing;

/// <summary>
/// Keeps the default credential chain of a test process on this machine: its metadata service is a
/// closed loopback port (never the real <c>100.100.100.200</c>, which is not an address a test may
/// reach), and the profile files are paths that do not exist, so that a developer's own
/// <c>~/.aliyun/config.json</c> never signs a test's request. Tests that want a source set it up
/// themselves, through a provider's options. Linked into every test project whose code can reach the chain.
/// </summary>
internal static class CredentialIsolation
{
    /// <summary>A loopback port nothing listens on: connections are refused at once.</summary>
    public const string ClosedMetadataEndpoint = "http://127.0.0.1:1/";

    [ModuleInitializer]
    internal static void Isolate()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "bindings-no-profiles-" + Environment.ProcessId);
        Set("BINDINGS_ECS_METADATA_ENDPOINT", ClosedMetadataEndpoint);
        Set("ALIBABA_CLOUD_CONFIG_FILE", Path.Combine(nowhere, "config.json"));
        Set("ALIBABA_CLOUD_CREDENTIALS_FILE", Path.Combine(nowhere, "credentials.ini"));
        Set("ALIBABA_CLOUD_CREDENTIALS_URI", null);
        Set("ALIBABA_CLOUD_ROLE_ARN", null);
        Set("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", null);
        Set("ALIBABA_CLOUD_OIDC_TOKEN_FILE", null);
    }

    private static void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
