using Npgsql;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.History;
using Pitchey.Migrations.IntegrationTests.Running;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests;

/// <summary>A database of its own for one test, with what the tests do to it and ask of it.</summary>
internal sealed class TestDatabase(string connectionString, NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static MigrationOptions Options => new()
    {
        LockTimeout = TimeSpan.FromSeconds(1),
        LockRetryBudget = TimeSpan.FromSeconds(30),
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        ProgressInterval = TimeSpan.FromMilliseconds(50),
        LargeTableRows = 5_000,
    };

    /// <summary>A fresh database cloned from the environment's schema, with one user and <paramref name="pitches"/> pitches.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseEnvironment environment, int pitches = 100)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = await environment.CreateDatabaseAsync(applicationName: "migrate-test");
        var database = new TestDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
        await database.ExecuteAsync($"""
            INSERT INTO users (email, username, password_hash) VALUES ('a@example.com', 'a', 'x');
            INSERT INTO pitches (user_id, title, status, genre, created_at)
            SELECT 1, 'title ' || g, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END, 'genre' || (g % 10), now() - g * interval '1 minute'
            FROM generate_series(1, {pitches}) g;
            ANALYZE;
            """);
        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>(valid, ready) of an index, or null when it does not exist.</summary>
    public async Task<(bool Valid, bool Ready)?> IndexAsync(string name)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT x.indisvalid, x.indisready FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = $1");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetBoolean(0), reader.GetBoolean(1)) : null;
    }

    public async Task<string[]> IndexNamesAsync()
    {
        await using var command = DataSource.CreateCommand(
            "SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'");
        return (string[])(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> HistoryCountAsync() =>
        await ScalarAsync<long>($"SELECT count(*) FROM {MigrationHistory.TableName}");

    /// <summary>An IMMUTABLE-declared function that sleeps as long as test_knobs says: makes builds slow on demand.</summary>
    public Task CreateSlowFunctionAsync(int sleepMs) => ExecuteAsync($"""
        CREATE TABLE test_knobs (sleep_ms int NOT NULL);
        INSERT INTO test_knobs VALUES ({sleepMs});
        CREATE FUNCTION slow_key(bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE ms int := (SELECT sleep_ms FROM public.test_knobs);
        BEGIN
            IF ms > 0 THEN PERFORM pg_sleep(ms / 1000.0); END IF;
            RETURN $1;
        END $$;
        """);

    public MigrationRunner Runner(RecordingReporter reporter, MigrationOptions? options = null) =>
        new(DataSource, options ?? Options, TimeProvider.System, reporter);

    public async Task<(MigrationScript Script, LintReport Lint)> LoadAsync(string sql)
    {
        var script = MigrationScript.Parse(sql, "test.sql");
        await using var connection = await DataSource.OpenConnectionAsync();
        var lint = MigrationLint.Run(script, await CatalogSnapshot.ReadAsync(connection, CancellationToken.None));
        Assert.False(lint.BlocksApply, string.Join("; ", lint.Findings.Select(f => $"{f.Line}: {f.Message}")));
        return (script, lint);
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
