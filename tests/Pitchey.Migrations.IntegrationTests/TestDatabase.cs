using Npgsql;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.History;
using Pitchey.Migrations.IntegrationTests.Running;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;
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
        // The probe's latency follows the test machine's load, not the migration's: off unless a test is about it.
        Throttle = new ThrottleOptions { SampleInterval = TimeSpan.FromMilliseconds(100), MaxProbeLatency = TimeSpan.Zero },
    };

    /// <summary>A fresh database cloned from the environment's schema, with one user and <paramref name="pitches"/> pitches.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseEnvironment environment, int pitches = 100)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = await environment.CreateDatabaseAsync(applicationName: "migrate-test");
        var database = new TestDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
        await database.ExecuteAsync(MigrationData.Pitches(pitches));
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
    public Task CreateSlowFunctionAsync(int sleepMs) => ExecuteAsync(MigrationData.SlowFunction(sleepMs));

    public MigrationRunner Runner(RecordingReporter reporter, MigrationOptions? options = null, IReadOnlyList<NpgsqlDataSource>? replicas = null) =>
        new(DataSource, options ?? Options, TimeProvider.System, reporter, replicas);

    /// <summary>The newest run's row of the history.</summary>
    public async Task<RunEntry> LastRunAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await MigrationHistory.ReadRunsAsync(connection, CancellationToken.None))[^1];
    }

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
