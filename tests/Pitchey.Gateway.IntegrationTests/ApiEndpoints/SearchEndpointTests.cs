using System.Globalization;
using System.Net;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>
/// <c>/api/pitches/search</c> and <c>/api/search</c> over real HTTP, in both modes: the paginated
/// envelope, its total in <c>X-Total-Count</c>, and the rows of the reference query of each mode.
/// </summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class SearchEndpointTests(ApiEndpointsEnvironment env)
{
    private const string SubstringMatch = SearchReference.SubstringMatch;

    private const string FullTextMatch = "search_vector @@ websearch_to_tsquery('english', $1)";

    private HttpClient Client => env.Gateway.Client;

    [Theory]
    [InlineData("/api/pitches/search")]
    [InlineData("/api/search")]
    public async Task Search_ByDefault_IsTheApisSubstringMatchInTheEnvelope(string path)
    {
        var word = await SelectiveWordAsync(SubstringMatch);
        var reference = await env.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND {SubstringMatch} ORDER BY created_at DESC, id DESC", word);

        using var first = await Client.GetAsync($"{path}?q={Uri.EscapeDataString(word.ToUpperInvariant())}&page=1&limit=3");
        using var second = await Client.GetAsync($"{path}?q={Uri.EscapeDataString(word)}&page=2&limit=3");

        var body = await AssertEnvelopeAsync(first, page: 1, limit: 3, total: reference.Count, estimate: false);
        Assert.Equal(reference.Take(3), Ids(body, "data"));
        Assert.Equal(reference.Skip(3).Take(3), Ids(await AssertEnvelopeAsync(second, page: 2, limit: 3, total: reference.Count, estimate: false), "data"));
    }

    [Fact]
    public async Task Search_TextWithWildcards_IsMatchedLiterally()
    {
        // "%" and "_" would match every pitch as wildcards; taken literally, no seeded text holds "%_".
        using var response = await Client.GetAsync("/api/pitches/search?q=" + Uri.EscapeDataString("%_"));

        var body = await AssertEnvelopeAsync(response, page: 1, limit: 20, total: 0, estimate: false);
        Assert.Equal(0, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Search_FullTextMode_RanksLikeTheFullTextReference()
    {
        var settings = env.GatewaySettings();
        settings["TunedQueries:Search:Mode"] = "FullText";
        await using var gateway = await env.StartGatewayAsync(settings);
        var word = await SelectiveWordAsync(FullTextMatch);
        var ranked = await env.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND {FullTextMatch} ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', $1)) DESC, id DESC", word);

        using var response = await gateway.Client.GetAsync($"/api/search?q={word}&page=1&limit=3");
        using var blank = await gateway.Client.GetAsync("/api/search?q=%20");

        Assert.Equal(ranked.Take(3), Ids(await AssertEnvelopeAsync(response, page: 1, limit: 3, total: ranked.Count, estimate: false), "data"));
        await AssertEnvelopeAsync(blank, page: 1, limit: 20, total: 0, estimate: false);
    }

    [Fact]
    public async Task Search_BlankText_ListsThePitchesNewestFirst_AsTheApiDoes()
    {
        var newest = await env.Primary.IdsAsync($"SELECT id FROM pitches WHERE {Visible} ORDER BY created_at DESC, id DESC LIMIT 5");
        var visible = await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible}");

        using var response = await Client.GetAsync("/api/search?limit=5");

        // More than Search:ExactCountLimit (1,000) matches: the planner's estimate, flagged.
        var body = await JsonAsync(response);
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(newest, Ids(body, "data"));
        Assert.True(pagination.GetProperty("totalIsEstimate").GetBoolean());
        Assert.InRange(pagination.GetProperty("total").GetInt64(), visible / 2, visible * 2);
        Assert.Equal(pagination.GetProperty("total").GetInt64().ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task Search_AnyText_IsNeverAServerError()
    {
        foreach (var text in new[] { "\"unclosed", "a & b | !c", "-", "' OR 1=1 --", "(((", "", "%", "_", "\\", "\u00e9t\u00e9 \ud83c\udfac" })
        {
            using var response = await Client.GetAsync("/api/pitches/search?q=" + Uri.EscapeDataString(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Asserts the envelope and X-Total-Count; returns the body.</summary>
    private static async Task<System.Text.Json.JsonElement> AssertEnvelopeAsync(HttpResponseMessage response, int page, int limit, long total, bool estimate)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(Math.Max(0, Math.Min(limit, total - ((page - 1) * limit))), body.GetProperty("data").GetArrayLength());
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(page, pagination.GetProperty("page").GetInt32());
        Assert.Equal(limit, pagination.GetProperty("limit").GetInt32());
        Assert.Equal(total, pagination.GetProperty("total").GetInt64());
        Assert.Equal(total > page * limit, pagination.GetProperty("hasMore").GetBoolean());
        Assert.Equal(estimate, pagination.GetProperty("totalIsEstimate").GetBoolean());
        return body;
    }

    /// <summary>A vocabulary word that the given match finds in 7 to 500 visible pitches.</summary>
    private async Task<string> SelectiveWordAsync(string match)
    {
        var text = new SeedText();
        foreach (var rank in new[] { 300, 500, 200, 800, 100, 1_000 })
        {
            var word = text.WordAt(rank);
            var count = await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible} AND {match}", word);
            if (count is >= 7 and <= 500)
            {
                return word;
            }
        }

        throw new InvalidOperationException("no selective word in the seeded data");
    }
}
