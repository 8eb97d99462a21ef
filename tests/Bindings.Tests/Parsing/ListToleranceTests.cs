using Bindings.Rds;
using static Bindings.Tests.Support.Documents;

namespace Bindings.Tests.Parsing;

/// <summary>
/// The forms a list takes on the wire: an array, one object standing for a list of one, a bare array
/// without the item wrapper, repeated XML elements; and every way of saying "no items", which must give
/// an empty list and never null.
/// </summary>
public class ListToleranceTests
{
    [Fact]
    public void JsonArrayInTheItemWrapperGivesEveryItemInOrder()
    {
        var response = FromJson("""{"Items":{"BackupJob":[{"BackupJobId":1},{"BackupJobId":2},{"BackupJobId":3}]}}""");
        Assert.Equal(new long?[] { 1, 2, 3 }, response.Items.Select(job => job.BackupJobId));
    }

    [Fact]
    public void JsonSingleObjectWhereAListIsExpectedIsAListOfOne()
    {
        var response = FromJson("""{"Items":{"BackupJob":{"BackupJobId":4762614,"JobMode":"Manual"}}}""");
        var job = Assert.Single(response.Items);
        Assert.Equal(4762614L, job.BackupJobId);
        Assert.Equal(BackupMode.Manual, job.JobMode);
    }

    [Fact]
    public void JsonBareArrayWithoutTheItemWrapperIsAccepted()
    {
        var response = FromJson("""{"Items":[{"BackupJobId":1},{"BackupJobId":2}],"RequestId":"r"}""");
        Assert.Equal(new long?[] { 1, 2 }, response.Items.Select(job => job.BackupJobId));
        Assert.Equal("r", response.RequestId);
        Assert.Empty(response.UnknownMembers);
    }

    [Fact]
    public void JsonNullItemsInAnArrayAreSkipped()
    {
        var response = FromJson("""{"Items":{"BackupJob":[null,{"BackupJobId":2},null]}}""");
        Assert.Equal(2L, Assert.Single(response.Items).BackupJobId);
    }

    [Fact]
    public void XmlRepeatedElementsAreTheItemsInOrder()
    {
        var response = FromXml("""
            <DescribeBackupTasksResponse>
              <Items>
                <BackupJob><BackupJobId>1</BackupJobId></BackupJob>
                <BackupJob><BackupJobId>2</BackupJobId></BackupJob>
                <BackupJob><BackupJobId>3</BackupJobId></BackupJob>
              </Items>
            </DescribeBackupTasksResponse>
            """);
        Assert.Equal(new long?[] { 1, 2, 3 }, response.Items.Select(job => job.BackupJobId));
    }

    [Fact]
    public void XmlOneElementIsAListOfOne()
    {
        var response = FromXml("<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>9</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>");
        Assert.Equal(9L, Assert.Single(response.Items).BackupJobId);
    }

    [Fact]
    public void XmlEmptyItemElementIsAnItemWithNothingSet()
    {
        var response = FromXml("<DescribeBackupTasksResponse><Items><BackupJob/><BackupJob></BackupJob></Items></DescribeBackupTasksResponse>");
        Assert.Equal(2, response.Items.Count);
        Assert.All(response.Items, job => Assert.Equal(new BackupJob(), job));
    }

    [Fact]
    public void JsonMissingItemsIsAnEmptyList()
    {
        var response = FromJson("""{"RequestId":"r"}""");
        Assert.NotNull(response.Items);
        Assert.Empty(response.Items);
    }

    [Fact]
    public void XmlMissingItemsIsAnEmptyList()
    {
        var response = FromXml("<DescribeBackupTasksResponse><RequestId>r</RequestId></DescribeBackupTasksResponse>");
        Assert.NotNull(response.Items);
        Assert.Empty(response.Items);
    }

    [Theory]
    [InlineData("""{"Items":{}}""")]
    [InlineData("""{"Items":{"BackupJob":[]}}""")]
    [InlineData("""{"Items":{"BackupJob":null}}""")]
    [InlineData("""{"Items":{"BackupJob":""}}""")]
    [InlineData("""{"Items":null}""")]
    [InlineData("""{"Items":""}""")]
    [InlineData("""{"Items":[]}""")]
    public void JsonEmptyItemsIsAnEmptyList(string json)
    {
        var response = FromJson(json);
        Assert.NotNull(response.Items);
        Assert.Empty(response.Items);
        Assert.Empty(response.UnknownMembers);
    }

    [Theory]
    [InlineData("<DescribeBackupTasksResponse><Items/></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items>\n    </Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse><Items><!-- none --></Items></DescribeBackupTasksResponse>")]
    [InlineData("<DescribeBackupTasksResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Items xsi:nil=\"true\"/></DescribeBackupTasksResponse>")]
    public void XmlEmptyItemsIsAnEmptyList(string xml)
    {
        var response = FromXml(xml);
        Assert.NotNull(response.Items);
        Assert.Empty(response.Items);
        Assert.Empty(response.UnknownMembers);
    }

    [Fact]
    public void ANewResponseHasAnEmptyListNotNull()
    {
        Assert.NotNull(new DescribeBackupTasksResponse().Items);
        Assert.Empty(new DescribeBackupTasksResponse().Items);
    }
}
