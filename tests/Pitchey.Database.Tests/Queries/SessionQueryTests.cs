using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class SessionQueryTests
{
    private static readonly SessionUser User = new(1, "a@b.c", "user1", "User One", "creator", "User", "One", null, null, null);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void HashToken_IsLowercaseHexSha256()
    {
        // sha256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SessionQuery.HashToken("abc"));
    }

    [Fact]
    public void TryGetCached_SessionEndsWithinTheTtl_IsNotServedPastItsExpiry()
    {
        using var sessions = Sessions(ttl: TimeSpan.FromMinutes(10));
        sessions.Remember("token", User, expiresAt: _time.GetUtcNow().AddMinutes(1), _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(sessions.TryGetCached("token", out var user));
        Assert.Same(User, user);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sessions.TryGetCached("token", out _));
    }

    [Fact]
    public void TryGetCached_TtlEndsBeforeTheSession_IsAMissAfterTheTtl()
    {
        using var sessions = Sessions(ttl: TimeSpan.FromSeconds(30));
        sessions.Remember("token", User, expiresAt: _time.GetUtcNow().AddDays(1), _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(sessions.TryGetCached("token", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sessions.TryGetCached("token", out _));
    }

    [Fact]
    public void Remember_ZeroTtl_CachesNothing()
    {
        using var sessions = Sessions(ttl: TimeSpan.Zero);
        sessions.Remember("token", User, expiresAt: _time.GetUtcNow().AddDays(1), _time.GetUtcNow());

        Assert.False(sessions.TryGetCached("token", out _));
    }

    [Fact]
    public void Remember_FullCache_KeepsThreeQuartersOfTheSessionsAndTheNewOne()
    {
        using var sessions = Sessions(ttl: TimeSpan.FromMinutes(10), size: 200);
        var expiresAt = _time.GetUtcNow().AddDays(1);
        for (var i = 0; i < 200; i++)
        {
            sessions.Remember($"token{i}", User, expiresAt, _time.GetUtcNow());
        }

        sessions.Remember("one-more", User, expiresAt, _time.GetUtcNow());

        var kept = Enumerable.Range(0, 200).Count(i => sessions.TryGetCached($"token{i}", out _));
        Assert.InRange(kept, 140, 160);
        Assert.True(sessions.TryGetCached("one-more", out _));
    }

    private SessionQuery Sessions(TimeSpan ttl, int size = 1000) =>
        new(Options.Create(new TunedQueryOptions { SessionCacheTtl = ttl, SessionCacheSize = size }), _time);
}
