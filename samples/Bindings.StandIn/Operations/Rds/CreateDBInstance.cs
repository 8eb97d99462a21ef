using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>CreateDBInstance</c>: adds an instance to the region, <c>Creating</c> for a while (ten seconds
/// in the <c>Fast</c> profile, ten minutes otherwise) and then <c>Running</c>, with the default
/// backup policy, the given tags and no backup sets yet. A repeated <c>ClientToken</c> gets the
/// first answer again; <c>DryRun=true</c> checks the request and creates nothing.
/// </summary>
internal sealed partial class CreateDBInstance : RdsOperation
{
    private static readonly Dictionary<string, string[]> Versions = new(StringComparer.Ordinal)
    {
        ["MySQL"] = ["5.5", "5.6", "5.7", "8.0"],
        ["SQLServer"] = ["2008r2", "08r2_ent_ha", "2012", "2012_ent_ha", "2012_std_ha", "2012_web", "2014_std_ha", "2016_ent_ha", "2016_std_ha", "2016_web", "2017_std_ha", "2017_ent", "2019_std_ha", "2019_ent", "2022_std_ha", "2022_ent"],
        ["PostgreSQL"] = ["10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0", "17.0"],
        ["MariaDB"] = ["10.3"],
    };

    private static readonly string[] NetTypes = ["Internet", "Intranet"];
    private static readonly string[] PayTypes = ["Postpaid", "Prepaid", "Serverless"];
    private static readonly string[] Booleans = ["true", "false"];

    /// <summary>A stand-in holds at most this many instances: a client in a loop cannot grow it without end.</summary>
    public const int MaxInstances = 1000;

    private readonly Dictionary<string, StandInObject> _byClientToken = new(StringComparer.Ordinal);

    public override string Action => "CreateDBInstance";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        var region = call.RequiredParameter("RegionId");
        var engine = call.RequiredParameter("Engine");
        if (!Versions.TryGetValue(engine, out var versions))
        {
            throw new StandInException(StandInErrors.InvalidParameter("Engine"));
        }

        var version = call.RequiredParameter("EngineVersion");
        if (Array.IndexOf(versions, version) < 0)
        {
            throw new StandInException(StandInErrors.Rds.InvalidEngineVersion);
        }

        var instanceClass = call.RequiredParameter("DBInstanceClass");
        if (!InstanceClass().IsMatch(instanceClass))
        {
            throw new StandInException(StandInErrors.Rds.InvalidDBInstanceClass);
        }

        call.RequiredParameter("DBInstanceStorage");
        var storage = Int32(call, "DBInstanceStorage", 5, 64000)!.Value;
        if (storage % 5 != 0)
        {
            throw new StandInException(StandInErrors.InvalidParameter("DBInstanceStorage"));
        }

        OneOf(call, "DBInstanceNetType", NetTypes);
        call.RequiredParameter("DBInstanceNetType");
        CheckSecurityIps(call.RequiredParameter("SecurityIPList"));
        var payType = OneOf(call, "PayType", PayTypes) ?? throw new StandInException(StandInErrors.MissingParameter("PayType"));
        var description = call.Parameter("DBInstanceDescription");
        if (description is not null && (description.Length is < 2 or > 255
            || description.StartsWith("http://", StringComparison.Ordinal) || description.StartsWith("https://", StringComparison.Ordinal)))
        {
            throw new StandInException(StandInErrors.InvalidParameter("DBInstanceDescription"));
        }

        var port = call.Parameter("Port");
        if (!string.IsNullOrEmpty(port) && !Policies.TryInt(port, 1000, 65534, out _))
        {
            throw new StandInException(StandInErrors.Rds.InvalidPort);
        }

        CheckServerless(call, payType);
        var dryRun = OneOf(call, "DryRun", Booleans) == "true";
        var tags = Tags.Read(call, valuesRequired: false, StandInErrors.Rds.NumberExceedTags);
        CheckClientToken(call);
        CheckOwnerIds(call);

        var token = call.Parameter("ClientToken");
        if (!string.IsNullOrEmpty(token) && _byClientToken.TryGetValue(token, out var first))
        {
            return Copy(first);
        }

        if (dryRun)
        {
            return new StandInObject { { "DryRun", true }, { "DryRunResult", true } };
        }

        if (view.Instances.Count >= MaxInstances)
        {
            throw new StandInException(StandInErrors.Rds.InsufficientResourceCapacity);
        }

        var definition = new StandInInstance(view.State.NewInstanceId(engine), taskCount: 0)
        {
            RegionId = region,
            ZoneId = call.Parameter("ZoneId") is { Length: > 0 } zone ? zone : region + "-h",
            Engine = engine,
            EngineVersion = version,
            DBInstanceClass = instanceClass,
            DBInstanceStorage = storage,
            DBInstanceDescription = description ?? "",
            Tags = tags.ToDictionary(static t => t.Key, static t => t.Value ?? "", StringComparer.Ordinal),
            Age = TimeSpan.Zero,
            SeedBackupHistory = false,
            DataSize = 52_428_800,
        };
        var instance = view.State.CreateInstance(definition, view.Now);
        var body = new StandInObject
        {
            { "DBInstanceId", instance.Id },
            { "OrderId", view.State.NewOrderId().ToString(CultureInfo.InvariantCulture) },
            { "ConnectionString", InstanceWire.ConnectionString(instance) },
            { "Port", string.IsNullOrEmpty(port) ? InstanceWire.Port(engine) : port },
        };
        if (tags.Count > 0)
        {
            body.Add("TagResult", true);
        }

        if (!string.IsNullOrEmpty(token))
        {
            _byClientToken[token] = body;
        }

        return Copy(body);
    }

    private static StandInObject Copy(StandInObject body)
    {
        var copy = new StandInObject();
        foreach (var (name, value) in body)
        {
            copy.Add(name, value);
        }

        return copy;
    }

    /// <summary><c>SecurityIPList</c>: IPv4 addresses or CIDR blocks separated by commas, 1000 at most.</summary>
    private static void CheckSecurityIps(string list)
    {
        var entries = list.Split(',');
        if (entries.Length > 1000 || !entries.All(IsIpOrCidr))
        {
            throw new StandInException(StandInErrors.Rds.InvalidSecurityIPList);
        }
    }

    private static bool IsIpOrCidr(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? entry : entry[..slash];
        return IPAddress.TryParse(address, out var ip)
            && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && address.Count(static c => c == '.') == 3
            && (slash < 0 || Policies.TryInt(entry[(slash + 1)..], 0, 32, out _));
    }

    /// <summary><c>ServerlessConfig</c>: a JSON object (sent as its JSON text) with <c>MinCapacity</c> ≤ <c>MaxCapacity</c>.</summary>
    private static void CheckServerless(StandInCall call, string payType)
    {
        var text = call.Parameter("ServerlessConfig");
        if (string.IsNullOrEmpty(text))
        {
            if (payType == "Serverless")
            {
                throw new StandInException(StandInErrors.MissingParameter("ServerlessConfig"));
            }

            return;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StandInException(StandInErrors.InvalidParameter("ServerlessConfig"));
            }

            double? min = root.TryGetProperty("MinCapacity", out var minValue) && minValue.TryGetDouble(out var a) ? a : null;
            double? max = root.TryGetProperty("MaxCapacity", out var maxValue) && maxValue.TryGetDouble(out var b) ? b : null;
            if (min is <= 0 || (min is { } lo && max is { } hi && lo > hi))
            {
                throw new StandInException(StandInErrors.Rds.InvalidMinCapacity);
            }
        }
        catch (JsonException)
        {
            throw new StandInException(StandInErrors.InvalidParameter("ServerlessConfig"));
        }
    }

    // Instance types are dotted lowercase names: mysql.n2.medium.1, rds.mysql.s2.large, pg.n2.2c.1m.
    [GeneratedRegex("^[a-z0-9]+(\\.[a-z0-9]+){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceClass();
}
