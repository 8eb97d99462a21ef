using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Bindings.StandIn;

/// <summary>How fast the seeded backup tasks progress.</summary>
public enum StandInProfile
{
    /// <summary>
    /// Tasks start within two minutes and take three to twelve minutes each, roughly like a small
    /// instance on the real service. Meant for tests that drive a fake <see cref="TimeProvider"/>.
    /// </summary>
    Realistic,

    /// <summary>
    /// Tasks start within three seconds and take six to fourteen seconds: every task of an instance
    /// has ended within about twenty seconds of real time (what the command-line <c>watch</c> uses).
    /// </summary>
    Fast,
}

/// <summary>Everything <see cref="RdsStandIn.StartAsync"/> needs; every property has a usable default.</summary>
public sealed class StandInOptions
{
    /// <summary>The address to listen on; loopback by default. Only loopback addresses are accepted.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 (the default) picks a free one, read it back from <see cref="RdsStandIn.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The AccessKeys the stand-in knows. Defaults to <see cref="StandInAccount.Default"/> alone.
    /// A request naming any other AccessKey ID gets <c>InvalidAccessKeyId.NotFound</c>.
    /// </summary>
    public IList<StandInAccount> Accounts { get; set; } = [StandInAccount.Default];

    /// <summary>The instances and their backup tasks. Defaults to <see cref="StandInInstance.Defaults"/>.</summary>
    public IList<StandInInstance> Instances { get; set; } = StandInInstance.Defaults();

    /// <summary>
    /// The clock for task progress, the 15-minute timestamp window and nonce expiry. Task progress
    /// is measured from the moment <see cref="RdsStandIn.StartAsync"/> reads it. Injected delays
    /// (<see cref="StandInFaults.Delay"/>) always use real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How fast generated tasks progress; <see cref="StandInProfile.Realistic"/> by default.</summary>
    public StandInProfile Profile { get; set; } = StandInProfile.Realistic;

    /// <summary>
    /// The seed of everything random: generated tasks, fault decisions. The same seed, options and
    /// sequence of requests give the same answers.
    /// </summary>
    public int Seed { get; set; } = 20140815;

    /// <summary>The fault-injection switches at start; change them later with <see cref="RdsStandIn.Faults"/>.</summary>
    public StandInFaults Faults { get; set; } = StandInFaults.None;

    /// <summary>How far a request's timestamp may be from the stand-in's clock; 15 minutes like the service.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The <c>HostId</c> of error bodies; the service sends its endpoint host.</summary>
    public string HostId { get; set; } = "rds.aliyuncs.com";

    /// <summary>How many recent requests <see cref="RdsStandIn.RecentRequests"/> keeps (oldest dropped first).</summary>
    public int RecentRequestCapacity { get; set; } = 1000;

    /// <summary>
    /// Where the stand-in logs one line per request (never a secret, a token or a signature).
    /// Null logs nothing. The ASP.NET Core host's own logging is always off.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>A logger to use directly; takes precedence over <see cref="LoggerFactory"/>.</summary>
    public ILogger? Logger { get; set; }
}

