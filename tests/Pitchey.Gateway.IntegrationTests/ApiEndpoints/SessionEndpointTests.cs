using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary><c>GET /api/auth/session</c> over real HTTP: the token from either cookie or a bearer header, the 401 envelope, the cache that never outlives <c>expires_at</c>, hashed tokens.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class SessionEndpointTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

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
}
