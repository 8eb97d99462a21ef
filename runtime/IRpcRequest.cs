using System.Collections.Generic;

namespace Bindings;

/// <summary>
/// A generated request of an RPC-style operation: what a signer and a client need, without reflection.
/// </summary>
public interface IRpcRequest
{
    /// <summary>The operation's name, sent as the <c>Action</c> parameter.</summary>
    string Action { get; }

    /// <summary>The API version, sent as the <c>Version</c> parameter.</summary>
    string Version { get; }

    /// <summary>
    /// True when the operation changes nothing, so that a client may retry it freely; false when a retry
    /// is safe only with the same idempotency token.
    /// </summary>
    bool IsReadOnly { get; }

    /// <summary>Checks required parameters and constraints; throws <see cref="RequestValidationException"/>.</summary>
    void Validate();

    /// <summary>
    /// Adds <c>Action</c>, <c>Version</c> and every parameter that is set, by wire name, with its
    /// invariant-culture text. Common parameters (signature, credentials, format) are the signer's.
    /// </summary>
    /// <param name="parameters">Where to add them.</param>
    void WriteParameters(ICollection<KeyValuePair<string, string>> parameters);
}
