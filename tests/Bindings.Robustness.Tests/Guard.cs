using System.Diagnostics;

namespace Bindings.Robustness.Tests;

/// <summary>
/// Runs one parse of hostile input the way a test of the parsers' contract needs: on its own thread
/// with a time limit, and sorted into "parsed", "refused with <see cref="ResponseParseException"/>",
/// or a failure (any other exception, or no answer in time).
/// </summary>
internal static class Guard
{
    /// <summary>Long enough for a 4 MB document on a loaded 2-core machine; a hang is far longer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The exception messages stay short: they must never carry a (large) value from the document.</summary>
    public const int MaxMessageLength = 1024;

    public static Outcome<T> Run<T>(Func<T> parse, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(parse, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (Task.WaitAny(new Task[] { task }, Timeout) < 0)
        {
            throw new Xunit.Sdk.XunitException($"{what}: no answer within {Timeout.TotalSeconds} s (a hang)");
        }

        if (task.IsFaulted)
        {
            var exception = task.Exception!.InnerException!;
            if (exception is not ResponseParseException refused)
            {
                throw new Xunit.Sdk.XunitException($"{what}: threw {exception.GetType().FullName} instead of ResponseParseException: {exception}");
            }

            if (refused.Message.Length > MaxMessageLength)
            {
                throw new Xunit.Sdk.XunitException($"{what}: the exception message is {refused.Message.Length} characters long; it must not quote the document: {refused.Message.Substring(0, 300)}...");
            }

            return new Outcome<T>(default, refused, stopwatch.Elapsed);
        }

        return new Outcome<T>(task.Result, null, stopwatch.Elapsed);
    }

    public static async Task<Outcome<T>> RunAsync<T>(Func<Task<T>> parse, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(parse);
        var finished = await Task.WhenAny(task, Task.Delay(Timeout)).ConfigureAwait(false);
        if (finished != task)
        {
            throw new Xunit.Sdk.XunitException($"{what}: no answer within {Timeout.TotalSeconds} s (a hang)");
        }

        try
        {
            return new Outcome<T>(await task.ConfigureAwait(false), null, stopwatch.Elapsed);
        }
        catch (ResponseParseException refused)
        {
            return new Outcome<T>(default, refused, stopwatch.Elapsed);
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{what}: threw {exception.GetType().FullName} instead of ResponseParseException: {exception}");
        }
    }
}

internal readonly record struct Outcome<T>(T? Value, ResponseParseException? Refusal, TimeSpan Elapsed)
{
    public bool Parsed => Refusal is null;
}
