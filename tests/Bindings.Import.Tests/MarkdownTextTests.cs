using Bindings.Import.Text;

namespace Bindings.Import.Tests;

/// <summary>Alibaba's documentation Markdown flattened to one line of plain text (the rules in MarkdownText).</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("The backup mode. Valid values:\n\n*   **Automated**\n*   **Manual**", "The backup mode. Valid values: Automated, Manual.")]
    [InlineData("The type. Valid values:\n\n*   **TempBackupTask**: an ad hoc task.\n*   **NormalBackupTask**: a regular task.", "The type. Valid values: TempBackupTask: an ad hoc task; NormalBackupTask: a regular task.")]
    [InlineData("### [](#)Supported database engines\n*   RDS MySQL\n*   RDS SQL Server", "Supported database engines: RDS MySQL, RDS SQL Server.")]
    [InlineData("Call [DescribeRegions](https://help.aliyun.com/document_detail/610399.html) first (~~26243~~).", "Call DescribeRegions first .")]
    [InlineData("The ID.\n\n>  Shown once **BackupStatus** is **Finished**.", "The ID. Note: Shown once BackupStatus is Finished.")]
    [InlineData("Valid values: \\*\\*-12:59\\*\\* to `+13:00`.", "Valid values: **-12:59** to +13:00.")]
    [InlineData("Line one\ncontinues   here.\n\nSecond paragraph.", "Line one continues here. Second paragraph.")]
    [InlineData("Rules:\n\n*   When X:\n    *   a\n    *   b\n*   Otherwise: c", "Rules: When X: a, b; Otherwise: c.")]
    [InlineData("> *   First note.\n> *   Second note.", "Note: First note; Second note.")]
    [InlineData("Use <The ID of the region> & more.", "Use <The ID of the region> & more.")]
    public void Flattens(string markdown, string expected)
        => Assert.Equal(expected, MarkdownText.Flatten(markdown));

    [Fact]
    public void The_generated_required_sentence_goes_only_when_the_member_is_required()
    {
        const string text = "The instance ID.\n\nThis parameter is required.";
        Assert.Equal("The instance ID.", MarkdownText.Flatten(text, required: true));
        Assert.Equal("The instance ID. This parameter is required.", MarkdownText.Flatten(text, required: false));
        Assert.Null(MarkdownText.Flatten("This parameter is required.", required: true));
    }

    [Fact]
    public void Without_the_value_list_the_enum_keeps_the_rest()
    {
        const string text = "The status. Valid values:\n\n*   **NoStart**\n*   **Progressing**\n\nBy default both.";
        Assert.Equal("The status. By default both.", MarkdownText.Flatten(text, withoutValueList: true));
    }

    [Fact]
    public void Value_lists_need_an_introduction_and_bold_values()
    {
        var values = MarkdownText.ValueList("The type. Valid values:\n\n*   **Temp**: ad hoc.\n*   **Normal** (regular)\n*   **in-progress**");
        Assert.Equal(new (string, string?)[] { ("Temp", "ad hoc."), ("Normal", "regular"), ("in-progress", null) }, values);

        Assert.Null(MarkdownText.ValueList("Notes:\n\n*   plain item\n*   another"));                    // no bold values
        Assert.Null(MarkdownText.ValueList("Some facts.\n\n*   **A**\n*   **B**"));                      // no "Valid values:"
        Assert.Null(MarkdownText.ValueList("Valid values:\n\n*   **Only**"));                            // one value is no set
        Assert.Null(MarkdownText.ValueList("Valid values: **1** to **100**."));                         // a range, not a list
    }

    [Theory]
    [InlineData("The page size. Default value: **30**.", "30")]
    [InlineData("Valid values: 0 to 7200. Default value: 30. Unit: seconds.", "30")]
    [InlineData("Whether to pay. Default value: true. If ...", "true")]
    [InlineData("No default here.", null)]
    public void Defaults(string markdown, string? expected) => Assert.Equal(expected, MarkdownText.DefaultOf(markdown));
}
