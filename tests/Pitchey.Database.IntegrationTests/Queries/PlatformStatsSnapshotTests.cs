using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.DataSources;
using Pitchey.Database.Queries;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class PlatformStatsSnapshotTests(SeededDatabase database)
{
    [Fact]
    public async Task GetAsync_MatchesTheReference_AndRefreshesOncePerInterval()
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
}
