namespace Pitchey.Testing.Postgres;

/// <summary>What the migration tests (engine and <c>migrate</c> verb) put into a database of their own, as SQL.</summary>
public static class MigrationData
{
    /// <summary>One user and <paramref name="pitches"/> pitches (a third published, ten genres, a minute apart), analysed.</summary>
    public static string Pitches(int pitches) => $"""
        INSERT INTO users (email, username, password_hash) VALUES ('a@example.com', 'a', 'x');
        INSERT INTO pitches (user_id, title, status, genre, created_at)
        SELECT 1, 'title ' || g, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END, 'genre' || (g % 10), now() - g * interval '1 minute'
        FROM generate_series(1, {pitches}) g;
        ANALYZE;
        """;

    /// <summary>
    /// An IMMUTABLE-declared function <c>slow_key(bigint)</c> that sleeps as long as
    /// <c>test_knobs.sleep_ms</c> says: an index on it builds as slowly as a test needs, and
    /// <c>UPDATE test_knobs SET sleep_ms = 0</c> makes the next build fast.
    /// </summary>
    public static string SlowFunction(int sleepMs) => $"""
        CREATE TABLE test_knobs (sleep_ms int NOT NULL);
        INSERT INTO test_knobs VALUES ({sleepMs});
        CREATE FUNCTION slow_key(bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE ms int := (SELECT sleep_ms FROM public.test_knobs);
        BEGIN
            IF ms > 0 THEN PERFORM pg_sleep(ms / 1000.0); END IF;
            RETURN $1;
        END $$;
        """;
}
