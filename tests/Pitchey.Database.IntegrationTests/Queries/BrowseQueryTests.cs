using Npgsql;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class BrowseQueryTests(SeededDatabase database)
{
    private static readonly IOptions<TunedQueryOptions> DefaultOptions = Options.Create(new TunedQueryOptions());

    private const int Limit = 24;

    public static TheoryData<BrowseSort, bool, string?, string?, string?, double?, double?> Cases() => new()
    {
        { BrowseSort.Date, true, null, null, null, null, null },
        { BrowseSort.Date, false, "Drama", null, null, null, null },
        { BrowseSort.Views, true, "Mystery", "Short Film", null, null, null },
        { BrowseSort.Views, false, null, null, "development", 100_000, 2_000_000 },
        { BrowseSort.Likes, true, "Comedy", null, null, null, null },
        { BrowseSort.Likes, false, null, "TV Series", null, null, null },
        { BrowseSort.Budget, true, null, null, null, 50_000, null },
        { BrowseSort.Budget, false, "Horror", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_OffsetAndCursorPages_MatchTheReferenceQuery(
        BrowseSort sort, bool descending, string? genre, string? format, string? stage, double? budgetMin, double? budgetMax)
    {
        var filter = new BrowseFilter(genre, format, stage, (decimal?)budgetMin, (decimal?)budgetMax);
        var query = new BrowseQuery(DefaultOptions, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var reference = await ReferenceAsync(filter, sort, descending);

        var first = await RunAsync(query, new BrowseRequest(filter, sort, descending, Limit, 0, null));
        var third = await RunAsync(query, new BrowseRequest(filter, sort, descending, Limit, 48, null));
        Assert.Equal(reference.Take(Limit), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(48).Take(Limit), third.Items.Select(i => i.Id));

        // Keyset paging walks the same order as offset paging.
        var walked = new List<long>(first.Items.Select(i => i.Id));
        var page = first;
        for (var i = 0; i < 3 && page.Next is { } next; i++)
        {
            page = await RunAsync(query, new BrowseRequest(filter, sort, descending, Limit, 0, next));
            Assert.Equal(walked.Count, page.RowsBefore);
            walked.AddRange(page.Items.Select(item => item.Id));
        }

        Assert.Equal(reference.Take(walked.Count), walked);
        Assert.Equal(Math.Min(reference.Count, 4 * Limit), walked.Count);

        Assert.Equal(reference.Count > Limit, first.HasMore);
        if (reference.Count <= DefaultOptions.Value.ExactCountLimit)
        {
            Assert.False(first.TotalIsEstimate);
            Assert.Equal(reference.Count, first.Total);
        }
        else
        {
            Assert.True(first.TotalIsEstimate);
            Assert.InRange(first.Total, DefaultOptions.Value.ExactCountLimit, reference.Count * 3);
        }
    }

    [Fact]
    public async Task RunAsync_RepeatedFilter_CountsOnceWhileCached()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var query = new BrowseQuery(DefaultOptions, time);
        var request = new BrowseRequest(new BrowseFilter("Drama", null, null, null, null), BrowseSort.Date, true, Limit, 0, null);

        for (var i = 0; i < 5; i++)
        {
            await RunAsync(query, request with { Offset = i * Limit });
        }

        Assert.Equal(1, query.CountQueries);
        time.Advance(DefaultOptions.Value.CountCacheTtl + TimeSpan.FromSeconds(1));
        await RunAsync(query, request);
        Assert.Equal(2, query.CountQueries);
    }

    [Fact]
    public async Task RunAsync_NewFiltersOnOneConnection_PlannedOnceAndTheSessionLeftAsFound()
    {
        // PostgreSQL would plan every execution of the page anew (custom plans); browse asks for the
        // statement's generic plan, so a connection plans each shape once however many filters it sees.
        var query = new BrowseQuery(DefaultOptions, new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var (genericBefore, customBefore) = await PagePlansAsync(connection);
        for (var i = 0; i < 8; i++)
        {
            var filter = new BrowseFilter("Drama", null, null, 10_000 + (i * 1_000), null);
            await query.RunAsync(connection, new BrowseRequest(filter, BrowseSort.Date, true, Limit, 0, null), CancellationToken.None);
        }

        var (genericAfter, customAfter) = await PagePlansAsync(connection);
        Assert.Equal(8, genericAfter - genericBefore);
        Assert.Equal(0, customAfter - customBefore);

        await using var mode = new NpgsqlCommand("SHOW plan_cache_mode", connection);
        Assert.Equal("auto", (string?)await mode.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RunAsync_InARead_TracesOnlyThePageAndTheEstimate()
    {
        // The batch's SET and RESET of plan_cache_mode are how the page is planned, not what the read
        // asked for: a slow browse is reported with its page and its filter's estimate alone.
        var query = new BrowseQuery(DefaultOptions, new FakeTimeProvider(DateTimeOffset.UtcNow));
        // Drama matches more than the exact-count limit: its total is the estimate, so no count runs.
        var request = new BrowseRequest(new BrowseFilter("Drama", null, null, null, null), BrowseSort.Likes, true, Limit, 0, null);
        var pageSql = BrowseSql.Page(BrowseSql.FilterShape(request.Filter), request.Sort, request.Descending);

        var first = await TracedAsync(() => RunAsync(query, request));
        var next = await TracedAsync(() => RunAsync(query, request with { Offset = Limit }));

        Assert.Collection(
            first.Statements,
            page => Assert.Equal((pageSql, 3), (page.Sql, page.Parameters.Count)),
            estimate => Assert.Equal(BrowseSql.Estimate(BrowseSql.FilterShape(request.Filter)), estimate.Sql));
        Assert.Equal(pageSql, Assert.Single(next.Statements).Sql); // the total is cached now
    }

    [Fact]
    public async Task RunAsync_ItemFields_MatchTheRow()
    {
        var query = new BrowseQuery(DefaultOptions, TimeProvider.System);
        var page = await RunAsync(query, new BrowseRequest(new BrowseFilter(null, null, null, null, null), BrowseSort.Views, true, 1, 0, null));
        var item = Assert.Single(page.Items);

        var expected = await database.Primary.ScalarAsync<string>(
            "SELECT concat_ws('|', p.title, p.genre, p.view_count, p.require_nda, u.username, u.user_type) " +
            "FROM pitches p JOIN users u ON u.id = p.user_id WHERE p.id = $1", item.Id);
        Assert.Equal(expected, string.Join('|', item.Title, item.Genre, item.ViewCount, item.HasNda ? "t" : "f", item.Creator.Username, item.Creator.UserType));
        Assert.Equal("creator", item.Creator.UserType);
    }

    /// <summary>The plans this session made for browse's page statements (a pooled connection may have run others before).</summary>
    private static async Task<(long Generic, long Custom)> PagePlansAsync(NpgsqlConnection connection)
    {
        await using var plans = new NpgsqlCommand(
            "SELECT coalesce(sum(generic_plans), 0)::bigint, coalesce(sum(custom_plans), 0)::bigint FROM pg_prepared_statements " +
            "WHERE statement LIKE '/* pitchey:route=browse */ SELECT p.id%'", connection);
        await using var reader = await plans.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Runs <paramref name="read"/> in a statement trace of its own, as the router does (the async-local stays in this flow).</summary>
    private static async Task<StatementTrace> TracedAsync(Func<Task> read)
    {
        await Task.Yield();
        var trace = StatementTrace.Begin();
        await read();
        return trace;
    }

    private async Task<BrowsePage> RunAsync(BrowseQuery query, BrowseRequest request)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await query.RunAsync(connection, request, CancellationToken.None);
    }

    /// <summary>The plain reference: every matching id in order, written without the query's code.</summary>
    private Task<List<long>> ReferenceAsync(BrowseFilter filter, BrowseSort sort, bool descending)
    {
        var key = sort switch
        {
            BrowseSort.Date => "created_at",
            BrowseSort.Views => "view_count",
            BrowseSort.Likes => "like_count",
            _ => "coalesce(estimated_budget, 0)",
        };
        var direction = descending ? "DESC" : "ASC";
        return database.Primary.IdsAsync(
            "SELECT id FROM pitches WHERE status = 'published' AND visibility = 'public' " +
            "AND ($1::text IS NULL OR genre = $1) AND ($2::text IS NULL OR format = $2) AND ($3::text IS NULL OR production_stage = $3) " +
            "AND ($4::numeric IS NULL OR estimated_budget >= $4) AND ($5::numeric IS NULL OR estimated_budget <= $5) " +
            $"ORDER BY {key} {direction}, id {direction}",
            filter.Genre, filter.Format, filter.Stage, filter.BudgetMin, filter.BudgetMax);
    }
}
