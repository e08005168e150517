using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>
/// Substring search (the default mode) against the reference query the existing API runs: the same
/// rows in the same order, page by page, on 100,000 seeded pitches plus the rows
/// <see cref="SeededDatabase.PlantedText"/> planted (text holding <c>%</c>, <c>_</c> and <c>\</c>, and
/// decoys an unescaped pattern would match too).
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class SubstringSearchQueryTests(SeededDatabase database)
{
    private const int Limit = 20;

    /// <summary>In no seeded text: the vocabulary has no q, x or j together.</summary>
    private const string Absent = "qxzqj";

    public static TheoryData<string> PlantedTerms() => new()
    {
        "100% pure",     // % as a character: the decoy "100 Ways To Be Pure" must not match
        "snake_case",    // _ as a character: "snake case" and "snakeXcase" must not match
        @"C:\Films",     // \ as a character: "C:Films" must not match
        "PuRe DrAmA",    // mixed case
        "%",             // nothing but specials: no trigram, the window of newest pitches
        "_",
        @"\",
    };

    [Theory]
    [MemberData(nameof(PlantedTerms))]
    public async Task RunAsync_TextWithWildcardCharacters_MatchesThemLiterally(string text)
    {
        var query = Query(new SearchOptions { ShortTermScanLimit = 1_000_000 });
        var reference = await ReferenceAsync(text);

        var page = await RunAsync(query, text);

        Assert.NotEmpty(reference);
        Assert.Equal(reference, page.Items.Select(i => i.Id));
        Assert.Equal((reference.Count, false), (page.Total, page.TotalIsEstimate));
        // The reference itself is literal: a plain substring test agrees with it, and no decoy is in it.
        Assert.Equal(reference, await database.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND (strpos(lower(title), lower($1)) > 0 OR strpos(lower(logline), lower($1)) > 0 " +
            "OR strpos(lower(description), lower($1)) > 0) ORDER BY created_at DESC, id DESC", text));
        var decoys = await database.Primary.IdsAsync(
            "SELECT id FROM pitches WHERE title = '100 Ways To Be Pure' OR logline LIKE 'A snake case study%' OR description LIKE 'Found in C:Films%'");
        Assert.Equal(3, decoys.Count);
        Assert.Empty(decoys.Intersect(page.Items.Select(i => i.Id)));
    }

    [Fact]
    public async Task RunAsync_VeryCommonTerm_PagesLikeTheReferenceAndEstimatesTheTotal()
    {
        var common = new SeedText().WordAt(0);
        var query = Query();
        var reference = await ReferenceAsync(common);

        var first = await RunAsync(query, common);
        var second = await RunAsync(query, common, offset: Limit);

        Assert.Equal(reference.Take(Limit), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(Limit).Take(Limit), second.Items.Select(i => i.Id));
        Assert.True(first.HasMore);
        Assert.True(first.TotalIsEstimate);
        Assert.InRange(first.Total, reference.Count / 2, reference.Count * 2);
        Assert.Equal(1, query.CountQueries); // the second page reused the first one's total
    }

    [Fact]
    public async Task RunAsync_RareTerm_PagesLikeTheReferenceAndCountsExactly()
    {
        var rare = await RareTermAsync();
        var query = Query();
        var reference = await ReferenceAsync(rare);

        var first = await RunAsync(query, rare);
        var second = await RunAsync(query, rare, offset: Limit);
        var past = await RunAsync(query, rare, offset: 5_000);

        Assert.Equal(reference.Take(Limit), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(Limit).Take(Limit), second.Items.Select(i => i.Id));
        Assert.Equal((reference.Count, false), (first.Total, first.TotalIsEstimate));
        Assert.Equal((reference.Count, false), (past.Total, past.TotalIsEstimate));
        Assert.Empty(past.Items);
    }

    [Fact]
    public async Task RunAsync_MoreMatchesThanTheEstimateSaid_PagesInOrderAndFlagsTheTotal()
    {
        // The planner expects at most Search:ExactCountLimit matches, there are more: the bounded
        // read is only a sample, so the page comes from the ordered query and the total is a lower bound.
        var text = new SeedText();
        string? word = null;
        foreach (var rank in new[] { 800, 1_000, 1_500, 2_000, 3_000, 600, 500 })
        {
            var candidate = text.WordAt(rank);
            var count = await ReferenceCountAsync(candidate);
            if (await SearchReference.EstimatedMatchesAsync(database.Primary, candidate) <= 100 && count > 150)
            {
                word = candidate;
                break;
            }
        }

        Assert.NotNull(word);
        var query = Query(new SearchOptions { ExactCountLimit = 100 });
        var reference = await ReferenceAsync(word);

        var first = await RunAsync(query, word);
        var third = await RunAsync(query, word, offset: 2 * Limit);

        Assert.Equal(reference.Take(Limit), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(2 * Limit).Take(Limit), third.Items.Select(i => i.Id));
        Assert.True(first.TotalIsEstimate);
        Assert.True(first.Total > 100);
        Assert.Equal(1, query.CountQueries);
    }

    [Fact]
    public async Task RunAsync_AbsentTerm_IsEmptyAndExact()
    {
        var page = await RunAsync(Query(), Absent);

        Assert.Empty(await ReferenceAsync(Absent));
        Assert.Equal((0, false, false), (page.Total, page.TotalIsEstimate, page.HasMore));
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task RunAsync_MultiWordPhrase_MatchesTheReference()
    {
        // Two adjacent words of a seeded logline: the phrase, space included, not either word.
        var phrase = await database.Primary.ScalarAsync<string>(
            $"SELECT split_part(logline, ' ', 3) || ' ' || split_part(logline, ' ', 4) FROM pitches WHERE {Visible} ORDER BY id LIMIT 1 OFFSET 500");
        var reference = await ReferenceAsync(phrase);

        var page = await RunAsync(Query(), phrase, limit: 100);

        Assert.NotEmpty(reference);
        Assert.Equal(reference.Take(100), page.Items.Select(i => i.Id));
        Assert.True(reference.Count < await ReferenceCountAsync(phrase.Split(' ')[0]));
    }

    [Fact]
    public async Task RunAsync_Filters_MatchTheReference()
    {
        var rare = await RareTermAsync();
        var reference = await database.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND {Match} AND genre = $2 ORDER BY created_at DESC, id DESC", rare, "Drama");

        var page = await RunAsync(Query(), rare, genre: "Drama", limit: 100);

        Assert.NotEmpty(reference);
        Assert.Equal(reference.Take(100), page.Items.Select(i => i.Id));
        Assert.All(page.Items, item => Assert.Equal("Drama", item.Genre));
    }

    [Fact]
    public async Task RunAsync_BlankText_ListsEveryVisiblePitchNewestFirst_AsTheApiDoes()
    {
        var reference = await database.Primary.IdsAsync($"SELECT id FROM pitches WHERE {Visible} ORDER BY created_at DESC, id DESC LIMIT 40");

        var second = await RunAsync(Query(), "", offset: Limit);

        Assert.Equal(reference.Skip(Limit), second.Items.Select(i => i.Id));
        Assert.True(second.TotalIsEstimate);
    }

    [Fact]
    public async Task RunAsync_ShortTerm_IsTheReferencesFirstRowsFromTheNewestPitches()
    {
        // "e" has no trigram: matched among the newest ShortTermScanLimit pitches, whose matches are
        // exactly the reference's first ones. The window is full, so the total is flagged.
        var options = new SearchOptions { ShortTermScanLimit = 5_000 };
        var reference = await ReferenceAsync("e");
        var windowMatches = await database.Primary.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT * FROM pitches p WHERE {Visible} ORDER BY created_at DESC, id DESC LIMIT 5000) p WHERE {Match}", "e");

        var first = await RunAsync(Query(options), "e");
        var later = await RunAsync(Query(options), "e", offset: 200);

        Assert.Equal(reference.Take(Limit), first.Items.Select(i => i.Id));
        Assert.Equal(reference.Skip(200).Take(Limit), later.Items.Select(i => i.Id));
        Assert.Equal((windowMatches, true, true), (first.Total, first.TotalIsEstimate, first.HasMore));
    }

    [Fact]
    public async Task RunAsync_ShortTermOutsideTheWindow_IsNotFoundAndTheTotalIsFlagged()
    {
        // "%" is planted in one of the newest pitches and in the oldest one; a small window sees the first only.
        var reference = await ReferenceAsync("%");

        var page = await RunAsync(Query(new SearchOptions { ShortTermScanLimit = 1_000 }), "%");

        Assert.Equal(2, reference.Count);
        Assert.Equal(reference.Take(1), page.Items.Select(i => i.Id));
        Assert.Equal((1, true, false), (page.Total, page.TotalIsEstimate, page.HasMore));
    }

    [Fact]
    public async Task RunAsync_AbsentShortTerm_PastTheEnd_IsEmpty()
    {
        var page = await RunAsync(Query(), "zq", offset: 40);

        Assert.Empty(await ReferenceAsync("zq"));
        Assert.Equal((0, true), (page.Total, page.TotalIsEstimate));
        Assert.Empty(page.Items);
    }

    private const string Visible = SearchReference.Visible;

    private const string Match = SearchReference.SubstringMatch;

    private static SubstringSearchQuery Query(SearchOptions? search = null) =>
        new(Options.Create(new TunedQueryOptions { Search = search ?? new SearchOptions() }), new FakeTimeProvider(DateTimeOffset.UtcNow));

    private Task<List<long>> ReferenceAsync(string text) =>
        database.Primary.IdsAsync($"SELECT id FROM pitches WHERE {Visible} AND {Match} ORDER BY created_at DESC, id DESC", text);

    private Task<long> ReferenceCountAsync(string text) =>
        database.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible} AND {Match}", text);

    private async Task<SearchPage> RunAsync(SubstringSearchQuery query, string text, int offset = 0, int limit = Limit, string? genre = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await query.RunAsync(connection, new SearchRequest(text, genre, null, limit, offset), CancellationToken.None);
    }

    /// <summary>A vocabulary word found in between 50 and 800 visible pitches (so below the exact-count limit, and more than two pages).</summary>
    /// <summary>A word in a few pitches that the planner also expects in few (so the total is exact).</summary>
    private async Task<string> RareTermAsync()
    {
        var text = new SeedText();
        foreach (var rank in new[] { 3_000, 2_000, 5_000, 1_500, 8_000, 1_000, 4_000, 6_000, 10_000 })
        {
            var word = text.WordAt(rank);
            if (await ReferenceCountAsync(word) is >= 50 and <= 800
                && await SearchReference.EstimatedMatchesAsync(database.Primary, word) <= TunedQueryConstants.DefaultSearchExactCountLimit / 2)
            {
                return word;
            }
        }

        throw new InvalidOperationException("no rare word in the seeded data");
    }
}
