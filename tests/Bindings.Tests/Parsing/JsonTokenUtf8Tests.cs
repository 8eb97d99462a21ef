using System.Text;
using Bindings.Rds;

namespace Bindings.Tests.Parsing;

/// <summary>
/// A JSON token read from its bytes (an enum value, a number sent as a string) is checked for UTF-8 with
/// a quick ASCII test by blocks of 8 and 4 bytes: a byte of 0x80 or more at any position of any length is
/// found, a valid sequence is kept, an invalid one refused.
/// </summary>
public class JsonTokenUtf8Tests
{
    public static TheoryData<int> Lengths => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AnInvalidByteAtAnyPositionIsRefused(int length)
    {
        for (var at = 0; at < length; at++)
        {
            var failure = Assert.Throws<ResponseParseException>(() => Parse(Token(length, at, new byte[] { 0xFF })));
            Assert.Contains("not valid UTF-8", failure.Message, StringComparison.Ordinal);
            Assert.Equal("Items.BackupJob[0].JobMode", failure.Path);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AValidMultiByteCharacterAtAnyPositionIsKept(int length)
    {
        for (var at = 0; at < length; at++)
        {
            var token = Token(length, at, Encoding.UTF8.GetBytes("\u00e9"));
            var job = Parse(token);
            Assert.Equal(Encoding.UTF8.GetString(token), job.JobMode!.Value.WireValue);
            Assert.Equal(BackupModeKind.Unknown, job.JobMode.Value.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AsciiOfAnyLengthIsTheValue(int length)
    {
        var token = Token(length, -1, Array.Empty<byte>());
        Assert.Equal(Encoding.ASCII.GetString(token), Parse(token).JobMode!.Value.WireValue);
    }

    // `length` ASCII letters, with `insert` in place of the letter at `at`.
    private static byte[] Token(int length, int at, byte[] insert)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < length; i++)
        {
            if (i == at)
            {
                bytes.AddRange(insert);
            }
            else
            {
                bytes.Add((byte)('a' + (i % 26)));
            }
        }

        return bytes.ToArray();
    }

    private static BackupJob Parse(byte[] token)
    {
        var json = Encoding.ASCII.GetBytes("{\"Items\":{\"BackupJob\":[{\"JobMode\":\"").Concat(token).Concat(Encoding.ASCII.GetBytes("\"}]}}")).ToArray();
        return Assert.Single(DescribeBackupTasksResponse.ParseJson(json).Items);
    }
}
