using Pitchey.Database.Queries;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Tests.Harness.Scenarios;

/// <summary>
/// The gateway's statements as pg_stat_statements keeps them (the first 400 characters) sort into the
/// endpoints they serve. Where the gateway's SQL is public it is used as it is; the rest are pinned
/// copies, so that a change to either side fails here.
/// </summary>
public sealed class StatementLabelsTests
{
    [Theory]
    [InlineData("WITH ranked AS (SELECT c.id, ts_rank_cd(c.search_vector, websearch_to_tsquery('english', $1)) AS rank, ", "search")]
    [InlineData("SELECT p.id, p.search_vector FROM pitches p WHERE p.search_vector @@ websearch_to_tsquery('english', $1)", "search")]
    [InlineData("SELECT u.id, u.email, u.username, u.user_type, u.first_name, u.last_name, u.bio, u.company_name, u.profile_image_url, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id", "session")]
    [InlineData("SELECT p.id, p.title, p.logline, p.genre, p.format, p.production_stage, p.view_count, p.like_count, p.estimated_budget, p.created_at, p.require_nda, u.id, u.username, u.user_type, u.company_name FROM (SELECT p.id, p.created_at FROM pitches p WHERE p.status = 'published' AND p.visibility = 'public' AND (p.title ILIKE $1 OR p.logline ILIKE $1", "search")]
    [InlineData("WITH w AS (SELECT p.id, p.created_at, (p.title ILIKE $1 OR p.logline ILIKE $1 OR p.description ILIKE $1) AS matched FROM pitches p", "search")]
    [InlineData("EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches p WHERE p.status = 'published' AND p.visibility = 'public' AND (p.title ILIKE $1", "search")]
    [InlineData("SELECT p.id, p.title, p.logline, p.genre, p.format, p.production_stage, p.view_count, p.like_count, p.estimated_budget, p.created_at, p.require_nda, u.id, u.username, u.user_type, u.company_name FROM (SELECT p.id FROM pitches p WHERE p.status = 'published' AND p.visibility = 'public' AND p.genre = $1", "browse")]
    [InlineData("SELECT count(*) FROM (SELECT 1 FROM pitches p WHERE p.status = $1", "browse")]
    [InlineData("EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches p WHERE p.status = $1", "browse")]
    [InlineData("/* pitchey:route=browse */ SET plan_cache_mode = force_generic_plan", null)]
    [InlineData("/* pitchey:route=browse */ RESET plan_cache_mode", null)]
    [InlineData("SELECT 1", null)]
    [InlineData("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()", null)]
    public void GroupOf_StatementText_ItsEndpoint(string query, string? group) => Assert.Equal(group, StatementLabels.GroupOf(Head(query)));

    [Fact]
    public void GroupOf_TheGatewaysOwnDashboardAndStatsSql_TheirEndpoints()
    {
        Assert.Equal(TunedReads.CreatorDashboard, StatementLabels.GroupOf(Head(CreatorDashboardQuery.OverviewSql)));
        Assert.Equal(TunedReads.CreatorDashboard, StatementLabels.GroupOf(Head(CreatorDashboardQuery.RecentSql)));
        Assert.Equal(TunedReads.Stats, StatementLabels.GroupOf(Head(PlatformStatsSnapshot.Sql)));
    }

    [Fact]
    public void Groups_EveryMixLabel_InExactlyOneGroup()
    {
        var labels = StatementLabels.Groups.SelectMany(group => group.Labels).ToList();

        Assert.Equal(TunedReads.Shares.Select(share => share.Label).Order(), labels.Order());
    }

    // What the sampler keeps of a statement.
    private static string Head(string query) => query.Length > StatementReport.QueryLength ? query[..StatementReport.QueryLength] : query;
}
