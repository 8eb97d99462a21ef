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

    /// <summary>
    /// Operations of your own (or replacements of the stand-in's), answered from the start; more
    /// can be added later with <see cref="RdsStandIn.MapOperation(StandInOperation)"/>.
    /// </summary>
    public IList<StandInOperation> Operations { get; } = [];
}
