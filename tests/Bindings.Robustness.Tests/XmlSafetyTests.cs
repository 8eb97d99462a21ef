using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Bindings.Rds;

namespace Bindings.Robustness.Tests;

/// <summary>
/// XML is safe by default: any DTD is refused, so "billion laughs" entity expansion and external entities
/// fail fast with <see cref="ResponseParseException"/>, and no file is opened and no connection made.
/// </summary>
public class XmlSafetyTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE DescribeBackupTasksResponse [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <DescribeBackupTasksResponse><RequestId>&lol9;</RequestId></DescribeBackupTasksResponse>
        """;

    /// <summary>
    /// Refusing a DTD takes microseconds (milliseconds on a cold, loaded machine); expanding one of these takes
    /// gigabytes and minutes, and fetching an entity from the listener below would wait until the guard's
    /// 10 s hang limit. Half that limit leaves a loaded 2-core machine thousands of times the refusal's cost.
    /// </summary>
    private static readonly TimeSpan FastEnough = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task BillionLaughsIsRefusedFast()
    {
        foreach (var outcome in await EveryEntryPoint(BillionLaughs))
        {
            AssertRefusedFast(outcome);
            Assert.Contains("DTD", outcome.Refusal!.Message, StringComparison.OrdinalIgnoreCase);
        }

        // Expanding &lol9; would allocate 10^9 characters; refusing allocates a few kilobytes. Measured on
        // this thread, since other tests allocate in parallel.
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(BillionLaughs));
        Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(Encoding.UTF8.GetBytes(BillionLaughs))));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "the parser allocated like an entity expansion");
    }

    [Fact]
    public async Task ExternalFileEntityIsRefusedAndTheFileIsNotRead()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <!DOCTYPE DescribeBackupTasksResponse [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <DescribeBackupTasksResponse><RequestId>&xxe;</RequestId></DescribeBackupTasksResponse>
            """;
        foreach (var outcome in await EveryEntryPoint(Xml))
        {
            AssertRefusedFast(outcome);
            Assert.DoesNotContain("root:", outcome.Refusal!.ToString());
        }
    }

    [Fact]
    public async Task ExternalEntityOnAFifoIsNeverOpened()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        // Opening a FIFO for writing blocks until someone opens it for reading: a watcher thread that gets
        // through its open() proves that the parser opened the file.
        var directory = Directory.CreateTempSubdirectory("bindings-xxe-");
        var fifo = Path.Combine(directory.FullName, "entity");
        try
        {
            Assert.Equal(0, MakeFifo(fifo, Convert.ToUInt32("600", 8)));
            var opened = new ManualResetEventSlim();
            var watcher = new Thread(() =>
            {
                try
                {
                    using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    opened.Set();
                }
                catch (IOException)
                {
                    // Only the open matters.
                }
            }) { IsBackground = true };
            watcher.Start();

            var uri = new Uri(fifo).AbsoluteUri;
            foreach (var xml in new[]
                     {
                         $"<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"{uri}\"> ]><DescribeBackupTasksResponse><RequestId>&xxe;</RequestId></DescribeBackupTasksResponse>",
                         $"<!DOCTYPE r [ <!ENTITY % xxe SYSTEM \"{uri}\"> %xxe; ]><DescribeBackupTasksResponse/>",
                         $"<!DOCTYPE r SYSTEM \"{uri}\"><DescribeBackupTasksResponse/>",
                     })
            {
                foreach (var outcome in await EveryEntryPoint(xml))
                {
                    AssertRefusedFast(outcome);
                }
            }

            Assert.False(opened.Wait(TimeSpan.FromMilliseconds(300)), "the parser opened the file named by an external entity");

            // Release the watcher.
            using (new FileStream(fifo, FileMode.Open, FileAccess.Read))
            {
            }

            watcher.Join(TimeSpan.FromSeconds(5));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExternalHttpEntityMakesNoConnection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();
        foreach (var xml in new[]
                 {
                     $"<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"http://127.0.0.1:{port}/entity\"> ]><DescribeBackupTasksResponse><RequestId>&xxe;</RequestId></DescribeBackupTasksResponse>",
                     $"<!DOCTYPE r [ <!ENTITY % xxe SYSTEM \"http://127.0.0.1:{port}/dtd\"> %xxe; ]><DescribeBackupTasksResponse/>",
                     $"<!DOCTYPE DescribeBackupTasksResponse SYSTEM \"http://127.0.0.1:{port}/dtd\"><DescribeBackupTasksResponse/>",
                     $"<!DOCTYPE DescribeBackupTasksResponse PUBLIC \"-//X//Y\" \"http://127.0.0.1:{port}/dtd\"><DescribeBackupTasksResponse/>",
                     $"<DescribeBackupTasksResponse xmlns:xi=\"http://www.w3.org/2001/XInclude\"><RequestId><xi:include href=\"http://127.0.0.1:{port}/x\" parse=\"text\"/></RequestId></DescribeBackupTasksResponse>",
                     $"<DescribeBackupTasksResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x http://127.0.0.1:{port}/xsd\"><RequestId>r</RequestId></DescribeBackupTasksResponse>",
                 })
        {
            foreach (var outcome in await EveryEntryPoint(xml))
            {
                // The XInclude and schemaLocation documents have no DTD: they parse, as plain elements and attributes.
                Assert.True(outcome.Elapsed < FastEnough, $"took {outcome.Elapsed}");
                if (xml.Contains("DOCTYPE"))
                {
                    Assert.False(outcome.Parsed);
                }
            }
        }

        var finished = await Task.WhenAny(accepted, Task.Delay(300));
        Assert.NotSame(accepted, finished);
        listener.Stop();
    }

    [Fact]
    public void TheRefusalNamesTheTypeAndFormat()
    {
        var refusal = Assert.Throws<ResponseParseException>(() => DescribeBackupTasksResponse.ParseXml(BillionLaughs));
        Assert.Equal(WireFormat.Xml, refusal.Format);
        Assert.Equal("DescribeBackupTasksResponse", refusal.TargetType);
        Assert.IsType<System.Xml.XmlException>(refusal.InnerException);
    }

    private static void AssertRefusedFast(Outcome<DescribeBackupTasksResponse> outcome)
    {
        Assert.False(outcome.Parsed);
        Assert.True(outcome.Elapsed < FastEnough, $"took {outcome.Elapsed}");
    }

    /// <summary>The document through the text, stream and async stream entry points, and BackupJob's too.</summary>
    private static async Task<List<Outcome<DescribeBackupTasksResponse>>> EveryEntryPoint(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var outcomes = new List<Outcome<DescribeBackupTasksResponse>>
        {
            Guard.Run(() => DescribeBackupTasksResponse.ParseXml(xml), "text"),
            Guard.Run(() => DescribeBackupTasksResponse.ParseXml(new MemoryStream(bytes)), "stream"),
            await Guard.RunAsync(() => DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(bytes)), "async stream"),
        };
        var job = Guard.Run(() => BackupJob.ParseXml(xml), "BackupJob text");
        outcomes.Add(new Outcome<DescribeBackupTasksResponse>(null, job.Refusal, job.Elapsed));
        return outcomes;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
