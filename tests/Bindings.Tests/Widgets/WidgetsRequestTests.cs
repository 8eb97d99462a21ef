using System.Globalization;
using Bindings.Tests.Support;

namespace Bindings.Tests.Widgets;

/// <summary>
/// The request of the test-only Widgets spec: every kind of constraint, a required parameter, list
/// parameters flattened as Name.1, Name.2, and wire names unlike the C# names.
/// </summary>
public class WidgetsRequestTests
{
    private static DescribeWidgetsRequest Valid() => new() { RegionId = "cn-hangzhou" };

    [Fact]
    public void AMinimalRequestIsValid() => Valid().Validate();

    [Fact]
    public void MissingRequiredParameterIsNamed()
    {
        var failure = Assert.Throws<RequestValidationException>(() => new DescribeWidgetsRequest().Validate());
        Assert.Equal("RegionId", failure.ParamName);
        Assert.Equal("DescribeWidgets", failure.Operation);
        Assert.Equal("is required", failure.Problem);
    }

    [Fact]
    public void EmptyRequiredStringIsMissing()
        => Assert.Equal("RegionId", Assert.Throws<RequestValidationException>(() => new DescribeWidgetsRequest { RegionId = "" }.Validate()).ParamName);

    [Fact]
    public void TooShortStringIsRejectedByItsWireName()
    {
        var request = Valid();
        request.NameFilter = "a";
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("WidgetName", failure.ParamName);
        Assert.Contains("at least 2", failure.Problem);
    }

    [Fact]
    public void TooLongStringIsRejectedByItsWireName()
    {
        var request = Valid();
        request.NameFilter = "abcdefghi";
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("WidgetName", failure.ParamName);
        Assert.Contains("at most 8", failure.Problem);
    }

    [Fact]
    public void NonAsciiStringIsRejectedByItsWireName()
    {
        var request = Valid();
        request.NameFilter = "grün";
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("WidgetName", failure.ParamName);
        Assert.Contains("ASCII", failure.Problem);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("abcdefgh")]
    public void StringLengthBoundsAreInclusive(string name)
    {
        var request = Valid();
        request.NameFilter = name;
        request.Validate();
    }

    [Theory]
    [InlineData(0, "at least 1")]
    [InlineData(-3, "at least 1")]
    [InlineData(51, "at most 50")]
    public void IntegerOutOfRangeIsRejected(int pageSize, string problem)
    {
        var request = Valid();
        request.PageSize = pageSize;
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("PageSize", failure.ParamName);
        Assert.Contains(problem, failure.Problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void IntegerBoundsAreInclusive(int pageSize)
    {
        var request = Valid();
        request.PageSize = pageSize;
        request.Validate();
    }

    [Theory]
    [InlineData(0.49, "at least 0.5")]
    [InlineData(1000.01, "at most 1000")]
    public void DoubleOutOfRangeIsRejected(double weight, string problem)
    {
        using var culture = new CultureScope("de-DE");
        var request = Valid();
        request.MinWeight = weight;
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("MinWeight", failure.ParamName);

        // The bound in the message is invariant text too.
        Assert.Contains(problem, failure.Problem);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void DoubleThatIsNotANumberInRangeIsRejected(double weight)
    {
        var request = Valid();
        request.MinWeight = weight;
        Assert.Equal("MinWeight", Assert.Throws<RequestValidationException>(request.Validate).ParamName);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1000)]
    public void DoubleBoundsAreInclusive(double weight)
    {
        var request = Valid();
        request.MinWeight = weight;
        request.Validate();
    }

    [Fact]
    public void IdempotencyTokenConstraintsApply()
    {
        var request = Valid();
        request.ClientToken = new string('t', 65);
        Assert.Equal("ClientToken", Assert.Throws<RequestValidationException>(request.Validate).ParamName);
    }

    [Fact]
    public void WriteParametersUsesWireNamesAndInvariantTextUnderAGermanCulture()
    {
        using var culture = new CultureScope("de-DE");
        Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
        var request = new DescribeWidgetsRequest
        {
            RegionId = "cn-hangzhou",
            NameFilter = "gear",
            PageSize = 30,
            MinWeight = 25.5,
            CreatedAfter = new DateTimeOffset(2024, 5, 1, 10, 30, 15, TimeSpan.FromHours(2)),
            State = WidgetState.InProgress,
            IncludeRetired = true,
            WidgetIds = [10, 9007199254740993],
            Tags = ["red", "blue"],
            ClientToken = "token-1",
        };
        request.Validate();

        var parameters = new List<KeyValuePair<string, string>>();
        request.WriteParameters(parameters);

        Assert.Equal(
            new[]
            {
                Pair("Action", "DescribeWidgets"),
                Pair("Version", "2020-01-01"),
                Pair("RegionId", "cn-hangzhou"),
                Pair("WidgetName", "gear"),
                Pair("PageSize", "30"),
                Pair("MinWeight", "25.5"),
                Pair("CreatedAfter", "2024-05-01T08:30:15Z"),
                Pair("State", "in-progress"),
                Pair("IncludeRetired", "true"),
                Pair("WidgetId.1", "10"),
                Pair("WidgetId.2", "9007199254740993"),
                Pair("Tag.1", "red"),
                Pair("Tag.2", "blue"),
                Pair("ClientToken", "token-1"),
            },
            parameters);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void DateTimeIsWrittenInUtcWithTheGregorianCalendarUnderEveryCulture(string name)
    {
        using var culture = new CultureScope(name);
        var parameters = new Dictionary<string, string>();
        var request = Valid();
        request.CreatedAfter = new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(8));
        request.WriteParameters(parameters);
        Assert.Equal("2023-12-31T18:00:00Z", parameters["CreatedAfter"]);
    }

    [Fact]
    public void DoublesAreWrittenSoThatTheyReadBackExactly()
    {
        using var culture = new CultureScope("de-DE");
        var parameters = new Dictionary<string, string>();
        var request = Valid();
        request.MinWeight = 0.1 + 0.2;
        request.WriteParameters(parameters);
        Assert.Equal(0.1 + 0.2, double.Parse(parameters["MinWeight"], CultureInfo.InvariantCulture));
        Assert.DoesNotContain(",", parameters["MinWeight"]);
    }

    [Fact]
    public void FalseIsWrittenAsFalseAndUnsetParametersAreOmitted()
    {
        var parameters = new Dictionary<string, string>();
        var request = Valid();
        request.IncludeRetired = false;
        request.WriteParameters(parameters);
        Assert.Equal(new[] { "Action", "Version", "RegionId", "IncludeRetired" }, parameters.Keys);
        Assert.Equal("false", parameters["IncludeRetired"]);
    }

    [Fact]
    public void AnEmptyListWritesNothing()
    {
        var parameters = new Dictionary<string, string>();
        var request = Valid();
        request.WidgetIds = [];
        request.WriteParameters(parameters);
        Assert.DoesNotContain(parameters.Keys, key => key.StartsWith("WidgetId", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRequestDescribesItsOperation()
    {
        IRpcRequest request = Valid();
        Assert.Equal("DescribeWidgets", request.Action);
        Assert.Equal("2020-01-01", request.Version);
        Assert.True(request.IsReadOnly);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
