using System.Collections.Concurrent;
using Npgsql;
using Pitchey.Database.Migrations;
using Pitchey.Testing;

namespace Pitchey.Database.IntegrationTests.Migrations;

/// <summary>One PostgreSQL cluster per test class; each test gets its own database cloned from the schema.</summary>
public sealed class MigrationFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A fresh database with the schema, one user and <paramref name="pitches"/> pitches.</summary>
    internal async Task<TestDatabase> CreateDatabaseAsync(int pitches = 100)
    {
        var name = $"mig_{Interlocked.Increment(ref _databases)}";
        await Cluster.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {PostgresCluster.DatabaseName}", "postgres");
        var connectionString = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString) { Database = name, ApplicationName = "migrate-test" }.ConnectionString;
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
}

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

/// <summary>Records what the runner reports, and lets a test act at a given moment.</summary>
internal sealed class RecordingReporter : IMigrationReporter
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<string> Started { get; } = new();

    public TaskCompletionSource<BuildProgress> FirstProgress { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstLockRetry { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<MigrationStatement>? OnFinished { get; set; }

    public Action<MigrationStatement, BuildProgress>? OnProgress { get; set; }

    public int LockRetries;

    public void StepStarting(MigrationStatement step, string action)
    {
        Started.Enqueue(step.Index?.Name ?? step.Summary);
        Events.Enqueue($"start {action}");
    }

    public void StepSkipped(MigrationStatement step, string reason) => Events.Enqueue($"skip {step.Index?.Name}: {reason}");

    public void StepFinished(MigrationStatement step, string outcome)
    {
        Events.Enqueue($"done {outcome}");
        OnFinished?.Invoke(step);
    }

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
        FirstProgress.TrySetResult(progress);
        OnProgress?.Invoke(step, progress);
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error)
    {
        Interlocked.Increment(ref LockRetries);
        Events.Enqueue($"retry {attempt}: {error}");
        FirstLockRetry.TrySetResult();
    }

    public void Note(string message) => Events.Enqueue($"note {message}");
}
