using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bindings.StandIn.Hosting;

/// <summary>
/// The stand-in as a program of its own: prints where it listens and which AccessKey it accepts,
/// logs one line per request, and runs until Ctrl+C (or SIGTERM).
/// </summary>
internal static class StandInProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and SIGTERM stop the stand-in cleanly instead of ending the process at once.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Runs until <paramref name="stop"/> is cancelled; exit code 0, 64 for a bad command line, 1 when it cannot listen.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken stop)
    {
        var line = StandInCommandLine.Parse(args, out var error);
        if (line is null)
        {
            await errors.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            await errors.WriteLineAsync(StandInCommandLine.Usage).ConfigureAwait(false);
            return 64;
        }

        if (line.Help)
        {
            await output.WriteLineAsync(StandInCommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        using var logs = line.Quiet ? null : new LineLoggerProvider(output);
        RdsStandIn standIn;
        try
        {
            standIn = await RdsStandIn.StartAsync(new StandInOptions
            {
                Port = line.Port,
                Seed = line.Seed,
                Profile = line.Profile,
                Faults = line.Faults,
                Accounts = [line.Account],
                Logger = logs?.CreateLogger("Bindings.StandIn"),
            }, stop).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await errors.WriteLineAsync($"error: cannot listen on port {line.Port}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        await using (standIn.ConfigureAwait(false))
        {
            var endpoint = standIn.BaseAddress.ToString();
            var instances = standIn.InstanceIds.ToList();
            await output.WriteLineAsync($"""
                RDS stand-in listening on {endpoint}
                  Endpoint           {endpoint}
                  AccessKey ID       {line.Account.AccessKeyId}
                  AccessKey secret   {line.Account.AccessKeySecret}
                  Region             {StandInInstance.DefaultRegionId}
                  Instances          {string.Join(", ", instances)}
                  Backups            {(line.Profile == StandInProfile.Fast ? "fast (about ten seconds each)" : "realistic (minutes each)")}, seed {line.Seed}
                  Faults             {line.DescribeFaults()}
                  Operations         {standIn.Operations.Count} (API 2014-08-15): {string.Join(", ", standIn.Operations.Select(static o => o.Action).Order(StringComparer.Ordinal))}
                Point any client at the endpoint with that AccessKey (signature V1 or V3, JSON or XML). Ctrl+C stops.
                """).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop listening and exit 0.
            }

            await output.WriteLineAsync($"Stopped after {standIn.Counters}.").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>One plain line per log entry (the stand-in's entries never carry a secret, a token or a signature).</summary>
    private sealed class LineLoggerProvider(TextWriter output) : ILoggerProvider
    {
        private readonly object _gate = new();

        public ILogger CreateLogger(string categoryName) => new LineLogger(this);

        public void Dispose()
        {
        }

        private void Write(string line)
        {
            lock (_gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        private sealed class LineLogger(LineLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The banner says where it listens; the log keeps to one line per request.
                if (IsEnabled(logLevel) && eventId.Name != "Started")
                {
                    provider.Write($"{DateTimeOffset.UtcNow:HH:mm:ss} {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name)}");
                }
            }
        }
    }
}
