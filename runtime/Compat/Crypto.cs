using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Bindings.Compat;

/// <summary>
/// Hashing, MACs and random bytes for both targets. .NET has allocation-free one-shot APIs
/// (<c>SHA256.HashData</c>, <c>HMACSHA256.HashData</c>, <c>CryptographicOperations</c>, ...);
/// netstandard2.0 only has the array-based instance APIs, used here as the fallback.
/// </summary>
internal static class Crypto
{
    /// <summary>The size of a SHA-256 hash, in bytes.</summary>
    public const int Sha256Size = 32;

    /// <summary>The size of an HMAC-SHA256, in bytes.</summary>
    public const int HmacSha256Size = 32;

    /// <summary>The size of an HMAC-SHA1, in bytes.</summary>
    public const int HmacSha1Size = 20;

    /// <summary>Writes the SHA-256 of <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Sha256(ReadOnlySpan<byte> source, Span<byte> destination)
    {
#if NET
        SHA256.HashData(source, destination);
#else
        using var sha = SHA256.Create();
        sha.ComputeHash(source.ToArray()).CopyTo(destination);
#endif
    }

    /// <summary>Writes the HMAC-SHA256 of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static void HmacSha256(byte[] key, byte[] data, Span<byte> destination)
    {
#if NET
        HMACSHA256.HashData(key, data, destination);
#else
        using var hmac = new HMACSHA256(key);
        hmac.ComputeHash(data).CopyTo(destination);
#endif
    }

    /// <summary>Writes the HMAC-SHA1 of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static void HmacSha1(byte[] key, byte[] data, Span<byte> destination)
    {
#if NET
        HMACSHA1.HashData(key, data, destination);
#else
        using var hmac = new HMACSHA1(key);
        hmac.ComputeHash(data).CopyTo(destination);
#endif
    }

    /// <summary>
    /// Compares two byte sequences in time that depends on their length only, not on where they
    /// first differ.
    /// </summary>
#if NET
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
#else
    // Not inlined nor optimized, so that the JIT cannot turn the loop into an early exit.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#endif

    /// <summary>Wipes <paramref name="buffer"/> (a key, say) in a way the JIT cannot skip as a dead store.</summary>
#if NET
    public static void ZeroMemory(Span<byte> buffer) => CryptographicOperations.ZeroMemory(buffer);
#else
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static void ZeroMemory(Span<byte> buffer) => buffer.Clear();
#endif

    /// <summary>Fills <paramref name="destination"/> from the operating system's cryptographic generator.</summary>
    public static void FillRandom(Span<byte> destination)
    {
#if NET
        RandomNumberGenerator.Fill(destination);
#else
        var bytes = new byte[destination.Length];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }

        bytes.CopyTo(destination);
#endif
    }
}
