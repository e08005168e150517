using Microsoft.Extensions.Options;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class FullTextSearchQueryTests(SeededDatabase database)
{
    private static readonly IOptions<TunedQueryOptions> DefaultOptions = Options.Create(new TunedQueryOptions());

    private const string Matching =
        "FROM pitches WHERE search_vector @@ websearch_to_tsquery('english', $1) AND status = 'published' AND visibility = 'public'";

    [Fact]
    public async Task RunAsync_SelectiveTerm_MatchesTheReferenceRankingAndTotal()
    {
        var term = await SelectiveTermAsync();
        var reference = await database.Primary.IdsAsync(
            $"SELECT id {Matching} ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', $1)) DESC, id DESC", term);
        var query = new FullTextSearchQuery(DefaultOptions);

        var first = await RunAsync(query, new SearchRequest(term, null, null, 10, 0));
        var second = await RunAsync(query, new SearchRequest(term, null, null, 10, 10));

        Assert.Equal(reference.Take(10), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(10).Take(10), second.Items.Select(i => i.Id));
        Assert.Equal(reference.Count, first.Total);
        Assert.False(first.TotalIsEstimate);
        Assert.True(first.HasMore);
    }

    [Fact]
    public async Task SearchQuery_FullTextMode_RanksAndSubstringModeDoesNot()
    {
        // The setting picks the engine: ranked by ts_rank_cd in FullText mode, newest first in Substring mode.
        var term = await SelectiveTermAsync();
        var ranked = await database.Primary.IdsAsync(
            $"SELECT id {Matching} ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', $1)) DESC, id DESC", term);
        SearchQuery SearchIn(string mode)
        {
            var options = Options.Create(new TunedQueryOptions { Search = new SearchOptions { Mode = mode } });
            return new SearchQuery(new SubstringSearchQuery(options, TimeProvider.System), new FullTextSearchQuery(options), options);
        }

        var fullText = SearchIn("FullText");
        var substring = SearchIn("Substring");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rankedPage = await fullText.RunAsync(connection, new SearchRequest(term, null, null, 10, 0), CancellationToken.None);
        var newestPage = await substring.RunAsync(connection, new SearchRequest(term, null, null, 10, 0), CancellationToken.None);

        Assert.Equal((SearchMode.FullText, SearchMode.Substring), (fullText.Mode, substring.Mode));
        Assert.Equal(ranked.Take(10), rankedPage.Items.Select(i => i.Id));
        Assert.Equal(newestPage.Items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id), newestPage.Items);
        Assert.NotEqual(rankedPage.Items.Select(i => i.Id), newestPage.Items.Select(i => i.Id));
        Assert.False(fullText.NeedsDatabase(new SearchRequest("  ", null, null, 10, 0)));
        Assert.True(substring.NeedsDatabase(new SearchRequest("", null, null, 10, 0)));
    }

    [Fact]
    public async Task RunAsync_Filters_MatchTheReference()
    {
        var term = await SelectiveTermAsync();
        var reference = await database.Primary.IdsAsync(
            $"SELECT id {Matching} AND genre = $2 ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', $1)) DESC, id DESC", term, "Drama");

        var page = await RunAsync(new FullTextSearchQuery(DefaultOptions), new SearchRequest(term, "Drama", null, 100, 0));

        Assert.NotEmpty(reference);
        Assert.Equal(reference.Take(100), page.Items.Select(i => i.Id));
        Assert.All(page.Items, item => Assert.Equal("Drama", item.Genre));
    }

    [Fact]
    public async Task RunAsync_TitleWeighsMost()
    {
        // A word in one pitch's title and another's description: the title match ranks first.
        var word = "zzqtitleword";
        await database.Primary.ScalarAsync<int>(
            "WITH a AS (UPDATE pitches SET title = title || ' ' || $1 WHERE id = (SELECT min(id) FROM pitches WHERE status = 'published' AND visibility = 'public') RETURNING 1), " +
            "b AS (UPDATE pitches SET description = description || ' ' || $1 WHERE id = (SELECT max(id) FROM pitches WHERE status = 'published' AND visibility = 'public') RETURNING 1) " +
            "SELECT (SELECT count(*) FROM a)::int + (SELECT count(*) FROM b)::int", word);
        var titled = await database.Primary.ScalarAsync<long>("SELECT min(id) FROM pitches WHERE status = 'published' AND visibility = 'public'");

        var page = await RunAsync(new FullTextSearchQuery(DefaultOptions), new SearchRequest(word, null, null, 10, 0));

        Assert.Equal(2, page.Total);
        Assert.Equal(titled, page.Items[0].Id);
    }

    [Fact]
    public async Task RunAsync_VeryCommonTerm_RanksABoundedCandidateSetAndFlagsTheTotal()
    {
        var common = new SeedText().WordAt(0);
        var query = new FullTextSearchQuery(DefaultOptions);

        var page = await RunAsync(query, new SearchRequest(common, null, null, 20, 0));

        Assert.Equal(20, page.Items.Count);
        Assert.True(page.TotalIsEstimate);
        Assert.Equal(DefaultOptions.Value.SearchCandidateLimit, page.Total);
    }

    [Theory]
    [InlineData("\"space ship\" -war OR (")]
    [InlineData("&&& ||| !!! :* ' \\")]
    [InlineData("the a of")]
    [InlineData("\u00e9t\u00e9 \ud83c\udfac")]
    public async Task RunAsync_AnyText_IsValidInput(string text)
    {
        var page = await RunAsync(new FullTextSearchQuery(DefaultOptions), new SearchRequest(text, null, null, 5, 0));

        var matches = await database.Primary.ScalarAsync<long>(
            "SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public' " +
            "AND search_vector @@ websearch_to_tsquery('english', $1)", text);
        Assert.Equal(Math.Min(matches, 5), page.Items.Count);
        Assert.Equal(page.TotalIsEstimate ? DefaultOptions.Value.SearchCandidateLimit : matches, page.Total);
    }

    [Fact]
    public async Task RunAsync_PastTheLastPage_StillReportsTheTotal()
    {
        var term = await SelectiveTermAsync();
        var count = await database.Primary.ScalarAsync<long>($"SELECT count(*) {Matching}", term);

        var page = await RunAsync(new FullTextSearchQuery(DefaultOptions), new SearchRequest(term, null, null, 10, 5000));

        Assert.Empty(page.Items);
        Assert.Equal(count, page.Total);
    }

    private async Task<SearchPage> RunAsync(FullTextSearchQuery query, SearchRequest request)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await query.RunAsync(connection, request, CancellationToken.None);
    }

    /// <summary>A vocabulary word matching between 20 and 1,000 visible pitches.</summary>
    private async Task<string> SelectiveTermAsync()
    {
        var text = new SeedText();
        foreach (var rank in new[] { 1_500, 2_500, 4_000, 700, 7_000, 300 })
        {
            var word = text.WordAt(rank);
            var count = await database.Primary.ScalarAsync<long>($"SELECT count(*) {Matching}", word);
            if (count is >= 20 and <= 1_000)
            {
                return word;
            }
        }

        throw new InvalidOperationException("no selective word in the seeded data");
    }
}
