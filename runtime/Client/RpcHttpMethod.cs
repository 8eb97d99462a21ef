namespace Bindings.Client;

/// <summary>The HTTP method of an RPC call; the service accepts both.</summary>
public enum RpcHttpMethod
{
    /// <summary>
    /// POST with every parameter in an <c>application/x-www-form-urlencoded</c> body. The default: no
    /// URL length limit, and the parameters (an STS token among them with V1) stay out of URLs, which
    /// proxies and HTTP logs record.
    /// </summary>
    Post,

    /// <summary>GET with every parameter in the query string.</summary>
    Get,
}
