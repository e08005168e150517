using Npgsql;
using Pitchey.Migrations.History;
using Pitchey.Migrations.Running;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Running;

public sealed class MigrationRunnerTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>
{
    private const string Strategy = """
        SET maintenance_work_mem = '64MB';
        -- phase: 1 critical
        CREATE INDEX CONCURRENTLY idx_pitches_browse ON pitches (status, created_at DESC) WHERE status = 'published';
        CREATE INDEX idx_users_type ON users (user_type);
        -- phase: 2 reporting
        CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_investments_created ON investments (created_at);
        ANALYZE investments;
        """;

    [Fact]
    public async Task Apply_BuildsEveryIndexValid_AndSecondRunChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync(Strategy);

        var first = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Null(first.Failure);
        Assert.Equal((3, 1, 0), (first.Built, first.Ran, first.ExitCode));
        foreach (var name in new[] { "idx_pitches_browse", "idx_users_type", "idx_investments_created" })
        {
            Assert.Equal((true, true), await db.IndexAsync(name));
        }

        var oids = await db.ScalarAsync<string>("SELECT string_agg(relname || ':' || oid, ',' ORDER BY relname) FROM pg_class WHERE relname LIKE 'idx_%'");
        var history = await db.HistoryCountAsync();

        var second = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal((0, 0, 4, 0), (second.Built, second.Ran, second.Skipped, second.ExitCode));
        Assert.Equal(history, await db.HistoryCountAsync());
        Assert.Equal(oids, await db.ScalarAsync<string>("SELECT string_agg(relname || ':' || oid, ',' ORDER BY relname) FROM pg_class WHERE relname LIKE 'idx_%'"));
    }

    [Fact]
    public async Task Apply_OnePhase_BuildsOnlyThatPhase()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync(Strategy);

        var result = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: 2, CancellationToken.None);

        Assert.Equal(1, result.Built);
        Assert.Null(await db.IndexAsync("idx_pitches_browse"));
        Assert.Equal((true, true), await db.IndexAsync("idx_investments_created"));
    }

    [Fact]
    public async Task Apply_CancelledBuildMidway_LeavesInvalidIndex_RerunDropsAndRebuildsIt()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 300);
        await db.CreateSlowFunctionAsync(sleepMs: 20);
        var (script, lint) = await db.LoadAsync("CREATE INDEX CONCURRENTLY idx_pitches_slow ON pitches (slow_key(id));");
        var building = new TaskCompletionSource<BuildProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reporter = new RecordingReporter
        {
            OnProgress = (_, p) => { if (p.Phase.StartsWith("building index", StringComparison.Ordinal)) { building.TrySetResult(p); } },
        };

        var apply = db.Runner(reporter).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        var progress = await building.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var cancelled = await db.ScalarAsync<bool>(
            "SELECT bool_or(pg_cancel_backend(pid)) FROM pg_stat_progress_create_index WHERE relid = 'pitches'::regclass");
        var result = await apply.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(cancelled, $"no build to cancel (phase was {progress.Phase})");
        Assert.Contains("57014", result.Failure!.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Failure.Line);
        Assert.Equal(["idx_pitches_slow"], result.InvalidLeft);
        Assert.False((await db.IndexAsync("idx_pitches_slow"))!.Value.Valid);

        await db.ExecuteAsync("UPDATE test_knobs SET sleep_ms = 0");
        var rerunReporter = new RecordingReporter();
        var rerun = await db.Runner(rerunReporter).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Null(rerun.Failure);
        Assert.Equal(1, rerun.Built);
        Assert.Contains(rerunReporter.Events, e => e.Contains("INVALID", StringComparison.Ordinal));
        Assert.Equal((true, true), await db.IndexAsync("idx_pitches_slow"));
        Assert.Empty(rerun.InvalidLeft);
    }

    [Fact]
    public async Task Apply_KilledBetweenSteps_RerunResumesAfterTheLastFinishedStep()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync(Strategy);
        using var kill = new CancellationTokenSource();
        var reporter = new RecordingReporter { OnFinished = step => { if (step.Index?.Name == "idx_pitches_browse") { kill.Cancel(); } } };

        var first = await db.Runner(reporter).ApplyAsync(script, lint, phase: null, kill.Token);

        Assert.True(first.Cancelled);
        Assert.Equal(130, first.ExitCode);
        Assert.Equal(1, first.Built);
        Assert.Null(await db.IndexAsync("idx_users_type"));

        var rerunReporter = new RecordingReporter();
        var rerun = await db.Runner(rerunReporter).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal(2, rerun.Built);
        Assert.Equal(["idx_users_type", "idx_investments_created", "ANALYZE investments"], rerunReporter.Started);
        Assert.Equal((true, true), await db.IndexAsync("idx_pitches_browse"));
    }

    [Fact]
    public async Task Apply_KilledDuringABuild_SaysWhatItLeft_AndRerunFinishesIt()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 300);
        await db.CreateSlowFunctionAsync(sleepMs: 20);
        var (script, lint) = await db.LoadAsync("""
            CREATE INDEX CONCURRENTLY idx_pitches_status ON pitches (status);
            CREATE INDEX CONCURRENTLY idx_pitches_slow ON pitches (slow_key(id));
            """);
        using var kill = new CancellationTokenSource();
        var reporter = new RecordingReporter
        {
            OnProgress = (step, p) =>
            {
                if (step.Index?.Name == "idx_pitches_slow" && p.Phase.StartsWith("building index", StringComparison.Ordinal))
                {
                    kill.Cancel();
                }
            },
        };

        var first = await db.Runner(reporter).ApplyAsync(script, lint, phase: null, kill.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.Cancelled);
        Assert.Equal(["idx_pitches_slow"], first.InvalidLeft);
        Assert.Equal("cancelled", await db.ScalarAsync<string>(
            $"SELECT status FROM {MigrationHistory.TableName} WHERE index_name = 'idx_pitches_slow' ORDER BY step DESC LIMIT 1"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY idx_pitches_slow%'"));

        await db.ExecuteAsync("UPDATE test_knobs SET sleep_ms = 0");
        var rerun = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal((1, 1), (rerun.Built, rerun.Skipped));
        Assert.Equal((true, true), await db.IndexAsync("idx_pitches_slow"));
    }

    [Fact]
    public async Task Rollback_DropsExactlyWhatItBuilt_InReverseOrder()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        // Built by hand before the migration: apply finds it in place and rollback must leave it.
        await db.ExecuteAsync("CREATE INDEX idx_pitches_genre ON pitches (genre)");
        var before = await db.IndexNamesAsync();
        var (script, lint) = await db.LoadAsync("""
            -- phase: 1 critical
            CREATE INDEX CONCURRENTLY idx_pitches_browse ON pitches (status, created_at DESC) WHERE status = 'published';
            CREATE INDEX CONCURRENTLY idx_pitches_genre ON pitches (genre);
            CREATE INDEX CONCURRENTLY idx_users_type ON users (user_type);
            -- phase: 2 reporting
            CREATE INDEX CONCURRENTLY idx_investments_created ON investments (created_at);
            """);
        var applied = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        Assert.Equal((3, 1), (applied.Built, applied.Skipped));

        var phaseTwo = new RecordingReporter();
        var second = await db.Runner(phaseTwo).RollbackAsync(phase: 2, toStep: null, CancellationToken.None);

        Assert.Equal(1, second.Dropped);
        Assert.Null(await db.IndexAsync("idx_investments_created"));
        Assert.NotNull(await db.IndexAsync("idx_users_type"));

        var all = new RecordingReporter();
        var rest = await db.Runner(all).RollbackAsync(phase: null, toStep: null, CancellationToken.None);

        Assert.Equal(2, rest.Dropped);
        Assert.Equal(
            ["DROP INDEX CONCURRENTLY IF EXISTS idx_users_type", "DROP INDEX CONCURRENTLY IF EXISTS idx_pitches_browse"],
            all.Started);
        Assert.Equal(before, await db.IndexNamesAsync());

        var again = await db.Runner(new RecordingReporter()).RollbackAsync(phase: null, toStep: null, CancellationToken.None);
        Assert.Equal(0, again.Dropped);
    }

    [Fact]
    public async Task Rollback_ToStep_KeepsThatStepAndEarlier()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync("""
            CREATE INDEX CONCURRENTLY idx_a ON pitches (genre);
            CREATE INDEX CONCURRENTLY idx_b ON pitches (title);
            CREATE INDEX CONCURRENTLY idx_c ON pitches (updated_at);
            """);
        await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        var stepOfA = await db.ScalarAsync<long>($"SELECT step FROM {MigrationHistory.TableName} WHERE index_name = 'idx_a'");

        var result = await db.Runner(new RecordingReporter()).RollbackAsync(phase: null, toStep: stepOfA, CancellationToken.None);

        Assert.Equal(2, result.Dropped);
        Assert.NotNull(await db.IndexAsync("idx_a"));
        Assert.Null(await db.IndexAsync("idx_b"));
        Assert.Null(await db.IndexAsync("idx_c"));
    }

    [Fact]
    public async Task Apply_ExistingIndexWithAnotherDefinition_IsNotTouched()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        await db.ExecuteAsync("CREATE INDEX idx_pitches_browse ON pitches (title)");
        var (script, lint) = await db.LoadAsync("CREATE INDEX CONCURRENTLY idx_pitches_browse ON pitches (status);");

        var result = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("different definition", Assert.Single(result.Conflicts), StringComparison.Ordinal);
        Assert.Contains("(title)", await db.ScalarAsync<string>("SELECT pg_get_indexdef('idx_pitches_browse'::regclass)"), StringComparison.Ordinal);

        var rollback = await db.Runner(new RecordingReporter()).RollbackAsync(phase: null, toStep: null, CancellationToken.None);
        Assert.Equal(0, rollback.Dropped);
        Assert.NotNull(await db.IndexAsync("idx_pitches_browse"));
    }

    [Fact]
    public async Task Apply_FailingStatement_NamesItAndThePostgresError()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        await db.ExecuteAsync("INSERT INTO pitches (user_id, title) SELECT user_id, title FROM pitches LIMIT 1");
        var (script, lint) = await db.LoadAsync("CREATE UNIQUE INDEX CONCURRENTLY idx_pitches_title_unique ON pitches (title);");

        var result = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("idx_pitches_title_unique", result.Failure!.Statement, StringComparison.Ordinal);
        Assert.StartsWith("23505: could not create unique index", result.Failure.Error, StringComparison.Ordinal);
        Assert.Equal(["idx_pitches_title_unique"], result.InvalidLeft);
        Assert.Equal("failed", await db.ScalarAsync<string>($"SELECT status FROM {MigrationHistory.TableName}"));

        var rollback = await db.Runner(new RecordingReporter()).RollbackAsync(phase: null, toStep: null, CancellationToken.None);
        Assert.Equal(1, rollback.Dropped);
        Assert.Null(await db.IndexAsync("idx_pitches_title_unique"));
    }

    [Fact]
    public async Task Apply_StatementTheLintDoesNotAllow_IsNotRunAndIsReported()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync("CREATE INDEX CONCURRENTLY idx_a ON pitches (genre);\nVACUUM pitches;");

        var result = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal((1, 1), (result.Built, result.ExitCode));
        Assert.Equal(["line 2: VACUUM pitches"], result.NotRun);
        Assert.True(await db.ScalarAsync<bool>("SELECT last_vacuum IS NULL FROM pg_stat_user_tables WHERE relname = 'pitches'"));
    }

    [Fact]
    public async Task Apply_WhileAnotherRunHoldsTheLock_Refuses()
    {
        await using var db = await TestDatabase.CreateAsync(cluster);
        var (script, lint) = await db.LoadAsync("CREATE INDEX CONCURRENTLY idx_a ON pitches (genre);");
        await using var other = await db.DataSource.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(x'70697463686579'::bigint)", other))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None));

        Assert.Contains("another", error.Message, StringComparison.Ordinal);
        Assert.Null(await db.IndexAsync("idx_a"));
    }
}
