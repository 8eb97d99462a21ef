using Bindings.Import.Model;
using Bindings.Import.Planning;

namespace Bindings.Import.Tests;

/// <summary>When a string becomes an enum without a person deciding it: both sources agree on a closed set.</summary>
public sealed class EnumRuleTests
{
    private const string Listed = "The mode. Valid values:\n\n*   **Automated**: by the system.\n*   **Manual**";

    private static ImportField Field(string? description, params string[]? values)
        => new("Mode", ImportType.Scalar(ImportTypeKind.String)) { Description = description, EnumValues = values?.ToList() };

    [Fact]
    public void Both_sources_agreeing_make_an_enum_with_the_descriptions_of_the_list()
    {
        var values = EnumRule.ClosedValues(Field(Listed, "Manual", "Automated"));
        Assert.Equal(new (string, string?)[] { ("Manual", null), ("Automated", "by the system.") }, values);
    }

    [Fact]
    public void One_source_alone_is_not_enough()
    {
        Assert.Null(EnumRule.ClosedValues(Field(Listed, null)));                        // the bullet list alone
        Assert.Null(EnumRule.ClosedValues(Field("The mode.", "Automated", "Manual")));  // api-docs' enum alone
    }

    [Fact]
    public void Disagreeing_case_insensitive_empty_or_single_sets_stay_strings()
    {
        Assert.Null(EnumRule.ClosedValues(Field(Listed, "Automated", "Manual", "Day")));
        Assert.Null(EnumRule.ClosedValues(Field("Valid values:\n\n*   **IPv4**\n*   **ipv4**", "IPv4", "ipv4")));
        Assert.Null(EnumRule.ClosedValues(Field(Listed, Array.Empty<string>())));
        Assert.Null(EnumRule.ClosedValues(Field("Valid values:\n\n*   **A**", "A")));
        Assert.Null(EnumRule.ClosedValues(new ImportField("Count", ImportType.Scalar(ImportTypeKind.Integer)) { Description = Listed, EnumValues = new() { "Automated", "Manual" } }));
    }
}
