namespace Bindings.Client;

/// <summary>
/// What a <c>SignatureDoesNotMatch</c> error means, found by comparing the server's string to sign
/// (quoted at the end of its message) with the one the client signed.
/// </summary>
public enum SignatureMismatchVerdict
{
    /// <summary>The error is not <c>SignatureDoesNotMatch</c>.</summary>
    None,

    /// <summary>
    /// Both sides signed the same string, so the HMAC key differed: the AccessKey secret is wrong (or
    /// belongs to another AccessKey ID).
    /// </summary>
    SecretIsWrong,

    /// <summary>
    /// The strings differ: the request was changed on the way or signed differently from how the
    /// service reads it (a client bug, a proxy rewriting the request, a wrong host).
    /// </summary>
    SignedDifferently,

    /// <summary>The service did not quote its string to sign, so no comparison was possible.</summary>
    Undetermined,
}