/// <summary>An AccessKey the stand-in accepts, optionally an STS one that needs a security token.</summary>
/// <remarks><see cref="ToString"/> never shows the secret or the token.</remarks>
public sealed class StandInAccount
{
    /// <summary>Creates an account; see <see cref="Permanent"/> and <see cref="Sts"/>.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <param name="securityToken">The STS token that must accompany every request, or null for a permanent key.</param>
    /// <param name="securityTokenExpiresAt">When the STS token expires (by the stand-in's clock); null = never.</param>
    public StandInAccount(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? securityTokenExpiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        if (string.IsNullOrEmpty(accessKeySecret))
        {
            throw new ArgumentException("The AccessKey secret must not be empty.", nameof(accessKeySecret));
        }

        if (securityToken is not null && string.IsNullOrWhiteSpace(securityToken))
        {
            throw new ArgumentException("The security token must be null or not empty.", nameof(securityToken));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = securityToken;
        SecurityTokenExpiresAt = securityTokenExpiresAt;
    }

    /// <summary>
    /// The account a stand-in knows when none are configured, for the command-line program and
    /// tests that do not care: ID <c>STANDINACCESSKEYID</c>, secret <c>StandInAccessKeySecret</c>.
    /// These are not real credentials; the stand-in is the only thing that accepts them.
    /// </summary>
    public static StandInAccount Default { get; } = new("STANDINACCESSKEYID", "StandInAccessKeySecret");

    /// <summary>The AccessKey ID.</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS security token the requests must carry, or null for a permanent AccessKey.</summary>
    public string? SecurityToken { get; }

    /// <summary>When <see cref="SecurityToken"/> expires, by the stand-in's clock; null = never.</summary>
    public DateTimeOffset? SecurityTokenExpiresAt { get; }

    /// <summary>Whether requests must carry <see cref="SecurityToken"/>.</summary>
    public bool IsSts => SecurityToken is not null;

    /// <summary>A permanent AccessKey pair.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <returns>The account.</returns>
    public static StandInAccount Permanent(string accessKeyId, string accessKeySecret) => new(accessKeyId, accessKeySecret);

    /// <summary>Temporary STS credentials: every request must carry the token.</summary>
    /// <param name="accessKeyId">The temporary AccessKey ID (the service's start with <c>STS.</c>).</param>
    /// <param name="accessKeySecret">The temporary AccessKey secret.</param>
    /// <param name="securityToken">The security token.</param>
    /// <param name="expiresAt">When the token expires, by the stand-in's clock; null = never.</param>
    /// <returns>The account.</returns>
    public static StandInAccount Sts(string accessKeyId, string accessKeySecret, string securityToken, DateTimeOffset? expiresAt = null) =>
        new(accessKeyId, accessKeySecret, securityToken ?? throw new ArgumentNullException(nameof(securityToken)), expiresAt);

    /// <inheritdoc />
    public override string ToString() =>
        $"StandInAccount {{ AccessKeyId = {AccessKeyId}, Sts = {(IsSts ? "yes" : "no")} }}";
}

/// <summary>An RDS instance of the stand-in and its backup tasks.</summary>
public sealed class StandInInstance
{
    /// <summary>The instance the issue's examples and the command-line program use by default.</summary>
    public const string DefaultInstanceId = "rm-uf6wjk5xxxxxxx";

    /// <summary>A seeded instance one of whose tasks fails.</summary>
    public const string FailingInstanceId = "rm-bp1ibu842w2xxxxx";

    /// <summary>A seeded instance with no backup tasks at all (an empty <c>Items</c>).</summary>
    public const string IdleInstanceId = "rm-2ze8g2am97xxxxxx";

    /// <summary>Creates an instance whose tasks are generated from the seed.</summary>
    /// <param name="dbInstanceId">The instance ID, for example <c>rm-uf6wjk5xxxxxxx</c>.</param>
    /// <param name="taskCount">How many tasks to generate.</param>
    /// <param name="failedTaskCount">How many of them end <c>Failed</c> (chosen by the seed).</param>
    public StandInInstance(string dbInstanceId, int taskCount = 4, int failedTaskCount = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbInstanceId);
        ArgumentOutOfRangeException.ThrowIfNegative(taskCount);
        ArgumentOutOfRangeException.ThrowIfNegative(failedTaskCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failedTaskCount, taskCount);
        DBInstanceId = dbInstanceId;
        TaskCount = taskCount;
        FailedTaskCount = failedTaskCount;
    }

