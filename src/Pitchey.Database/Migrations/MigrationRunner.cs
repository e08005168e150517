using System.Diagnostics;
using Npgsql;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Migrations;

/// <summary>The failure that stopped a run: which statement, and PostgreSQL's own words.</summary>
internal sealed record MigrationFailure(int Line, string Statement, string Error);

/// <summary>What apply or rollback did.</summary>
internal sealed record MigrationResult(
    int Built,
    int Ran,
    int Skipped,
    int Dropped,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> NotRun,
    IReadOnlyList<string> InvalidLeft,
    MigrationFailure? Failure,
    bool Cancelled)
{
    /// <summary>0 done, 1 done but with conflicts or statements the lint did not allow (to look at), 2 failed, 130 cancelled.</summary>
    public int ExitCode => Cancelled ? 130 : Failure is not null ? 2 : Conflicts.Count > 0 || NotRun.Count > 0 ? 1 : 0;
}

/// <summary>
/// Applies and rolls back index strategies without blocking application writes for longer than the
/// lock timeout: every build is CONCURRENTLY and outside a transaction, one at a time, retried
/// with exponential backoff and jitter on lock timeouts within a total budget, checked for
/// validity afterwards, and recorded in <see cref="MigrationHistory"/> so reruns skip finished work.
/// </summary>
internal sealed class MigrationRunner(NpgsqlDataSource dataSource, MigrationOptions options, TimeProvider timeProvider, IMigrationReporter reporter)
{
    private const string LockNotAvailable = "55P03";
    // One key for apply and rollback: two runs on one database would fight over the same tables.
    private const long AdvisoryLockKey = 0x70_69_74_63_68_65_79; // "pitchey"

    private readonly MigrationHistory _history = new(timeProvider);

    public async Task<MigrationResult> ApplyAsync(MigrationScript script, LintReport lint, int? phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(lint);
        if (lint.BlocksApply)
        {
            throw new InvalidOperationException("the lint reports errors apply cannot fix; run `migrate lint` first");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await PrepareSessionAsync(connection, cancellationToken);
        try
        {
            return await ApplyLockedAsync(connection, script, lint, phase, cancellationToken);
        }
        finally
        {
            await ReleaseSessionAsync(connection);
        }
    }

    private async Task<MigrationResult> ApplyLockedAsync(NpgsqlConnection connection, MigrationScript script, LintReport lint, int? phase, CancellationToken cancellationToken)
    {
        var run = new RunState();
        await MigrationHistory.EnsureAsync(connection, cancellationToken);
        var completed = await MigrationHistory.CompletedChecksumsAsync(connection, cancellationToken);

        var steps = lint.Statements.Where(s => s.Kind != StatementKind.Query).OrderBy(s => s.Source.Phase).ToList();
        foreach (var group in steps.GroupBy(s => s.Source.Phase))
        {
            var analyse = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var step in group)
            {
                var sessionSetting = step.Kind is StatementKind.Set or StatementKind.Reset && step.Source.Phase == 0;
                if (phase is not null && step.Source.Phase != phase && !sessionSetting)
                {
                    continue;
                }

                try
                {
                    var stop = await ApplyStepAsync(connection, script.FileName, step, lint, completed, run, analyse, cancellationToken);
                    if (stop)
                    {
                        return run.Result();
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    run.Cancelled = true;
                    return run.Result();
                }
            }

            await AnalyseAsync(connection, analyse, cancellationToken);
        }

        return run.Result();
    }

    public async Task<MigrationResult> RollbackAsync(int? phase, long? toStep, CancellationToken cancellationToken)
    {
        var run = new RunState();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await MigrationHistory.ExistsAsync(connection, cancellationToken))
        {
            reporter.Note("no migration history: nothing was created by this tool");
            return run.Result();
        }

        await PrepareSessionAsync(connection, cancellationToken);
        try
        {
            return await RollbackLockedAsync(connection, phase, toStep, run, cancellationToken);
        }
        finally
        {
            await ReleaseSessionAsync(connection);
        }
    }

