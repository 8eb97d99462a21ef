using System.Collections.Generic;

namespace Bindings.Generator.Model;

/// <summary>
/// The common parameters of an RPC request, which the runtime's signer (or its anonymous path) adds to
/// every request: a request parameter of one of these names would be sent twice (on POST once in the URL
/// and once in the body), so a spec cannot declare one.
/// </summary>
internal static class CommonParameters
{
    /// <summary>The names, as the official SDK's <c>doRPCRequest</c> sends them.</summary>
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "Action", "Version", "Format", "Timestamp", "SignatureNonce", "AccessKeyId",
        "SignatureMethod", "SignatureVersion", "Signature", "SecurityToken",
    };
}
