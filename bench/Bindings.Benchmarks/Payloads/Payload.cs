using System.Globalization;
using System.Text;

namespace Bindings.Benchmarks.Payloads;

/// <summary>
/// One DescribeBackupTasks response in both wire formats, with what a correct parser must find in it.
/// </summary>
public sealed class Payload
{
    private static readonly Dictionary<PayloadSize, Payload> Cache = new();

    private Payload(PayloadSize size, string json, string xml, int jobCount, int unknownMemberCount)
    {
        Size = size;
        Json = json;
        Xml = xml;
        JsonUtf8 = Encoding.UTF8.GetBytes(json);
        XmlUtf8 = Encoding.UTF8.GetBytes(xml);
        JobCount = jobCount;
        UnknownMemberCount = unknownMemberCount;
    }

    /// <summary>Which payload this is.</summary>
    public PayloadSize Size { get; }

    /// <summary>The JSON document as text.</summary>
    public string Json { get; }

    /// <summary>The JSON document as UTF-8, as it comes off the wire.</summary>
    public byte[] JsonUtf8 { get; }

    /// <summary>The XML document as text.</summary>
    public string Xml { get; }

    /// <summary>The XML document as UTF-8, as it comes off the wire.</summary>
    public byte[] XmlUtf8 { get; }

    /// <summary>How many BackupJob items the document holds.</summary>
    public int JobCount { get; }

    /// <summary>How many fields the spec does not describe the document holds (at any level).</summary>
    public int UnknownMemberCount { get; }

    /// <summary>The payload of a size; generated once per process, always the same bytes.</summary>
    public static Payload Get(PayloadSize size)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(size, out var payload))
            {
                payload = size switch
                {
                    PayloadSize.Documented => new Payload(size, DocumentedJson, DocumentedXml, 1, 0),
                    PayloadSize.Jobs100 => Generate(size, 100),
                    PayloadSize.Jobs10000 => Generate(size, 10_000),
                    _ => throw new ArgumentOutOfRangeException(nameof(size)),
                };
                Cache.Add(size, payload);
            }

            return payload;
        }
    }

    /// <summary>The JSON example of the reference page, with the names the translation broke restored.</summary>
    public const string DocumentedJson = global::Bindings.Testing.DocumentedExamples.Json;

    /// <summary>The XML example of the reference page, with the names the translation broke restored.</summary>
    public const string DocumentedXml = global::Bindings.Testing.DocumentedExamples.Xml;

    private static readonly string[] ProgressStatuses = { "NoStart", "Preparing", "Waiting", "Uploading", "Checking", "Finished" };

    private static readonly string[] RunningStatuses = { "Checking", "Preparing", "Waiting", "Uploading" };

    /// <summary>
    /// A compact response (as the service sends it) of <paramref name="jobs"/> jobs, from a fixed seed:
    /// every progress status, backup status absent until the task has run (and Failed now and then),
    /// BackupJobId as a number (most) or a string, Process as a string (most) or a number, sometimes
    /// fractional and sometimes past 100, BackupId only on finished jobs, and unknown fields on about
    /// one job in ten (a number, a string, or an object), plus two unknown top-level fields.
    /// </summary>
    private static Payload Generate(PayloadSize size, int jobs)
    {
        var random = new Random(20140815 + jobs);
        var json = new StringBuilder(jobs * 260);
        var xml = new StringBuilder(jobs * 330);
        var unknown = 0;
        var requestId = NewGuid(random);

        json.Append("{\"Items\":{\"BackupJob\":[");
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeBackupTasksResponse><Items>");
        for (var i = 0; i < jobs; i++)
        {
            var job = new List<(string Name, string JsonValue, string XmlValue)>();
            var mode = random.Next(10) < 7 ? "Automated" : "Manual";
            var progress = ProgressStatuses[random.Next(ProgressStatuses.Length)];
            string? status = progress switch
            {
                "NoStart" => null,
                "Finished" => random.Next(12) == 0 ? "Failed" : "Finished",
                _ => random.Next(3) == 0 ? null : RunningStatuses[random.Next(RunningStatuses.Length)],
            };
            var action = random.Next(4) == 0 ? "TempBackupTask" : "NormalBackupTask";
            var jobId = 4_000_000L + random.Next(0, 6_000_000);

            job.Add(("JobMode", Quote(mode), mode));
            job.Add(("BackupProgressStatus", Quote(progress), progress));
            job.Add(("TaskAction", Quote(action), action));
            if (status is not null)
            {
                job.Add(("BackupStatus", Quote(status), status));
            }

            var id = jobId.ToString(CultureInfo.InvariantCulture);
            job.Add(("BackupJobId", random.Next(10) < 7 ? id : Quote(id), id));

            if (progress != "NoStart")
            {
                var process = progress == "Finished"
                    ? (random.Next(8) == 0 ? "125" : "100")
                    : random.Next(4) == 0
                        ? (random.Next(0, 1000) / 10m).ToString(CultureInfo.InvariantCulture)
                        : random.Next(0, 100).ToString(CultureInfo.InvariantCulture);
                job.Add(("Process", random.Next(10) < 6 ? Quote(process) : process, process));
            }

            if (progress == "Finished" && status == "Finished")
            {
                var backupId = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
                job.Add(("BackupId", Quote(backupId), backupId));
            }

            if (random.Next(10) == 0)
            {
                unknown++;
                switch (random.Next(3))
                {
                    case 0:
                        var bytes = random.Next(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
                        job.Add(("BackupSetSize", bytes, bytes));
                        break;
                    case 1:
                        var host = "i-bp1" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
                        job.Add(("HostInstanceID", Quote(host), host));
                        break;
                    default:
                        var zone = "cn-hangzhou-" + (char)('a' + random.Next(8));
                        job.Add(("Location", "{\"ZoneId\":" + Quote(zone) + ",\"Retries\":[1,2]}", "<ZoneId>" + zone + "</ZoneId><Retries>1</Retries><Retries>2</Retries>"));
                        break;
                }
            }

            // The service does not promise an order; move one field now and then.
            if (random.Next(5) == 0)
            {
                var from = random.Next(job.Count);
                var moved = job[from];
                job.RemoveAt(from);
                job.Insert(random.Next(job.Count + 1), moved);
            }

            json.Append(i == 0 ? "{" : ",{");
            xml.Append("<BackupJob>");
            for (var f = 0; f < job.Count; f++)
            {
                if (f > 0)
                {
                    json.Append(',');
                }

                json.Append('"').Append(job[f].Name).Append("\":").Append(job[f].JsonValue);
                xml.Append('<').Append(job[f].Name).Append('>').Append(job[f].XmlValue).Append("</").Append(job[f].Name).Append('>');
            }

            json.Append('}');
            xml.Append("</BackupJob>");
        }

        json.Append("]},\"TotalRecordCount\":").Append(jobs).Append(",\"PageNumber\":1,\"RequestId\":").Append(Quote(requestId)).Append('}');
        xml.Append("</Items><TotalRecordCount>").Append(jobs).Append("</TotalRecordCount><PageNumber>1</PageNumber><RequestId>").Append(requestId).Append("</RequestId></DescribeBackupTasksResponse>");
        return new Payload(size, json.ToString(), xml.ToString(), jobs, unknown + 2);
    }

    private static string Quote(string value) => "\"" + value + "\"";

    private static string NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }
}
