using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Bindings.StandIn.State;

/// <summary>One binary log file of an instance.</summary>
internal sealed record LogFile(string Name, DateTimeOffset Begin, DateTimeOffset End, long Size, string Checksum);

/// <summary>
/// An instance's binary logs, derived from its backup sets: the log rotates every full hour (UTC)
/// and at the end of each backup (which flushes the logs), so every backup set is followed by a
/// new file. Files are numbered from the instance's creation, <c>mysql-bin.000001</c> on.
/// </summary>
internal static class LogFiles
{
    /// <summary>The closed files that overlap <paramref name="from"/>..<paramref name="to"/>, oldest first.</summary>
    public static List<LogFile> Between(InstanceState instance, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var elapsed = now - instance.StartedAt;
        var origin = Hour(instance.CreationTime);
        from = from < origin ? origin : from;
        to = to > now ? now : to;
        var files = new List<LogFile>();
        if (to <= from)
        {
            return files;
        }

        var flushes = instance.AllSetsEver(elapsed)
            .Select(static s => s.End)
            .Where(t => t > origin && t != Hour(t))
            .OrderBy(static t => t)
            .ToList();

        // Start at the boundary at or before 'from', with its sequence number.
        var begin = Hour(from);
        var flushIndex = flushes.FindIndex(t => t >= begin);
        if (flushIndex < 0)
        {
            flushIndex = flushes.Count;
        }

        var sequence = (long)(begin - origin).TotalHours + flushIndex + 1;
        // A clock years ahead lists at most a year of hourly files per call.
        var limit = 24 * 366;
        while (begin < to && files.Count < limit)
        {
            var nextHour = Hour(begin).AddHours(1);
            var end = flushIndex < flushes.Count && flushes[flushIndex] < nextHour ? flushes[flushIndex++] : nextHour;
            if (end > now)
            {
                break;
            }

            if (end > from)
            {
                files.Add(Describe(instance, sequence, begin, end));
            }

            sequence++;
            begin = end;
        }

        return files;
    }

    private static LogFile Describe(InstanceState instance, long sequence, DateTimeOffset begin, DateTimeOffset end)
    {
        var key = instance.Id + "/" + sequence.ToString(CultureInfo.InvariantCulture);
        var hash = (uint)StandInState.StableHash(key);
        // Between 4 and 16 KB of log per second, the same for the same file.
        var size = (long)((end - begin).TotalSeconds * (4096 + hash % 12288));
        var checksum = ((ulong)hash * 4294967311UL + (uint)StandInState.StableHash(key + "#")).ToString(CultureInfo.InvariantCulture);
        return new LogFile("mysql-bin." + sequence.ToString("000000", CultureInfo.InvariantCulture), begin, end, size, checksum);
    }

    private static DateTimeOffset Hour(DateTimeOffset t) => new(t.UtcDateTime.Date.AddHours(t.UtcDateTime.Hour), TimeSpan.Zero);
}
