using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bindings.Testing;

/// <summary>
/// Keeps every log entry at every level, from every category: the formatted message, the exception,
/// the structured values and the scopes. Set as the client's and the stand-in's LoggerFactory.
/// </summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public int Count(string category, string eventName) =>
        _entries.Count(entry => entry.Category == category && entry.EventName == eventName);

    internal sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Text);

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        private readonly AsyncLocal<List<object>> _scopes = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scopes = _scopes.Value ??= [];
            scopes.Add(state);
            return new Scope(() => scopes.Remove(state));
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    text.Append(' ').Append(name).Append('=').Append(value);
                }
            }

            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }

            if (_scopes.Value is { Count: > 0 } scopes)
            {
                text.Append(" scopes: ").AppendJoin("; ", scopes);
            }

            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId.Name, text.ToString()));
        }

        private sealed class Scope(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }
}
