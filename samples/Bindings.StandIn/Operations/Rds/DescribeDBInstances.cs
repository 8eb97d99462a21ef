using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>DescribeDBInstances</c>: the instances of a region (<c>RegionId</c>, required), filtered by
/// engine, status, IDs, search key, type, network, zone, class, version, billing, connection mode
/// and <c>Tags</c> (<c>{"key":"value",...}</c>: every pair must be on the instance), paged by
/// <c>PageNumber</c>/<c>PageSize</c> (1 to 100, default 30) or, with <c>MaxResults</c>, by <c>NextToken</c>.
/// </summary>
internal sealed class DescribeDBInstances : RdsOperation
{
    public static readonly Paging Paging = new(
        30, 1, 100, 0, 21474836, StandInErrors.InvalidParameter("PageSize"), StandInErrors.InvalidParameter("PageNumber"));

    private static readonly string[] Engines = ["MySQL", "SQLServer", "PostgreSQL", "MariaDB"];
    private static readonly string[] Types = ["Primary", "Readonly", "Guard", "Temp"];
    private static readonly string[] Networks = ["VPC", "Classic"];
    private static readonly string[] PayTypes = ["Postpaid", "Prepaid"];
    private static readonly string[] ConnectionModes = ["Standard", "Safe"];
    private static readonly string[] TrueFalse = ["True", "False"];

    public override string Action => "DescribeDBInstances";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        var region = call.RequiredParameter("RegionId");
        var engine = OneOf(call, "Engine", Engines);
        var type = OneOf(call, "DBInstanceType", Types, StandInErrors.Rds.InvalidDBInstanceType);
        var network = OneOf(call, "InstanceNetworkType", Networks);
        var payType = OneOf(call, "PayType", PayTypes);
        var connectionMode = OneOf(call, "ConnectionMode", ConnectionModes);
        var expired = OneOf(call, "Expired", TrueFalse, StandInErrors.Rds.InvalidExpired);
        var ids = call.Parameter("DBInstanceId") is { Length: > 0 } idList
            ? idList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        var tags = ReadTags(call);
        var maxResults = Int32(call, "MaxResults", 1, 100);
        CheckClientToken(call);
        CheckOwnerIds(call);

        var matches = view.Instances
            .Where(i => i.Definition.RegionId == region
                && (engine is null || i.Definition.Engine == engine)
                && (type is null || type == "Primary")
                && (network is null || network == "VPC")
                && (payType is null || payType == "Postpaid")
                && (connectionMode is null || connectionMode == "Standard")
                && expired != "True"
                && (ids is null || ids.Contains(i.Id))
                && Matches(call, "DBInstanceStatus", i.Status(view.Now))
                && Matches(call, "ZoneId", i.Definition.ZoneId)
                && Matches(call, "DBInstanceClass", i.Definition.DBInstanceClass)
                && Matches(call, "EngineVersion", i.Definition.EngineVersion)
                && Matches(call, "Category", "HighAvailability")
                && (call.Parameter("SearchKey") is not { Length: > 0 } key
                    || i.Id.Contains(key, StringComparison.Ordinal)
                    || i.Definition.DBInstanceDescription.Contains(key, StringComparison.OrdinalIgnoreCase))
                && tags.All(t => i.Tags.TryGetValue(t.Key, out var value) && value == t.Value))
            .OrderByDescending(static i => i.CreationTime)
            .ToList();

        int offset, size, number;
        if (maxResults is not null || call.Parameter("NextToken") is { Length: > 0 })
        {
            // NextToken paging: PageNumber and PageSize do not apply.
            offset = NextTokens.Read(call, Action);
            size = maxResults ?? Paging.DefaultSize;
            number = offset / size + 1;
        }
        else
        {
            var page = Paging.Read(call);
            (offset, size, number) = ((int)Math.Min(int.MaxValue, (long)(page.Number - 1) * page.Size), page.Size, page.Number);
        }

        var items = matches.Skip(offset).Take(size).Select(i => (StandInValue)InstanceWire.Summary(i, view.Now)).ToList();
        var body = new StandInObject
        {
            { "Items", new StandInObject { { "DBInstance", new StandInArray(items) } } },
            { "PageNumber", number },
            { "PageRecordCount", items.Count },
            { "TotalRecordCount", matches.Count },
        };
        if (offset + items.Count < matches.Count)
        {
            body.Add("NextToken", NextTokens.For(Action, offset + items.Count));
        }

        return body;
    }

    private static bool Matches(StandInCall call, string name, string value) =>
        call.Parameter(name) is not { Length: > 0 } wanted || string.Equals(wanted, value, StringComparison.Ordinal);

    /// <summary><c>Tags</c>: a JSON object of string keys and values, at most five pairs.</summary>
    private static IReadOnlyDictionary<string, string> ReadTags(StandInCall call)
    {
        var text = call.Parameter("Tags");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return tags;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new StandInException(StandInErrors.InvalidParameter("Tags"));
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || property.Name.Length == 0 || !tags.TryAdd(property.Name, property.Value.GetString()!))
                {
                    throw new StandInException(StandInErrors.InvalidParameter("Tags"));
                }
            }
        }
        catch (JsonException)
        {
            throw new StandInException(StandInErrors.InvalidParameter("Tags"));
        }

        return tags.Count > 5 ? throw new StandInException(StandInErrors.InvalidParameter("Tags")) : tags;
    }
}
