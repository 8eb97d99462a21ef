using System.Diagnostics;
using System.Text;
using Bindings.Rds;
using Bindings.Serialization;

namespace Bindings.Tests.Parsing;

/// <summary>
/// The stream entry points of both formats against streams that lie about their length, never end, fail or
/// are disposed: memory stays within <see cref="ResponseParseOptions.MaxDocumentSize"/> (measured as bytes
/// allocated by the parsing thread), and the stream's own exception reaches the caller.
/// </summary>
public class StreamEntryPointTests
{
    private const string Json = """{"RequestId":"r-1","Items":{"BackupJob":[{"BackupJobId":4762614,"BackupStatus":"Finished"}]}}""";
    private const string Xml = "<DescribeBackupTasksResponse><RequestId>r-1</RequestId><Items><BackupJob><BackupJobId>4762614</BackupJobId></BackupJob></Items></DescribeBackupTasksResponse>";

    public static TheoryData<string> EntryPoints() => ["ParseJson", "ParseJsonAsync", "ParseXml", "ParseXmlAsync"];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_stream_that_claims_1_GiB_gets_a_buffer_for_what_it_holds(string entryPoint)
    {
        var document = Encoding.UTF8.GetBytes(entryPoint.StartsWith("ParseJson", StringComparison.Ordinal) ? Json : Xml);
        var options = new ResponseParseOptions { MaxDocumentSize = 64 * 1024 };

        // First run, pools cold: at most the limit and a few kilobytes of objects, never the 1 GiB claimed.
        var cold = Allocated(() => Assert.Equal("r-1", Parse(entryPoint, new LyingStream(document, claimedLength: 1L << 30), options).RequestId));
        Assert.InRange(cold, 0, options.MaxDocumentSize + (64 * 1024));

        // With the default limit (64 MiB), the claim is believed only up to 1 MiB.
        var defaults = Allocated(() => Parse(entryPoint, new LyingStream(document, claimedLength: 1L << 30), ResponseParseOptions.Default));
        Assert.InRange(defaults, 0, StreamBuffering.TrustedLengthHint + (64 * 1024));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_stream_that_never_ends_is_refused_at_the_limit_and_memory_stays_within_it(string entryPoint)
    {
        // Not a power of two: the buffer's last step is exactly the limit, not the next power of two.
        const int Limit = 1_000_000;
        var options = new ResponseParseOptions { MaxDocumentSize = Limit };
        var prefix = entryPoint.StartsWith("ParseJson", StringComparison.Ordinal) ? "{\"RequestId\":" : "<DescribeBackupTasksResponse>";

        ResponseParseException? failure = null;
        var cold = Allocated(() => failure = Assert.Throws<ResponseParseException>(() => Parse(entryPoint, new EndlessStream(prefix), options)));
        Assert.Equal("the document is larger than the limit of 1000000 bytes (ResponseParseOptions.MaxDocumentSize)", failure!.Reason);
        Assert.Equal("DescribeBackupTasksResponse", failure.TargetType);

        // Pools cold, the doubling pooled buffers are allocated once (half the limit in all) besides the last one.
        Assert.InRange(cold, Limit, (2.5 * Limit) + (64 * 1024));

        // Pools warm: the limit and a small constant, whatever the stream would have sent.
        var warm = Allocated(() => Assert.Throws<ResponseParseException>(() => Parse(entryPoint, new EndlessStream(prefix), options)));
        Assert.InRange(warm, 0, Limit + (64 * 1024));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_document_of_exactly_the_limit_is_read(string entryPoint)
    {
        var document = Encoding.UTF8.GetBytes(entryPoint.StartsWith("ParseJson", StringComparison.Ordinal) ? Json : Xml);
        var exact = new ResponseParseOptions { MaxDocumentSize = document.Length };
        Assert.Equal("r-1", Parse(entryPoint, new EndlessStream(document, endless: false), exact).RequestId);
        Assert.Equal("r-1", Parse(entryPoint, new LyingStream(document, claimedLength: 1L << 30), exact).RequestId);
        var under = new ResponseParseOptions { MaxDocumentSize = document.Length - 1 };
        Assert.Throws<ResponseParseException>(() => Parse(entryPoint, new EndlessStream(document, endless: false), under));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_disposed_stream_is_the_streams_own_ObjectDisposedException(string entryPoint)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));
        stream.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Parse(entryPoint, stream, ResponseParseOptions.Default));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_stream_that_fails_midway_is_the_streams_own_exception(string entryPoint)
    {
        var broken = new IOException("the connection was reset");
        var prefix = entryPoint.StartsWith("ParseJson", StringComparison.Ordinal) ? "{\"RequestId\":\"r" : "<DescribeBackupTasksResponse><RequestId>r";
        Assert.Same(broken, Assert.Throws<IOException>(() => Parse(entryPoint, new FailingStream(prefix, broken), ResponseParseOptions.Default)));

        // An exception of a kind that parse errors also have is still the stream's own.
        var invalid = new InvalidOperationException("the stream's owner closed it");
        Assert.Same(invalid, Assert.Throws<InvalidOperationException>(() => Parse(entryPoint, new FailingStream(prefix, invalid), ResponseParseOptions.Default)));
    }

