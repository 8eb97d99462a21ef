using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Bindings.StandIn.Hosting;

/// <summary>The stand-in's command line: what <c>dotnet run --project samples/Bindings.StandIn -- ...</c> takes.</summary>
internal sealed class StandInCommandLine
{
    public const string Usage = """
        Runs the local stand-in of ApsaraDB RDS (API 2014-08-15) until Ctrl+C; any client can use it
        with the endpoint and the AccessKey it prints.

        Options:
          --port N               port on 127.0.0.1 (default: a free one, printed)
          --seed N               seed of generated tasks and fault decisions (default 20140815)
          --profile fast|realistic
                                 how fast backups run (default fast: a backup takes about ten seconds)
          --faults PROFILE       none (default), flaky (30% Throttling, 10% 5xx),
                                 unreliable (flaky + 5% dropped connections, 5% truncated bodies),
                                 slow (every answer held 2 s)
          --throttling RATE      share of requests answered Throttling, 0..1 (overrides the profile)
          --server-errors RATE   share answered InternalError/ServiceUnavailable, 0..1
          --drop RATE            share of connections dropped without an answer, 0..1
          --truncate RATE        share of answers cut off halfway, 0..1
          --delay MS             hold every answer this many milliseconds
          --fault-actions A,B    apply the faults to these actions only (default: every action)
          --access-key-id ID     the AccessKey ID to accept (default STANDINACCESSKEYID)
          --access-key-secret S  its secret (default StandInAccessKeySecret)
          --quiet                no line per request
          --help                 this text
        """;

    private static readonly Dictionary<string, StandInFaults> Profiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = StandInFaults.None,
        ["flaky"] = new StandInFaults { ThrottlingRate = 0.3, ServerErrorRate = 0.1, ThrottlingRetryAfter = TimeSpan.FromMilliseconds(500) },
        ["unreliable"] = new StandInFaults
        {
            ThrottlingRate = 0.3, ServerErrorRate = 0.1, DropConnectionRate = 0.05, TruncateBodyRate = 0.05,
            ThrottlingRetryAfter = TimeSpan.FromMilliseconds(500),
        },
        ["slow"] = new StandInFaults { Delay = TimeSpan.FromSeconds(2) },
    };

    public int Port { get; private set; }

    public int Seed { get; private set; } = new StandInOptions().Seed;

    public StandInProfile Profile { get; private set; } = StandInProfile.Fast;

    public string FaultProfile { get; private set; } = "none";

    public StandInFaults Faults { get; private set; } = StandInFaults.None;

    public StandInAccount Account { get; private set; } = StandInAccount.Default;

    public bool Quiet { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Reads the arguments; on a mistake, <paramref name="error"/> says which and the result is null.</summary>
    public static StandInCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        var line = new StandInCommandLine();
        var faults = StandInFaults.None;
        string? keyId = null, secret = null;
        error = null;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
                switch (name)
                {
                    case "--port":
                        line.Port = Int(name, Value(), 0, 65535);
                        break;
                    case "--seed":
                        line.Seed = Int(name, Value(), int.MinValue, int.MaxValue);
                        break;
                    case "--profile":
                        line.Profile = Value().ToLowerInvariant() switch
                        {
                            "fast" => StandInProfile.Fast,
                            "realistic" => StandInProfile.Realistic,
                            var other => throw new FormatException($"--profile must be fast or realistic, not '{other}'."),
                        };
                        break;
                    case "--faults":
                        var profile = Value();
                        faults = Profiles.TryGetValue(profile, out var named)
                            ? named
                            : throw new FormatException($"--faults must be one of {string.Join(", ", Profiles.Keys)}, not '{profile}'.");
                        line.FaultProfile = profile.ToLowerInvariant();
                        break;
                    case "--throttling":
                        faults = faults with { ThrottlingRate = Rate(name, Value()) };
                        line.FaultProfile = "custom";
                        break;
                    case "--server-errors":
                        faults = faults with { ServerErrorRate = Rate(name, Value()) };
                        line.FaultProfile = "custom";
                        break;
                    case "--drop":
                        faults = faults with { DropConnectionRate = Rate(name, Value()) };
                        line.FaultProfile = "custom";
                        break;
                    case "--truncate":
                        faults = faults with { TruncateBodyRate = Rate(name, Value()) };
                        line.FaultProfile = "custom";
                        break;
                    case "--delay":
                        faults = faults with { Delay = TimeSpan.FromMilliseconds(Int(name, Value(), 0, 600_000)) };
                        line.FaultProfile = "custom";
                        break;
                    case "--fault-actions":
                        faults = faults with
                        {
                            Actions = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
                        };
                        break;
                    case "--access-key-id":
                        keyId = Value();
                        break;
                    case "--access-key-secret":
                        secret = Value();
                        break;
                    case "--quiet":
                        line.Quiet = true;
                        break;
                    case "--help" or "-h" or "-?":
                        line.Help = true;
                        break;
                    default:
                        throw new FormatException($"Unknown option '{name}'.");
                }
            }

            if ((keyId is null) != (secret is null))
            {
                throw new FormatException("--access-key-id and --access-key-secret go together.");
            }

            if (keyId is not null)
            {
                line.Account = StandInAccount.Permanent(keyId, secret!);
            }

            faults.Validate();
            line.Faults = faults;
            return line;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
    }

    public string DescribeFaults()
    {
        if (Faults == StandInFaults.None)
        {
            return "none";
        }

        var parts = new List<string>();
        void Add(string what, double rate)
        {
            if (rate > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.#}% {what}"));
            }
        }

        Add("throttled", Faults.ThrottlingRate);
        Add("server errors", Faults.ServerErrorRate);
        Add("dropped", Faults.DropConnectionRate);
        Add("truncated", Faults.TruncateBodyRate);
        if (Faults.Delay > TimeSpan.Zero)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"held {Faults.Delay.TotalMilliseconds:0} ms"));
        }

        var scope = Faults.Actions is { } actions ? " (" + string.Join(", ", actions.Order(StringComparer.Ordinal)) + " only)" : "";
        return FaultProfile + ": " + string.Join(", ", parts) + scope;
    }

    private static int Int(string name, string text, int minimum, int maximum) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new FormatException($"{name} must be a whole number from {minimum} to {maximum}, not '{text}'.");

    private static double Rate(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"{name} must be a number from 0 to 1, not '{text}'.");
}
