using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>
/// The API endpoints over real HTTP: the existing API's contract, answered without the upstream.
/// One class (past 300 lines) because every test shares one seeded database and its gateway.
/// </summary>
public sealed class ApiEndpointTests(ApiEndpointsEnvironment env) : IClassFixture<ApiEndpointsEnvironment>
{
    private const string Visible = "status = 'published' AND visibility = 'public'";

    private HttpClient Client => env.Gateway.Client;

    [Fact]
    public async Task Browse_TheFrontendsExactCall_AnswersItemsTotalAndTotalPages()
    {
        var upstreamBefore = await env.StandIn.RequestCountAsync();

        using var response = await Client.GetAsync("/api/pitches/browse/enhanced?genre=Drama&sort=date&order=desc&limit=24&offset=48");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        var total = await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible} AND genre = 'Drama'");
        var expectedIds = await env.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND genre = 'Drama' ORDER BY created_at DESC, id DESC LIMIT 24 OFFSET 48");
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(total, body.GetProperty("total").GetInt64());
        Assert.Equal((total + 23) / 24, body.GetProperty("totalPages").GetInt64());
        Assert.Equal(3, body.GetProperty("page").GetInt32());
        Assert.Equal(24, body.GetProperty("limit").GetInt32());
        Assert.True(body.GetProperty("hasMore").GetBoolean());
        Assert.False(body.GetProperty("totalIsEstimate").GetBoolean());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedIds, items.Select(i => i.GetProperty("id").GetInt64()));

        var item = items[0];
        foreach (var field in new[] { "id", "title", "logline", "genre", "format", "productionStage", "viewCount", "likeCount", "estimatedBudget", "createdAt", "hasNDA", "creator" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"item lacks {field}");
        }

        Assert.Equal("Drama", item.GetProperty("genre").GetString());
        var creator = item.GetProperty("creator");
        foreach (var field in new[] { "id", "username", "userType", "companyName" })
        {
            Assert.True(creator.TryGetProperty(field, out _), $"creator lacks {field}");
        }

        Assert.Equal(upstreamBefore, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task Browse_NextCursor_ContinuesWhereTheOffsetPageWould()
    {
        var first = await JsonAsync(await Client.GetAsync("/api/pitches/browse/enhanced?sort=views&order=asc&limit=5"));
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor));

        var viaCursor = await JsonAsync(await Client.GetAsync($"/api/pitches/browse/enhanced?sort=views&order=asc&limit=5&cursor={Uri.EscapeDataString(cursor!)}"));
        var viaOffset = await JsonAsync(await Client.GetAsync("/api/pitches/browse/enhanced?sort=views&order=asc&limit=5&offset=5"));

        Assert.Equal(Ids(viaOffset, "items"), Ids(viaCursor, "items"));
        Assert.Equal(2, viaCursor.GetProperty("page").GetInt32());
        Assert.Equal(viaOffset.GetProperty("total").GetInt64(), viaCursor.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/pitches/search")]
    [InlineData("/api/search")]
    public async Task Search_AnswersThePaginatedEnvelopeAndXTotalCount(string path)
    {
        var word = await SelectiveWordAsync();
        var total = await env.Primary.ScalarAsync<long>(
            $"SELECT count(*) FROM pitches WHERE {Visible} AND search_vector @@ websearch_to_tsquery('english', '{word}')");

        using var response = await Client.GetAsync($"{path}?q={word}&page=1&limit=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(Math.Min(3, total), body.GetProperty("data").GetArrayLength());
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(1, pagination.GetProperty("page").GetInt32());
        Assert.Equal(3, pagination.GetProperty("limit").GetInt32());
        Assert.Equal(total, pagination.GetProperty("total").GetInt64());
        Assert.Equal(total > 3, pagination.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Search_AnyText_IsNeverAServerError()
    {
        foreach (var text in new[] { "\"unclosed", "a & b | !c", "-", "' OR 1=1 --", "(((", "" })
        {
            using var response = await Client.GetAsync("/api/pitches/search?q=" + Uri.EscapeDataString(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Session_ByCookieFallbackCookieOrBearer_Answers200WithTheUser()
    {
        var token = env.Seed.CreatorTokens[0];
        var userId = await env.Primary.ScalarAsync<long>($"SELECT user_id FROM sessions WHERE id = '{token}'");

        foreach (var request in new[]
        {
            WithCookie("/api/auth/session", "pitchey-session", token),
            WithCookie("/api/auth/session", "better-auth-session", token),
            WithBearer("/api/auth/session", token),
        })
        {
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await JsonAsync(response);
            Assert.True(body.GetProperty("success").GetBoolean());
            var user = body.GetProperty("user");
            Assert.Equal(userId, user.GetProperty("id").GetInt64());
            foreach (var field in new[] { "email", "username", "name", "userType", "firstName", "lastName", "bio", "companyName", "profileImage" })
            {
                Assert.True(user.TryGetProperty(field, out _), $"user lacks {field}");
            }

            Assert.Equal("creator", user.GetProperty("userType").GetString());
        }
    }

    [Fact]
    public async Task Session_NoneUnknownOrExpired_Answers401WithTheEnvelope()
    {
        var expired = await env.Primary.ScalarAsync<string>("SELECT id FROM sessions WHERE expires_at < now() LIMIT 1");

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/api/auth/session"),
            WithCookie("/api/auth/session", "pitchey-session", "no-such-token"),
            WithCookie("/api/auth/session", "pitchey-session", expired!),
            WithBearer("/api/auth/session", new string('x', 600)),
        })
        {
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("""{"success":false,"error":{"code":"UNAUTHORIZED","message":"Authentication required"}}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Session_Cached_IsServedWithoutTheDatabaseButNeverPastExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = env.GatewaySettings();
        settings["TunedQueries:SessionCacheTtl"] = "00:10:00";
        await using var gateway = await env.StartGatewayAsync(settings, services => services.AddSingleton<TimeProvider>(time));
        const string token = "expiring-soon-token";
        await env.Primary.ExecuteAsync(
            $"INSERT INTO sessions (id, user_id, expires_at) VALUES ('{token}', (SELECT min(id) FROM users WHERE is_active), now() + interval '5 minutes')");
        var sessions = gateway.Services.GetRequiredService<SessionQuery>();

        using (var first = await gateway.Client.SendAsync(WithCookie("/api/auth/session", "pitchey-session", token)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Gone from the database, still served from the cache: the cache really answers.
        await env.Primary.ExecuteAsync($"DELETE FROM sessions WHERE id = '{token}'");
        using (var cached = await gateway.Client.SendAsync(WithCookie("/api/auth/session", "pitchey-session", token)))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        Assert.Equal(1, sessions.DatabaseLookups);

        // Past expires_at (still within the cache TTL): never served.
        time.Advance(TimeSpan.FromMinutes(6));
        using var expired = await gateway.Client.SendAsync(WithCookie("/api/auth/session", "pitchey-session", token));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Session_HashedTokenMode_LooksUpTheSha256OfTheToken()
    {
        const string token = "a-token-stored-only-as-its-hash";
        await env.Primary.ExecuteAsync(
            $"INSERT INTO sessions (id, user_id, expires_at) VALUES ('{SessionQuery.HashToken(token)}', (SELECT min(id) FROM users WHERE is_active), now() + interval '1 day')");
        var settings = env.GatewaySettings();
        settings["TunedQueries:HashedSessionTokens"] = "true";
        await using var hashed = await env.StartGatewayAsync(settings);

        using var viaHashed = await hashed.Client.SendAsync(WithBearer("/api/auth/session", token));
        using var viaPlain = await Client.SendAsync(WithBearer("/api/auth/session", token));
        using var hashAsToken = await hashed.Client.SendAsync(WithBearer("/api/auth/session", SessionQuery.HashToken(token)));

        Assert.Equal(HttpStatusCode.OK, viaHashed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, viaPlain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hashAsToken.StatusCode);
    }

    [Fact]
    public async Task CreatorDashboard_CreatorGetsIt_InvestorIsForbidden_AnonymousUnauthorized()
    {
        using var creator = await Client.SendAsync(WithCookie("/api/creator/dashboard", "pitchey-session", env.Seed.CreatorTokens[0]));
        Assert.Equal(HttpStatusCode.OK, creator.StatusCode);
        Assert.Equal("private, max-age=60", creator.Headers.NonValidated["Cache-Control"].ToString());
        var data = (await JsonAsync(creator)).GetProperty("data");
        var overview = data.GetProperty("overview");
        foreach (var field in new[] { "totalPitches", "totalViews", "totalFollowers", "totalInvestments", "activeDeals", "pendingActions", "totalNDAs" })
        {
            Assert.True(overview.TryGetProperty(field, out _), $"overview lacks {field}");
        }

        var creatorId = await env.Primary.ScalarAsync<long>($"SELECT user_id FROM sessions WHERE id = '{env.Seed.CreatorTokens[0]}'");
        Assert.Equal(await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE user_id = {creatorId}"), overview.GetProperty("totalPitches").GetInt64());
        var recent = data.GetProperty("recentPitches").EnumerateArray().ToList();
        Assert.InRange(recent.Count, 1, 5);
        foreach (var field in new[] { "id", "title", "logline", "genre", "status", "views", "likes", "ndaRequests" })
        {
            Assert.True(recent[0].TryGetProperty(field, out _), $"recent pitch lacks {field}");
        }

        using var investor = await Client.SendAsync(WithBearer("/api/creator/dashboard", env.Seed.OtherTokens[0]));
        Assert.Equal(HttpStatusCode.Forbidden, investor.StatusCode);
        Assert.Equal("FORBIDDEN", (await JsonAsync(investor)).GetProperty("error").GetProperty("code").GetString());

        using var anonymous = await Client.GetAsync("/api/creator/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task PlatformStats_ServedFromTheSnapshot_NotTheDatabasePerRequest()
    {
        var snapshot = env.Gateway.Services.GetRequiredService<PlatformStatsSnapshot>();
        string? firstBody = null;
        for (var i = 0; i < 25; i++)
        {
            using var response = await Client.GetAsync("/api/dashboard/stats");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            firstBody ??= body;
            Assert.Equal(firstBody, body);
        }

        Assert.Equal(1, snapshot.Refreshes);
        var data = JsonDocument.Parse(firstBody!).RootElement.GetProperty("data");
        Assert.Equal(await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible}"), data.GetProperty("totalPitches").GetInt64());
        foreach (var field in new[] { "totalViews", "totalInvestments", "activeUsers", "newPitchesThisWeek", "lastUpdated" })
        {
            Assert.True(data.TryGetProperty(field, out _), $"stats lack {field}");
        }
    }

    [Theory]
    [InlineData("/api/pitches/browse/enhanced?limit=0", "limit")]
    [InlineData("/api/pitches/browse/enhanced?limit=1000", "limit")]
    [InlineData("/api/pitches/browse/enhanced?offset=-1", "offset")]
    [InlineData("/api/pitches/browse/enhanced?offset=999999999", "offset")]
    [InlineData("/api/pitches/browse/enhanced?page=abc", "page")]
    [InlineData("/api/pitches/browse/enhanced?sort=rating", "sort")]
    [InlineData("/api/pitches/browse/enhanced?order=sideways", "order")]
    [InlineData("/api/pitches/browse/enhanced?budgetMin=cheap", "budgetMin")]
    [InlineData("/api/pitches/browse/enhanced?budgetMax=-5", "budgetMax")]
    [InlineData("/api/pitches/browse/enhanced?cursor=AAAA", "cursor")]
    [InlineData("/api/pitches/browse/enhanced?cursor=%25%25%25", "cursor")]
    [InlineData("/api/pitches/search?q=x&limit=abc", "limit")]
    [InlineData("/api/search?q=x&page=-2", "page")]
    public async Task BadParameters_Answer400NamingTheParameter(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.StartsWith(parameter + " ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPaths_NeverReachTheUpstream_OtherPathsStillDo()
    {
        var before = await env.StandIn.RequestCountAsync();
        string[] urls =
        [
            "/api/pitches/browse/enhanced", "/api/pitches/browse/enhanced?limit=0", "/api/pitches/search?q=love",
            "/api/search?q=war", "/api/auth/session", "/api/creator/dashboard", "/api/dashboard/stats",
        ];
        foreach (var url in urls)
        {
            using var response = await Client.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.BadGateway, response.StatusCode);
        }

        Assert.Equal(before, await env.StandIn.RequestCountAsync());
        using var other = await Client.GetAsync("/api/pitches/123");
        Assert.Equal(before + 1, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task DatabaseDown_Answers503WithTheEnvelope()
    {
        var settings = env.GatewaySettings();
        settings["Database:Primary"] = Loopback.UnreachableDatabase();
        await using var gateway = await env.StartGatewayAsync(settings);

        using var response = await gateway.Client.GetAsync("/api/pitches/browse/enhanced");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(PostgresCluster.Password, text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("error").GetProperty("code").GetString());
    }

    private static HttpRequestMessage WithCookie(string url, string cookie, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{cookie}={token}");
        return request;
    }

    private static HttpRequestMessage WithBearer(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<long> Ids(JsonElement body, string property) =>
        body.GetProperty(property).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private async Task<string> SelectiveWordAsync()
    {
        var text = new SeedText();
        foreach (var rank in new[] { 300, 500, 200, 800, 100 })
        {
            var word = text.WordAt(rank);
            var count = await env.Primary.ScalarAsync<long>(
                $"SELECT count(*) FROM pitches WHERE {Visible} AND search_vector @@ websearch_to_tsquery('english', '{word}')");
            if (count is >= 4 and <= 500)
            {
                return word;
            }
        }

        throw new InvalidOperationException("no selective word in the seeded data");
    }
}
