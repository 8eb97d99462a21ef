using System;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>
/// The part the two profile providers share: the file is read and the profile's provider built at the
/// first call (again after a failure, never after a success), and the credentials it hands out are
/// named <c>{profile source}/{inner source}</c>, as Alibaba's chain names them.
/// </summary>
internal sealed class ProfileSource
{
    private readonly string _name;
    private readonly Func<CancellationToken, Task<IAlibabaCloudCredentialsProvider>> _load;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private IAlibabaCloudCredentialsProvider? _inner;
    private NamedCredentials? _last;

    public ProfileSource(string name, Func<CancellationToken, Task<IAlibabaCloudCredentialsProvider>> load)
    {
        _name = name;
        _load = load;
    }

    /// <summary>The profile's provider, once it has been built.</summary>
    public IAlibabaCloudCredentialsProvider? Inner => Volatile.Read(ref _inner);

    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var inner = Volatile.Read(ref _inner) ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        var credentials = await inner.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return NamedCredentials.For(ref _last, credentials, _name + "/" + (credentials.ProviderName ?? inner.Name));
    }

    /// <summary>The user's home directory, as Alibaba's libraries find it: <c>HOME</c>, else the profile folder.</summary>
    public static string? HomeDirectory(CredentialsProviderOptions options) =>
        options.Variable("HOME") ?? options.Variable("USERPROFILE")
        ?? (options.EnvironmentVariables is null ? NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) : null);

    private async Task<IAlibabaCloudCredentialsProvider> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _inner) is { } loaded)
            {
                return loaded;
            }

            var inner = await _load(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _inner, inner);
            return inner;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
