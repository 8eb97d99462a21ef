using System;

namespace Bindings.Credentials;

/// <summary>
/// Credentials could not be had: a source is set up but failed (a malformed profile, an STS error,
/// a metadata service that answered with an error, expired credentials that could not be refreshed).
/// The message names the source, the file or the address, never a secret.
/// </summary>
/// <remarks>
/// An <see cref="InvalidOperationException"/>, as the client's "no credentials" error always was.
/// </remarks>
public class AlibabaCloudCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed (without secrets).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public AlibabaCloudCredentialsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A source of credentials is not set up here (no such variables, no such file or profile, no
/// metadata service): the default chain moves on to the next source. When no source is set up, the
/// chain throws one with every source's reason.
/// </summary>
public sealed class AlibabaCloudCredentialsUnavailableException : AlibabaCloudCredentialsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the source is not available (without secrets).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public AlibabaCloudCredentialsUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
