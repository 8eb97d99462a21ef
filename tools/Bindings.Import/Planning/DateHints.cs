using System.Text.RegularExpressions;
using Bindings.Import.Model;

namespace Bindings.Import.Planning;

/// <summary>
/// Strings that look like dates: the importer never makes them <c>datetime</c> by itself (a wrong format
/// would make every response with the field fail to parse), it names them in the notes with the
/// <c>format</c> the overlay would give them.
/// </summary>
internal static class DateHints
{
    private static readonly (Regex Pattern, string Format)[] Documented =
    {
        (new Regex(@"yyyy-MM-ddTHH:mm:ssZ", RegexOptions.CultureInvariant), "yyyy-MM-ddTHH:mm:ssZ"),
        (new Regex(@"yyyy-MM-ddTHH:mmZ", RegexOptions.CultureInvariant), "yyyy-MM-ddTHH:mmZ"),
        (new Regex(@"yyyy-MM-dd HH:mm:ss", RegexOptions.CultureInvariant), "yyyy-MM-dd HH:mm:ss"),
        (new Regex(@"\b(UNIX|Unix|unix) timestamp\b.*\bmilliseconds?\b|\bmilliseconds?\b.*\b(UNIX|Unix|unix) timestamp\b", RegexOptions.CultureInvariant), "unixMilliseconds"),
        (new Regex(@"\b(UNIX|Unix|unix) timestamp\b", RegexOptions.CultureInvariant), "unixSeconds"),
    };

    private static readonly (Regex Pattern, string Format)[] Examples =
    {
        (new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", RegexOptions.CultureInvariant), "yyyy-MM-ddTHH:mm:ssZ"),
        (new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$", RegexOptions.CultureInvariant), "yyyy-MM-ddTHH:mmZ"),
        (new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant), "yyyy-MM-dd HH:mm:ss"),
    };

    /// <summary>The format the description names, else the one the example has; null for anything else.</summary>
    public static string? Format(ImportField field)
    {
        if (field.Type.Kind is not (ImportTypeKind.String or ImportTypeKind.Long))
        {
            return null;
        }

        foreach (var (pattern, format) in Documented)
        {
            if (field.Description is { } description && pattern.IsMatch(description) && (field.Type.Kind == ImportTypeKind.Long) == format.StartsWith("unix", StringComparison.Ordinal))
            {
                return format;
            }
        }

        foreach (var (pattern, format) in Examples)
        {
            if (field.Type.Kind == ImportTypeKind.String && field.Example is { } example && pattern.IsMatch(example.Trim()))
            {
                return format;
            }
        }

        return null;
    }
}
