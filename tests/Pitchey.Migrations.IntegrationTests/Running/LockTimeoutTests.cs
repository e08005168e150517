using Npgsql;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Running;

public sealed class LockTimeoutTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>
{
    private const string Build = "CREATE INDEX CONCURRENTLY idx_pitches_genre ON pitches (genre);";

    [Fact]
    public async Task Apply_LongOpenTransaction_ShortBudgetFailsClearly_WhileWritesGoOn()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        await using var blocker = await OpenTransactionOnPitchesAsync(db);
        var (script, lint) = await db.LoadAsync(Build);
        var options = TestDatabase.Options;
        options.LockTimeout = TimeSpan.FromMilliseconds(500);
        options.LockRetryBudget = TimeSpan.FromSeconds(2);
        var reporter = new RecordingReporter();

        var apply = db.Runner(reporter, options).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        await WaitUntilBuildWaitsOnLockAsync(db);
        // The build is waiting: the application's writes must not be.
        await using (var writer = await db.DataSource.OpenConnectionAsync())
        {
            await using var insert = new NpgsqlCommand(
                "SET statement_timeout = '5s'; INSERT INTO pitches (user_id, title) VALUES (1, 'written while the build waits')", writer);
            await insert.ExecuteNonQueryAsync();
        }

        var result = await apply.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(1, result.Failure!.Line);
        Assert.Contains("idx_pitches_genre", result.Failure.Statement, StringComparison.Ordinal);
        Assert.Contains("gave up after", result.Failure.Error, StringComparison.Ordinal);
        Assert.Contains("lock timeout", result.Failure.Error, StringComparison.Ordinal);
        Assert.True(reporter.LockRetries >= 1, "expected at least one retry before giving up");
        Assert.Equal(["idx_pitches_genre"], result.InvalidLeft);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pitches WHERE title = 'written while the build waits'"));
    }

    [Fact]
    public async Task Apply_LongOpenTransaction_LongerBudgetFinishesOnceItEnds()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var blocker = await OpenTransactionOnPitchesAsync(db);
        var (script, lint) = await db.LoadAsync(Build);
        var options = TestDatabase.Options;
        options.LockTimeout = TimeSpan.FromMilliseconds(200);
        options.LockRetryBudget = TimeSpan.FromSeconds(60);
        var reporter = new RecordingReporter();

        var apply = db.Runner(reporter, options).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        await reporter.FirstLockRetry.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using (blocker)
        {
            await using var commit = new NpgsqlCommand("COMMIT", blocker);
            await commit.ExecuteNonQueryAsync();
        }

        var result = await apply.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Null(result.Failure);
        Assert.Equal(1, result.Built);
        Assert.Empty(result.InvalidLeft);
        Assert.Equal((true, true), await db.IndexAsync("idx_pitches_genre"));
    }

    private static async Task<NpgsqlConnection> OpenTransactionOnPitchesAsync(TestDatabase db)
    {
        var connection = await db.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("BEGIN; INSERT INTO pitches (user_id, title) VALUES (1, 'uncommitted')", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task WaitUntilBuildWaitsOnLockAsync(TestDatabase db)
    {
        // No signal exists for "a backend is waiting on a lock": poll pg_stat_activity, bounded.
        for (var i = 0; i < 500; i++)
        {
            var waiting = await db.ScalarAsync<long>("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'CREATE INDEX CONCURRENTLY idx_pitches_genre%'
                """);
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("the build never waited on a lock");
    }
}
