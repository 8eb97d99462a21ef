using System.Collections.Generic;
using System.Globalization;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// The parts of the format that say how a value travels and what a client adds around an operation:
/// a member's wire options, the region map, <c>pagination</c> and <c>waiters</c>. Read as written; the
/// resolver checks them against the members they name.
/// </summary>
internal sealed partial class SpecReader
{
    /// <summary>A waiter's delays when the spec leaves them out, in seconds (Smithy's minDelay and AWS's usual ceiling).</summary>
    private const int DefaultMinDelay = 2;
    private const int DefaultMaxDelay = 120;
    private const int DefaultMaxWait = 600;

    private static readonly string[] RequestOnlyKeys = { "style", "default", "position" };

    private DeclaredMemberOptions ReadMemberOptions(YamlMapping map, bool isRequest)
    {
        if (!isRequest)
        {
            foreach (var key in RequestOnlyKeys)
            {
                if (OptionalString(map, key) is { } misplaced)
                {
                    Add(Diagnostics.InvalidValue, misplaced.Location, key, "absent: only a request parameter (a key under 'request') takes it");
                }
            }
        }

        var style = isRequest ? OptionalString(map, "style") : null;
        if (style is not null && WireStyles.Find(style.Value) is null)
        {
            Invalid(style, "style", "one of " + WireStyles.SpecNames);
            style = null;
        }

        var format = OptionalString(map, "format");
        if (format is not null && DateTimeFormats.Find(format.Value) is null)
        {
            Invalid(format, "format", "one of " + DateTimeFormats.SpecNames);
            format = null;
        }

        var position = isRequest ? OptionalString(map, "position") : null;
        if (position is not null && position.Value is not ("query" or "body"))
        {
            Invalid(position, "position", position.Value.ToLowerInvariant() == "host"
                ? "query or body (main.dara's position='Host' is not supported)"
                : "query or body");
            position = null;
        }

        var defaultValue = isRequest ? OptionalString(map, "default") : null;
        return new DeclaredMemberOptions(Text(style), Text(format), Text(defaultValue), ReadDeprecated(map), Text(position));
    }

    /// <summary><c>deprecated</c>: the text to show, an empty text for <c>true</c> (the emitter's fixed words), or null.</summary>
    private string? ReadDeprecated(YamlMapping map)
    {
        if (OptionalString(map, "deprecated") is not { } node)
        {
            return null;
        }

        if (node.IsPlain && node.Value is "true" or "True" or "TRUE")
        {
            return string.Empty;
        }

        return node.IsPlain && node.Value is "false" or "False" or "FALSE" ? null : node.Value;
    }

    private EquatableArray<RegionEndpoint> ReadRegions(YamlMapping endpoints)
    {
        if (Find(endpoints, "regions") is not { } node || (node is YamlScalar empty && empty.IsNull) || AsMapping(node, "regions") is not { } map)
        {
            return EquatableArray<RegionEndpoint>.Empty;
        }

        var regions = new List<RegionEndpoint>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!IsRegionId(entry.Key.Value))
            {
                Invalid(entry.Key, entry.Key.Value, "a region ID: lower-case letters, digits and hyphens (cn-hangzhou)");
                continue;
            }

            if (AsText(entry.Value, entry.Key.Value) is not { } host)
            {
                continue;
            }

            if (System.Uri.CheckHostName(host.Value) != System.UriHostNameType.Dns)
            {
                Invalid(host, entry.Key.Value, "a host name (rds.aliyuncs.com)");
                continue;
            }

            if (!seen.Add(entry.Key.Value))
            {
                Add(Diagnostics.DuplicateName, entry.Key.Location, "region", entry.Key.Value);
                continue;
            }

