namespace Bindings.Client;

/// <summary>How requests are signed.</summary>
public enum SignatureVersion
{
    /// <summary>
    /// Signature V3, <c>ACS3-HMAC-SHA256</c>: the signature travels in the <c>Authorization</c> header,
    /// <c>Action</c> and <c>Version</c> in <c>x-acs-action</c> and <c>x-acs-version</c>. What the
    /// current official SDKs use. The default.
    /// </summary>
    V3,

    /// <summary>
    /// Signature V1, <c>HMAC-SHA1</c>: the signature and the common parameters travel with the
    /// operation's parameters (query or form body).
    /// </summary>
    V1,
}
