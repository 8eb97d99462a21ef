using System;
using System.Globalization;

namespace Bindings.Tests.Signing;

/// <summary>Runs a block under another current culture and restores the previous ones.</summary>
/// <remarks>
/// CurrentCulture flows with the test's own execution context, so this does not leak into tests
/// running in parallel.
/// </remarks>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    /// <summary>Cultures known to break naive formatting, casing or calendars.</summary>
    public static TheoryData<string> Awkward => new() { "de-DE", "tr-TR", "th-TH", "ar-SA", "fa-IR", "ja-JP" };

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
