using Pitchey.Database.Queries;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class CreatorDashboardQueryTests(SeededDatabase database)
{
    [Fact]
    public async Task RunAsync_ABusyCreator_MatchesTheReference()
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
}
