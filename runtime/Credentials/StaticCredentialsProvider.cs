using System;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Fixed credentials: an AccessKey pair, with an STS token or not, handed out as they are.</summary>
public sealed class StaticCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private readonly AlibabaCloudCredentials _credentials;

    /// <summary>Wraps the credentials.</summary>
    /// <param name="credentials">The credentials; their <see cref="AlibabaCloudCredentials.ProviderName"/> is kept, or set to <c>static</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    public StaticCredentialsProvider(AlibabaCloudCredentials credentials)
    {
        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        _credentials = credentials.ProviderName is null ? credentials.WithProviderName(ProviderNames.Static) : credentials;
        Name = _credentials.ProviderName!;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AlibabaCloudCredentials>(_credentials);
    }

    /// <inheritdoc />
    public override string ToString() => "StaticCredentialsProvider { " + _credentials + " }";
}
