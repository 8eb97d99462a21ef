using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// Enum values: documented ones are the static instances; values the spec does not list are kept with
/// their exact wire text instead of failing, and compare by that text.
/// </summary>
public class EnumValueTests
{
    [Fact]
    public void JsonUnknownValueIsKeptNotRejected()
    {
        var job = JsonJob(""" "BackupStatus": "Cancelled", "JobMode": "Scheduled" """);
        AssertUnknown(job.BackupStatus!.Value.Kind == BackupStatusKind.Unknown, job.BackupStatus.Value.IsKnown, job.BackupStatus.Value.WireValue, job.BackupStatus.Value.ToString(), "Cancelled");
        AssertUnknown(job.JobMode!.Value.Kind == BackupModeKind.Unknown, job.JobMode.Value.IsKnown, job.JobMode.Value.WireValue, job.JobMode.Value.ToString(), "Scheduled");
    }

    [Fact]
    public void XmlUnknownValueIsKeptNotRejected()
    {
        var job = XmlJob("<BackupStatus>Cancelled</BackupStatus>");
        AssertUnknown(job.BackupStatus!.Value.Kind == BackupStatusKind.Unknown, job.BackupStatus.Value.IsKnown, job.BackupStatus.Value.WireValue, job.BackupStatus.Value.ToString(), "Cancelled");
    }

    [Fact]
    public void UnknownValueKeepsItsExactTextIncludingCaseAndNonAscii()
    {
        // Matching is exact: a value in another case is not the documented one.
        var job = JsonJob(""" "JobMode": "automated", "TaskAction": "Tâche\u00e9" """);
        Assert.Equal(BackupModeKind.Unknown, job.JobMode!.Value.Kind);
        Assert.Equal("automated", job.JobMode.Value.WireValue);
        Assert.NotEqual(BackupMode.Automated, job.JobMode.Value);
        Assert.Equal("Tâcheé", job.TaskAction!.Value.WireValue);
        Assert.Equal(TaskActionKind.Unknown, job.TaskAction.Value.Kind);
    }

    [Fact]
    public void TwoUnknownValuesCompareByWireString()
    {
        var fromJson = JsonJob(""" "BackupStatus": "Cancelled" """).BackupStatus!.Value;
        var fromXml = XmlJob("<BackupStatus>Cancelled</BackupStatus>").BackupStatus!.Value;
        Assert.Equal(fromJson, fromXml);
        Assert.True(fromJson == fromXml);
        Assert.Equal(fromJson.GetHashCode(), fromXml.GetHashCode());
        Assert.Equal(fromJson, BackupStatus.FromWireValue("Cancelled"));
        Assert.NotEqual(fromJson, BackupStatus.FromWireValue("Canceled"));
        Assert.True(fromJson != BackupStatus.FromWireValue("cancelled"));
    }

    [Fact]
    public void KnownValuesAreTheStaticInstances()
    {
        var job = JsonJob(""" "JobMode": "Automated", "BackupStatus": "Failed", "BackupProgressStatus": "Uploading", "TaskAction": "TempBackupTask" """);
        Assert.Equal(BackupMode.Automated, job.JobMode);
        Assert.Equal(BackupStatus.Failed, job.BackupStatus);
        Assert.Equal(BackupProgressStatus.Uploading, job.BackupProgressStatus);
        Assert.Equal(TaskAction.TempBackupTask, job.TaskAction);
        Assert.True(job.JobMode!.Value.IsKnown);
        Assert.Equal(BackupModeKind.Automated, job.JobMode.Value.Kind);

        // The documented value is the static instance itself, not a copy with a new string.
        Assert.Same(BackupMode.Automated.WireValue, job.JobMode.Value.WireValue);
        Assert.Same(BackupMode.Automated.WireValue, BackupMode.FromWireValue("Automated").WireValue);
        Assert.Same(BackupMode.Automated.WireValue, XmlJob("<JobMode>Automated</JobMode>").JobMode!.Value.WireValue);
    }

    [Fact]
    public void XmlValueWithSurroundingWhiteSpaceIsTrimmed()
    {
        var job = XmlJob("<JobMode> Automated </JobMode><BackupStatus>\n  Finished\n</BackupStatus>");
        Assert.Equal(BackupMode.Automated, job.JobMode);
        Assert.Equal(BackupModeKind.Automated, job.JobMode!.Value.Kind);
        Assert.Equal("Automated", job.JobMode.Value.WireValue);
        Assert.Equal(BackupStatus.Finished, job.BackupStatus);
    }

    [Theory]
    [InlineData("Automated", "system")]
    [InlineData("Manual", "manual")]
    [InlineData("OnDemand", "other: OnDemand")]
    public void SwitchOverKindWorks(string wireValue, string expected)
    {
        var mode = JsonJob(" \"JobMode\": \"" + wireValue + "\" ").JobMode!.Value;
        var described = mode.Kind switch
        {
            BackupModeKind.Automated => "system",
            BackupModeKind.Manual => "manual",
            _ => "other: " + mode.WireValue,
        };
        Assert.Equal(expected, described);
    }

    [Fact]
    public void DefaultValueIsUnknownWithAnEmptyWireValue()
    {
        var value = default(BackupMode);
        Assert.Equal(BackupModeKind.Unknown, value.Kind);
        Assert.False(value.IsKnown);
        Assert.Equal(string.Empty, value.WireValue);
        Assert.Equal(string.Empty, value.ToString());
    }

    [Fact]
    public void FromWireValueRefusesNull()
        => Assert.Throws<ArgumentNullException>(() => BackupMode.FromWireValue(null!));

    private static void AssertUnknown(bool kindIsUnknown, bool isKnown, string wireValue, string text, string expected)
    {
        Assert.True(kindIsUnknown);
        Assert.False(isKnown);
        Assert.Equal(expected, wireValue);
        Assert.Equal(expected, text);
    }
}
