using Bindings.Rds;
using CsCheck;

namespace Bindings.Robustness.Tests.Wire;

/// <summary>A field the spec does not describe, as the tests write it in each format.</summary>
/// <param name="Name">The wire name; starts with <c>X</c>, so it never matches a described field.</param>
/// <param name="Json">The value as compact JSON text, kept verbatim by the parser.</param>
/// <param name="XmlText">The element's text (letters and digits only, so its outer XML has one spelling); null for an empty element.</param>
internal sealed record Extra(string Name, string Json, string? XmlText)
{
    public string XmlOuter => XmlText is null ? "<" + Name + " />" : "<" + Name + ">" + XmlText + "</" + Name + ">";

    public UnknownMember Expected(WireFormat format)
        => new(Name, format == WireFormat.Json ? Json : XmlOuter, format);
}

/// <summary>One backup job and the fields the service might add to it.</summary>
internal sealed record JobCase(
    string? BackupId,
    long? BackupJobId,
    BackupProgressStatus? BackupProgressStatus,
    BackupStatus? BackupStatus,
    BackupMode? JobMode,
    decimal? Process,
    TaskAction? TaskAction,
    Extra[] Extras)
{
    public BackupJob Expected(WireFormat format) => new()
    {
        BackupId = BackupId,
        BackupJobId = BackupJobId,
        BackupProgressStatus = BackupProgressStatus,
        BackupStatus = BackupStatus,
        JobMode = JobMode,
        Process = Process,
        TaskAction = TaskAction,
        UnknownMembers = Extras.Select(extra => extra.Expected(format)).ToArray(),
    };
}

/// <summary>A whole DescribeBackupTasks response as the model says it can be.</summary>
internal sealed record ResponseCase(string? RequestId, JobCase[] Jobs, Extra[] Extras)
{
    public DescribeBackupTasksResponse Expected(WireFormat format) => new()
    {
        RequestId = RequestId,
        Items = Jobs.Select(job => job.Expected(format)).ToArray(),
        UnknownMembers = Extras.Select(extra => extra.Expected(format)).ToArray(),
    };

    public override string ToString()
        => $"RequestId={Show(RequestId)}, {Jobs.Length} job(s): "
           + string.Join("; ", Jobs.Select(job => $"[{Show(job.BackupId)}, {job.BackupJobId}, {job.BackupProgressStatus?.WireValue}, {job.BackupStatus?.WireValue}, {job.JobMode?.WireValue}, {job.Process}, {job.TaskAction?.WireValue}, +{job.Extras.Length}]"))
           + $", +{Extras.Length} extra";

    private static string Show(string? text) => text is null ? "null" : "\"" + string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
}

/// <summary>CsCheck generators of valid responses, built from the model of the spec.</summary>
internal static class ResponseGen
{
    // Pieces of text that stress both writers and readers: escapes, markup, line breaks, non-BMP
    // characters (surrogate pairs), combining marks, a BOM and the separators C# and JavaScript treat as
    // line ends. Every piece is valid in XML 1.0, so the same value can be written in both formats.
    private static readonly string[] Fragments =
    {
        "a", "Z", "0", "9", "rm-uf6wjk5", " ", "-", "_", ".", "\"", "'", "\\", "/", "<", ">", "&", "&amp;", ";", "]]>",
        "\t", "\n", "\r", "\r\n", "é", "ß", "バックアップ", "备份", "😀", "𝄞", "e\u0301", "\u2028", "\u00A0", "\uFEFF",
        "{", "}", "[", "]", ":", ",", "%", "+", "#", "null", "true", "4762614", "-1", "1e5",
    };

    public static readonly Gen<string> Text = Gen.Int[0, Fragments.Length - 1].Array[0, 12]
        .Select(indexes => string.Concat(indexes.Select(index => Fragments[index])));

    public static readonly Gen<string?> OptionalText = Text.Null(0.2);

    /// <summary>An enum value the spec does not list: non-empty and without surrounding white space (XML trims tokens).</summary>
    public static readonly Gen<string> UnknownWireValue = Gen.OneOf(
            Gen.Const("SomethingNew"), Gen.Const("nostart"), Gen.Const("NoStart "), Gen.Const("Finished2"), Gen.Const("処理中"), Text)
        .Select(text => text.Trim())
        .Where(text => text.Length > 0);

    public static readonly Gen<long?> Id = Gen.Frequency(
            (3, Gen.Long),
            (1, Gen.OneOf(0L, 4762614L, long.MaxValue, long.MinValue, -1L, 9007199254740993L)))
        .Nullable(0.15);

    public static readonly Gen<decimal?> Process = Gen.Frequency(
            (2, Gen.Int[0, 125].Select(value => (decimal)value)),
            (2, Gen.Decimal),
            (1, Gen.OneOf(0m, 25.5m, 125m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.5m, 100.00m)))
        .Nullable(0.2);

    private static readonly Gen<string> ExtraJson = Gen.OneOf(
        "1", "-2.5e3", "\"s\"", "\"a\\\"b\\u00e9\"", "true", "false", "null", "{}", "[]", "{\"a\":[1,2,{\"b\":null}]}", "[\"x\",3]", "{\"BackupJob\":1}");

    private static readonly Gen<string?> ExtraXml = Gen.OneOf<string?>(null, "1", "s", "NewValue42", "x");

    private static readonly Gen<Extra[]> Extras = Gen.Int[0, 3].SelectMany(count =>
        Gen.Select(ExtraJson.Array[count], ExtraXml.Array[count], (json, xml) =>
            Enumerable.Range(0, count).Select(i => new Extra("XNew" + i, json[i], xml[i])).ToArray()));

    private static Gen<T?> Enum<T>(Gen<T> known, Func<string, T> fromWireValue)
        where T : struct
        => Gen.Frequency(
                (4, known),
                (1, UnknownWireValue.Select(fromWireValue)))
            .Nullable(0.2);

    public static readonly Gen<JobCase> Job = Gen.Select(
        OptionalText,
        Id,
        Enum(Gen.OneOf(BackupProgressStatus.NoStart, BackupProgressStatus.Preparing, BackupProgressStatus.Waiting, BackupProgressStatus.Uploading, BackupProgressStatus.Checking, BackupProgressStatus.Finished), BackupProgressStatus.FromWireValue),
        Enum(Gen.OneOf(BackupStatus.NoStart, BackupStatus.Checking, BackupStatus.Preparing, BackupStatus.Waiting, BackupStatus.Uploading, BackupStatus.Finished, BackupStatus.Failed), BackupStatus.FromWireValue),
        Enum(Gen.OneOf(BackupMode.Automated, BackupMode.Manual), BackupMode.FromWireValue),
        Process,
        Enum(Gen.OneOf(TaskAction.TempBackupTask, TaskAction.NormalBackupTask), TaskAction.FromWireValue),
        Extras,
        (backupId, jobId, progress, status, mode, process, action, extras) => new JobCase(backupId, jobId, progress, status, mode, process, action, extras));

    public static readonly Gen<ResponseCase> Response = Gen.Select(
        OptionalText,
        Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, 3]), (1, Gen.Int[4, 12])).SelectMany(count => Job.Array[count]),
        Extras,
        (requestId, jobs, extras) => new ResponseCase(requestId, jobs, extras));
}