    /// <summary>Creates an instance with exactly the given tasks (nothing generated).</summary>
    /// <param name="dbInstanceId">The instance ID.</param>
    /// <param name="tasks">The tasks; their <see cref="StandInBackupTask.BackupJobId"/>s must be unique.</param>
    public StandInInstance(string dbInstanceId, IEnumerable<StandInBackupTask> tasks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbInstanceId);
        ArgumentNullException.ThrowIfNull(tasks);
        DBInstanceId = dbInstanceId;
        Tasks = [.. tasks];
        TaskCount = Tasks.Count;
        FailedTaskCount = 0;
        foreach (var task in Tasks)
        {
            ArgumentNullException.ThrowIfNull(task, nameof(tasks));
            if (task.FailsIn is not null)
            {
                FailedTaskCount++;
            }
        }
    }

    /// <summary>The instance ID.</summary>
    public string DBInstanceId { get; }

    /// <summary>How many tasks the instance has.</summary>
    public int TaskCount { get; }

    /// <summary>How many of them fail.</summary>
    public int FailedTaskCount { get; }

    /// <summary>The explicit tasks, or null when they are generated from the seed.</summary>
    public IReadOnlyList<StandInBackupTask>? Tasks { get; }

    /// <summary>
    /// The default instances: <see cref="DefaultInstanceId"/> with four tasks that all finish,
    /// <see cref="FailingInstanceId"/> with three tasks one of which fails, and
    /// <see cref="IdleInstanceId"/> with none.
    /// </summary>
    /// <returns>A new list, free to change.</returns>
    public static List<StandInInstance> Defaults() =>
    [
        new(DefaultInstanceId, taskCount: 4, failedTaskCount: 0),
        new(FailingInstanceId, taskCount: 3, failedTaskCount: 1),
        new(IdleInstanceId, taskCount: 0),
    ];
}

/// <summary>
/// Fault-injection switches. Each request draws its fate from the stand-in's seeded random
/// generator, in this order: delay, dropped connection, throttling, server error, truncated body.
/// A request dropped, throttled or failed is not processed at all (its nonce is not consumed).
/// </summary>
public sealed record StandInFaults
{
    /// <summary>No faults at all.</summary>
    public static StandInFaults None { get; } = new();

    /// <summary>The share of requests (0..1) answered <c>Throttling</c> (HTTP 400).</summary>
    public double ThrottlingRate { get; init; }

    /// <summary>
    /// When set, throttled answers carry <c>x-acs-retry-after</c> with this wait in whole
    /// milliseconds (the unit the official SDKs read).
    /// </summary>
    public TimeSpan? ThrottlingRetryAfter { get; init; }

    /// <summary>
    /// The share of requests (0..1) answered with a server error: <c>InternalError</c> (500) or
    /// <c>ServiceUnavailable</c> (503), see <see cref="ServiceUnavailableShare"/>.
    /// </summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Of the server errors, the share (0..1) that are <c>ServiceUnavailable</c> rather than <c>InternalError</c>.</summary>
    public double ServiceUnavailableShare { get; init; } = 0.5;

    /// <summary>A delay (real time) added before the answer of the requests that <see cref="DelayRate"/> picks.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The share of requests (0..1) that get <see cref="Delay"/>; all of them by default.</summary>
    public double DelayRate { get; init; } = 1.0;

    /// <summary>The share of requests (0..1) whose connection is aborted without any answer.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>
    /// The share of answers (0..1) cut short: the headers announce the full length, half the body
    /// is written, then the connection is closed (the client sees the body end early).
    /// </summary>
    public double TruncateBodyRate { get; init; }

    internal void Validate()
    {
        CheckRate(ThrottlingRate, nameof(ThrottlingRate));
        CheckRate(ServerErrorRate, nameof(ServerErrorRate));
        CheckRate(ServiceUnavailableShare, nameof(ServiceUnavailableShare));
        CheckRate(DelayRate, nameof(DelayRate));
        CheckRate(DropConnectionRate, nameof(DropConnectionRate));
        CheckRate(TruncateBodyRate, nameof(TruncateBodyRate));
        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), "The delay must be between zero and ten minutes.");
        }

        if (ThrottlingRetryAfter is { } retryAfter && retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ThrottlingRetryAfter), "The retry-after wait must not be negative.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(name, "A rate must be between 0 and 1.");
        }
    }
}
