using Npgsql;
using Pitchey.Migrations.History;
using Pitchey.Migrations.IntegrationTests.Running;
using Pitchey.Migrations.Running;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Throttling;

/// <summary>
/// The throttle against a real primary and streaming replica whose replay the tests pause. Each
/// test resumes replay before it ends, so the pair stays usable for the next.
/// </summary>
public sealed class ThrottleTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    private const string TwoBuilds = """
        CREATE INDEX CONCURRENTLY idx_pitches_slow ON pitches (slow_key(id));
        CREATE INDEX CONCURRENTLY idx_pitches_genre ON pitches (genre);
        """;

    [Fact]
    public async Task Apply_ReplayPaused_WaitsBeforeTheNextStatement_AndFinishesOnceReplayResumes()
    {
        await using var db = await TestDatabase.CreateAsync(pair, pitches: 100);
        // 100 rows x 20 ms: the first build alone outlasts the lag limit, so a later statement must wait.
        await db.CreateSlowFunctionAsync(sleepMs: 20);
        var (script, lint) = await db.LoadAsync(TwoBuilds);
        var options = TestDatabase.Options;
        options.Throttle.MaxReplicaLag = TimeSpan.FromSeconds(1);
        await using var replica = NpgsqlDataSource.Create(pair.Replica.ConnectionString);
        var reporter = new RecordingReporter();
        await PauseWithReplayBehindAsync(db);
        Task<MigrationResult> apply;
        string reason;
        long startedWhileThrottled;
        try
        {
            apply = db.Runner(reporter, options, [replica]).ApplyAsync(script, lint, phase: null, CancellationToken.None);
            reason = await reporter.FirstThrottle.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var waitingFor = reason[..reason.IndexOf(':', StringComparison.Ordinal)];
            startedWhileThrottled = await db.ScalarAsync<long>($"SELECT count(*) FROM {MigrationHistory.TableName} WHERE index_name = '{waitingFor}'");
            Assert.False(apply.IsCompleted);
        }
        finally
        {
            await pair.Replica.ResumeReplayAsync();
        }

        var result = await apply.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Matches(@"^idx_pitches_\w+: replica 1 lag [\d.]+ s > 1 s \[Migrations:Throttle:MaxReplicaLag\]$", reason);
        Assert.Equal(0, startedWhileThrottled);
        Assert.Null(result.Failure);
        Assert.Equal(2, result.Built);
        Assert.True(reporter.ThrottleLifts >= 1, "the throttle was never lifted");
        var run = await db.LastRunAsync();
        Assert.Equal(StepStatus.Done, run.Status);
        Assert.True(run.Impact.Throttled > TimeSpan.Zero, "no throttled time recorded");
        Assert.True(run.Impact.ThrottleWaits >= 1);
        Assert.Equal("replica 1", run.Impact.PeakLagReplica);
        Assert.True(run.Impact.PeakReplicaLag > options.Throttle.MaxReplicaLag);
        // PostgreSQL keeps intervals to the microsecond: compare the counts, not the ticks.
        Assert.Equal((result.Impact.ThrottleWaits, result.Impact.Samples), (run.Impact.ThrottleWaits, run.Impact.Samples));
    }

    [Fact]
    public async Task Apply_CriticalLagDuringALongBuild_CancelsIt_AndTheRerunEndsWithAValidIndex()
    {
        await using var db = await TestDatabase.CreateAsync(pair, pitches: 300);
        await db.CreateSlowFunctionAsync(sleepMs: 20);
        var (script, lint) = await db.LoadAsync("CREATE INDEX CONCURRENTLY idx_pitches_slow ON pitches (slow_key(id));");
        var options = TestDatabase.Options;
        options.Throttle.MaxReplicaLag = TimeSpan.Zero;
        options.Throttle.CriticalReplicaLag = TimeSpan.FromSeconds(1);
        var reporter = new RecordingReporter();
        await PauseWithReplayBehindAsync(db);
        MigrationResult result;
        try
        {
            // No replicas given: the lag comes from pg_stat_replication on the primary.
            result = await db.Runner(reporter, options).ApplyAsync(script, lint, phase: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await pair.Replica.ResumeReplayAsync();
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(MigrationFailure.Throttle, result.Failure!.Source);
        Assert.Matches(@"^cancelled at a critical limit: replica 1 \(\w+\) lag [\d.]+ s > 1 s \(Migrations:Throttle:CriticalReplicaLag\)$", result.Failure.Error);
        Assert.Equal(["idx_pitches_slow"], result.InvalidLeft);
        Assert.False((await db.IndexAsync("idx_pitches_slow"))!.Value.Valid);
        Assert.Contains(reporter.Events, e => e.Contains("INVALID index idx_pitches_slow left behind", StringComparison.Ordinal));
        var run = await db.LastRunAsync();
        Assert.Equal(StepStatus.Failed, run.Status);
        Assert.Contains("CriticalReplicaLag", run.StopReason, StringComparison.Ordinal);

        await db.ExecuteAsync("UPDATE test_knobs SET sleep_ms = 0");
        var rerun = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Null(rerun.Failure);
        Assert.Equal(1, rerun.Built);
        Assert.Equal((true, true), await db.IndexAsync("idx_pitches_slow"));
        Assert.Empty(rerun.InvalidLeft);
    }

    /// <summary>Pauses replay, then writes on the primary: the replica has received WAL it has not replayed.</summary>
    private async Task PauseWithReplayBehindAsync(TestDatabase db)
    {
        await pair.Replica.WaitForReplayAsync(await pair.Primary.CurrentLsnAsync());
        await pair.Replica.PauseReplayAsync();
        await db.ExecuteAsync("INSERT INTO users (email, username, password_hash) VALUES ('behind@example.com', 'behind', 'x')");
    }
}
