using System;

namespace Bindings.Client;

/// <summary>
/// Tells a wrong secret from a signing difference for <c>SignatureDoesNotMatch</c>: the service's
/// message ends with "server string to sign is: ..." and an equal string means only the key differed.
/// </summary>
internal static class SignatureDiagnosis
{
    public const string ErrorCode = "SignatureDoesNotMatch";

    private const string Marker = "server string to sign is:";

    public static SignatureMismatchVerdict Diagnose(string? serviceMessage, string clientStringToSign, out string? serverStringToSign)
    {
        serverStringToSign = Extract(serviceMessage);
        if (serverStringToSign is null)
        {
            return SignatureMismatchVerdict.Undetermined;
        }

        return string.Equals(serverStringToSign, clientStringToSign, StringComparison.Ordinal)
            ? SignatureMismatchVerdict.SecretIsWrong
            : SignatureMismatchVerdict.SignedDifferently;
    }

    /// <summary>The text after the marker, trimmed; null when the message does not quote it.</summary>
    public static string? Extract(string? serviceMessage)
    {
        if (serviceMessage is null)
        {
            return null;
        }

        var index = serviceMessage.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var quoted = serviceMessage.Substring(index + Marker.Length).Trim();
        return quoted.Length == 0 ? null : quoted;
    }
}
