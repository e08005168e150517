using System.Text.Json;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// Only what is safe to share is shared: never an answer that sets a cookie, never one the upstream
/// marks <c>no-store</c> or <c>private</c>; requests with credentials neither use nor fill shared
/// entries; a read-your-writes token bypasses them; <c>Vary</c> keys by the named headers; per-user
/// entries are keyed by the session's user and only ever served to it.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class SharingRulesTests(CacheEnvironment env)
{
    [Fact]
    public async Task ForwardedRoute_SecondRequest_IsAHitWithAge_AndTheUpstreamIsAskedOnce()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public?{Fresh("page=1&k=")}";
        var before = await env.StandIn.RequestCountAsync();

        var first = await GetAsync(gateway, url);
        using var second = await gateway.Client.GetAsync(url);
        // The same parameters in another order are the same key.
        var query = url[(url.IndexOf('?') + 1)..].Split('&');
        var reordered = await GetAsync(gateway, "/api/pitches/public?" + string.Join('&', query.Reverse()));

        Assert.Equal(("MISS", 200), (first.Cache, first.Status));
        Assert.Equal("HIT", XCache(second));
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Body, await second.Content.ReadAsStringAsync());
        Assert.Equal("HIT", reordered.Cache);
        Assert.Equal(before + 1, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task SetCookieAnswers_AreNeverStored()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public/new?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            UpstreamHeader(request, "Set-Cookie", "tracker=abc; Path=/");
            using var response = await gateway.Client.SendAsync(request);
            Assert.Equal("MISS", XCache(response));
            Assert.Contains("tracker=abc; Path=/", response.Headers.GetValues("Set-Cookie"));
        }

        // Without the cookie the same key is stored and then a hit, carrying no Set-Cookie.
        Assert.Equal("MISS", (await GetAsync(gateway, url)).Cache);
        using var hit = await gateway.Client.GetAsync(url);
        Assert.Equal("HIT", XCache(hit));
        Assert.False(hit.Headers.Contains("Set-Cookie"));
        Assert.Equal(before + 3, await env.StandIn.RequestCountAsync());
    }

    [Theory]
    [InlineData("no-store")]
    [InlineData("private, max-age=600")]
    [InlineData("no-cache")]
    public async Task UpstreamCacheControl_ThatForbidsSharedStorage_IsHonoured(string cacheControl)
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public/42?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();

        for (var i = 0; i < 3; i++)
        {
            var answer = await GetAsync(gateway, url, r => UpstreamHeader(r, "Cache-Control", cacheControl));
            Assert.Equal((200, "MISS"), (answer.Status, answer.Cache));
        }

        Assert.Equal(before + 3, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task UpstreamMaxAgeZero_IsNotStored_AndSMaxAge_IsStored()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public/43?{Fresh("k=")}";

        Assert.Equal("MISS", (await GetAsync(gateway, url, r => UpstreamHeader(r, "Cache-Control", "public, max-age=0"))).Cache);
        Assert.Equal("MISS", (await GetAsync(gateway, url, r => UpstreamHeader(r, "Cache-Control", "public, max-age=0, s-maxage=300"))).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, url)).Cache);
    }

    [Fact]
    public async Task RequestsWithCredentials_NeitherUseNorFillSharedEntries()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public/trending?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();

        // Credentials first: answered by the upstream, not stored.
        var bearer = await GetAsync(gateway, url, r => Bearer(r, "some-token"));
        var session = await GetAsync(gateway, url, r => Cookie(r, "pitchey-session=abc"));
        var anonymous = await GetAsync(gateway, url);
        var again = await GetAsync(gateway, url);
        // Credentials after an anonymous fill: still the upstream, never the shared entry.
        var later = await GetAsync(gateway, url, r => Cookie(r, "theme=dark; better-auth-session=xyz"));

        Assert.Equal("BYPASS", bearer.Cache);
        Assert.Contains("Bearer some-token", Echoed(bearer.Body, "authorization"), StringComparison.Ordinal);
        Assert.Equal("BYPASS", session.Cache);
        Assert.Equal("MISS", anonymous.Cache);
        Assert.Null(Echoed(anonymous.Body, "authorization"));
        Assert.Equal(("HIT", anonymous.Body), (again.Cache, again.Body));
        Assert.Equal("BYPASS", later.Cache);
        Assert.Contains("better-auth-session=xyz", Echoed(later.Body, "cookie"), StringComparison.Ordinal);
        Assert.Equal(before + 4, await env.StandIn.RequestCountAsync());

        // A cookie that is nobody's session shares as usual.
        Assert.Equal("HIT", (await GetAsync(gateway, url, r => Cookie(r, "theme=dark"))).Cache);
    }

    [Fact]
    public async Task UpstreamVary_KeysTheEntryByTheNamedHeader()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/public/44?{Fresh("k=")}";
        void English(HttpRequestMessage r)
        {
            r.Headers.Add("Accept-Language", "en");
            UpstreamHeader(r, "Vary", "Accept-Language");
        }

        void French(HttpRequestMessage r)
        {
            r.Headers.Add("Accept-Language", "fr");
            UpstreamHeader(r, "Vary", "Accept-Language");
        }

        var en = await GetAsync(gateway, url, English);
        var fr = await GetAsync(gateway, url, French);
        var enAgain = await GetAsync(gateway, url, English);
        var frAgain = await GetAsync(gateway, url, French);

        Assert.Equal(("MISS", "MISS", "HIT", "HIT"), (en.Cache, fr.Cache, enAgain.Cache, frAgain.Cache));
        Assert.Equal("en", Echoed(enAgain.Body, "accept-language"));
        Assert.Equal("fr", Echoed(frAgain.Body, "accept-language"));
    }

    [Fact]
    public async Task ReadYourWritesToken_BypassesSharedEntries()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/browse/enhanced?genre=Comedy&limit={Random.Shared.Next(2, 99)}";
        Assert.Equal("MISS", (await GetAsync(gateway, url)).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, url)).Cache);

        // A write no eviction rule names: it evicts nothing, and its answer carries a token.
        using var write = await PostAsync(gateway, "/api/notifications/read");
        var token = Assert.Single(write.Headers.GetValues("X-Pitchey-Lsn"));

        Assert.Equal("BYPASS", (await GetAsync(gateway, url, r => r.Headers.Add("X-Pitchey-Lsn", token))).Cache);
        Assert.Equal("BYPASS", (await GetAsync(gateway, url, r => Cookie(r, "pitchey-lsn=" + token))).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, url, r => r.Headers.Add("X-Pitchey-Lsn", "0/1.1.forged"))).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, url)).Cache);
    }

    [Fact]
    public async Task PerUserEntries_AreKeyedByTheSessionsUser_AndNeverShared()
    {
        await using var gateway = await env.StartGatewayAsync();
        var alice = env.Seed.CreatorTokens[0];
        var bob = env.Seed.CreatorTokens[1];

        var anonymous = await GetAsync(gateway, "/api/auth/session");
        var aliceFirst = await GetAsync(gateway, "/api/auth/session", r => Cookie(r, "pitchey-session=" + alice));
        var aliceSecond = await GetAsync(gateway, "/api/auth/session", r => Cookie(r, "pitchey-session=" + alice));
        var aliceThird = await GetAsync(gateway, "/api/auth/session", r => Bearer(r, alice));
        var bobFirst = await GetAsync(gateway, "/api/auth/session", r => Bearer(r, bob));
        var bobSecond = await GetAsync(gateway, "/api/auth/session", r => Bearer(r, bob));
        var stranger = await GetAsync(gateway, "/api/auth/session", r => Bearer(r, "not-a-session"));

        Assert.Equal((401, "BYPASS"), (anonymous.Status, anonymous.Cache));
        Assert.Equal(("MISS", "HIT", "HIT"), (aliceFirst.Cache, aliceSecond.Cache, aliceThird.Cache));
        Assert.Equal(("MISS", "HIT"), (bobFirst.Cache, bobSecond.Cache));
        Assert.Equal(aliceFirst.Body, aliceThird.Body);
        Assert.NotEqual(UserId(aliceSecond.Body), UserId(bobSecond.Body));
        Assert.Equal(await env.Primary.ScalarAsync<long>($"SELECT user_id FROM sessions WHERE id = '{bob}'"), UserId(bobSecond.Body));
        Assert.Equal((401, "MISS"), (stranger.Status, stranger.Cache));

        var dashboard = await GetAsync(gateway, "/api/creator/dashboard", r => Bearer(r, alice));
        var dashboardAgain = await GetAsync(gateway, "/api/creator/dashboard", r => Bearer(r, alice));
        var investor = await GetAsync(gateway, "/api/creator/dashboard", r => Bearer(r, env.Seed.OtherTokens[0]));
        Assert.Equal((200, "HIT"), (dashboardAgain.Status, dashboardAgain.Cache));
        Assert.Equal(dashboard.Body, dashboardAgain.Body);
        Assert.Equal(403, investor.Status);
        Assert.Equal(403, (await GetAsync(gateway, "/api/creator/dashboard", r => Bearer(r, env.Seed.OtherTokens[0]))).Status);
    }

    private static string? Echoed(string body, string header) =>
        JsonDocument.Parse(body).RootElement.GetProperty("headers").EnumerateObject()
            .FirstOrDefault(p => string.Equals(p.Name, header, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    private static long UserId(string body) => JsonDocument.Parse(body).RootElement.GetProperty("user").GetProperty("id").GetInt64();
}
