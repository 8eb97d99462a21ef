using System.Globalization;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>How the commands show values in tables: one way for every command.</summary>
internal static class Display
{
    /// <summary>A time in UTC to the second, as the service's documents give them (to the minute or the second).</summary>
    public static string Time(DateTimeOffset? value)
        => value is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>A size in bytes, in binary units (the service reports bytes), with the exact count for small ones.</summary>
    public static string Bytes(long? value)
    {
        if (value is not { } bytes)
        {
            return "-";
        }

        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double size = bytes;
        var unit = 0;
        while (Math.Abs(size) >= 1024 && unit < units.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
            : size.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>Any value as escaped markup, "-" when absent.</summary>
    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : Markup.Escape(value);

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The line under one page of a paged list: which page, and how many there are in all.</summary>
    public static string PageLine(int? pageNumber, int shown, long? total, string what) => total is { } all
        ? $"[grey]Page {pageNumber ?? 1}: {shown} of {all} {what} (--all lists every page).[/]"
        : $"[grey]Page {pageNumber ?? 1}: {shown} {what}.[/]";
}

/// <summary>Reports at once, on the caller's thread: <see cref="Progress{T}"/> posts, which could reorder the lines.</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
