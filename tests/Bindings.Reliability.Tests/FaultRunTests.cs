using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bindings.Client;
using Bindings.Rds;
using Bindings.StandIn;
using Xunit.Abstractions;

namespace Bindings.Reliability.Tests;

/// <summary>
/// 1,000 calls over real HTTP to the stand-in with every fault switch on: each call returns the
/// right answer or the typed exception after the configured attempts, within its overall timeout,
/// with one ClientToken and a fresh nonce per attempt; no secret reaches a log or an exception.
/// </summary>
public sealed class FaultRunTests(ITestOutputHelper output)
{
    private const int Calls = 1000;
    private const int Concurrency = 8;
    private const int MaxRetries = 3;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan OverallTimeout = TimeSpan.FromSeconds(1);

    // Timers and the unwinding after a cancellation on two busy cores; far below the injected hold.
    private static readonly TimeSpan Slack = LoadTolerance.Slack;

    /// <summary>
    /// 30 % throttling (with a 10 ms x-acs-retry-after), 10 % 5xx, 5 % dropped connections, 5 %
    /// truncated bodies, and 3 % of the requests held for <see cref="LoadTolerance.Hold"/> (6 s): far longer
    /// than the timeouts and their allowance, so only the client's timeouts can end those attempts.
    /// </summary>
    internal static readonly StandInFaults Faults = new()
    {
        ThrottlingRate = 0.30,
        ThrottlingRetryAfter = TimeSpan.FromMilliseconds(10),
        ServerErrorRate = 0.10,
        DropConnectionRate = 0.05,
        TruncateBodyRate = 0.05,
        Delay = LoadTolerance.Hold,
        DelayRate = 0.03,
    };

    private static readonly string[] InstanceIds = [StandInInstance.DefaultInstanceId, StandInInstance.FailingInstanceId, StandInInstance.IdleInstanceId];

    private static readonly HashSet<string> TransientCodes = ["Throttling", "InternalError", "ServiceUnavailable"];

