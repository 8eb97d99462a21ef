using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Bindings.Credentials;

/// <summary>What every credentials provider that calls out (STS, the metadata service, a URI) or refreshes shares.</summary>
public abstract class CredentialsProviderOptions
{
    /// <summary>The default <see cref="RefreshBefore"/>: 15 minutes, the stale time of Alibaba's credentials libraries.</summary>
    public static readonly TimeSpan DefaultRefreshBefore = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sends the provider's requests. Null for a shared client that follows no redirect (credentials
    /// answers never go to another address) and reaches the metadata service without a proxy.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Where the provider logs (category <c>Bindings.Credentials</c>): sources, refreshes and failures, never a secret.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for expiry and refresh times; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long before temporary credentials expire they are refreshed (at most half their lifetime).
    /// Default 15 minutes. Between then and expiry one caller refreshes while the others keep using the
    /// current credentials; a failed refresh is tried again later, and the current credentials are used
    /// until 30 seconds before they expire.
    /// </summary>
    public TimeSpan RefreshBefore { get; set; } = DefaultRefreshBefore;

    /// <summary>
    /// Reads an environment variable (null when unset): where the provider finds its defaults. Null
    /// for the process's environment; tests pass a dictionary's lookup.
    /// </summary>
    public Func<string, string?>? EnvironmentVariables { get; set; }

    internal Func<string, string?> Environment => EnvironmentVariables ?? System.Environment.GetEnvironmentVariable;

    internal string? Variable(string name) => Environment(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    internal bool IsTrue(string name) => string.Equals(Variable(name), "true", StringComparison.OrdinalIgnoreCase);

    internal void CopyTo(CredentialsProviderOptions other)
    {
        other.HttpClient = HttpClient;
        other.LoggerFactory = LoggerFactory;
        other.TimeProvider = TimeProvider;
        other.RefreshBefore = RefreshBefore;
        other.EnvironmentVariables = EnvironmentVariables;
    }

    internal void Validate()
    {
        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider must not be null.", nameof(TimeProvider));
        }

        if (RefreshBefore < TimeSpan.Zero || RefreshBefore > TimeSpan.FromHours(12))
        {
            throw new ArgumentException("RefreshBefore must be between zero and 12 hours.", nameof(RefreshBefore));
        }
    }
}
