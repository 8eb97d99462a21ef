using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>Options of <see cref="UriCredentialsProvider"/>.</summary>
public sealed class UriCredentialsProviderOptions : CredentialsProviderOptions
{
    /// <summary>The URL that answers with credentials. Null for <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.</summary>
    public Uri? Uri { get; set; }

    /// <summary>How long one request may take. Default 15 seconds (Alibaba's libraries: 5 s to connect, 10 s to read).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Temporary credentials from a URL of your own (a sidecar, a credentials broker): <c>GET</c> answers
/// <c>{"Code":"Success","AccessKeyId":...,"AccessKeySecret":...,"SecurityToken":...,"Expiration":...}</c>,
/// as Alibaba's credentials libraries read it (aliyun/credentials-python provider/uri.py at
/// 0e6d313679cd9cd7b3e72f74ce4b25a606d3ca84). Refreshed before they expire.
/// </summary>
/// <remarks>
/// The URL's query is part of it; errors name its scheme, host and port only, since a query may hold a
/// key. Redirects are not followed.
/// </remarks>
public sealed class UriCredentialsProvider : RefreshingCredentialsProvider
{
    private readonly UriCredentialsProviderOptions _options;
    private readonly Uri _uri;
    private readonly string _what;

    /// <summary>Creates the provider for <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.</summary>
    /// <exception cref="AlibabaCloudCredentialsUnavailableException">The variable is not set.</exception>
    public UriCredentialsProvider()
        : this(new UriCredentialsProviderOptions())
    {
    }

    /// <summary>Creates the provider; nothing is sent until credentials are asked for.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The URL is not http(s), or the timeout is not positive.</exception>
    /// <exception cref="AlibabaCloudCredentialsUnavailableException">No URL in the options or the environment.</exception>
    public UriCredentialsProvider(UriCredentialsProviderOptions options)
        : base(options)
    {
        _options = options;
        _uri = options.Uri ?? CredentialsEndpoints.FromVariable(options, AlibabaCloudEnvironmentVariables.CredentialsUri)
            ?? throw new AlibabaCloudCredentialsUnavailableException(
                "No credentials URI: set Uri or " + AlibabaCloudEnvironmentVariables.CredentialsUri + ".");
        if (!_uri.IsAbsoluteUri || (_uri.Scheme != System.Uri.UriSchemeHttp && _uri.Scheme != System.Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The credentials URI must be an absolute http or https URL.", nameof(options));
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(options));
        }

        _what = "the credentials URI " + _uri.GetLeftPart(UriPartial.Authority);
    }

    /// <inheritdoc />
    public override string Name => ProviderNames.CredentialsUri;

    /// <inheritdoc />
    public override string ToString() => "credential_uri (" + _uri.GetLeftPart(UriPartial.Authority) + ")";

    /// <inheritdoc />
    protected override async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uri);
        var (status, body, length) = await CredentialsHttp.SendAsync(
            CredentialsHttp.For(_options, direct: false), request, _options.RequestTimeout, _what, unreachableIsUnavailable: false, cancellationToken)
            .ConfigureAwait(false);
        if (status != 200)
        {
            throw new AlibabaCloudCredentialsException(_what + " answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return CredentialsDocument.Read(body, length, _what, Name);
    }
}
