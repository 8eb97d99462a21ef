using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Client;

namespace Bindings.Credentials;

/// <summary>
/// The HTTP side of the providers that are not STS (the metadata service, a credentials URI): shared
/// clients that follow no redirect, a timeout per request, bodies read up to a limit, and failures
/// turned into <see cref="AlibabaCloudCredentialsException"/>s that name the address only.
/// </summary>
internal static class CredentialsHttp
{
    /// <summary>A credentials answer is a few hundred bytes; more is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly Lazy<HttpClient> Proxied = new(() => Create(useProxy: true));
    private static readonly Lazy<HttpClient> Direct = new(() => Create(useProxy: false));

    /// <summary>The client to send with: the options', or a shared one (no proxy for the link-local metadata service).</summary>
    public static HttpClient For(CredentialsProviderOptions options, bool direct) =>
        options.HttpClient ?? (direct ? Direct : Proxied).Value;

    /// <summary>Sends, and reads the status and at most <see cref="MaxBodyBytes"/> of the body.</summary>
    // what names the source in errors ("the ECS metadata service at http://100.100.100.200");
    // unreachableIsUnavailable: whether a connection that cannot be made (or times out) means the
    // source is not there (the metadata service off ECS) rather than a failure.
    public static async Task<(int Status, byte[] Body, int Length)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, string what, bool unreachableIsUnavailable, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            var (body, length, truncated) = await HttpContentReading.ReadLimitedAsync(response.Content, MaxBodyBytes, limit.Token).ConfigureAwait(false);
            if (truncated)
            {
                throw new AlibabaCloudCredentialsException(what + " answered with more than " + MaxBodyBytes + " bytes: not credentials.");
            }

            return ((int)response.StatusCode, body, length);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var message = what + " did not answer within " + RpcCall<object>.Format(timeout) + ".";
            throw unreachableIsUnavailable
                ? new AlibabaCloudCredentialsUnavailableException(message, exception)
                : new AlibabaCloudCredentialsException(message, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var message = what + " could not be reached (" + exception.GetType().Name + ").";
            throw unreachableIsUnavailable && TransportFailure.IsConnectFailure(exception)
                ? new AlibabaCloudCredentialsUnavailableException(message, exception)
                : new AlibabaCloudCredentialsException(message, exception);
        }
    }

    private static HttpClient Create(bool useProxy)
    {
#if NET5_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = useProxy,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseProxy = useProxy };
#endif
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
