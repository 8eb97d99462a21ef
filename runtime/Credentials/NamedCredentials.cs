using System.Threading;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>
/// Credentials renamed for the source in front of them (<c>default/env</c>), remembered with the
/// originals so that the same credentials are not copied at every call. One object, swapped whole:
/// a reader never sees the name of one pair with the keys of another.
/// </summary>
internal sealed class NamedCredentials
{
    private NamedCredentials(AlibabaCloudCredentials inner, AlibabaCloudCredentials named)
    {
        Inner = inner;
        Named = named;
    }

    public AlibabaCloudCredentials Inner { get; }

    public AlibabaCloudCredentials Named { get; }

    public static AlibabaCloudCredentials For(ref NamedCredentials? last, AlibabaCloudCredentials credentials, string name)
    {
        if (Volatile.Read(ref last) is { } cached && ReferenceEquals(cached.Inner, credentials))
        {
            return cached.Named;
        }

        var named = new NamedCredentials(credentials, credentials.WithProviderName(name));
        Volatile.Write(ref last, named);
        return named.Named;
    }
}
