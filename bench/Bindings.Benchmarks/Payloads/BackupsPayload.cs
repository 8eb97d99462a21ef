using System.Globalization;
using System.Text;

namespace Bindings.Benchmarks.Payloads;

/// <summary>
/// A DescribeBackups response of 100 backup sets in both wire formats: the widest response of the backup
/// workflow, every member of the documented example (tests/Shared/Examples/DescribeBackups.json) on every
/// item, the numbers where the example has them (BackupSize, ConsistentTime, IsAvail; the page numbers as
/// strings), 0 to 2 per-database download links, and no unknown fields.
/// </summary>
public sealed class BackupsPayload
{
    private static readonly Lazy<BackupsPayload> Instance = new(() => Generate(100));

    private BackupsPayload(string json, string xml, int itemCount)
    {
        Json = json;
        Xml = xml;
        JsonUtf8 = Encoding.UTF8.GetBytes(json);
        XmlUtf8 = Encoding.UTF8.GetBytes(xml);
        ItemCount = itemCount;
    }

    /// <summary>The JSON document as text.</summary>
    public string Json { get; }

    /// <summary>The JSON document as UTF-8.</summary>
    public byte[] JsonUtf8 { get; }

    /// <summary>The XML document as text.</summary>
    public string Xml { get; }

    /// <summary>The XML document as UTF-8.</summary>
    public byte[] XmlUtf8 { get; }

    /// <summary>How many Backup items the document holds.</summary>
    public int ItemCount { get; }

    /// <summary>The 100-item payload; generated once per process from a fixed seed.</summary>
    public static BackupsPayload Items100 => Instance.Value;

