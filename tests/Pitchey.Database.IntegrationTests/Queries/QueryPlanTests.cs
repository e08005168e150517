using System.Text.Json;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>
/// Each tuned statement, exactly as it runs, under <c>EXPLAIN (FORMAT JSON)</c> on 100,000 pitches:
/// no sequential scan of pitches or sessions, and the index config/sql/indexes.sql meant for it.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class QueryPlanTests(SeededDatabase database)
{
    private static readonly BrowseFilter NoFilter = new(null, null, null, null, null);

    public static TheoryData<BrowseSort, bool, string> BrowseCases() => new()
    {
        { BrowseSort.Date, true, "pitches_browse_date_idx" },
        { BrowseSort.Date, false, "pitches_browse_date_idx" },
        { BrowseSort.Views, true, "pitches_browse_views_idx" },
        { BrowseSort.Views, false, "pitches_browse_views_idx" },
        { BrowseSort.Likes, true, "pitches_browse_likes_idx" },
        { BrowseSort.Likes, false, "pitches_browse_likes_idx" },
        { BrowseSort.Budget, true, "pitches_browse_budget_idx" },
        { BrowseSort.Budget, false, "pitches_browse_budget_idx" },
    };

    [Theory]
    [MemberData(nameof(BrowseCases))]
    public async Task Browse_OffsetPage_WalksTheSortIndex(BrowseSort sort, bool descending, string index)
    {
        var sql = BrowseSql.BuildPage(BrowseSql.FilterShape(NoFilter), sort, descending);

        var nodes = await PlanNodesAsync(sql, 25, 1000);

        AssertIndexDriven(nodes, index);
    }

    [Theory]
    [MemberData(nameof(BrowseCases))]
    public async Task Browse_CursorPage_WalksTheSortIndexFromTheKey(BrowseSort sort, bool descending, string index)
    {
        var filter = NoFilter with { Genre = "Drama" };
        var sql = BrowseSql.BuildPage(BrowseSql.FilterShape(filter) | BrowseSql.CursorShape, sort, descending);
        object key = sort switch
        {
            BrowseSort.Date => DateTime.UtcNow.AddYears(-1),
            BrowseSort.Budget => 250_000m,
            _ => 10,
        };

        var nodes = await PlanNodesAsync(sql, "Drama", key, 50_000L, 25);

        AssertIndexDriven(nodes, index);
        Assert.Contains(nodes, n => n.TryGetProperty("Index Cond", out _));
    }

    [Fact]
    public async Task Browse_FrontendCall_WalksTheDateIndex()
    {
        var sql = BrowseSql.BuildPage(BrowseSql.FilterShape(NoFilter with { Genre = "Drama" }), BrowseSort.Date, true);

        AssertIndexDriven(await PlanNodesAsync(sql, "Drama", 25, 48), "pitches_browse_date_idx");
    }

    [Fact]
    public async Task Browse_ExactCountOfASmallSet_IsAnIndexOnlyScan()
    {
        var nodes = await PlanNodesAsync(
            "SELECT count(*) FROM (SELECT 1 FROM pitches p WHERE p.status = 'published' AND p.visibility = 'public' " +
            "AND p.genre = $1 AND p.format = $2 LIMIT $3) AS bounded", "Mystery", "Short Film", 10_001);

        AssertIndexDriven(nodes, "pitches_browse_date_idx");
        Assert.Contains(nodes, n => n.GetProperty("Node Type").GetString() == "Index Only Scan");
    }

    [Fact]
    public async Task FullTextSearch_SelectiveTerm_UsesTheGinIndex()
    {
        var word = new SeedText().WordAt(2_500);

        var nodes = await PlanNodesAsync(FullTextSearchQuery.BuildSql(0), word, 2_000, 20, 0);

        AssertIndexDriven(nodes, "pitches_search_vector_idx");
    }

    [Fact]
    public async Task SubstringSearch_RareTerm_ReadsTheTrigramIndexes()
    {
        // A word in a few hundred pitches: the planner ORs the three trigram bitmaps and sorts the few
        // matches, for the page and for the candidates statement (its count and page in one read).
        var pattern = LikePattern.Containing(await FewMatchesWordAsync());
        var sql = SubstringSearchSql.BuildPage(SubstringSearchSql.WithText);

        var nodes = await PlanNodesAsync(sql, pattern, 21, 0);
        var count = await PlanNodesAsync(SubstringSearchSql.BuildCandidates(SubstringSearchSql.WithText), pattern, 1_001, 20, 0);

        foreach (var plan in new[] { nodes, count })
        {
            AssertIndexDriven(plan, "pitches_search_title_trgm_idx");
            Assert.Contains(plan, n => IndexName(n) == "pitches_search_logline_trgm_idx");
            Assert.Contains(plan, n => IndexName(n) == "pitches_search_description_trgm_idx");
        }
    }

    /// <summary>A word the planner expects in at most a few hundred pitches (the estimate, not the count, picks the plan).</summary>
    private async Task<string> FewMatchesWordAsync()
    {
        var text = new SeedText();
        foreach (var rank in new[] { 3_000, 4_000, 5_000, 6_000, 8_000, 10_000 })
        {
            if (await SearchReference.EstimatedMatchesAsync(database.Primary, text.WordAt(rank)) <= 300)
            {
                return text.WordAt(rank);
            }
        }

        throw new InvalidOperationException("no word the planner expects in few pitches");
    }

    [Fact]
    public async Task SubstringSearch_VeryCommonTerm_WalksTheDateIndex()
    {
        // The same statement with a word in nearly every pitch: a page of matches comes after a few
        // dozen entries of the date index, so the planner walks it and never reads the trigram
        // indexes (nor the whole table). That the plan depends on the term is why search is unprepared.
        var pattern = LikePattern.Containing(new SeedText().WordAt(0));
        var sql = SubstringSearchSql.BuildPage(SubstringSearchSql.WithText | SubstringSearchSql.FilterGenre);

        var nodes = await PlanNodesAsync(sql, pattern, "Drama", 21, 40);

        AssertIndexDriven(nodes, "pitches_browse_date_idx");
        Assert.DoesNotContain(nodes, n => IndexName(n)?.Contains("trgm", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SubstringSearch_ShortTerm_WalksTheDateIndexOverTheWindowOnly()
    {
        var nodes = await PlanNodesAsync(SubstringSearchSql.BuildWindow(SubstringSearchSql.WithText), LikePattern.Containing("zq"), 10_000, 20, 0);

        AssertIndexDriven(nodes, "pitches_browse_date_idx");
        Assert.Contains(nodes, n => n.GetProperty("Node Type").GetString() == "Limit" && n.GetProperty("Plan Rows").GetDouble() <= 10_000);
    }

    [Fact]
    public async Task Session_UsesThePrimaryKeys()
    {
        var nodes = await PlanNodesAsync(SessionQuery.Sql, database.Seed.CreatorTokens[0], DateTime.UtcNow);

        AssertIndexDriven(nodes, "sessions_pkey");
        Assert.Contains(nodes, n => IndexName(n) == "users_pkey");
    }

    [Fact]
    public async Task CreatorDashboard_UsesThePerCreatorIndexes()
    {
        var creator = await database.Primary.ScalarAsync<long>(
            "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1 OFFSET 100");

        var overview = await PlanNodesAsync(CreatorDashboardQuery.OverviewSql, creator);
        var recent = await PlanNodesAsync(CreatorDashboardQuery.RecentSql, creator);

        AssertIndexDriven(overview, "pitches_user_created_idx");
        Assert.Contains(overview, n => IndexName(n) == "follows_following_idx");
        Assert.Contains(overview, n => IndexName(n) == "nda_requests_owner_pitch_idx");
        AssertIndexDriven(recent, "pitches_user_created_idx");
    }

    /// <summary>Every plan node of <c>EXPLAIN (FORMAT JSON)</c> for a statement with positional parameters.</summary>
    private async Task<List<JsonElement>> PlanNodesAsync(string sql, params object?[] values)
    {
        var json = await database.Primary.ScalarAsync<string>("EXPLAIN (FORMAT JSON) " + sql, values);
        var nodes = new List<JsonElement>();
        void Walk(JsonElement node)
        {
            nodes.Add(node);
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        Walk(JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone());
        return nodes;
    }

    private static void AssertIndexDriven(List<JsonElement> nodes, string index)
    {
        var seqScans = nodes
            .Where(n => n.GetProperty("Node Type").GetString() == "Seq Scan")
            .Select(n => n.GetProperty("Relation Name").GetString())
            .Where(relation => relation is "pitches" or "sessions")
            .ToList();
        Assert.True(seqScans.Count == 0, $"sequential scan of {string.Join(", ", seqScans)}");
        Assert.Contains(nodes, n => IndexName(n) == index);
    }

    private static string? IndexName(JsonElement node) =>
        node.TryGetProperty("Index Name", out var name) ? name.GetString() : null;
}
