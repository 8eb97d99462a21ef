using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>Backup sets (<c>DescribeBackups</c>' <c>Backup</c>) as a table: <c>backups list</c> and <c>backup create --wait</c>.</summary>
internal static class BackupSetTable
{
    public static void Render(IAnsiConsole console, string title, IReadOnlyCollection<Backup> sets)
    {
        var table = new Table().Title(title)
            .AddColumns("Backup set", "Status", "Mode", "Type", "Start", "End", "Size");
        foreach (var set in sets)
        {
            table.AddRow(
                Display.Text(set.BackupId),
                StatusMarkup(set.BackupStatus),
                Display.Text(set.BackupMode?.WireValue),
                Display.Text(set.BackupType?.WireValue),
                Display.Time(set.BackupStartTime),
                Display.Time(set.BackupEndTime),
                Display.Bytes(set.BackupSize));
        }

        console.Write(table);
    }

    /// <summary>The finished backup set of <c>backup create --wait</c>: one line per field, so that scripts find them.</summary>
    public static void RenderOne(IAnsiConsole console, Backup set)
    {
        var table = new Table().HideHeaders().AddColumns("Field", "Value");
        table.AddRow("Backup set", Display.Text(set.BackupId));
        table.AddRow("Status", StatusMarkup(set.BackupStatus));
        table.AddRow("Size", Display.Bytes(set.BackupSize) + (set.BackupSize is { } size ? $" ({Display.Number(size)} bytes)" : ""));
        table.AddRow("Start", Display.Time(set.BackupStartTime));
        table.AddRow("End", Display.Time(set.BackupEndTime));
        table.AddRow("Mode", Display.Text(set.BackupMode?.WireValue));
        table.AddRow("Method", Display.Text(set.BackupMethod?.WireValue));
        table.AddRow("Type", Display.Text(set.BackupType?.WireValue));
        console.Write(table);
    }

    private static string StatusMarkup(BackupSetStatus? status) => status?.Kind switch
    {
        null => "-",
        BackupSetStatusKind.Success => "[green]Success[/]",
        BackupSetStatusKind.Failed => "[red]Failed[/]",
        _ => Markup.Escape(status.Value.WireValue),
    };
}
