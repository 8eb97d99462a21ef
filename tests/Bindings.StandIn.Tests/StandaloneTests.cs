using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bindings.StandIn.Hosting;

namespace Bindings.StandIn.Tests;

/// <summary>The stand-in as a program of its own: its command line, what it prints, and any client it answers.</summary>
public class StandaloneTests
{
    [Fact]
    public async Task The_program_prints_endpoint_and_AccessKey_and_answers_a_request_signed_by_hand_over_a_raw_socket()
    {
        using var process = Start("--port", "0", "--seed", "7", "--access-key-id", "LTAIhandmade", "--access-key-secret", "secret/with+chars=");
        try
        {
            var banner = await ReadBannerAsync(process);
            var endpoint = new Uri(Field(banner, "Endpoint"));
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.Equal("LTAIhandmade", Field(banner, "AccessKey ID"));
            Assert.Equal("secret/with+chars=", Field(banner, "AccessKey secret"));
            Assert.Contains("seed 7", banner, StringComparison.Ordinal);
            Assert.StartsWith("RDS stand-in listening on " + endpoint, banner, StringComparison.Ordinal);

            // RPC signature V1, written out from the documented algorithm, sent as curl would send it.
            var (status, body) = await SendSignedByHandAsync(endpoint, "LTAIhandmade", "secret/with+chars=", new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["Action"] = "DescribeDBInstances",
                ["RegionId"] = "cn-hangzhou",
                ["Tags"] = "{\"env\":\"production\"}",
            });
            Assert.True(status == 200, body);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(2, json.RootElement.GetProperty("TotalRecordCount").GetInt32());

            // The same with a wrong secret: the service's answer, with the server's string to sign.
            (status, body) = await SendSignedByHandAsync(endpoint, "LTAIhandmade", "not-the-secret", new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["Action"] = "DescribeDBInstances",
                ["RegionId"] = "cn-hangzhou",
            });
            Assert.Equal(400, status);
            Assert.Contains("SignatureDoesNotMatch", body, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(process);
        }

        // SIGTERM stops it cleanly: exit code 0 and a last line with the counts.
        var output = await process.StandardOutput.ReadToEndAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stopped after requests 2, succeeded 1, service errors 1", output, StringComparison.Ordinal);
        // One line per request, with the AccessKey ID masked and never the secret.
        Assert.Contains("GET V1 DescribeDBInstances key=LTAI*** -> 200 OK", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret/with+chars=", output, StringComparison.Ordinal);   // the banner above was read apart
    }

    [Fact]
    public async Task A_bad_command_line_exits_64_with_the_reason_and_the_usage()
    {
        foreach (var args in new[] { new[] { "--port", "70000" }, ["--faults", "sometimes"], ["--throttling", "2"], ["--access-key-id", "x"], ["--frobnicate"] })
        {
            var errors = new StringWriter();
            var code = await StandInProgram.RunAsync(args, TextWriter.Null, errors, CancellationToken.None);
            Assert.Equal(64, code);
            Assert.StartsWith("error: ", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("--fault-actions", errors.ToString(), StringComparison.Ordinal);
        }

        var help = new StringWriter();
        Assert.Equal(0, await StandInProgram.RunAsync(["--help"], help, TextWriter.Null, CancellationToken.None));
        Assert.Contains("--profile fast|realistic", help.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_options_apply_to_the_actions_named_and_are_printed()
    {
        using var stop = new CancellationTokenSource();
        var output = new SynchronizedWriter();
        var run = StandInProgram.RunAsync(["--throttling", "1", "--fault-actions", "CreateBackup", "--quiet"], output, TextWriter.Null, stop.Token);
        var banner = await output.WaitForAsync("Ctrl+C stops.");
        Assert.Contains("Faults             custom: 100% throttled (CreateBackup only)", banner, StringComparison.Ordinal);
        var endpoint = new Uri(Field(banner, "Endpoint"));

        var (status, body) = await SendSignedByHandAsync(endpoint, StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret,
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Action"] = "CreateBackup", ["DBInstanceId"] = StandInInstance.DefaultInstanceId });
        Assert.Equal(400, status);
        Assert.Contains("\"Code\":\"Throttling\"", body, StringComparison.Ordinal);
        (status, _) = await SendSignedByHandAsync(endpoint, StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret,
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Action"] = "DescribeBackupTasks", ["DBInstanceId"] = StandInInstance.DefaultInstanceId });
        Assert.Equal(200, status);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    /// <summary>Signs with RPC signature V1 as Alibaba documents it, without the runtime's signer, and sends one raw HTTP/1.1 GET.</summary>
    internal static async Task<(int Status, string Body)> SendSignedByHandAsync(
        Uri endpoint, string accessKeyId, string secret, SortedDictionary<string, string> parameters)
    {
        parameters["Version"] = "2014-08-15";
        parameters["Format"] = "JSON";
        parameters["AccessKeyId"] = accessKeyId;
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureVersion"] = "1.0";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString("N");
        parameters["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var canonical = string.Join('&', parameters.Select(static p => Encode(p.Key) + "=" + Encode(p.Value)));
        var stringToSign = "GET&" + Encode("/") + "&" + Encode(canonical);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        var target = "/?" + canonical + "&Signature=" + Encode(signature);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body);
    }

    // RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes (so a space is %20).
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bindings.StandIn.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadBannerAsync(Process process)
    {
        var banner = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            banner.AppendLine(line);
            if (line.EndsWith("Ctrl+C stops.", StringComparison.Ordinal))
            {
                return banner.ToString();
            }
        }

        throw new InvalidOperationException("The stand-in ended before it printed its banner: " + banner + await process.StandardError.ReadToEndAsync());
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // SIGTERM, as a service manager stops it; the stand-in stops listening and exits 0.
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }

    private static string Field(string banner, string name) =>
        banner.Split('\n').Select(static l => l.Trim()).First(l => l.StartsWith(name + " ", StringComparison.Ordinal))[name.Length..].Trim();

    /// <summary>A writer the program writes to while the test reads.</summary>
    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly object _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + NewLine);
            return Task.CompletedTask;
        }

        public async Task<string> WaitForAsync(string text)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                string now;
                lock (_gate)
                {
                    now = ToString();
                }

                if (now.Contains(text, StringComparison.Ordinal))
                {
                    return now;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("The program did not print " + text);
        }
    }
}
