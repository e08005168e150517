using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Session lookup: token -> live session of an active user, by the primary key of <c>sessions</c>.
/// A bounded in-process cache (<see cref="TunedQueryOptions.SessionCacheSize"/> sessions) answers
/// repeated lookups without the database for <see cref="TunedQueryOptions.SessionCacheTtl"/>, and
/// never past the session's <c>expires_at</c>.
/// In hashed mode <c>sessions.id</c> holds the SHA-256 (lowercase hex) of the token.
/// </summary>
/// <remarks>
/// Expiry is compared with the gateway's clock (<see cref="TimeProvider"/>) in SQL as well as in the
/// cache, so both agree on when a session ends. One fixed statement, prepared explicitly (see
/// <see cref="BrowseQuery"/>). Revoking a session takes effect within the cache TTL.
/// </remarks>
public sealed class SessionQuery(IOptions<TunedQueryOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Tokens longer than this are rejected without a lookup.</summary>
    public const int MaxTokenLength = 512;

    internal const string Sql = SqlTags.Session +
        "SELECT u.id, u.email, u.username, u.user_type, u.first_name, u.last_name, u.bio, u.company_name, " +
        "u.profile_image_url, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id " +
        "WHERE s.id = $1 AND s.expires_at > $2 AND u.is_active";

    private readonly TunedQueryOptions _options = options.Value;
    private readonly ExpiringCache<string, SessionUser> _cache = new(options.Value.SessionCacheSize, time);
    private long _lookups;

    /// <summary>How many lookups reached the database; tests use it.</summary>
    public long DatabaseLookups => Interlocked.Read(ref _lookups);

    /// <summary>The value stored in <c>sessions.id</c> for a token (the token, or its SHA-256 in hashed mode).</summary>
    public string KeyFor(string token) => _options.HashedSessionTokens ? HashToken(token) : token;

    /// <summary>Lowercase hex SHA-256 of a token: what hashed mode stores.</summary>
    public static string HashToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A cached live session, or false: the caller then runs <see cref="LoadAsync"/>.</summary>
    public bool TryGetCached(string key, out SessionUser? user) => _cache.TryGet(key, out user);

    /// <summary>Looks the session up in the database and caches a live one. Null: no live session.</summary>
    public async Task<SessionUser?> LoadAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Interlocked.Increment(ref _lookups);
        var now = time.GetUtcNow();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        StatementTrace.Record(command);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var firstName = reader.IsDBNull(4) ? null : reader.GetString(4);
        var lastName = reader.IsDBNull(5) ? null : reader.GetString(5);
        var username = reader.GetString(2);
        var user = new SessionUser(
            reader.GetInt64(0),
            reader.GetString(1),
            username,
            DisplayName(firstName, lastName, username),
            reader.GetString(3),
            firstName,
            lastName,
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8));
        var expiresAt = new DateTimeOffset(reader.GetFieldValue<DateTime>(9), TimeSpan.Zero);

        Remember(key, user, expiresAt, now);
        return user;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>Caches a live session until the TTL ends or the session does, whichever comes first.</summary>
    internal void Remember(string key, SessionUser user, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (_options.SessionCacheTtl > TimeSpan.Zero)
        {
            var until = now + _options.SessionCacheTtl;
            _cache.Set(key, user, until < expiresAt ? until : expiresAt);
        }
    }

    private static string DisplayName(string? firstName, string? lastName, string username) =>
        (firstName, lastName) switch
        {
            (null or "", null or "") => username,
            (null or "", _) => lastName!,
            (_, null or "") => firstName!,
            _ => firstName + " " + lastName,
        };
}
