using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>
/// The measured calls: every tuned query of the gateway, through its own query classes, with
/// arguments chosen from the data (a cursor in the middle of the list, a selective and a very common
/// search term, a live session, a typical and the busiest creator).
/// </summary>
internal static class BenchScenarios
{
    /// <summary>No seeded text holds it (the vocabulary's words are lower-case syllables and common words).</summary>
    private const string AbsentTerm = "qxzqj";

    /// <summary>Two letters: no trigram, so the newest pitches are scanned.</summary>
    private const string ShortTerm = "zq";

    public static async Task<List<BenchScenario>> CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var options = Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.Zero });
        var browse = new BrowseQuery(options, TimeProvider.System);
        var fullText = new FullTextSearchQuery(options);
        var substring = new SubstringSearchQuery(options, TimeProvider.System);
        var sessions = new SessionQuery(options, TimeProvider.System);
        var cachedSessions = new SessionQuery(Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.FromMinutes(10) }), TimeProvider.System);
        var dashboard = new CreatorDashboardQuery();
        var stats = new PlatformStatsSnapshot(new BenchRouter(dataSource), options, TimeProvider.System, NullLogger<PlatformStatsSnapshot>.Instance);
        var none = new BrowseFilter(null, null, null, null, null);
        var drama = none with { Genre = "Drama" };

        // A cursor in the middle of the whole list: "a page at any depth".
        var visible = await dataSource.ScalarAsync<long>(
            "SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public'", cancellationToken);
        var (cursorAt, cursorId) = await dataSource.KeyAtAsync(
            "SELECT created_at, id FROM pitches WHERE status = 'published' AND visibility = 'public' ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1",
            visible / 2, cancellationToken);
        var deep = new BrowseCursor(BrowseSort.Date, true, cursorAt.Ticks, cursorId, visible / 2);
        var selective = await SelectiveWordAsync(dataSource, cancellationToken);
        var common = new SeedText().WordAt(0);
        var token = await dataSource.ScalarAsync<string>(
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.expires_at > now() + interval '1 day' AND u.is_active LIMIT 1",
            cancellationToken);
        var typicalCreator = await dataSource.ScalarAsync<long>(
            "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id OFFSET (SELECT count(DISTINCT user_id) / 2 FROM pitches) LIMIT 1",
            cancellationToken);
        var busyCreator = await dataSource.ScalarAsync<long>(
            "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1", cancellationToken);
        await dataSource.ConnectedAsync(c => cachedSessions.LoadAsync(c, token, cancellationToken), cancellationToken);

        BenchScenario Query<T>(string name, Func<NpgsqlConnection, CancellationToken, Task<T>> query) =>
            new(name, ct => dataSource.ConnectedAsync(c => query(c, ct), ct));

        return
        [
            Query("browse: first page (date desc, limit 24)", (c, ct) => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Date, true, 24, 0, null), ct)),
            Query("browse: frontend call (Drama, date desc, offset 48)", (c, ct) => browse.RunAsync(c, new BrowseRequest(drama, BrowseSort.Date, true, 24, 48, null), ct)),
            Query("browse: offset 1000 (views desc)", (c, ct) => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Views, true, 24, 1000, null), ct)),
            Query(Invariant($"browse: cursor page at depth {visible / 2:N0} (date desc)"), (c, ct) => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Date, true, 24, 0, deep), ct)),
            Query(Invariant($"search (substring): very common term '{common}'"), (c, ct) => substring.RunAsync(c, Search(common), ct)),
            Query(Invariant($"search (substring): very common term '{common}', total not cached"), (c, ct) => ColdSubstringAsync(c, common, ct)),
            Query(Invariant($"search (substring): rare term '{selective}'"), (c, ct) => substring.RunAsync(c, Search(selective), ct)),
            Query(Invariant($"search (substring): rare term '{selective}', total not cached"), (c, ct) => ColdSubstringAsync(c, selective, ct)),
            Query(Invariant($"search (substring): absent term '{AbsentTerm}'"), (c, ct) => substring.RunAsync(c, Search(AbsentTerm), ct)),
            Query(Invariant($"search (substring): short term '{ShortTerm}' (newest {options.Value.Search.ShortTermScanLimit:N0} pitches)"), (c, ct) => substring.RunAsync(c, Search(ShortTerm), ct)),
            Query(Invariant($"search (full text): selective term '{selective}'"), (c, ct) => fullText.RunAsync(c, Search(selective), ct)),
            Query(Invariant($"search (full text): very common term '{common}' (bounded)"), (c, ct) => fullText.RunAsync(c, Search(common), ct)),
            Query("session: lookup in the database", (c, ct) => sessions.LoadAsync(c, token, ct)),
            new("session: served from the cache", _ =>
            {
                cachedSessions.TryGetCached(token, out var _);
                return Task.CompletedTask;
            }),
            Query("creator dashboard: typical creator", (c, ct) => dashboard.RunAsync(c, typicalCreator, ct)),
            Query("creator dashboard: busiest creator", (c, ct) => dashboard.RunAsync(c, busyCreator, ct)),
            new("platform stats: served from the snapshot", async ct => await stats.GetAsync(ct)),
        ];
    }

    private static SearchRequest Search(string text) => new(text, null, null, 20, 0);

    /// <summary>A first page whose total is not cached: the estimate, then one read that counts and pages a small set (or, for a big one, the page).</summary>
    private static async Task<SearchPage> ColdSubstringAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken)
    {
        using var cold = new SubstringSearchQuery(Options.Create(new TunedQueryOptions()), TimeProvider.System);
        return await cold.RunAsync(connection, Search(text), cancellationToken);
    }

    /// <summary>A word of the seeded vocabulary that matches between 20 and 1,000 visible pitches.</summary>
    private static async Task<string> SelectiveWordAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var text = new SeedText();
        foreach (var rank in new[] { 15_000, 10_000, 6_000, 3_000, 1_000, 19_000 })
        {
            var word = text.WordAt(rank);
            var count = await dataSource.ScalarAsync<long>(
                "SELECT count(*) FROM pitches WHERE search_vector @@ websearch_to_tsquery('english', $1) AND status = 'published' AND visibility = 'public'",
                cancellationToken, word);
            if (count is >= 20 and <= 1_000)
            {
                return word;
            }
        }

        return text.WordAt(10_000);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
