using Bindings.StandIn.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace Bindings.Credentials.Tests;

/// <summary>
/// Temporary credentials are refreshed before they expire, once for all concurrent callers, and a
/// failed refresh keeps the current credentials until they expire. The clock is a fake one; the
/// credentials come from the credentials URI stand-in over real HTTP, on the same clock.
/// </summary>
public sealed class RefreshTests : IAsyncLifetime, IDisposable
{
    private readonly TestEnvironment _env = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory _logs = new();
    private CredentialsUriStandIn _uri = null!;

    public async Task InitializeAsync() =>
        _uri = await CredentialsUriStandIn.StartAsync(new CredentialsUriStandInOptions { TimeProvider = _time, CredentialLifetime = TimeSpan.FromHours(1) });

    public Task DisposeAsync() => _uri.DisposeAsync().AsTask();

    public void Dispose() => _env.Dispose();

    private UriCredentialsProvider Provider() =>
        new(_env.Options(new UriCredentialsProviderOptions { Uri = _uri.CredentialsUri }, _logs, _time));

    [Fact]
    public async Task CredentialsAreKeptUntilFifteenMinutesBeforeTheyExpireThenRefreshed()
    {
        var provider = Provider();
        var first = await provider.GetCredentialsAsync();

        _time.Advance(TimeSpan.FromMinutes(44));
        Assert.Same(first, await provider.GetCredentialsAsync());
        Assert.Equal(1, _uri.Requests);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await provider.GetCredentialsAsync();

        Assert.Equal(2, _uri.Requests);
        Assert.NotEqual(first.AccessKeyId, second.AccessKeyId);
        Assert.Equal(_uri.Issued[1].Account.AccessKeyId, second.AccessKeyId);
    }

    [Fact]
    public async Task ShortLivedCredentialsAreRefreshedAtHalfTheirLife()
    {
        await using var shortLived = await CredentialsUriStandIn.StartAsync(new CredentialsUriStandInOptions { TimeProvider = _time, CredentialLifetime = TimeSpan.FromMinutes(10) });
        var provider = new UriCredentialsProvider(_env.Options(new UriCredentialsProviderOptions { Uri = shortLived.CredentialsUri }, time: _time));
        await provider.GetCredentialsAsync();

        _time.Advance(TimeSpan.FromMinutes(4));
        await provider.GetCredentialsAsync();
        Assert.Equal(1, shortLived.Requests);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await provider.GetCredentialsAsync();
        Assert.Equal(2, shortLived.Requests);
    }

    [Fact]
    public async Task ConcurrentCallersWithExpiredCredentialsShareOneRefresh()
    {
        var provider = Provider();
        await provider.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromHours(2));
        // A slow answer keeps the refresh under way while all the callers arrive.
        _uri.Faults = new CredentialsStandInFaults { Delay = TimeSpan.FromMilliseconds(500), Count = 1 };

        var calls = Enumerable.Range(0, 20).Select(_ => provider.GetCredentialsAsync().AsTask()).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(2, _uri.Requests);
        Assert.All(results, r => Assert.Equal(_uri.Issued[1].Account.AccessKeyId, r.AccessKeyId));
    }

    [Fact]
    public async Task WhileOneCallerRefreshesTheOthersKeepTheCurrentCredentialsWithoutWaiting()
    {
        var provider = Provider();
        var first = await provider.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromMinutes(50));
        _uri.Faults = new CredentialsStandInFaults { Delay = TimeSpan.FromSeconds(2), Count = 1 };

        var refreshing = provider.GetCredentialsAsync().AsTask();
        var meanwhile = provider.GetCredentialsAsync();

        // Answered from the cache, synchronously: no wait for the refresh under way.
        Assert.True(meanwhile.IsCompletedSuccessfully);
        Assert.Same(first, await meanwhile);
        var refreshed = await refreshing;
        Assert.NotEqual(first.AccessKeyId, refreshed.AccessKeyId);
        Assert.Same(refreshed, await provider.GetCredentialsAsync());
    }

    [Fact]
    public async Task AFailedRefreshKeepsTheCurrentCredentialsUntilTheyExpireAndTriesAgainLater()
    {
        var provider = Provider();
        var first = await provider.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromMinutes(50));
        _uri.Faults = new CredentialsStandInFaults { StatusCode = 500 };

        Assert.Same(first, await provider.GetCredentialsAsync());
        Assert.Equal(2, _uri.Requests);
        var warning = Assert.Single(_logs.Entries, e => e.EventName == "CredentialsRefreshFailed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("HTTP 500", warning.Text);
        Assert.Contains("2026-03-01T09:00:00Z", warning.Text);

        // A moment later: no new attempt yet, the current credentials still serve.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(first, await provider.GetCredentialsAsync());
        Assert.Equal(2, _uri.Requests);

        // After the backoff, one more attempt.
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Same(first, await provider.GetCredentialsAsync());
        Assert.Equal(3, _uri.Requests);

        // Past their expiry the failure is the caller's.
        _time.Advance(TimeSpan.FromMinutes(10));
        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());
        Assert.Contains("HTTP 500", error.Message);

        // And the service back: new credentials at the next call.
        _uri.Faults = CredentialsStandInFaults.None;
        var recovered = await provider.GetCredentialsAsync();
        Assert.NotEqual(first.AccessKeyId, recovered.AccessKeyId);
        Secrets.AssertAbsent(_logs, Secrets.Of(_uri.Issued));
    }

    [Fact]
    public async Task CredentialsThatExpiredBeforeTheyCameAreRefusedWithAWordAboutTheClock()
    {
        await using var stale = await CredentialsUriStandIn.StartAsync(new CredentialsUriStandInOptions { TimeProvider = _time, CredentialLifetime = TimeSpan.FromMinutes(-5) });
        var provider = new UriCredentialsProvider(_env.Options(new UriCredentialsProviderOptions { Uri = stale.CredentialsUri }, time: _time));

        var error = await Assert.ThrowsAsync<AlibabaCloudCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("check the clock", error.Message);
    }

    [Fact]
    public async Task ACallersCancellationStopsItsWaitNotTheRefresh()
    {
        var provider = Provider();
        _uri.Faults = new CredentialsStandInFaults { Delay = TimeSpan.FromSeconds(1), Count = 1 };
        using var cancel = new CancellationTokenSource();

        var waiting = provider.GetCredentialsAsync(cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        // The fetch went on; its result serves the next caller.
        var credentials = await provider.GetCredentialsAsync();
        Assert.Equal(1, _uri.Requests);
        Assert.Equal(_uri.Issued[0].Account.AccessKeyId, credentials.AccessKeyId);
    }
}
