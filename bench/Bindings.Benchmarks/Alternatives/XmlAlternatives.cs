using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;

namespace Bindings.Benchmarks.Alternatives;

/// <summary>The XML alternatives: XmlSerializer, and XDocument with a LINQ mapping.</summary>
public static class XmlAlternatives
{
    /// <summary>Built once: the first one costs a code-generation pass, the benchmark measures reading.</summary>
    public static readonly XmlSerializer Serializer = new(typeof(PlainResponse));

    /// <summary>What the generated parser uses too: no DTD, no resolver, whitespace between elements skipped.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        CloseInput = false,
    };

    /// <summary>XmlSerializer over the annotated classes; unknown elements are skipped.</summary>
    public static PlainResponse? ParseXmlSerializer(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Settings);
        return (PlainResponse?)Serializer.Deserialize(reader);
    }

    /// <summary>The whole document loaded as an XDocument, then mapped with LINQ to XML.</summary>
    public static PlainResponse ParseXDocument(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Settings);
        var root = XDocument.Load(reader).Root ?? throw new FormatException("no root element");
        var items = root.Element("Items");
        return new PlainResponse
        {
            RequestId = (string?)root.Element("RequestId"),
            Items = items is null
                ? null
                : new PlainItems
                {
                    BackupJob = items.Elements("BackupJob").Select(job => new PlainBackupJob
                    {
                        BackupId = (string?)job.Element("BackupId"),
                        BackupJobId = (long?)job.Element("BackupJobId"),
                        BackupProgressStatus = EnumValue<PlainBackupProgressStatus>(job.Element("BackupProgressStatus")),
                        BackupStatus = EnumValue<PlainBackupStatus>(job.Element("BackupStatus")),
                        JobMode = EnumValue<PlainBackupMode>(job.Element("JobMode")),
                        Process = job.Element("Process") is { } process ? decimal.Parse(process.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
                        TaskAction = EnumValue<PlainTaskAction>(job.Element("TaskAction")),
                    }).ToList(),
                },
        };
    }

    private static T? EnumValue<T>(XElement? element)
        where T : struct, Enum
        => element is null ? null : Enum.Parse<T>(element.Value);
}
