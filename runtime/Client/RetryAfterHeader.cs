using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Bindings.Client;

/// <summary>Reads the wait a throttled or overloaded service asks for.</summary>
/// <remarks>
/// <c>x-acs-retry-after</c> is read as a whole number of <b>milliseconds</b>: that is how the official
/// SDKs' OpenAPI core reads it (their tests send <c>2000</c> for two seconds and <c>80</c> for 80
/// milliseconds), and values of zero, negative or not a number are ignored, as there. Without it, the
/// standard <c>Retry-After</c> header (seconds, or a date) is honoured.
/// </remarks>
internal static class RetryAfterHeader
{
    public const string Name = "x-acs-retry-after";

    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues(Name, out var values))
        {
            var text = values.FirstOrDefault()?.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0)
            {
                return TimeSpan.FromMilliseconds(Math.Min(milliseconds, (long)TimeSpan.FromDays(1).TotalMilliseconds));
            }
        }

        var standard = response.Headers.RetryAfter;
        if (standard?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta;
        }

        if (standard?.Date is { } date && date > now)
        {
            return date - now;
        }

        return null;
    }
}
