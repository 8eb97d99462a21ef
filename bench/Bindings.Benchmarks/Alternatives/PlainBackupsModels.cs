using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using System.Xml.Serialization;

namespace Bindings.Benchmarks.Alternatives;

// Hand-written classes for DescribeBackups, with the generated types' member types: the enums as C# enums,
// the times as DateTimeOffset (ConsistentTime as Unix seconds), the numbers as long/int, the page numbers
// read from strings. XmlSerializer has no DateTimeOffset, so each time also has a string property for XML
// whose setter parses it, as one writes it by hand for XmlSerializer.

/// <summary>The response of DescribeBackups, written by hand.</summary>
[XmlRoot("DescribeBackupsResponse")]
public sealed class PlainBackupsResponse
{
    /// <summary>The wrapper of the backup sets.</summary>
    public PlainBackupItems? Items { get; set; }

    /// <summary>The page number.</summary>
    public int? PageNumber { get; set; }

    /// <summary>The number of backup sets on the page.</summary>
    public int? PageRecordCount { get; set; }

    /// <summary>The id of the request.</summary>
    public string? RequestId { get; set; }

    /// <summary>The size of the snapshot chain.</summary>
    public long? TotalEcsSnapshotSize { get; set; }

    /// <summary>The total number of entries.</summary>
    public int? TotalRecordCount { get; set; }
}

/// <summary><c>{"Backup": [...]}</c>, or <c>&lt;Items&gt;</c> holding repeated <c>&lt;Backup&gt;</c>.</summary>
public sealed class PlainBackupItems
{
    /// <summary>The backup sets.</summary>
    [XmlElement("Backup")]
    public List<PlainBackup>? Backup { get; set; }
}

/// <summary>The wrapper of the per-database links.</summary>
public sealed class PlainDownloadLinks
{
    /// <summary>The links.</summary>
    [XmlElement("BackupDownloadLinkByDB")]
    public List<PlainDownloadLink>? BackupDownloadLinkByDB { get; set; }
}

/// <summary>The download links of one database.</summary>
public sealed class PlainDownloadLink
{
    /// <summary>The database.</summary>
    public string? DataBase { get; set; }

    /// <summary>The public URL.</summary>
    public string? DownloadLink { get; set; }

    /// <summary>The internal URL.</summary>
    public string? IntranetDownloadLink { get; set; }
}

/// <summary>One backup set.</summary>
public sealed class PlainBackup
{
#pragma warning disable CS1591 // The members are DescribeBackups' own, documented in the spec.
    public PlainDownloadLinks? BackupDownloadLinkByDB { get; set; }
    public string? BackupDownloadURL { get; set; }
    [XmlIgnore] public DateTimeOffset? BackupEndTime { get; set; }
    [JsonIgnore, XmlElement("BackupEndTime")] public string? BackupEndTimeText { get => null; set => BackupEndTime = Time(value); }
    public string? BackupId { get; set; }
    public PlainBackupInitiator? BackupInitiator { get; set; }
    public string? BackupIntranetDownloadURL { get; set; }
    public PlainBackupMethod? BackupMethod { get; set; }
    public PlainBackupMode? BackupMode { get; set; }
    public long? BackupSize { get; set; }
    [XmlIgnore] public DateTimeOffset? BackupStartTime { get; set; }
    [JsonIgnore, XmlElement("BackupStartTime")] public string? BackupStartTimeText { get => null; set => BackupStartTime = Time(value); }
    public PlainBackupSetStatus? BackupStatus { get; set; }
    public PlainBackupSetType? BackupType { get; set; }
    public string? Checksum { get; set; }
    public long? ConsistentTime { get; set; }
    public string? CopyOnlyBackup { get; set; }
    public string? DBInstanceId { get; set; }
    public string? Encryption { get; set; }
    public string? Engine { get; set; }
    public string? EngineVersion { get; set; }
    public string? ExpectExpireTime { get; set; }
    public string? HostInstanceID { get; set; }
    public int? IsAvail { get; set; }
    public string? MetaStatus { get; set; }
    public string? StorageClass { get; set; }
    public string? StoreStatus { get; set; }
#pragma warning restore CS1591

    private static DateTimeOffset? Time(string? value)
        => value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

#pragma warning disable CS1591
[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupInitiator>))]
public enum PlainBackupInitiator { System, User }

[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupMethod>))]
public enum PlainBackupMethod { Logical, Physical, Snapshot }

[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupSetStatus>))]
public enum PlainBackupSetStatus { Success, Failed }

[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupSetType>))]
public enum PlainBackupSetType { FullBackup, IncrementalBackup }
#pragma warning restore CS1591

/// <summary>System.Text.Json's source generator over the DescribeBackups classes.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PlainBackupsResponse))]
public sealed partial class PlainBackupsJsonContext : JsonSerializerContext
{
}

/// <summary>The alternatives on DescribeBackups: STJ's source generator and XmlSerializer.</summary>
public static class BackupsAlternatives
{
    /// <summary>Built once, as <see cref="XmlAlternatives.Serializer"/>.</summary>
    public static readonly XmlSerializer Serializer = new(typeof(PlainBackupsResponse));

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        CloseInput = false,
    };

    /// <summary>With the source-generated metadata.</summary>
    public static PlainBackupsResponse? ParseSourceGenerated(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, PlainBackupsJsonContext.Default.PlainBackupsResponse);

    /// <summary>XmlSerializer over the annotated classes.</summary>
    public static PlainBackupsResponse? ParseXmlSerializer(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Settings);
        return (PlainBackupsResponse?)Serializer.Deserialize(reader);
    }
}