    private static BackupsPayload Generate(int items)
    {
        var random = new Random(20140815 + 7 * items);
        var json = new StringBuilder(items * 1400);
        var xml = new StringBuilder(items * 1700);
        string[] methods = { "Physical", "Logical", "Snapshot" };
        string[] engines = { "MySQL", "SQLServer", "PostgreSQL", "MariaDB" };
        string[] versions = { "5.7", "8.0", "2019_std_ha", "14.0" };
        var start0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        json.Append("{\"Items\":{\"Backup\":[");
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeBackupsResponse><Items>");
        for (var i = 0; i < items; i++)
        {
            var fields = new List<(string Name, string JsonValue, string XmlValue)>();
            void Text(string name, string value) => fields.Add((name, "\"" + value + "\"", value.Replace("&", "&amp;", StringComparison.Ordinal)));
            void Number(string name, long value)
            {
                var text = value.ToString(CultureInfo.InvariantCulture);
                fields.Add((name, text, text));
            }

            var engine = random.Next(engines.Length);
            var backupId = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            var instance = "rm-uf6wjk5" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
            var file = "hins" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "_2026" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) + ".zip";
            var start = start0.AddSeconds(random.Next(0, 30 * 86_400));
            var end = start.AddSeconds(random.Next(60, 7200));
            var stamp = (string format, DateTimeOffset t) => t.ToString(format, CultureInfo.InvariantCulture);

            var links = new StringBuilder();
            var xmlLinks = new StringBuilder();
            var linkCount = random.Next(3);
            for (var l = 0; l < linkCount; l++)
            {
                var db = "db" + random.Next(1, 50).ToString(CultureInfo.InvariantCulture);
                var url = "https://cn-hangzhou.bak.rds.aliyuncs.com/" + instance + "/" + file + "?Expires=****&dbList=" + db;
                var intranet = "https://cn-hangzhou-internal.bak.rds.aliyuncs.com/" + instance + "/" + file + "?Expires=****&dbList=" + db;
                links.Append(l == 0 ? "" : ",").Append("{\"DataBase\":\"").Append(db).Append("\",\"DownloadLink\":\"").Append(url).Append("\",\"IntranetDownloadLink\":\"").Append(intranet).Append("\"}");
                xmlLinks.Append("<BackupDownloadLinkByDB><DataBase>").Append(db).Append("</DataBase><DownloadLink>").Append(url.Replace("&", "&amp;", StringComparison.Ordinal))
                    .Append("</DownloadLink><IntranetDownloadLink>").Append(intranet.Replace("&", "&amp;", StringComparison.Ordinal)).Append("</IntranetDownloadLink></BackupDownloadLinkByDB>");
            }

            fields.Add(("BackupDownloadLinkByDB", "{\"BackupDownloadLinkByDB\":[" + links + "]}", xmlLinks.ToString()));
            Text("BackupDownloadURL", "http://rdsbak-hz-v3.oss-cn-hangzhou.aliyuncs.com/" + instance + "/" + file + "?Expires=****");
            Text("BackupEndTime", stamp("yyyy-MM-ddTHH:mm:ssZ", end));
            Text("BackupId", backupId);
            Text("BackupInitiator", random.Next(5) == 0 ? "User" : "System");
            Text("BackupIntranetDownloadURL", "http://rdsbak-hz-v3.oss-cn-hangzhou-internal.aliyuncs.com/" + instance + "/" + file + "?Expires=****");
            Text("BackupMethod", methods[random.Next(methods.Length)]);
            Text("BackupMode", random.Next(10) < 7 ? "Automated" : "Manual");
            Number("BackupSize", random.NextInt64(1_000_000, 500_000_000_000));
            Text("BackupStartTime", stamp("yyyy-MM-ddTHH:mm:ssZ", start));
            Text("BackupStatus", random.Next(15) == 0 ? "Failed" : "Success");
            Text("BackupType", random.Next(3) == 0 ? "IncrementalBackup" : "FullBackup");
            Text("Checksum", random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) + "****");
            Number("ConsistentTime", engines[engine] == "MySQL" ? end.ToUnixTimeSeconds() : 0);
            Text("CopyOnlyBackup", engines[engine] == "SQLServer" && random.Next(4) == 0 ? "1" : "0");
            Text("DBInstanceId", instance);
            Text("Encryption", "{}");
            Text("Engine", engines[engine]);
            Text("EngineVersion", versions[engine]);
            Text("HostInstanceID", random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture));
            Number("IsAvail", random.Next(20) == 0 ? 0 : 1);
            Text("MetaStatus", random.Next(10) == 0 ? "LARGE" : "OK");
            Text("StorageClass", random.Next(8) == 0 ? "1" : "0");
            Text("StoreStatus", random.Next(4) == 0 ? "Enabled" : "Disabled");
            Text("ExpectExpireTime", stamp("yyyy-MM-ddTHH:mm:ssZ", end.AddDays(7)));

            json.Append(i == 0 ? "{" : ",{");
            xml.Append("<Backup>");
            for (var f = 0; f < fields.Count; f++)
            {
                json.Append(f == 0 ? "" : ",").Append('"').Append(fields[f].Name).Append("\":").Append(fields[f].JsonValue);
                xml.Append('<').Append(fields[f].Name).Append('>').Append(fields[f].XmlValue).Append("</").Append(fields[f].Name).Append('>');
            }

            json.Append('}');
            xml.Append("</Backup>");
        }

        json.Append("]},\"PageNumber\":\"1\",\"PageRecordCount\":\"").Append(items).Append("\",\"RequestId\":\"1A6D328C-84B8-40DC-BF49-6C73984D7494\",\"TotalEcsSnapshotSize\":0,\"TotalRecordCount\":\"").Append(items).Append("\"}");
        xml.Append("</Items><PageNumber>1</PageNumber><PageRecordCount>").Append(items).Append("</PageRecordCount><RequestId>1A6D328C-84B8-40DC-BF49-6C73984D7494</RequestId><TotalEcsSnapshotSize>0</TotalEcsSnapshotSize><TotalRecordCount>")
            .Append(items).Append("</TotalRecordCount></DescribeBackupsResponse>");
        return new BackupsPayload(json.ToString(), xml.ToString(), items);
    }
}
