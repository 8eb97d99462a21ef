using System;
using System.Threading;
using System.Threading.Tasks;
using Bindings.Compat;
using Bindings.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bindings.Credentials;

/// <summary>
/// A provider of temporary credentials that fetches them, caches them and refreshes them before they
/// expire, once for all concurrent callers (the model is the AWS SDK's <c>RefreshingAWSCredentials</c>
/// and the <c>RefreshCachedSupplier</c> of Alibaba's credentials libraries).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Before the refresh time (<see cref="CredentialsProviderOptions.RefreshBefore"/> before
/// expiry, at most half the lifetime) the cached credentials are returned at once.</item>
/// <item>From then on the first caller fetches new ones and waits for them; callers that come while
/// that fetch runs get the current credentials at once.</item>
/// <item>A failed fetch with credentials still usable (until 30 seconds before they expire) is logged
/// and the current credentials are returned; the next fetch waits 5 seconds, doubling with each
/// failure up to a minute.</item>
/// <item>Without usable credentials every caller waits for the one fetch under way (starting it when
/// none is), and its failure is theirs.</item>
/// </list>
/// A fetch is not cancelled by a caller's token (others may wait for it); it has its own timeout in
/// the provider's requests.
/// </remarks>
public abstract class RefreshingCredentialsProvider : IAlibabaCloudCredentialsProvider
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private Cached? _current;
    private Task<Cached>? _fetching;
    private DateTimeOffset _nextFetch;
    private int _failures;

    /// <summary>Sets the clock, the refresh window and the logger from the options.</summary>
    /// <param name="options">The provider's options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    protected RefreshingCredentialsProvider(CredentialsProviderOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        _time = options.TimeProvider;
        _refreshBefore = options.RefreshBefore;
        Logger = options.LoggerFactory?.CreateLogger(CredentialsLog.Category) ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Where the provider logs.</summary>
    protected ILogger Logger { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider TimeProvider => _time;

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        TaskCompletionSource<Cached>? started = null;
        Task<Cached> fetching;
        Cached? usable;
        lock (_gate)
        {
            var current = _current;
            usable = current is not null && now < current.UsableUntil ? current : null;
            if (usable is not null && (now < usable.RefreshAt || _fetching is not null || now < _nextFetch))
            {
                // Fresh; or another caller is fetching; or the last fetch failed a moment ago.
                return new ValueTask<AlibabaCloudCredentials>(usable.Credentials);
            }

            if (_fetching is null)
            {
                started = new TaskCompletionSource<Cached>(TaskCreationOptions.RunContinuationsAsynchronously);
                _fetching = started.Task;
            }

            fetching = _fetching;
        }

        if (started is not null)
        {
            _ = FetchAndStoreAsync(started, usable);
        }

        return WaitAsync(fetching, usable, cancellationToken);
    }

    /// <summary>Fetches new credentials from the source, with their <see cref="AlibabaCloudCredentials.Expiration"/> (null: they never expire).</summary>
    /// <param name="cancellationToken">Cancels the fetch (the provider's own timeout).</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="AlibabaCloudCredentialsException">The source failed or is not available.</exception>
    protected abstract Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken);

    private static async ValueTask<AlibabaCloudCredentials> WaitAsync(Task<Cached> fetching, Cached? usable, CancellationToken cancellationToken)
    {
        try
        {
            return (await Waiting.WaitAsync(fetching, cancellationToken).ConfigureAwait(false)).Credentials;
        }
        catch (AlibabaCloudCredentialsException) when (usable is not null)
        {
            // Logged by the fetch; the current credentials still work.
            return usable.Credentials;
        }
    }

    private async Task FetchAndStoreAsync(TaskCompletionSource<Cached> completion, Cached? previous)
    {
        Cached fetched;
        try
        {
            var credentials = await FetchAsync(CancellationToken.None).ConfigureAwait(false);
            if (credentials is null)
            {
                throw new AlibabaCloudCredentialsException(Name + " returned no credentials.");
            }

            fetched = Schedule(credentials.ProviderName is null ? credentials.WithProviderName(Name) : credentials, _time.GetUtcNow());
        }
        catch (Exception exception)
        {
            var failure = exception as AlibabaCloudCredentialsException
                ?? new AlibabaCloudCredentialsException(Name + ": fetching credentials failed (" + exception.GetType().Name + ").", exception);
            lock (_gate)
            {
                _failures++;
                _nextFetch = _time.GetUtcNow() + RetryDelay(_failures);
                _fetching = null;
            }

            if (previous is not null)
            {
                CredentialsLog.RefreshFailed(Logger, Name, previous.Credentials.Expiration, failure);
            }

            completion.SetException(failure);
            // Every waiter may have given up: the failure is observed here, not left to the finalizer.
            _ = completion.Task.Exception;
            return;
        }

        lock (_gate)
        {
            _current = fetched;
            _failures = 0;
            _nextFetch = default;
            _fetching = null;
        }

        CredentialsLog.Refreshed(Logger, Name, fetched.Credentials.Expiration);
        completion.SetResult(fetched);
    }

    private Cached Schedule(AlibabaCloudCredentials credentials, DateTimeOffset now)
    {
        if (credentials.Expiration is not { } expiration)
        {
            return new Cached(credentials, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        }

        var lifetime = expiration - now;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new AlibabaCloudCredentialsException(
                Name + " returned credentials that expired at " + AlibabaTimestamp.ToWireFormat(expiration) + ", before now ("
                + AlibabaTimestamp.ToWireFormat(now) + "): check the clock of this machine.");
        }

        var half = TimeSpan.FromTicks(lifetime.Ticks / 2);
        var refreshAt = expiration - (_refreshBefore < half ? _refreshBefore : half);
        var margin = TimeSpan.FromTicks(Math.Min(ExpiryMargin.Ticks, lifetime.Ticks / 4));
        return new Cached(credentials, refreshAt, expiration - margin);
    }

    private static TimeSpan RetryDelay(int failures)
    {
        var delay = TimeSpan.FromTicks(FirstRetryDelay.Ticks << Math.Min(failures - 1, 10));
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    private sealed class Cached
    {
        public Cached(AlibabaCloudCredentials credentials, DateTimeOffset refreshAt, DateTimeOffset usableUntil)
        {
            Credentials = credentials;
            RefreshAt = refreshAt;
            UsableUntil = usableUntil;
        }

        public AlibabaCloudCredentials Credentials { get; }

        public DateTimeOffset RefreshAt { get; }

        public DateTimeOffset UsableUntil { get; }
    }
}