    [Fact]
    public void Copying_a_deep_unknown_element_costs_about_as_much_as_reading_it()
    {
        // 50,000 levels inside one unknown element, with the depth limit raised to allow them. Copying is
        // linear in the element's size: the time is compared with a plain XmlReader pass over the same
        // document at the same moment (on a loaded machine both slow down), with a wide margin. The
        // quadratic copy this replaced took over 100 times the plain pass at this depth.
        const int Depth = 50_000;
        var xml = new StringBuilder("<DescribeBackupTasksResponse><Deep>");
        for (var i = 0; i < Depth; i++)
        {
            xml.Append("<a>");
        }

        for (var i = 0; i < Depth; i++)
        {
            xml.Append("</a>");
        }

        var document = xml.Append("</Deep></DescribeBackupTasksResponse>").ToString();
        var options = new ResponseParseOptions { MaxDepth = Depth + 10 };

        DescribeBackupTasksResponse.ParseXml(document, options);
        var plain = Stopwatch.StartNew();
        using (var reader = System.Xml.XmlReader.Create(new StringReader(document)))
        {
            while (reader.Read())
            {
            }
        }

        plain.Stop();
        var copy = Stopwatch.StartNew();
        var response = DescribeBackupTasksResponse.ParseXml(document, options);
        copy.Stop();

        Assert.Equal(document.Length - "<DescribeBackupTasksResponse></DescribeBackupTasksResponse>".Length, Assert.Single(response.UnknownMembers).RawValue.Length);
        Assert.True(copy.Elapsed < (plain.Elapsed * 30) + TimeSpan.FromMilliseconds(500), $"copy {copy.Elapsed.TotalMilliseconds} ms, plain read {plain.Elapsed.TotalMilliseconds} ms");
    }

    private static DescribeBackupTasksResponse Parse(string entryPoint, Stream stream, ResponseParseOptions options) => entryPoint switch
    {
        "ParseJson" => DescribeBackupTasksResponse.ParseJson(stream, options),
        // The test streams complete reads synchronously, so the async entry points run on this thread.
        "ParseJsonAsync" => DescribeBackupTasksResponse.ParseJsonAsync(stream, options).GetAwaiter().GetResult(),
        "ParseXml" => DescribeBackupTasksResponse.ParseXml(stream, options),
        "ParseXmlAsync" => DescribeBackupTasksResponse.ParseXmlAsync(stream, options).GetAwaiter().GetResult(),
        _ => throw new ArgumentOutOfRangeException(nameof(entryPoint)),
    };

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Reads synchronously, also through the async API.</summary>
    private abstract class SyncStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return new ValueTask<int>(read);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Seekable, holds <c>document</c>, and says its length is <c>claimedLength</c>.</summary>
    private sealed class LyingStream(byte[] document, long claimedLength) : SyncStream
    {
        private int _position;

        public override bool CanSeek => true;

        public override long Length => claimedLength;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(count, document.Length - _position);
            Array.Copy(document, _position, buffer, offset, read);
            _position += read;
            return read;
        }
    }

    /// <summary>A prefix, then white space for ever (or the prefix alone).</summary>
    private sealed class EndlessStream(byte[] prefix, bool endless = true) : SyncStream
    {
        private int _position;

        public EndlessStream(string prefix)
            : this(Encoding.UTF8.GetBytes(prefix))
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < prefix.Length)
            {
                var read = Math.Min(count, prefix.Length - _position);
                Array.Copy(prefix, _position, buffer, offset, read);
                _position += read;
                return read;
            }

            if (!endless)
            {
                return 0;
            }

            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }
    }

    /// <summary>A prefix, then the given exception.</summary>
    private sealed class FailingStream(string prefix, Exception failure) : SyncStream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
        private bool _sent;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw failure;
            }

            _sent = true;
            Array.Copy(_prefix, 0, buffer, offset, _prefix.Length);
            return _prefix.Length;
        }
    }
}
