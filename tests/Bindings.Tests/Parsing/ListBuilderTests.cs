using Bindings.Serialization;

namespace Bindings.Tests.Parsing;

/// <summary>The pooled list builder the generated parsers collect items with.</summary>
public class ListBuilderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void GivesTheItemsInOrderInAnArrayOfTheExactLength(int count)
    {
        var builder = default(ListBuilder<string>);
        builder.Start();
        for (var i = 0; i < count; i++)
        {
            builder.Add("item" + i);
            Assert.Equal(i + 1, builder.Count);
        }

        var items = builder.ToArray();
        Assert.Equal(Enumerable.Range(0, count).Select(i => "item" + i), items);
        Assert.Equal(count, items.Length);
    }

    [Fact]
    public void IsStartedByStartOrByAnItem()
    {
        var untouched = default(ListBuilder<int>);
        Assert.False(untouched.IsStarted);

        var started = default(ListBuilder<int>);
        started.Start();
        Assert.True(started.IsStarted);
        Assert.Empty(started.ToArray());

        var added = default(ListBuilder<int>);
        added.Add(5);
        Assert.True(added.IsStarted);
        Assert.Equal(new[] { 5 }, added.ToArray());
    }
}
