using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bindings.Credentials;

/// <summary>Reads the small files the providers use (profiles, the OIDC token), with a size limit and errors that name the path only.</summary>
internal static class CredentialFiles
{
    // what: what the file is, for messages; missingIsUnavailable: whether a missing file means the
    // source is not set up (rather than broken).
    public static async Task<byte[]> ReadAsync(string path, string what, int maxBytes, bool missingIsUnavailable, CancellationToken cancellationToken)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            if (file.Length > maxBytes)
            {
                throw new AlibabaCloudCredentialsException(what + " " + path + " is larger than " + maxBytes + " bytes.");
            }

            var bytes = new byte[file.Length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = await file.ReadAsync(bytes, read, bytes.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            Array.Resize(ref bytes, read);
            return bytes;
        }
        catch (Exception exception) when (missingIsUnavailable && exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AlibabaCloudCredentialsUnavailableException("There is no " + what + " at " + path + ".", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AlibabaCloudCredentialsException(what + " " + path + " cannot be read (" + exception.GetType().Name + ").", exception);
        }
    }
}
