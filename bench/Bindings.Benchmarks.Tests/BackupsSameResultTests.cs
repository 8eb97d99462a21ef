using Bindings.Benchmarks.Alternatives;
using Bindings.Benchmarks.Payloads;
using Bindings.Rds;

namespace Bindings.Benchmarks.Tests;

/// <summary>On the 100-item DescribeBackups payload, every parser the benchmarks measure returns the same result.</summary>
public class BackupsSameResultTests
{
    private static BackupsPayload Payload => BackupsPayload.Items100;

    [Fact]
    public void GeneratedJsonReadsEveryItemAndEveryMember()
    {
        var parsed = DescribeBackupsResponse.ParseJson(Payload.JsonUtf8);
        Assert.Equal(Payload.ItemCount, parsed.Items.Count);
        Assert.Equal(Payload.ItemCount, parsed.TotalRecordCount);
        Assert.Equal(1, parsed.PageNumber);
        Assert.Empty(parsed.UnknownMembers);
        Assert.Contains(parsed.Items, item => item.BackupDownloadLinkByDB.Count == 2);
        Assert.Contains(parsed.Items, item => item.BackupDownloadLinkByDB.Count == 0);
        Assert.All(parsed.Items, item =>
        {
            Assert.Empty(item.UnknownMembers);
            Assert.True(item.BackupMethod?.IsKnown);
            Assert.True(item.BackupInitiator?.IsKnown);
            Assert.True(item.BackupMode?.IsKnown);
            Assert.True(item.BackupStatus?.IsKnown);
            Assert.True(item.BackupType?.IsKnown);
            Assert.NotNull(item.BackupStartTime);
            Assert.NotNull(item.BackupEndTime);
            Assert.NotNull(item.ConsistentTime);
            Assert.NotNull(item.BackupSize);
            Assert.NotNull(item.IsAvail);
            Assert.NotNull(item.ExpectExpireTime);
            Assert.All(item.BackupDownloadLinkByDB, link => Assert.Contains("&dbList=", link.DownloadLink, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void GeneratedXmlReadsWhatGeneratedJsonReads()
        => Assert.Equal(DescribeBackupsResponse.ParseJson(Payload.JsonUtf8), DescribeBackupsResponse.ParseXml(new MemoryStream(Payload.XmlUtf8)));

    [Fact]
    public void SystemTextJsonSourceGeneratorAgrees()
        => AssertSameAsGenerated(BackupsAlternatives.ParseSourceGenerated(Payload.JsonUtf8));

    [Fact]
    public void XmlSerializerAgrees()
        => AssertSameAsGenerated(BackupsAlternatives.ParseXmlSerializer(new MemoryStream(Payload.XmlUtf8)));

    [Fact]
    public void BareReadersReadTheWholeDocument()
    {
        // Per item at least 26 members, each a name and a value (JSON) or a start, a text and an end (XML).
        Assert.True(BareReaders.ReadAllJsonTokens(Payload.JsonUtf8) > Payload.ItemCount * 52);
        Assert.True(BareReaders.ReadAllXmlNodes(new MemoryStream(Payload.XmlUtf8)) > Payload.ItemCount * 75);
        Assert.True(BareReaders.ReadAllXmlNodesAndValues(new MemoryStream(Payload.XmlUtf8)) > Payload.ItemCount * 500);
    }

    private static void AssertSameAsGenerated(PlainBackupsResponse? plain)
    {
        var generated = DescribeBackupsResponse.ParseJson(Payload.JsonUtf8);
        Assert.NotNull(plain);
        var mapped = new DescribeBackupsResponse
        {
            PageNumber = plain.PageNumber,
            PageRecordCount = plain.PageRecordCount,
            RequestId = plain.RequestId,
            TotalEcsSnapshotSize = plain.TotalEcsSnapshotSize,
            TotalRecordCount = plain.TotalRecordCount,
            Items = plain.Items?.Backup?.Select(Map).ToList() ?? (IReadOnlyList<Backup>)Array.Empty<Backup>(),
        };
        Assert.Equal(Payload.ItemCount, mapped.Items.Count);
        for (var i = 0; i < generated.Items.Count; i++)
        {
            // Item by item first, so that a failure names the item.
            Assert.Equal(generated.Items[i], mapped.Items[i]);
        }

        Assert.Equal(generated, mapped);
    }

    private static Backup Map(PlainBackup b) => new()
    {
        BackupDownloadLinkByDB = b.BackupDownloadLinkByDB?.BackupDownloadLinkByDB?.Select(l => new DatabaseBackupDownloadLink
        {
            DataBase = l.DataBase,
            DownloadLink = l.DownloadLink,
            IntranetDownloadLink = l.IntranetDownloadLink,
        }).ToList() ?? (IReadOnlyList<DatabaseBackupDownloadLink>)Array.Empty<DatabaseBackupDownloadLink>(),
        BackupDownloadURL = b.BackupDownloadURL,
        BackupEndTime = b.BackupEndTime,
        BackupId = b.BackupId,
        BackupInitiator = b.BackupInitiator is { } initiator ? BackupInitiator.FromWireValue(initiator.ToString()) : null,
        BackupIntranetDownloadURL = b.BackupIntranetDownloadURL,
        BackupMethod = b.BackupMethod is { } method ? BackupMethod.FromWireValue(method.ToString()) : null,
        BackupMode = b.BackupMode is { } mode ? BackupMode.FromWireValue(mode.ToString()) : null,
        BackupSize = b.BackupSize,
        BackupStartTime = b.BackupStartTime,
        BackupStatus = b.BackupStatus is { } status ? BackupSetStatus.FromWireValue(status.ToString()) : null,
        BackupType = b.BackupType is { } type ? BackupSetType.FromWireValue(type.ToString()) : null,
        Checksum = b.Checksum,
        ConsistentTime = b.ConsistentTime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        CopyOnlyBackup = b.CopyOnlyBackup,
        DBInstanceId = b.DBInstanceId,
        Encryption = b.Encryption,
        Engine = b.Engine,
        EngineVersion = b.EngineVersion,
        ExpectExpireTime = b.ExpectExpireTime,
        HostInstanceID = b.HostInstanceID,
        IsAvail = b.IsAvail,
        MetaStatus = b.MetaStatus,
        StorageClass = b.StorageClass,
        StoreStatus = b.StoreStatus,
    };
}