            regions.Add(new RegionEndpoint(entry.Key.Value, host.Value));
        }

        return regions.ToEquatableArray();
    }

    private DeclaredPagination? ReadPagination(YamlMapping operation)
    {
        if (Find(operation, "pagination") is not { } node || AsMapping(node, "pagination") is not { } map)
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Pagination, "pagination");
        var items = OptionalString(map, "items");
        if (items is null)
        {
            Add(Diagnostics.MissingKey, map.Location, "pagination", "items");
        }

        var pagination = new DeclaredPagination(
            map.Location,
            Text(items),
            Text(OptionalString(map, "pageNumber")),
            Text(OptionalString(map, "pageSize")),
            Text(OptionalString(map, "totalCount")),
            Text(OptionalString(map, "inputToken")),
            Text(OptionalString(map, "outputToken")),
            Text(OptionalString(map, "maxResults")));
        if (pagination.PageNumber is null && pagination.InputToken is null)
        {
            Add(Diagnostics.MissingKey, map.Location, "pagination", "pageNumber' or 'inputToken");
            return null;
        }

        if ((pagination.InputToken is null) != (pagination.OutputToken is null))
        {
            Add(Diagnostics.MissingKey, map.Location, "pagination", pagination.InputToken is null ? "inputToken" : "outputToken");
            return null;
        }

        return items is null ? null : pagination;
    }

    private EquatableArray<DeclaredWaiter> ReadWaiters(YamlMapping operation)
    {
        if (Find(operation, "waiters") is not { } node || AsMapping(node, "waiters") is not { } map)
        {
            return EquatableArray<DeclaredWaiter>.Empty;
        }

        var waiters = new List<DeclaredWaiter>();
        foreach (var entry in map.Entries)
        {
            if (!CheckIdentifier(entry.Key, "a waiter") || AsMapping(entry.Value, entry.Key.Value) is not { } waiter)
            {
                continue;
            }

            var what = "the waiter '" + entry.Key.Value + "'";
            CheckKeys(waiter, SpecKeys.Waiter, what);
            var minDelay = Seconds(waiter, "minDelay") ?? DefaultMinDelay;
            var maxDelay = Seconds(waiter, "maxDelay") ?? System.Math.Max(DefaultMaxDelay, minDelay);
            var maxWait = Seconds(waiter, "maxWait") ?? System.Math.Max(DefaultMaxWait, maxDelay);
            if (maxDelay < minDelay || maxWait < minDelay)
            {
                Add(Diagnostics.InvalidValue, waiter.Location, entry.Key.Value, "a waiter whose maxDelay and maxWait are at least its minDelay (" + minDelay.ToString(CultureInfo.InvariantCulture) + ")");
                continue;
            }

            var acceptors = new List<DeclaredAcceptor>();
            if (Find(waiter, "acceptors") is not YamlSequence list)
            {
                if (Find(waiter, "acceptors") is { } wrong)
                {
                    Invalid(wrong, "acceptors", "a list of acceptors");
                }
                else
                {
                    Add(Diagnostics.MissingKey, waiter.Location, what, "acceptors");
                }

                continue;
            }

            foreach (var item in list.Items)
            {
                if (ReadAcceptor(item) is { } acceptor)
                {
                    acceptors.Add(acceptor);
                }
            }

            if (list.Items.Count == 0)
            {
                Add(Diagnostics.InvalidValue, list.Location, "acceptors", "a list with at least one acceptor");
                continue;
            }

            if (acceptors.Count < list.Items.Count)
            {
                // What was wrong with an acceptor is reported; a waiter without it would decide differently.
                continue;
            }

            waiters.Add(new DeclaredWaiter(Text(entry.Key)!, OptionalString(waiter, "description")?.Value, minDelay, maxDelay, maxWait, acceptors.ToEquatableArray()));
        }

        return waiters.ToEquatableArray();
    }

    private DeclaredAcceptor? ReadAcceptor(YamlNode node)
    {
        if (AsMapping(node, "acceptors") is not { } map)
        {
            return null;
        }

        CheckKeys(map, SpecKeys.Acceptor, "an acceptor");
        var state = RequiredString(map, "state", "an acceptor");
        if (state is not null && state.Value is not ("success" or "failure" or "retry"))
        {
            Invalid(state, "state", "success, failure or retry");
            return null;
        }

        YamlScalar? matcherKey = null;
        YamlNode? matcherValue = null;
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value is "equals" or "anyEqual" or "allEqual" or "exists" or "error")
            {
                if (matcherKey is not null)
                {
                    Add(Diagnostics.InvalidValue, entry.Key.Location, entry.Key.Value, "absent: an acceptor has exactly one matcher (it has '" + matcherKey.Value + "')");
                    return null;
                }

                matcherKey = entry.Key;
                matcherValue = entry.Value;
            }
        }

        if (state is null)
        {
            return null;
        }

        if (matcherKey is null || matcherValue is null)
        {
            Add(Diagnostics.MissingKey, map.Location, "an acceptor", "equals', 'anyEqual', 'allEqual', 'exists' or 'error");
            return null;
        }

        var values = new List<SpecText>();
        if (matcherValue is YamlSequence sequence && matcherKey.Value == "equals")
        {
            foreach (var item in sequence.Items)
            {
                if (AsText(item, matcherKey.Value) is { } value)
                {
                    values.Add(Text(value)!);
                }
            }
        }
        else if (AsText(matcherValue, matcherKey.Value) is { } value)
        {
            values.Add(Text(value)!);
        }

        if (values.Count == 0)
        {
            return null;
        }

        var path = OptionalString(map, "path");
        if (matcherKey.Value == "error")
        {
            if (path is not null)
            {
                Add(Diagnostics.InvalidValue, path.Location, "path", "absent: an 'error' acceptor looks at the error code, not the response");
                return null;
            }
        }
        else if (path is null)
        {
            Add(Diagnostics.MissingKey, map.Location, "an acceptor", "path");
            return null;
        }

        return new DeclaredAcceptor(Text(state)!, Text(path), Text(matcherKey)!, values.ToEquatableArray());
    }

    private int? Seconds(YamlMapping map, string key)
    {
        var value = OptionalInteger(map, key);
        if (value is 0)
        {
            Add(Diagnostics.InvalidValue, Find(map, key)!.Location, key, "a whole number of seconds, 1 or more");
            return null;
        }

        return value;
    }

    private static SpecText? Text(YamlScalar? scalar) => scalar is null ? null : new SpecText(scalar.Value, scalar.Location);

    private static bool IsRegionId(string text)
    {
        if (text.Length == 0 || text[0] == '-' || text[text.Length - 1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
