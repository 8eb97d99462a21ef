using System;
using Bindings.Compat;

namespace Bindings.Signing;

/// <summary>Creates the per-request nonce (<c>SignatureNonce</c> / <c>x-acs-signature-nonce</c>).</summary>
/// <remarks>
/// The server rejects a nonce it has seen recently (<c>SignatureNonceUsed</c>), and a retry must
/// send a fresh one. A guessable nonce would let an observer pre-empt requests, so the value comes
/// from the operating system's cryptographic generator rather than <see cref="Random"/>.
/// </remarks>
public static class SignatureNonce
{
    private const int ByteCount = 16;

    /// <summary>Creates a new nonce: 128 random bits as 32 lower-case hex characters.</summary>
    /// <returns>For example <c>d410180a5abf7fe235dd9b74aca91fc0</c>.</returns>
    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        Crypto.FillRandom(bytes);
        return Hex.ToLower(bytes);
    }
}
