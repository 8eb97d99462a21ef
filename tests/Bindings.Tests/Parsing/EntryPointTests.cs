using System.Text;
using Bindings.Rds;

namespace Bindings.Tests.Parsing;

/// <summary>
/// The seven public entry points of a generated type forward to the runtime's <c>ResponseParser</c>:
/// each reads the same document the same way, refuses a null argument, applies the options, and names
/// the type being parsed (not the runtime's) in its one kind of error.
/// </summary>
public class EntryPointTests
{
    private const string Json = """{"Items":{"BackupJob":[{"BackupJobId":7}]},"RequestId":"r-1"}""";
    private const string Xml = "<DescribeBackupTasksResponse><Items><BackupJob><BackupJobId>7</BackupJobId></BackupJob></Items><RequestId>r-1</RequestId></DescribeBackupTasksResponse>";

    public static TheoryData<string> EntryPoints => new()
    {
        "ParseJson(span)", "ParseJson(string)", "ParseJson(stream)", "ParseJsonAsync(stream)",
        "ParseXml(stream)", "ParseXml(string)", "ParseXmlAsync(stream)",
    };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task EveryEntryPointReadsTheDocument(string entryPoint)
    {
        var response = await Parse(entryPoint, entryPoint.Contains("Json") ? Json : Xml, options: null);
        Assert.Equal("r-1", response.RequestId);
        Assert.Equal(7L, Assert.Single(response.Items).BackupJobId);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task EveryEntryPointNamesTheGeneratedTypeInItsError(string entryPoint)
    {
        var broken = entryPoint.Contains("Json") ? "{\"RequestId\":" : "<DescribeBackupTasksResponse><RequestId>";
        var error = await Assert.ThrowsAsync<ResponseParseException>(() => Parse(entryPoint, broken, options: null));
        Assert.StartsWith("Cannot read DescribeBackupTasksResponse from " + (entryPoint.Contains("Json") ? "JSON" : "XML"), error.Message);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task EveryEntryPointAppliesTheSizeLimit(string entryPoint)
    {
        var document = entryPoint.Contains("Json") ? Json : Xml;
        var options = new ResponseParseOptions { MaxDocumentSize = 16 };
        var error = await Assert.ThrowsAsync<ResponseParseException>(() => Parse(entryPoint, document, options));
        Assert.StartsWith("Cannot read DescribeBackupTasksResponse from ", error.Message);

        // The same document within a limit that fits it.
        Assert.Equal("r-1", (await Parse(entryPoint, document, new ResponseParseOptions { MaxDocumentSize = 4096 })).RequestId);
    }

    public static TheoryData<string> XmlEntryPoints => new() { "ParseXml(stream)", "ParseXml(string)", "ParseXmlAsync(stream)" };

    [Theory]
    [MemberData(nameof(XmlEntryPoints))]
    public async Task EveryXmlEntryPointChecksTheRoot(string entryPoint)
    {
        // The same members under another root: an operation's response is <ActionResponse>, nothing else.
        var document = Xml.Replace("DescribeBackupTasksResponse", "R", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ResponseParseException>(() => Parse(entryPoint, document, options: null));
        Assert.Equal("expected the root element <DescribeBackupTasksResponse>, found <R>", error.Reason);
    }

    /// <summary>The entry points that take a reference (a span cannot be null).</summary>
    public static TheoryData<string> EntryPointsTakingReferences => new()
    {
        "ParseJson(string)", "ParseJson(stream)", "ParseJsonAsync(stream)", "ParseXml(stream)", "ParseXml(string)", "ParseXmlAsync(stream)",
    };

    [Theory]
    [MemberData(nameof(EntryPointsTakingReferences))]
    public async Task EveryEntryPointRefusesNull(string entryPoint)
        => await Assert.ThrowsAnyAsync<ArgumentNullException>(() => entryPoint switch
        {
            "ParseJson(string)" => Task.FromResult(DescribeBackupTasksResponse.ParseJson((string)null!)),
            "ParseJson(stream)" => Task.FromResult(DescribeBackupTasksResponse.ParseJson((Stream)null!)),
            "ParseJsonAsync(stream)" => DescribeBackupTasksResponse.ParseJsonAsync(null!),
            "ParseXml(stream)" => Task.FromResult(DescribeBackupTasksResponse.ParseXml((Stream)null!)),
            "ParseXml(string)" => Task.FromResult(DescribeBackupTasksResponse.ParseXml((string)null!)),
            "ParseXmlAsync(stream)" => DescribeBackupTasksResponse.ParseXmlAsync(null!),
            _ => throw new ArgumentException(entryPoint),
        });

    [Fact]
    public async Task TheAsyncEntryPointsHonourCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DescribeBackupTasksResponse.ParseJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(Json)), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(Encoding.UTF8.GetBytes(Xml)), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void ANestedStructureHasItsOwnEntryPointsAndName()
    {
        Assert.Equal(7L, BackupJob.ParseJson("""{"BackupJobId":7}""").BackupJobId);
        Assert.Equal(7L, BackupJob.ParseXml("<BackupJob><BackupJobId>7</BackupJobId></BackupJob>").BackupJobId);
        var error = Assert.Throws<ResponseParseException>(() => BackupJob.ParseJson("[]"));
        Assert.StartsWith("Cannot read BackupJob from JSON", error.Message);
    }

    private static Task<DescribeBackupTasksResponse> Parse(string entryPoint, string document, ResponseParseOptions? options)
    {
        var utf8 = Encoding.UTF8.GetBytes(document);
        return entryPoint switch
        {
            "ParseJson(span)" => Task.FromResult(DescribeBackupTasksResponse.ParseJson(new ReadOnlySpan<byte>(utf8), options)),
            "ParseJson(string)" => Task.FromResult(DescribeBackupTasksResponse.ParseJson(document, options)),
            "ParseJson(stream)" => Task.FromResult(DescribeBackupTasksResponse.ParseJson(new MemoryStream(utf8), options)),
            "ParseJsonAsync(stream)" => DescribeBackupTasksResponse.ParseJsonAsync(new MemoryStream(utf8), options),
            "ParseXml(stream)" => Task.FromResult(DescribeBackupTasksResponse.ParseXml(new MemoryStream(utf8), options)),
            "ParseXml(string)" => Task.FromResult(DescribeBackupTasksResponse.ParseXml(document, options)),
            "ParseXmlAsync(stream)" => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(utf8), options),
            _ => throw new ArgumentException(entryPoint),
        };
    }
}
