using System.Text.Json.Serialization;
using System.Xml.Serialization;

namespace Bindings.Benchmarks.Alternatives;

// Hand-written classes equivalent to the generated ones: the same member types (BackupJobId long,
// Process decimal, the enums as C# enums read from their names), nullable where the wire may omit a
// field, and the JSON wrapper `"Items": {"BackupJob": [...]}` as a class of its own. The one set of
// classes serves System.Text.Json (both ways), the official-SDK-style mapping (NameInMap), XmlSerializer
// (the wrapper is <Items> with repeated <BackupJob>) and the XDocument mapping.

/// <summary>The response of DescribeBackupTasks, written by hand.</summary>
[XmlRoot("DescribeBackupTasksResponse")]
public sealed class PlainResponse
{
    /// <summary>The wrapper of the backup jobs.</summary>
    [NameInMap("Items")]
    public PlainItems? Items { get; set; }

    /// <summary>The id of the request.</summary>
    [NameInMap("RequestId")]
    public string? RequestId { get; set; }
}

/// <summary><c>{"BackupJob": [...]}</c>, or <c>&lt;Items&gt;</c> holding repeated <c>&lt;BackupJob&gt;</c>.</summary>
public sealed class PlainItems
{
    /// <summary>The jobs.</summary>
    [NameInMap("BackupJob")]
    [XmlElement("BackupJob")]
    public List<PlainBackupJob>? BackupJob { get; set; }
}

/// <summary>One backup task.</summary>
public sealed class PlainBackupJob
{
    /// <summary>The backup set's id.</summary>
    [NameInMap("BackupId")]
    public string? BackupId { get; set; }

    /// <summary>The task's id: a number, or a number in a string.</summary>
    [NameInMap("BackupJobId")]
    public long? BackupJobId { get; set; }

    /// <summary>The status of the backup program.</summary>
    [NameInMap("BackupProgressStatus")]
    public PlainBackupProgressStatus? BackupProgressStatus { get; set; }

    /// <summary>The status of the task.</summary>
    [NameInMap("BackupStatus")]
    public PlainBackupStatus? BackupStatus { get; set; }

    /// <summary>The backup mode.</summary>
    [NameInMap("JobMode")]
    public PlainBackupMode? JobMode { get; set; }

    /// <summary>Progress in percent: a string or a number.</summary>
    [NameInMap("Process")]
    public decimal? Process { get; set; }

    /// <summary>The type of task.</summary>
    [NameInMap("TaskAction")]
    public PlainTaskAction? TaskAction { get; set; }
}

/// <summary>The backup mode.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupMode>))]
public enum PlainBackupMode
{
    /// <summary>System automatic backup.</summary>
    Automated,

    /// <summary>Manual backup.</summary>
    Manual,
}

/// <summary>The status of a backup task.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupStatus>))]
public enum PlainBackupStatus
{
    /// <summary>Not started.</summary>
    NoStart,

    /// <summary>Checking.</summary>
    Checking,

    /// <summary>Preparing.</summary>
    Preparing,

    /// <summary>Waiting.</summary>
    Waiting,

    /// <summary>Uploading.</summary>
    Uploading,

    /// <summary>Done.</summary>
    Finished,

    /// <summary>Failed.</summary>
    Failed,
}

/// <summary>The status of the backup program.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlainBackupProgressStatus>))]
public enum PlainBackupProgressStatus
{
    /// <summary>Not started.</summary>
    NoStart,

    /// <summary>Preparing.</summary>
    Preparing,

    /// <summary>Waiting.</summary>
    Waiting,

    /// <summary>Uploading.</summary>
    Uploading,

    /// <summary>Checking.</summary>
    Checking,

    /// <summary>Done.</summary>
    Finished,
}

/// <summary>The type of a backup task.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlainTaskAction>))]
public enum PlainTaskAction
{
    /// <summary>An ad hoc backup task.</summary>
    TempBackupTask,

    /// <summary>A regular backup task.</summary>
    NormalBackupTask,
}

/// <summary>The wire name of a property, as the official SDK's models carry it (Tea's <c>NameInMap</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NameInMapAttribute : Attribute
{
    /// <summary>Names the property on the wire.</summary>
    public NameInMapAttribute(string name) => Name = name;

    /// <summary>The wire name.</summary>
    public string Name { get; }
}
