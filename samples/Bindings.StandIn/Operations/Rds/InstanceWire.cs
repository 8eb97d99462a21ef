using System;
using System.Globalization;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>How the instance operations describe an instance (the documented members and value forms).</summary>
internal static class InstanceWire
{
    public static string ConnectionString(InstanceState instance) =>
        instance.Id + "." + EngineHost(instance.Definition.Engine) + ".rds.aliyuncs.com";

    public static string Port(string engine) => engine switch
    {
        "PostgreSQL" => "5432",
        "SQLServer" => "1433",
        _ => "3306",
    };

    /// <summary>An item of <c>DescribeDBInstances</c>' <c>Items.DBInstance</c>.</summary>
    public static StandInObject Summary(InstanceState instance, DateTimeOffset now)
    {
        var item = Common(instance, now);
        item.Add("CreateTime", WireTime.Seconds(instance.CreationTime));
        item.Add("MutriORsignle", false);
        return item;
    }

    /// <summary>An item of <c>DescribeDBInstanceAttribute</c>'s <c>Items.DBInstanceAttribute</c>.</summary>
    public static StandInObject Attribute(InstanceState instance, DateTimeOffset now)
    {
        var d = instance.Definition;
        var item = Common(instance, now);
        item.Add("CreationTime", WireTime.Seconds(instance.CreationTime));
        item.Add("DBInstanceClassType", "x");
        item.Add("DBInstanceCPU", "2");
        item.Add("DBInstanceMemory", 4096);
        item.Add("DBInstanceStorage", d.DBInstanceStorage);
        item.Add("DBInstanceDiskUsed", (d.DataSize / 1_048_576).ToString(CultureInfo.InvariantCulture));
        item.Add("Port", Port(d.Engine));
        item.Add("MaintainTime", "18:00Z-22:00Z");
        item.Add("MaxConnections", 2000);
        item.Add("MaxIOPS", 7000);
        item.Add("AccountMaxQuantity", 99999);
        item.Add("DBMaxQuantity", 99999);
        item.Add("AvailabilityValue", "100.0%");
        item.Add("SecurityIPMode", "normal");
        item.Add("SecurityIPList", "127.0.0.1");
        item.Add("IPType", "IPv4");
        item.Add("TimeZone", "");
        item.Add("SlaveZones", new StandInObject { { "SlaveZone", new StandInArray { new StandInObject { { "ZoneId", d.ZoneId } } } } });
        return item;
    }

    /// <summary>The members both descriptions share.</summary>
    private static StandInObject Common(InstanceState instance, DateTimeOffset now)
    {
        var d = instance.Definition;
        return new StandInObject
        {
            { "DBInstanceId", instance.Id },
            { "DBInstanceDescription", d.DBInstanceDescription },
            { "RegionId", d.RegionId },
            { "ZoneId", d.ZoneId },
            { "Engine", d.Engine },
            { "EngineVersion", d.EngineVersion },
            { "DBInstanceClass", d.DBInstanceClass },
            { "DBInstanceStatus", instance.Status(now) },
            { "DBInstanceType", "Primary" },
            { "DBInstanceNetType", "Intranet" },
            { "DBInstanceStorageType", "cloud_essd" },
            { "InstanceNetworkType", "VPC" },
            { "VpcId", Vpc(instance) },
            { "VSwitchId", VSwitch(instance) },
            { "VpcCloudInstanceId", instance.Id },
            { "ConnectionMode", "Standard" },
            { "ConnectionString", ConnectionString(instance) },
            { "PayType", "Postpaid" },
            { "Category", "HighAvailability" },
            { "ExpireTime", "" },
            { "LockMode", "Unlock" },
            { "LockReason", "" },
            { "DeletionProtection", false },
            { "ResourceGroupId", ResourceGroup },
            { "ReadOnlyDBInstanceIds", new StandInObject { { "ReadOnlyDBInstanceId", new StandInArray() } } },
            { "TipsLevel", 0 },
            { "Tips", "" },
            { "BurstingEnabled", false },
            { "ColdDataEnabled", false },
        };
    }

    private const string ResourceGroup = "rg-acfmyxxxxxxxxxx";

    private static string Vpc(InstanceState instance) => "vpc-bp1" + Suffix(instance, "vpc");

    private static string VSwitch(InstanceState instance) => "vsw-bp1" + Suffix(instance, "vsw");

    private static string Suffix(InstanceState instance, string salt) =>
        ((uint)StandInState.StableHash(instance.Definition.RegionId + salt)).ToString("x8", CultureInfo.InvariantCulture);

    private static string EngineHost(string engine) => engine switch
    {
        "PostgreSQL" => "pg",
        "SQLServer" => "sqlserver",
        "MariaDB" => "mariadb",
        _ => "mysql",
    };
}