    private async Task<MigrationResult> RollbackLockedAsync(NpgsqlConnection connection, int? phase, long? toStep, RunState run, CancellationToken cancellationToken)
    {
        var created = (await MigrationHistory.ReadAsync(connection, cancellationToken))
            .Where(e => e.CreatedIndex && e.Status != StepStatus.RolledBack && e.IndexName is not null)
            .GroupBy(e => e.IndexName!)
            .Select(g => g.MaxBy(e => e.Step)!)
            .Where(e => (phase is null || e.Phase == phase) && (toStep is null || e.Step > toStep))
            .OrderByDescending(e => e.Step)
            .ToList();
        if (created.Count == 0)
        {
            reporter.Note("nothing to roll back");
        }

        foreach (var entry in created)
        {
            var sql = $"DROP INDEX CONCURRENTLY IF EXISTS {MigrationStatement.QuoteIdentifier(entry.IndexName!)}";
            var statement = MigrationStatement.Parse(new ScriptStatement(0, sql, entry.Phase, "", null));
            reporter.StepStarting(statement, $"step {entry.Step}: {sql}");
            try
            {
                await WithLockRetriesAsync(connection, statement, sql, cancellationToken);
                await _history.MarkRolledBackAsync(connection, entry.IndexName!, CancellationToken.None);
                run.Dropped++;
                reporter.StepFinished(statement, $"dropped {entry.IndexName}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                run.Cancelled = true;
                return run.Result();
            }
            catch (NpgsqlException exception)
            {
                run.Failure = new MigrationFailure(0, sql, Describe(exception));
                return run.Result();
            }
        }

        return run.Result();
    }

    /// <summary>Runs one step; true means stop (a failure).</summary>
    private async Task<bool> ApplyStepAsync(
        NpgsqlConnection connection, string fileName, MigrationStatement step, LintReport lint, HashSet<string> completed,
        RunState run, SortedSet<string> analyse, CancellationToken cancellationToken)
    {
        switch (step.Kind)
        {
            case StatementKind.BeginTransaction or StatementKind.EndTransaction:
                reporter.StepSkipped(step, "transaction markers are ignored: each build runs on its own, outside a transaction");
                return false;
            case StatementKind.CreateIndex:
                return await BuildIndexAsync(connection, fileName, step, completed, run, analyse, cancellationToken);
            case StatementKind.Set or StatementKind.Reset when lint.Allows(step):
                await ExecuteAsync(connection, step.Source.Text, commandTimeout: null, cancellationToken);
                reporter.StepFinished(step, "session setting applied");
                return false;
            case StatementKind.Analyze or StatementKind.CreateExtension when lint.Allows(step):
                if (completed.Contains(step.Checksum))
                {
                    run.Skipped++;
                    reporter.StepSkipped(step, "already done (history)");
                    return false;
                }

                return await RunRecordedAsync(connection, fileName, step, run, cancellationToken);
            default:
                run.NotRun.Add($"line {step.Line}: {step.Summary}");
                reporter.StepSkipped(step, "not run: the lint does not allow this statement in a migration");
                return false;
        }
    }

    private async Task<bool> RunRecordedAsync(NpgsqlConnection connection, string fileName, MigrationStatement step, RunState run, CancellationToken cancellationToken)
    {
        var id = await _history.StartAsync(connection, fileName, step, cancellationToken);
        reporter.StepStarting(step, step.Summary);
        try
        {
            await WithLockRetriesAsync(connection, step, step.Source.Text, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TryFinishAsync(connection, id, StepStatus.Cancelled, false, "cancelled");
            throw;
        }
        catch (NpgsqlException exception)
        {
            var error = Describe(exception);
            await TryFinishAsync(connection, id, StepStatus.Failed, false, error);
            run.Failure = new MigrationFailure(step.Line, step.Summary, error);
            return true;
        }

        await _history.FinishAsync(connection, id, StepStatus.Done, false, null, cancellationToken);
        run.Ran++;
        reporter.StepFinished(step, "done");
        return false;
    }

    private async Task<bool> BuildIndexAsync(
        NpgsqlConnection connection, string fileName, MigrationStatement step, HashSet<string> completed,
        RunState run, SortedSet<string> analyse, CancellationToken cancellationToken)
    {
        var index = step.Index!;
        var name = index.Name!;
        var state = await IndexState.ReadAsync(connection, name, cancellationToken);
        if (state is not null && (state.Table != index.Table || !IndexComparer.SameDefinition(state.Definition, step.Source.Text)))
        {
            var conflict = $"{name} exists with a different definition ({state.Definition}); not touched";
            run.Conflicts.Add(conflict);
            reporter.StepSkipped(step, conflict);
            return false;
        }

        if (state is { Valid: true, Ready: true })
        {
            run.Skipped++;
            reporter.StepSkipped(step, completed.Contains(step.Checksum) ? "already built (history)" : "already exists and is valid");
            return false;
        }

        var id = await _history.StartAsync(connection, fileName, step, cancellationToken);
        reporter.StepStarting(step, state is null
            ? $"building {name} on {index.Table}"
            : $"{name} exists but is INVALID (an earlier build failed): dropping it concurrently and rebuilding");
        try
        {
            await WithLockRetriesAsync(connection, step, null, cancellationToken, async attemptToken =>
            {
                // A lock timeout mid-build leaves an INVALID index: clear it before every attempt.
                if (await IndexState.ReadAsync(connection, name, attemptToken) is { } leftover && !(leftover.Valid && leftover.Ready))
                {
                    await ExecuteAsync(connection, $"DROP INDEX CONCURRENTLY IF EXISTS {MigrationStatement.QuoteIdentifier(name)}", 0, attemptToken);
                }

                await MigrationHistory.MarkCreatingAsync(connection, id, attemptToken);
                await BuildWithProgressAsync(connection, step, attemptToken);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var left = await ReportLeftoverAsync(connection, name, run);
            await TryFinishAsync(connection, id, StepStatus.Cancelled, true, left);
            throw;
        }
        catch (NpgsqlException exception)
        {
            var error = Describe(exception);
            var left = await ReportLeftoverAsync(connection, name, run);
            await TryFinishAsync(connection, id, StepStatus.Failed, true, error + (left is null ? "" : "; " + left));
            run.Failure = new MigrationFailure(step.Line, step.Summary, error);
            return true;
        }

        var built = await IndexState.ReadAsync(connection, name, cancellationToken);
        if (built is not { Valid: true, Ready: true })
        {
            var error = $"{name} was built but is not valid (indisvalid={built?.Valid}, indisready={built?.Ready})";
            await TryFinishAsync(connection, id, StepStatus.Failed, true, error);
            run.InvalidLeft.Add(name);
            run.Failure = new MigrationFailure(step.Line, step.Summary, error);
            return true;
        }

        await _history.FinishAsync(connection, id, StepStatus.Done, true, null, cancellationToken);
        run.Built++;
        analyse.Add(index.Table);
        reporter.StepFinished(step, $"{name} built and valid");
        return false;
    }

    private async Task BuildWithProgressAsync(NpgsqlConnection connection, MigrationStatement step, CancellationToken cancellationToken)
    {
        using var pollStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = PollProgressAsync(connection.ProcessID, step, pollStop.Token);
        try
        {
            // statement_timeout is off for the build itself: a large build legitimately takes hours.
            await ExecuteAsync(connection, step.ConcurrentSql, commandTimeout: 0, cancellationToken);
        }
        finally
        {
            await pollStop.CancelAsync();
            await poller;
        }
    }

    private async Task PollProgressAsync(int pid, MigrationStatement step, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total, lockers_done, lockers_total
                FROM pg_stat_progress_create_index WHERE pid = @pid
                """, connection);
            command.Parameters.AddWithValue("pid", pid);
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.ProgressInterval, timeProvider, cancellationToken);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    reporter.Progress(step, new BuildProgress(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                        reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (NpgsqlException exception)
        {
            // Progress is a courtesy; the build goes on without it.
            reporter.Note($"progress unavailable: {Describe(exception)}");
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (or <paramref name="attempt"/>) and retries lock timeouts with
    /// exponential backoff and full jitter until <see cref="MigrationOptions.LockRetryBudget"/> is spent.
    /// </summary>
    private async Task WithLockRetriesAsync(
        NpgsqlConnection connection, MigrationStatement step, string? sql, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? attempt = null)
    {
        attempt ??= token => ExecuteAsync(connection, sql!, 0, token);
        var started = timeProvider.GetTimestamp();
        for (var number = 1; ; number++)
        {
            try
            {
                await attempt(cancellationToken);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == LockNotAvailable)
            {
                var delay = LockBackoff.Delay(number, options, Random.Shared.NextDouble());
                var spent = timeProvider.GetElapsedTime(started);
                if (spent + delay > options.LockRetryBudget)
                {
                    throw new LockBudgetExhaustedException(
                        $"gave up after {number} attempt(s) and {spent.TotalSeconds:0.0}s waiting for locks (lock_timeout {options.LockTimeout.TotalMilliseconds:0}ms, budget {options.LockRetryBudget.TotalSeconds:0.#}s): {exception.MessageText}",
                        exception);
                }

                reporter.LockRetry(step, number, delay, exception.MessageText);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    private async Task PrepareSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new InvalidOperationException("another `migrate apply` or `migrate rollback` is running against this database");
            }
        }

        var lockTimeout = (long)options.LockTimeout.TotalMilliseconds;
        await ExecuteAsync(connection, $"SET lock_timeout = {lockTimeout}; SET statement_timeout = 0", null, cancellationToken);
    }

    /// <summary>
    /// Releases the advisory lock. Npgsql resets a pooled connection only when it is next used, so
    /// without this the lock would outlive the run on an idle pooled connection.
    /// </summary>
    private async Task ReleaseSessionAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection is not returned to the pool; its lock went with it.
            reporter.Note($"could not release the migration lock cleanly ({exception.GetType().Name}); it ends with the session");
        }
    }

    private async Task AnalyseAsync(NpgsqlConnection connection, SortedSet<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            try
            {
                await ExecuteAsync(connection, $"ANALYZE {MigrationStatement.QuoteIdentifier(table)}", 0, cancellationToken);
                reporter.Note($"analysed {table}");
            }
            catch (PostgresException exception) when (exception.SqlState == LockNotAvailable)
            {
                reporter.Note($"could not analyse {table} within the lock timeout; autovacuum will: {exception.MessageText}");
            }
        }
    }

    /// <summary>
    /// Records how a step ended on the failure paths, where the connection may itself be broken:
    /// a history write that fails must not hide the failure being reported.
    /// </summary>
    private async Task TryFinishAsync(NpgsqlConnection connection, long step, string status, bool createdIndex, string? error)
    {
        try
        {
            await _history.FinishAsync(connection, step, status, createdIndex, error, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            reporter.Note($"could not record step {step} as {status} ({DatabaseErrors.Describe(exception)}); `migrate status` shows it as started");
        }
    }

    private async Task<string?> ReportLeftoverAsync(NpgsqlConnection connection, string name, RunState run)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            if (await IndexState.ReadAsync(connection, name, timeout.Token) is { } left && !(left.Valid && left.Ready))
            {
                run.InvalidLeft.Add(name);
                var message = $"INVALID index {name} left behind: `migrate apply` rebuilds it, `migrate rollback` drops it";
                reporter.Note(message);
                return message;
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            reporter.Note($"could not check {name} after the failure ({exception.GetType().Name}): check `migrate status`");
        }

        return null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int? commandTimeout, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (commandTimeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>PostgreSQL's words (SQLSTATE and message), or a safe description of a connection failure.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        LockBudgetExhaustedException budget => budget.Message,
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}" + (postgres.Detail is { } detail ? $" ({detail})" : ""),
        _ => DatabaseErrors.Describe(exception),
    };

    private sealed class RunState
    {
        public int Built { get; set; }

        public int Ran { get; set; }

        public int Skipped { get; set; }

        public int Dropped { get; set; }

        public List<string> Conflicts { get; } = [];

        public List<string> NotRun { get; } = [];

        public List<string> InvalidLeft { get; } = [];

        public MigrationFailure? Failure { get; set; }

        public bool Cancelled { get; set; }

        public MigrationResult Result() => new(Built, Ran, Skipped, Dropped, Conflicts, NotRun, InvalidLeft.Distinct().ToList(), Failure, Cancelled);
    }
}

/// <summary>The lock-retry budget ran out; the message says how long and why.</summary>
internal sealed class LockBudgetExhaustedException(string message, Exception inner) : NpgsqlException(message, inner);

/// <summary>The catalog's view of one index, read fresh before and after each build.</summary>
internal sealed record IndexState(string Table, bool Valid, bool Ready, string Definition)
{
    public static async Task<IndexState?> ReadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT t.relname, x.indisvalid, x.indisready, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE i.relname = @name AND pg_table_is_visible(t.oid)
            """, connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IndexState(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3))
            : null;
    }
}

/// <summary>An index PostgreSQL will not use: a failed or cancelled concurrent build.</summary>
internal sealed record InvalidIndex(string Name, string Table, bool Ready)
{
    public static async Task<IReadOnlyList<InvalidIndex>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("""
            SELECT i.relname, t.relname, x.indisready
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE NOT x.indisvalid OR NOT x.indisready
            ORDER BY 1
            """, connection);
        var found = new List<InvalidIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new InvalidIndex(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return found;
    }
}

/// <summary>Exponential backoff with jitter between lock-timeout retries.</summary>
internal static class LockBackoff
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): base * 2^(attempt-1), capped
    /// at the maximum, then scaled into [50 %, 100 %] by <paramref name="unitRandom"/> (0..1) so that
    /// several waiters do not retry in lock-step.
    /// </summary>
    public static TimeSpan Delay(int attempt, MigrationOptions options, double unitRandom)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponential = options.RetryBaseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20));
        var capped = Math.Min(options.RetryMaxDelay.Ticks, exponential);
        return TimeSpan.FromTicks((long)(capped * (0.5 + (Math.Clamp(unitRandom, 0, 1) / 2))));
    }
}