    [Fact]
    public async Task A_thousand_calls_under_faults_end_right_typed_bounded_and_without_secrets()
    {
        await WarmUp.EnsureAsync();
        var logs = new CapturingLoggerFactory();
        await using var standIn = await RdsStandIn.StartAsync(new StandInOptions
        {
            Profile = StandInProfile.Fast,
            Accounts = [Secrets.Permanent, Secrets.Sts],
            Faults = Faults,
            Seed = 6,
            RecentRequestCapacity = 20_000,
            LoggerFactory = logs,
        });
        var recorder = new AttemptRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var clients = new ConcurrentDictionary<CallShape, (RdsClient Client, AlibabaCloudClientOptions Options)>();

        var results = new ConcurrentBag<CallResult>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Calls),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (index, _) =>
            {
                var shape = CallShape.For(index);
                var (client, _) = clients.GetOrAdd(shape, s => Create(s, http, standIn.BaseAddress, logs));
                var request = new DescribeBackupTasksRequest
                {
                    DBInstanceId = InstanceIds[index % InstanceIds.Length],
                    OwnerAccount = Marker(index),
                    // Now and then the caller brings its own token: it must be sent as given, every time.
                    ClientToken = index % 10 == 3 ? "caller-token-" + index.ToString("D4", CultureInfo.InvariantCulture) : null,
                };
                var before = standIn.Elapsed;
                var wall = Stopwatch.StartNew();
                try
                {
                    var response = await client.DescribeBackupTasksAsync(request);
                    wall.Stop();
                    results.Add(new CallResult(index, shape, request, wall.Elapsed, response, null, before, standIn.Elapsed));
                }
                catch (Exception exception)
                {
                    wall.Stop();
                    results.Add(new CallResult(index, shape, request, wall.Elapsed, null, exception, before, standIn.Elapsed));
                }
            });
        clock.Stop();

        var attempts = recorder.Attempts.ToLookup(static a => a.Call);
        var records = standIn.RecentRequests;
        var recordsByCall = records.Where(static r => r.Parameters.ContainsKey(AttemptRecorder.CallMarkerParameter))
            .ToLookup(static r => r.Parameters[AttemptRecorder.CallMarkerParameter]);
        var problems = new List<string>();
        foreach (var result in results.OrderBy(static r => r.Index))
        {
            problems.AddRange(Check(result, attempts[Marker(result.Index)].ToList(), recordsByCall[Marker(result.Index)].ToList(), standIn)
                .Select(problem => $"call {result.Index} ({result.Shape}): {problem}"));
        }

        var figures = Figures.From(results, recorder.Attempts, standIn.Counters, clock.Elapsed);
        output.WriteLine(figures.ToString());
        Assert.True(problems.Count == 0, problems.Count + " problems:\n" + string.Join("\n", problems.Take(30)) + "\n" + figures);

        // Every call is accounted for, and every fault kind was really injected and met.
        Assert.Equal(Calls, results.Count);
        Assert.Equal(Calls, results.Select(static r => r.Index).Distinct().Count());
        var counters = standIn.Counters;
        Assert.True(counters.Throttled > 0 && counters.ServerErrors > 0 && counters.DroppedConnections > 0
            && counters.TruncatedBodies > 0 && counters.Delayed > 0, counters.ToString());
        Assert.Contains(results, static r => r.Response is not null && r.Shape.WrongSecret is false);
        Assert.Contains(results, static r => r.Exception is AlibabaCloudServiceException { IsTransient: true });
        Assert.Contains(results, static r => r.Exception is AlibabaCloudServiceException { Code: "SignatureDoesNotMatch" });
        // Retries work: most calls that met a fault still succeeded.
        Assert.True(figures.SucceededAfterRetry > figures.FailedTransient, figures.ToString());

        // The stand-in's own (not injected) errors are the wrong secrets' SignatureDoesNotMatch and
        // nothing else: no SignatureNonceUsed from a reused nonce, no InvalidTimeStamp, no bad parameter.
        // One exception: a POST whose attempt the client gave up (a timeout) while its form body was on the
        // way; the stand-in reads a cut body and answers InvalidParameter (Body) to no one. Seen once at a load
        // average of 30; there can be no more of them than attempts that ended without an answer.
        var abandoned = records.Where(static r => r.SignatureVersion == "-" && r.ErrorCode == "InvalidParameter").ToList();
        Assert.True(abandoned.Count <= recorder.Attempts.Count(static a => !a.Outcome.StartsWith("HTTP", StringComparison.Ordinal)), abandoned.Count + " cut bodies");
        var ownErrors = records.Where(static r => r.ErrorCode is not null && r.Fault is not ("Throttling" or "ServerError")).Except(abandoned).ToList();
        Assert.NotEmpty(ownErrors);
        Assert.All(ownErrors, static r => Assert.True(
            r.ErrorCode == "SignatureDoesNotMatch"
                && int.TryParse(r.Parameters.GetValueOrDefault(AttemptRecorder.CallMarkerParameter, "call-x")[5..], CultureInfo.InvariantCulture, out var index)
                && CallShape.For(index).WrongSecret,
            r.ToString()));

        // The client's own log agrees with what went over the wire.
        const string Category = "Bindings.Client.AlibabaCloudRpcClient";
        Assert.Equal(recorder.Attempts.Count, logs.Count(Category, "Sending"));
        var retries = recorder.Attempts.Count - Calls;
        Assert.InRange(logs.Count(Category, "Retrying"), retries, retries + figures.OverallTimeouts);

        // No secret anywhere: client and stand-in logs, every exception, what the stand-in recorded, options and credentials.
        var texts = new List<(string, string?)>();
        texts.AddRange(logs.Entries.Select(static e => ("log " + e.Category, (string?)e.Text)));
        texts.AddRange(results.Where(static r => r.Exception is not null).SelectMany(static r => Secrets.TextsOf(r.Exception!)));
        texts.AddRange(records.SelectMany(static r => r.Parameters.Select(p => ("stand-in record", (string?)(p.Key + "=" + p.Value)))));
        texts.AddRange(records.Select(static r => ("stand-in record", (string?)r.ToString())));
        foreach (var (shape, (_, options)) in clients)
        {
            texts.Add(("options of " + shape, options.ToString()));
            texts.Add(("credentials of " + shape, options.Credentials!.ToString()));
            texts.Add(("retry options of " + shape, options.Retry.ToString()));
        }

        texts.Add(("stand-in accounts", string.Join(" ", standIn.Accounts)));
        Secrets.AssertNoLeak(texts);
        // The redaction was needed: the stand-in's SignatureDoesNotMatch quotes the V1 string to sign with the token in it.
        Assert.Contains(results, static r => r.Exception is AlibabaCloudServiceException { ServerStringToSign: { } s } && s.Contains("***", StringComparison.Ordinal));
    }

    internal static string Marker(int index) => "call-" + index.ToString("D4", CultureInfo.InvariantCulture);

    internal static (RdsClient, AlibabaCloudClientOptions) Create(CallShape shape, HttpClient http, Uri endpoint, CapturingLoggerFactory logs)
    {
        var options = new AlibabaCloudClientOptions
        {
            Endpoint = endpoint,
            Credentials = Secrets.Credentials(shape.Sts ? Secrets.Sts : Secrets.Permanent, shape.WrongSecret),
            SignatureVersion = shape.Signature,
            Format = shape.Format,
            HttpMethod = shape.Method,
            AttemptTimeout = AttemptTimeout,
            Timeout = OverallTimeout,
            Retry = new AlibabaCloudRetryOptions
            {
                MaxRetries = MaxRetries,
                BaseDelay = TimeSpan.FromMilliseconds(2),
                MaxDelay = TimeSpan.FromMilliseconds(50),
                UseJitter = true,
            },
            LoggerFactory = logs,
        };
        return (new RdsClient(http, options), options);
    }

    /// <summary>Everything that must hold for one call; empty when it does.</summary>
    private static IEnumerable<string> Check(CallResult result, List<AttemptRecord> attempts, List<StandInRequestRecord> records, RdsStandIn standIn)
    {
        // Bounded: no call outlives its overall timeout (plus timer slack).
        if (result.Wall > OverallTimeout + Slack)
        {
            yield return $"took {result.Wall.TotalMilliseconds:0} ms, over the timeout of {OverallTimeout.TotalMilliseconds:0} ms";
        }

        // Attempts: at least one, at most the configured number, each cut at the attempt timeout.
        if (attempts.Count is < 1 or > MaxRetries + 1)
        {
            yield return $"{attempts.Count} attempts";
        }

        foreach (var slow in attempts.Where(static a => a.HeadersAfter > AttemptTimeout + Slack))
        {
            yield return $"an attempt waited {slow.HeadersAfter.TotalMilliseconds:0} ms for headers, over the attempt timeout";
        }

        // One ClientToken for all attempts (the caller's when it gave one), a fresh nonce for each.
        var tokens = attempts.Select(static a => a.ClientToken).Distinct().ToList();
        if (tokens.Count != 1 || string.IsNullOrEmpty(tokens[0]) || (result.Request.ClientToken is { } given && tokens[0] != given))
        {
            yield return $"ClientTokens sent: [{string.Join(", ", tokens)}]";
        }

        if (attempts.Select(static a => a.Nonce).Where(static n => !string.IsNullOrEmpty(n)).Distinct().Count() != attempts.Count)
        {
            yield return "a nonce was missing or sent twice: " + string.Join(", ", attempts.Select(static a => a.Nonce));
        }

        // The stand-in saw the same: the token of the call, nonces the client sent, none twice.
        // (It records no attempt it dropped unread or that timed out while held.)
        if (records.Count > attempts.Count)
        {
            yield return $"the stand-in recorded {records.Count} requests of {attempts.Count} attempts";
        }

        if (records.Any(r => r.Parameters.GetValueOrDefault("ClientToken") != tokens.FirstOrDefault()))
        {
            yield return "the stand-in saw ClientTokens " + string.Join(", ", records.Select(static r => r.Parameters.GetValueOrDefault("ClientToken")));
        }

        if (records.Select(static r => r.Nonce).Distinct().Count() != records.Count
            || records.Any(r => !attempts.Any(a => a.Nonce == r.Nonce)))
        {
            yield return "the stand-in saw nonces " + string.Join(", ", records.Select(static r => r.Nonce));
        }

        switch (result.Exception)
        {
            case null:
                if (result.Shape.WrongSecret)
                {
                    yield return "succeeded with a wrong secret";
                }

                if (Expectations.Check(result.Response!, standIn, result.Request.DBInstanceId!, result.Before, result.After) is { } wrong)
                {
                    yield return "wrong answer: " + wrong;
                }

                if (attempts.Count == 0 || attempts[^1].Outcome != "HTTP 200")
                {
                    yield return "succeeded, but the last attempt was " + attempts.LastOrDefault()?.Outcome;
                }

                break;

            case AlibabaCloudServiceException service when TransientCodes.Contains(service.Code ?? ""):
                // A transient error is thrown only when the retries are used up.
                if (service.Attempt != MaxRetries + 1 || attempts.Count != service.Attempt)
                {
                    yield return $"{service.Code} thrown at attempt {service.Attempt} of {attempts.Count} sent";
                }

                if (string.IsNullOrEmpty(service.RequestId))
                {
                    yield return service.Code + " without a RequestId";
                }

                break;

            case AlibabaCloudServiceException { Code: "SignatureDoesNotMatch" } service:
                // Final at once: only for a wrong secret, diagnosed as such.
                if (!result.Shape.WrongSecret || service.SignatureMismatch != SignatureMismatchVerdict.SecretIsWrong
                    || attempts.Count != service.Attempt || string.IsNullOrEmpty(service.RequestId))
                {
                    yield return $"SignatureDoesNotMatch ({service.SignatureMismatch}) at attempt {service.Attempt} of {attempts.Count}: {service.Message}";
                }

                break;

            case AlibabaCloudTransportException transport:
                var overall = transport.IsTimeout && transport.Message.Contains("overall timeout", StringComparison.Ordinal);
                if (overall ? attempts.Count != transport.Attempt : transport.Attempt != MaxRetries + 1 || attempts.Count != transport.Attempt)
                {
                    yield return $"transport failure at attempt {transport.Attempt} of {attempts.Count} sent: {transport.Message}";
                }

                if (overall && result.Wall < OverallTimeout - TimeSpan.FromMilliseconds(50))
                {
                    yield return $"overall timeout after {result.Wall.TotalMilliseconds:0} ms";
                }

                if (!transport.RequestMayHaveReachedService
                    || (transport.IsTimeout ? transport.InnerException is not TimeoutException : transport.InnerException is not (HttpRequestException or IOException)))
                {
                    yield return "transport failure described wrongly: " + transport;
                }

                break;

            default:
                // ResponseParseException included: a truncated body is a broken connection (the
                // Content-Length was not met), never a document to parse; see the README.
                yield return "unexpected " + result.Exception;
                break;
        }
    }

    /// <summary>How a call is made: signature, format, method, account, and whether the secret is wrong.</summary>
    internal sealed record CallShape(SignatureVersion Signature, ResponseFormat Format, RpcHttpMethod Method, bool Sts, bool WrongSecret)
    {
        /// <summary>Every combination comes up; one call in ten has a wrong secret, half of the rest are STS.</summary>
        public static CallShape For(int index)
        {
            var combination = (index / 2) % 8;
            var wrong = index % 20 is 7 or 16;
            return new CallShape(
                (combination & 1) == 0 ? SignatureVersion.V1 : SignatureVersion.V3,
                (combination & 2) == 0 ? ResponseFormat.Json : ResponseFormat.Xml,
                (combination & 4) == 0 ? RpcHttpMethod.Post : RpcHttpMethod.Get,
                Sts: index % 2 == 0,
                WrongSecret: wrong);
        }

        public override string ToString() =>
            $"{Signature} {Format} {Method} {(Sts ? "STS" : "permanent")}{(WrongSecret ? " wrong secret" : "")}";
    }

    internal sealed record CallResult(
        int Index,
        CallShape Shape,
        DescribeBackupTasksRequest Request,
        TimeSpan Wall,
        DescribeBackupTasksResponse? Response,
        Exception? Exception,
        TimeSpan Before,
        TimeSpan After);

    /// <summary>The figures of a run, for the test output and the README.</summary>
    internal sealed record Figures(
        int Calls,
        int Attempts,
        int MaxAttempts,
        string Injected,
        int Succeeded,
        int SucceededAfterRetry,
        int FailedTransient,
        int OverallTimeouts,
        IReadOnlyDictionary<string, int> Outcomes,
        IReadOnlyDictionary<string, int> AttemptOutcomes,
        TimeSpan MaxWall,
        TimeSpan MedianWall,
        TimeSpan Elapsed)
    {
        public static Figures From(IReadOnlyCollection<CallResult> results, IReadOnlyCollection<AttemptRecord> attempts, StandInCounters counters, TimeSpan elapsed)
        {
            var perCall = attempts.GroupBy(static a => a.Call).ToDictionary(static g => g.Key ?? "", static g => g.Count());
            var walls = results.Select(static r => r.Wall).Order().ToList();
            var outcomes = results.GroupBy(static r => Outcome(r.Exception)).OrderBy(static g => g.Key, StringComparer.Ordinal)
                .ToDictionary(static g => g.Key, static g => g.Count());
            return new Figures(
                results.Count,
                attempts.Count,
                perCall.Values.DefaultIfEmpty().Max(),
                counters.ToString(),
                results.Count(static r => r.Exception is null),
                results.Count(r => r.Exception is null && perCall.GetValueOrDefault(Marker(r.Index)) > 1),
                results.Count(static r => r.Exception is AlibabaCloudServiceException { IsTransient: true } or AlibabaCloudTransportException),
                results.Count(static r => r.Exception is AlibabaCloudTransportException { IsTimeout: true } t && t.Message.Contains("overall timeout", StringComparison.Ordinal)),
                outcomes,
                attempts.GroupBy(static a => a.Outcome).OrderBy(static g => g.Key, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.Count()),
                walls.Count == 0 ? TimeSpan.Zero : walls[^1],
                walls.Count == 0 ? TimeSpan.Zero : walls[walls.Count / 2],
                elapsed);
        }

        public static string Outcome(Exception? exception) => exception switch
        {
            null => "success",
            AlibabaCloudServiceException { Code: { } code } => "AlibabaCloudServiceException " + code,
            AlibabaCloudServiceException service => "AlibabaCloudServiceException HTTP " + (int)service.StatusCode,
            AlibabaCloudTransportException { IsTimeout: true } t when t.Message.Contains("overall timeout", StringComparison.Ordinal) => "AlibabaCloudTransportException overall timeout",
            AlibabaCloudTransportException { IsTimeout: true } => "AlibabaCloudTransportException attempt timeout",
            AlibabaCloudTransportException => "AlibabaCloudTransportException broken connection",
            _ => exception.GetType().Name,
        };

        public override string ToString() =>
            $"calls {Calls} in {Elapsed.TotalSeconds:0.0} s; attempts {Attempts} (at most {MaxAttempts} for one call); stand-in: {Injected}; "
            + $"succeeded {Succeeded} ({SucceededAfterRetry} after retries); failed after all attempts {FailedTransient} ({OverallTimeouts} by the overall timeout); "
            + $"outcomes: {string.Join(", ", Outcomes.Select(static o => o.Key + " " + o.Value))}; "
            + $"attempts as the client's handler saw them (status before the body was read): {string.Join(", ", AttemptOutcomes.Select(static o => o.Key + " " + o.Value))}; "
            + $"wall time median {MedianWall.TotalMilliseconds:0} ms, max {MaxWall.TotalMilliseconds:0} ms";
    }
}
