using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Bindings.Client;

/// <summary>Tells a failure to connect (the request never left) from a failure after sending.</summary>
internal static class TransportFailure
{
    public static bool IsConnectFailure(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
        {
            return true;
        }
#endif
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket when IsConnectError(socket.SocketErrorCode):
                    return true;
                case AuthenticationException:
                    // The TLS handshake failed: nothing of the request was sent.
                    return true;
            }
        }

        return false;
    }

    private static bool IsConnectError(SocketError error) => error is SocketError.ConnectionRefused
        or SocketError.HostNotFound
        or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable
        or SocketError.HostDown
        or SocketError.TryAgain
        or SocketError.NoData
        or SocketError.AddressNotAvailable
        or SocketError.AddressFamilyNotSupported;
}
