using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;

namespace Pitchey.Database.IntegrationTests.Queries;

[Collection(SeededDatabaseCollection.Name)]
public sealed class SessionQueryTests(SeededDatabase database)
{
    private static readonly IOptions<TunedQueryOptions> DefaultOptions = Options.Create(new TunedQueryOptions());

    [Fact]
    public async Task LoadAsync_LiveSession_ReturnsItsUser()
    {
        var token = database.Seed.CreatorTokens[0];
        var expected = await database.Primary.ScalarAsync<long>("SELECT user_id FROM sessions WHERE id = $1", token);
        var sessions = new SessionQuery(DefaultOptions, TimeProvider.System);

        var user = await LoadAsync(sessions, token);

        Assert.NotNull(user);
        Assert.Equal(expected, user.Id);
        Assert.Equal("creator", user.UserType);
        Assert.Equal($"user{expected}@seed.pitchey.local", user.Email);
    }

    [Fact]
    public async Task LoadAsync_ExpiredOrUnknownOrInactive_ReturnsNull()
    {
        var sessions = new SessionQuery(DefaultOptions, TimeProvider.System);
        var expired = await database.Primary.ScalarAsync<string>("SELECT id FROM sessions WHERE expires_at < now() LIMIT 1");
        var inactive = await database.Primary.ScalarAsync<string>(
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE NOT u.is_active AND s.expires_at > now() LIMIT 1");

        Assert.Null(await LoadAsync(sessions, expired));
        Assert.Null(await LoadAsync(sessions, inactive));
        Assert.Null(await LoadAsync(sessions, "no-such-token"));
    }

    [Fact]
    public async Task TryGetCached_NeverServesPastExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.FromMinutes(10) });
        var sessions = new SessionQuery(options, time);
        const string token = "short-lived-test-token";
        var expiresAt = await database.Primary.ScalarAsync<DateTime>(
            "INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, (SELECT min(id) FROM users WHERE is_active), now() + interval '5 minutes') " +
            "RETURNING expires_at", token);
        Assert.NotNull(await LoadAsync(sessions, token));

        time.SetUtcNow(new DateTimeOffset(expiresAt, TimeSpan.Zero).AddSeconds(-1));
        Assert.True(sessions.TryGetCached(token, out _));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(sessions.TryGetCached(token, out _));
        Assert.Null(await LoadAsync(sessions, token)); // the database agrees with the gateway's clock
    }

    private async Task<SessionUser?> LoadAsync(SessionQuery sessions, string token)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await sessions.LoadAsync(connection, token, CancellationToken.None);
    }
}
