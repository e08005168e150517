using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.DataSources;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class SessionAndDashboardQueryTests(SeededDatabase database)
{
    private static readonly IOptions<TunedQueryOptions> DefaultOptions = Options.Create(new TunedQueryOptions());

    [Fact]
    public async Task LoadAsync_LiveSession_ReturnsItsUser()
    {
        var token = database.Seed.CreatorTokens[0];
        var expected = await database.Primary.ScalarAsync<long>("SELECT user_id FROM sessions WHERE id = $1", token);
        var sessions = new SessionQuery(DefaultOptions, TimeProvider.System);

        var user = await LoadAsync(sessions, token);

        Assert.NotNull(user);
        Assert.Equal(expected, user.Id);
        Assert.Equal("creator", user.UserType);
        Assert.Equal($"user{expected}@seed.pitchey.local", user.Email);
    }

    [Fact]
    public async Task LoadAsync_ExpiredOrUnknownOrInactive_ReturnsNull()
    {
        var sessions = new SessionQuery(DefaultOptions, TimeProvider.System);
        var expired = await database.Primary.ScalarAsync<string>("SELECT id FROM sessions WHERE expires_at < now() LIMIT 1");
        var inactive = await database.Primary.ScalarAsync<string>(
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE NOT u.is_active AND s.expires_at > now() LIMIT 1");

        Assert.Null(await LoadAsync(sessions, expired));
        Assert.Null(await LoadAsync(sessions, inactive));
        Assert.Null(await LoadAsync(sessions, "no-such-token"));
    }

    [Fact]
    public async Task TryGetCached_NeverServesPastExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.FromMinutes(10) });
        var sessions = new SessionQuery(options, time);
        const string token = "short-lived-test-token";
        var expiresAt = await database.Primary.ScalarAsync<DateTime>(
            "INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, (SELECT min(id) FROM users WHERE is_active), now() + interval '5 minutes') " +
            "RETURNING expires_at", token);
        Assert.NotNull(await LoadAsync(sessions, token));

        time.SetUtcNow(new DateTimeOffset(expiresAt, TimeSpan.Zero).AddSeconds(-1));
        Assert.True(sessions.TryGetCached(token, out _));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(sessions.TryGetCached(token, out _));
        Assert.Null(await LoadAsync(sessions, token)); // the database agrees with the gateway's clock
    }

    [Fact]
    public async Task CreatorDashboard_MatchesTheReference()
    {
        var creator = await database.Primary.ScalarAsync<long>(
            "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1 OFFSET 20");

        CreatorDashboard dashboard;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            dashboard = await new CreatorDashboardQuery().RunAsync(connection, creator, CancellationToken.None);
        }

        var reference = await database.Primary.ScalarAsync<string>(
            "SELECT concat_ws(',', " +
            "(SELECT count(*) FROM pitches WHERE user_id = $1), (SELECT sum(view_count) FROM pitches WHERE user_id = $1), " +
            "(SELECT count(*) FROM follows WHERE following_id = $1), " +
            "(SELECT count(*) FROM investments WHERE pitch_id IN (SELECT id FROM pitches WHERE user_id = $1)), " +
            "(SELECT count(*) FROM investments WHERE status = 'active' AND pitch_id IN (SELECT id FROM pitches WHERE user_id = $1)), " +
            "(SELECT count(*) FROM nda_requests WHERE owner_id = $1 AND status = 'pending'), " +
            "(SELECT count(*) FROM ndas WHERE pitch_id IN (SELECT id FROM pitches WHERE user_id = $1)))", creator);
        var o = dashboard.Overview;
        Assert.Equal(reference, string.Join(',', o.TotalPitches, o.TotalViews, o.TotalFollowers, o.TotalInvestments, o.ActiveDeals, o.PendingActions, o.TotalNdas));
        Assert.True(o.TotalPitches > 5);

        var recent = await database.Primary.IdsAsync("SELECT id FROM pitches WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 5", creator);
        Assert.Equal(recent, dashboard.RecentPitches.Select(p => p.Id));
        foreach (var pitch in dashboard.RecentPitches)
        {
            Assert.Equal(await database.Primary.ScalarAsync<long>("SELECT count(*) FROM nda_requests WHERE pitch_id = $1", pitch.Id), pitch.NdaRequests);
        }
    }

    [Fact]
    public async Task PlatformStats_MatchesTheReference_AndRefreshesOncePerInterval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new TunedQueryOptions { PlatformStatsInterval = TimeSpan.FromSeconds(60) });
        await using var hosts = new DatabaseHosts(Options.Create(new DatabaseOptions { Primary = database.Primary.ConnectionString }), NullLoggerFactory.Instance);
        var snapshot = new PlatformStatsSnapshot(new PrimaryOnlyRouter(hosts), options, time, NullLogger<PlatformStatsSnapshot>.Instance);

        var stats = await snapshot.GetAsync(CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            Assert.Same(stats, await snapshot.GetAsync(CancellationToken.None));
        }

        Assert.Equal(1, snapshot.Refreshes);
        var reference = await database.Primary.ScalarAsync<string>(
            "SELECT concat_ws(',', (SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public'), " +
            "(SELECT sum(view_count) FROM pitches), (SELECT count(*) FROM investments), (SELECT count(*) FROM users WHERE is_active), " +
            "(SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public' AND created_at >= $1))",
            time.GetUtcNow().AddDays(-7).UtcDateTime);
        Assert.Equal(reference, string.Join(',', stats.TotalPitches, stats.TotalViews, stats.TotalInvestments, stats.ActiveUsers, stats.NewPitchesThisWeek));

        // Stale: the old snapshot is served at once while one background refresh runs.
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Same(stats, await snapshot.GetAsync(CancellationToken.None));
        Assert.Same(stats, await snapshot.GetAsync(CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        PlatformStats latest;
        while (ReferenceEquals(latest = await snapshot.GetAsync(CancellationToken.None), stats) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.NotSame(stats, latest);
        Assert.Equal(2, snapshot.Refreshes);
    }

    private async Task<SessionUser?> LoadAsync(SessionQuery sessions, string token)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await sessions.LoadAsync(connection, token, CancellationToken.None);
    }
}
