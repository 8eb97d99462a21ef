using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Bindings.Robustness.Tests.Wire;

/// <summary>
/// Writes a <see cref="ResponseCase"/> the ways the service (or a proxy in front of it) has been seen to:
/// Alibaba's <c>{"Items":{"BackupJob":[...]}}</c> envelope, ids and <c>Process</c> as numbers or strings,
/// a single job as an object instead of an array, absent values left out or sent as <c>null</c>, members
/// in any order. Every choice comes from <paramref name="random"/>, so a failing case can be replayed.
/// </summary>
internal static class WireWriter
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static byte[] Json(ResponseCase response, Random random)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = random.Next(2) == 0,
            // Escaped (\u00e9) or raw UTF-8 text: the reader must handle both.
            Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        if (random.Next(8) == 0)
        {
            buffer.Write(new byte[] { 0xEF, 0xBB, 0xBF });
        }

        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            var members = new List<Action>();
            if (response.Jobs.Length > 0 || random.Next(2) == 0)
            {
                members.Add(() => WriteJsonItems(writer, response.Jobs, random));
            }

            AddJsonString(members, writer, "RequestId", response.RequestId, random);
            WriteJsonMembers(writer, members, response.Extras, random);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Xml(ResponseCase response, Random random)
    {
        var text = new Utf8StringWriter();
        var settings = new XmlWriterSettings
        {
            Indent = random.Next(2) == 0,
            OmitXmlDeclaration = random.Next(2) == 0,
            // Keeps \r as &#xD;: a raw \r\n would be normalised to \n by any conforming reader.
            NewLineHandling = NewLineHandling.Entitize,
        };
        using (var writer = XmlWriter.Create(text, settings))
        {
            writer.WriteStartElement("DescribeBackupTasksResponse");
            if (random.Next(3) == 0)
            {
                writer.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
            }

            var members = new List<Action>();
            if (response.Jobs.Length > 0 || random.Next(2) == 0)
            {
                members.Add(() =>
                {
                    writer.WriteStartElement("Items");
                    foreach (var job in response.Jobs)
                    {
                        WriteXmlJob(writer, job, random);
                    }

                    writer.WriteEndElement();
                });
            }

            AddXmlString(members, writer, "RequestId", response.RequestId, random);
            WriteXmlMembers(writer, members, response.Extras, random);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteJsonItems(Utf8JsonWriter writer, JobCase[] jobs, Random random)
    {
        writer.WritePropertyName("Items");
        if (jobs.Length == 0)
        {
            switch (random.Next(5))
            {
                case 0: writer.WriteNullValue(); return;
                case 1: writer.WriteStringValue(string.Empty); return;
                case 2: writer.WriteStartObject(); writer.WriteEndObject(); return;
                case 3: writer.WriteStartArray(); writer.WriteEndArray(); return;
            }
        }

        // The documented wrapper, or a bare array (which some endpoints send).
        var wrapped = random.Next(4) != 0;
        if (wrapped)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("BackupJob");
        }

        // A single job as an object instead of an array; only inside the wrapper, since a bare object
        // directly under "Items" is the wrapper itself.
        if (wrapped && jobs.Length == 1 && random.Next(2) == 0)
        {
            WriteJsonJob(writer, jobs[0], random);
        }
        else
        {
            writer.WriteStartArray();
            foreach (var job in jobs)
            {
                if (random.Next(10) == 0)
                {
                    writer.WriteNullValue(); // A null item carries nothing and is skipped.
                }

                WriteJsonJob(writer, job, random);
            }

            writer.WriteEndArray();
        }

        if (wrapped)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteJsonJob(Utf8JsonWriter writer, JobCase job, Random random)
    {
        writer.WriteStartObject();
        var members = new List<Action>();
        AddJsonString(members, writer, "BackupId", job.BackupId, random);
        AddJsonNumber(members, writer, "BackupJobId", job.BackupJobId?.ToString(CultureInfo.InvariantCulture), random);
        AddJsonToken(members, writer, "BackupProgressStatus", job.BackupProgressStatus?.WireValue, random);
        AddJsonToken(members, writer, "BackupStatus", job.BackupStatus?.WireValue, random);
        AddJsonToken(members, writer, "JobMode", job.JobMode?.WireValue, random);
        AddJsonNumber(members, writer, "Process", job.Process?.ToString(CultureInfo.InvariantCulture), random);
        AddJsonToken(members, writer, "TaskAction", job.TaskAction?.WireValue, random);
        WriteJsonMembers(writer, members, job.Extras, random);
        writer.WriteEndObject();
    }

    private static void AddJsonString(List<Action> members, Utf8JsonWriter writer, string name, string? value, Random random)
    {
        if (value is not null)
        {
            members.Add(() => writer.WriteString(name, value));
        }
        else if (random.Next(2) == 0)
        {
            members.Add(() => writer.WriteNull(name));
        }
    }

    private static void AddJsonToken(List<Action> members, Utf8JsonWriter writer, string name, string? value, Random random)
    {
        if (value is not null)
        {
            members.Add(() => writer.WriteString(name, value));
            return;
        }

        // Absent, null, or an empty string, which some endpoints send for "not set".
        switch (random.Next(3))
        {
            case 0: members.Add(() => writer.WriteNull(name)); break;
            case 1: members.Add(() => writer.WriteString(name, string.Empty)); break;
        }
    }

    private static void AddJsonNumber(List<Action> members, Utf8JsonWriter writer, string name, string? invariantText, Random random)
    {
        if (invariantText is null)
        {
            switch (random.Next(3))
            {
                case 0: members.Add(() => writer.WriteNull(name)); break;
                case 1: members.Add(() => writer.WriteString(name, string.Empty)); break;
            }

            return;
        }

        // Documented as String, sent as a number: either may come.
        if (random.Next(2) == 0)
        {
            members.Add(() => writer.WriteString(name, invariantText));
        }
        else
        {
            members.Add(() =>
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(invariantText);
            });
        }
    }

    /// <summary>Writes the described members shuffled, with the extras placed among them in their own order.</summary>
    private static void WriteJsonMembers(Utf8JsonWriter writer, List<Action> members, Extra[] extras, Random random)
    {
        foreach (var write in Interleave(members, extras.Select(extra => (Action)(() =>
                 {
                     writer.WritePropertyName(extra.Name);
                     writer.WriteRawValue(extra.Json);
                 })).ToList(), random))
        {
            write();
        }
    }

    private static void WriteXmlJob(XmlWriter writer, JobCase job, Random random)
    {
        writer.WriteStartElement("BackupJob");
        var members = new List<Action>();
        AddXmlString(members, writer, "BackupId", job.BackupId, random);
        AddXmlToken(members, writer, "BackupJobId", job.BackupJobId is { } id ? XmlConvert.ToString(id) : null, random);
        AddXmlToken(members, writer, "BackupProgressStatus", job.BackupProgressStatus?.WireValue, random);
        AddXmlToken(members, writer, "BackupStatus", job.BackupStatus?.WireValue, random);
        AddXmlToken(members, writer, "JobMode", job.JobMode?.WireValue, random);
        AddXmlToken(members, writer, "Process", job.Process is { } process ? XmlConvert.ToString(process) : null, random);
        AddXmlToken(members, writer, "TaskAction", job.TaskAction?.WireValue, random);
        WriteXmlMembers(writer, members, job.Extras, random);
        writer.WriteEndElement();
    }

    private static void AddXmlString(List<Action> members, XmlWriter writer, string name, string? value, Random random)
    {
        if (value is not null)
        {
            members.Add(() => writer.WriteElementString(name, value));
        }
        else if (random.Next(2) == 0)
        {
            members.Add(() => WriteNil(writer, name));
        }
    }

    private static void AddXmlToken(List<Action> members, XmlWriter writer, string name, string? value, Random random)
    {
        if (value is not null)
        {
            members.Add(() => writer.WriteElementString(name, value));
            return;
        }

        // Absent, xsi:nil, or an empty element.
        switch (random.Next(3))
        {
            case 0: members.Add(() => WriteNil(writer, name)); break;
            case 1: members.Add(() => writer.WriteElementString(name, string.Empty)); break;
        }
    }

    private static void WriteNil(XmlWriter writer, string name)
    {
        writer.WriteStartElement(name);
        writer.WriteAttributeString("xsi", "nil", XsiNamespace, "true");
        writer.WriteEndElement();
    }

    private static void WriteXmlMembers(XmlWriter writer, List<Action> members, Extra[] extras, Random random)
    {
        foreach (var write in Interleave(members, extras.Select(extra => (Action)(() => writer.WriteRaw(extra.XmlOuter))).ToList(), random))
        {
            write();
        }
    }

    private static IEnumerable<Action> Interleave(List<Action> shuffled, List<Action> ordered, Random random)
    {
        var result = shuffled.OrderBy(_ => random.Next()).ToList();

        // Slots for the extras, in increasing order, so that they keep their own order among the others.
        var slots = Enumerable.Range(0, ordered.Count).Select(_ => random.Next(result.Count + 1)).OrderBy(slot => slot).ToList();
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            result.Insert(slots[i], ordered[i]);
        }

        return result;
    }

    /// <summary>The bytes of XML text, as UTF-8 (what the service sends).</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>So that the XML declaration says UTF-8, which is what the bytes will be.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
