using System;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>
/// An AccessKey pair (and an STS token) from <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>,
/// <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>, read at every call
/// (a process that changes them is believed).
/// </summary>
/// <remarks>
/// Neither variable set: <see cref="AlibabaCloudCredentialsUnavailableException"/> (the chain moves on).
/// One of the two set without the other: <see cref="AlibabaCloudCredentialsException"/>, a mistake to
/// show rather than skip.
/// </remarks>
public sealed class EnvironmentCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private readonly Func<string, string?> _lookup;

    /// <summary>Reads the process's environment.</summary>
    public EnvironmentCredentialsProvider()
        : this(null)
    {
    }

    /// <summary>Reads the variables through <paramref name="environmentVariables"/>.</summary>
    /// <param name="environmentVariables">Returns a variable's value or null; null for the process's environment.</param>
    public EnvironmentCredentialsProvider(Func<string, string?>? environmentVariables) =>
        _lookup = environmentVariables ?? Environment.GetEnvironmentVariable;

    /// <inheritdoc />
    public string Name => ProviderNames.Environment;

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = Read(AlibabaCloudEnvironmentVariables.AccessKeyId);
        var secret = Read(AlibabaCloudEnvironmentVariables.AccessKeySecret);
        if (id is null && secret is null)
        {
            throw new AlibabaCloudCredentialsUnavailableException(
                AlibabaCloudEnvironmentVariables.AccessKeyId + " and " + AlibabaCloudEnvironmentVariables.AccessKeySecret + " are not set.");
        }

        if (id is null || secret is null)
        {
            throw new AlibabaCloudCredentialsException(
                (id is null ? AlibabaCloudEnvironmentVariables.AccessKeySecret : AlibabaCloudEnvironmentVariables.AccessKeyId) + " is set but "
                + (id is null ? AlibabaCloudEnvironmentVariables.AccessKeyId : AlibabaCloudEnvironmentVariables.AccessKeySecret) + " is not.");
        }

        return new ValueTask<AlibabaCloudCredentials>(
            AlibabaCloudCredentials.Create(id, secret, Read(AlibabaCloudEnvironmentVariables.SecurityToken), null, Name));
    }

    /// <inheritdoc />
    public override string ToString() => "env (" + AlibabaCloudEnvironmentVariables.AccessKeyId + ")";

    // As Alibaba's providers read them: a blank value is unset, any other is taken as it is.
    private string? Read(string name) => _lookup(name) is { } value && value.Trim().Length > 0 ? value : null;
}
