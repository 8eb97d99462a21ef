using System.Globalization;
using System.Text.Json;

namespace Bindings.StandIn.Tests;

/// <summary>Paging as the service documents it: pages from 1, sizes within bounds, counts, tokens.</summary>
public class PagingTests
{
    private const string Id = "rm-paged";

    // 70 days of daily automated backups: 70 sets, so 30 + 30 + 10 at the default page size.
    private static void SeventySets(StandInOptions options) =>
        options.Instances = [new StandInInstance(Id, taskCount: 0) { BackupRetentionPeriod = 70 }];

    [Fact]
    public async Task DescribeBackups_pages_from_1_with_string_counts_and_a_short_last_page()
    {
        await using var h = await Harness.StartAsync(SeventySets);
        var seen = new List<string>();
        var starts = new List<DateTimeOffset>();
        for (var number = 1; number <= 4; number++)
        {
            var page = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("PageNumber", number.ToString(CultureInfo.InvariantCulture)));
            var items = page.GetProperty("Items").GetProperty("Backup").EnumerateArray().ToList();
            // The paging members are strings in this operation, as documented.
            Assert.Equal(number.ToString(CultureInfo.InvariantCulture), page.GetProperty("PageNumber").GetString());
            Assert.Equal("70", page.GetProperty("TotalRecordCount").GetString());
            Assert.Equal(items.Count.ToString(CultureInfo.InvariantCulture), page.GetProperty("PageRecordCount").GetString());
            Assert.Equal(number switch { 1 or 2 => 30, 3 => 10, _ => 0 }, items.Count);
            seen.AddRange(items.Select(static i => i.GetProperty("BackupId").GetString()!));
            starts.AddRange(items.Select(static i => DateTimeOffset.Parse(i.GetProperty("BackupStartTime").GetString()!, CultureInfo.InvariantCulture)));
        }

        Assert.Equal(70, seen.Distinct().Count());
        Assert.Equal(starts.OrderByDescending(static s => s), starts);   // newest first
    }

    [Theory]
    [InlineData("30", 3)]
    [InlineData("50", 2)]
    [InlineData("100", 1)]
    [InlineData("1000", 1)]
    public async Task DescribeBackups_takes_any_size_from_30_to_1000(string size, int pages)
    {
        await using var h = await Harness.StartAsync(SeventySets);
        var total = 0;
        for (var number = 1; number <= pages; number++)
        {
            var page = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id), ("PageSize", size), ("PageNumber", number.ToString(CultureInfo.InvariantCulture)));
            total += page.GetProperty("Items").GetProperty("Backup").GetArrayLength();
        }

        Assert.Equal(70, total);
    }

    [Fact]
    public async Task DescribeBackups_filters_by_start_time_in_minutes_before_paging()
    {
        await using var h = await Harness.StartAsync(SeventySets);
        var from = ManualClock.DefaultStart.AddDays(-10);
        var to = ManualClock.DefaultStart.AddDays(-5);
        var page = await h.OkAsync("DescribeBackups", ("DBInstanceId", Id),
            ("StartTime", from.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)),
            ("EndTime", to.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)));
        var items = page.GetProperty("Items").GetProperty("Backup").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal("5", page.GetProperty("TotalRecordCount").GetString());
        Assert.All(items, i =>
        {
            var start = DateTimeOffset.Parse(i.GetProperty("BackupStartTime").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(start, from, to);
        });
    }

    [Fact]
    public async Task DescribeDBInstances_pages_by_number_and_by_token_and_counts_are_numbers()
    {
        await using var h = await Harness.StartAsync(o => o.Instances =
            [.. Enumerable.Range(1, 7).Select(i => new StandInInstance($"rm-page{i}", taskCount: 0) { Age = TimeSpan.FromDays(100 - i) })]);

        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var page = await h.OkAsync("DescribeDBInstances", ("RegionId", "cn-hangzhou"), ("PageSize", "3"), ("PageNumber", number.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(JsonValueKind.Number, page.GetProperty("TotalRecordCount").ValueKind);
            Assert.Equal(7, page.GetProperty("TotalRecordCount").GetInt32());
            Assert.Equal(number, page.GetProperty("PageNumber").GetInt32());
            pages.AddRange(Ids(page));
            Assert.Equal(Ids(page).Length, page.GetProperty("PageRecordCount").GetInt32());
        }

        // Newest first.
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(static i => $"rm-page{i}"), pages);

        var byToken = new List<string>();
        string? token = null;
        var calls = 0;
        do
        {
            (string, string)[] parameters = token is null
                ? [("RegionId", "cn-hangzhou"), ("MaxResults", "3")]
                : [("RegionId", "cn-hangzhou"), ("MaxResults", "3"), ("NextToken", token)];
            var page = await h.OkAsync("DescribeDBInstances", parameters);
            byToken.AddRange(Ids(page));
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            calls++;
        }
        while (token is not null && calls < 10);

        Assert.Equal(3, calls);
        Assert.Equal(pages, byToken);
    }

    [Fact]
    public async Task DescribeBinlogFiles_pages_through_a_week_of_hourly_files()
    {
        await using var h = await Harness.StartAsync(SeventySets);
        var from = ManualClock.DefaultStart.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = ManualClock.DefaultStart.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var first = await h.OkAsync("DescribeBinlogFiles", ("DBInstanceId", Id), ("StartTime", from), ("EndTime", to));
        var total = first.GetProperty("TotalRecordCount").GetInt32();
        Assert.Equal(48 + 2, total);          // 48 hours, plus one file more after each of the two backups
        var names = new List<string>();
        for (var number = 1; number <= 2; number++)
        {
            var page = await h.OkAsync("DescribeBinlogFiles", ("DBInstanceId", Id), ("StartTime", from), ("EndTime", to),
                ("PageSize", "30"), ("PageNumber", number.ToString(CultureInfo.InvariantCulture)));
            names.AddRange(page.GetProperty("Items").GetProperty("BinLogFile").EnumerateArray().Select(static f => f.GetProperty("LogFileName").GetString()!));
        }

        Assert.Equal(total, names.Distinct().Count());
    }

    private static string[] Ids(JsonElement body) =>
        [.. body.GetProperty("Items").GetProperty("DBInstance").EnumerateArray().Select(static i => i.GetProperty("DBInstanceId").GetString()!)];
}
