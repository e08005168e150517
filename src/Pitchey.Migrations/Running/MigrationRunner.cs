using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Insight;
using Pitchey.Migrations.History;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;
using Pitchey.Migrations.Verification;

namespace Pitchey.Migrations.Running;

/// <summary>
/// Applies and rolls back index strategies without blocking application writes for longer than the
/// lock timeout: every build is CONCURRENTLY and outside a transaction, one at a time, retried
/// with exponential backoff and jitter on lock timeouts within a total budget, checked for
/// validity afterwards, and recorded in <see cref="MigrationHistory"/> so reruns skip finished work.
/// Apply watches its impact (<see cref="ImpactGuard"/>: throttled before each statement on replica
/// lag and load, a build cancelled at a critical limit) and validates the representative queries'
/// plans before and after (<see cref="PlanComparer"/>).
/// </summary>
public sealed class MigrationRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<NpgsqlDataSource> _replicas;
    private readonly MigrationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IMigrationReporter _reporter;
    private readonly HistoryWriter _history;
    private readonly LockRetrier _retrier;
    private readonly IndexBuilder _builder;

    /// <param name="replicas">Replicas whose own view gives the lag the throttle watches; none: <c>pg_stat_replication</c> on the primary.</param>
    public MigrationRunner(
        NpgsqlDataSource dataSource, MigrationOptions options, TimeProvider timeProvider, IMigrationReporter reporter, IReadOnlyList<NpgsqlDataSource>? replicas = null)
    {
        _dataSource = dataSource;
        _replicas = replicas ?? [];
        _options = options;
        _timeProvider = timeProvider;
        _reporter = reporter;
        _history = new HistoryWriter(timeProvider);
        _retrier = new LockRetrier(options, timeProvider, reporter);
        _builder = new IndexBuilder(_history, _retrier, new ProgressPoller(dataSource, options, timeProvider, reporter), reporter);
    }

    public async Task<MigrationResult> ApplyAsync(MigrationScript script, LintReport lint, int? phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(lint);
        if (lint.BlocksApply)
        {
            throw new InvalidOperationException("the lint reports errors apply cannot fix; run `migrate lint` first");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await SessionLock.AcquireAsync(connection, _options, cancellationToken);
        try
        {
            return await ApplyLockedAsync(connection, script, lint, phase, cancellationToken);
        }
        finally
        {
            await SessionLock.ReleaseAsync(connection, _reporter);
        }
    }

    public async Task<MigrationResult> RollbackAsync(int? phase, long? toStep, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (!await MigrationHistory.ExistsAsync(connection, cancellationToken))
        {
            _reporter.Note("no migration history: nothing was created by this tool");
            return new RunState().Result();
        }

        await SessionLock.AcquireAsync(connection, _options, cancellationToken);
        try
        {
            return await new IndexDropper(_history, _retrier, _reporter).DropAsync(connection, phase, toStep, cancellationToken);
        }
        finally
        {
            await SessionLock.ReleaseAsync(connection, _reporter);
        }
    }

    /// <summary>PostgreSQL's own words for the operator (SQLSTATE and message), or a safe description of a connection failure.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        LockBudgetExhaustedException budget => budget.Message,
        CriticalLimitException critical => critical.Message,
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}" + (postgres.Detail is { } detail ? $" ({detail})" : ""),
        _ => DatabaseErrors.Describe(exception),
    };

    private async Task<MigrationResult> ApplyLockedAsync(NpgsqlConnection connection, MigrationScript script, LintReport lint, int? phase, CancellationToken cancellationToken)
    {
        var run = new RunState();
        await MigrationHistory.EnsureAsync(connection, cancellationToken);
        var completed = await MigrationHistory.CompletedChecksumsAsync(connection, cancellationToken);
        run.RunId = await _history.StartRunAsync(connection, script.FileName, phase, cancellationToken);
        var impact = new ImpactGuard(_options.Throttle, new ImpactSampler(_dataSource, _replicas, connection.ProcessID, _timeProvider, _reporter), _timeProvider, _reporter);
        try
        {
            var queries = script.Queries.ToList();
            var before = await ExplainAsync(queries, cancellationToken);
            await ApplyPhasesAsync(connection, script.FileName, lint, phase, completed, run, impact, cancellationToken);
            if (!run.Cancelled && run.Failure is null && queries.Count > 0)
            {
                var after = await ExplainAsync(queries, cancellationToken);
                run.QueriesValidated = queries.Count;
                run.Regressions.AddRange(PlanComparer.Compare(before, after, _options.PlanCostGrowth));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Cancelled = true;
        }
        catch (NpgsqlException exception)
        {
            await FinishRunAsync(connection, run, impact, Describe(exception));
            throw;
        }

        await FinishRunAsync(connection, run, impact, null);
        return run.Result();
    }

    /// <summary>
    /// Plans on a connection of its own: the migration's carries the file's session settings (a
    /// preamble's <c>SET</c> changes costs), and the application's sessions do not.
    /// </summary>
    private async Task<IReadOnlyList<QueryPlan>> ExplainAsync(IReadOnlyList<ScriptStatement> queries, CancellationToken cancellationToken)
    {
        if (queries.Count == 0)
        {
            return [];
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await QueryExplainer.ExplainAllAsync(connection, queries, cancellationToken);
    }

    private async Task FinishRunAsync(NpgsqlConnection connection, RunState run, ImpactGuard impact, string? error)
    {
        run.Impact = impact.Summary;
        var status = run.Cancelled ? StepStatus.Cancelled : run.Failure is not null || error is not null ? StepStatus.Failed : StepStatus.Done;
        var reason = error ?? (run.Cancelled ? "cancelled (Ctrl-C or SIGTERM)" : run.Failure is { } failure ? $"line {failure.Line}: {failure.Error}" : null);
        await _history.TryFinishRunAsync(connection, run.RunId!.Value, status, run.Impact, run.QueriesValidated, run.Regressions.Count, reason, _reporter.Note);
    }

    private async Task ApplyPhasesAsync(
        NpgsqlConnection connection, string fileName, LintReport lint, int? phase, HashSet<string> completed, RunState run, ImpactGuard impact,
        CancellationToken cancellationToken)
    {
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
                    if (await ApplyStepAsync(connection, fileName, step, lint, completed, run, analyse, impact, cancellationToken))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    run.Cancelled = true;
                    return;
                }
                catch (ThrottleBudgetExhaustedException exception)
                {
                    run.Failure = new MigrationFailure(step.Line, step.Summary, exception.Message, MigrationFailure.Throttle);
                    return;
                }
            }

            // Not throttled: ANALYZE reads a bounded sample and writes a few catalog rows.
            await AnalyseAsync(connection, analyse, cancellationToken);
        }
    }

    /// <summary>Runs one step; true means stop (a failure).</summary>
    private async Task<bool> ApplyStepAsync(
        NpgsqlConnection connection, string fileName, MigrationStatement step, LintReport lint, HashSet<string> completed,
        RunState run, SortedSet<string> analyse, ImpactGuard impact, CancellationToken cancellationToken)
    {
        switch (step.Kind)
        {
            case StatementKind.BeginTransaction or StatementKind.EndTransaction:
                _reporter.StepSkipped(step, "transaction markers are ignored: each build runs on its own, outside a transaction");
                return false;
            case StatementKind.CreateIndex:
                return await _builder.BuildAsync(connection, fileName, step, completed, run, analyse, impact, cancellationToken);
            case StatementKind.Set or StatementKind.Reset when lint.Allows(step):
                await Sql.ExecuteAsync(connection, step.Source.Text, commandTimeout: null, cancellationToken);
                _reporter.StepFinished(step, "session setting applied");
                return false;
            case StatementKind.Analyze or StatementKind.CreateExtension when lint.Allows(step):
                if (completed.Contains(step.Checksum))
                {
                    run.Skipped++;
                    _reporter.StepSkipped(step, "already done (history)");
                    return false;
                }

                await impact.WaitAsync(step, step.Tables.FirstOrDefault(), cancellationToken);
                return await RunRecordedAsync(connection, fileName, step, run, cancellationToken);
            default:
                run.NotRun.Add($"line {step.Line}: {step.Summary}");
                _reporter.StepSkipped(step, "not run: the lint does not allow this statement in a migration");
                return false;
        }
    }

    private async Task<bool> RunRecordedAsync(NpgsqlConnection connection, string fileName, MigrationStatement step, RunState run, CancellationToken cancellationToken)
    {
        var id = await _history.StartAsync(connection, run.RunId, fileName, step, cancellationToken);
        _reporter.StepStarting(step, step.Summary);
        try
        {
            await _retrier.RunAsync(connection, step, step.Source.Text, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _history.TryFinishAsync(connection, id, StepStatus.Cancelled, false, "cancelled", _reporter.Note);
            throw;
        }
        catch (NpgsqlException exception)
        {
            var error = Describe(exception);
            await _history.TryFinishAsync(connection, id, StepStatus.Failed, false, error, _reporter.Note);
            run.Failure = new MigrationFailure(step.Line, step.Summary, error);
            return true;
        }

        await _history.FinishAsync(connection, id, StepStatus.Done, false, null, cancellationToken);
        run.Ran++;
        _reporter.StepFinished(step, "done");
        return false;
    }

    private async Task AnalyseAsync(NpgsqlConnection connection, SortedSet<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            try
            {
                await Sql.ExecuteAsync(connection, $"ANALYZE {SqlText.Identifier(table)}", 0, cancellationToken);
                _reporter.Note($"analysed {table}");
            }
            catch (PostgresException exception) when (exception.SqlState == Sql.LockNotAvailable)
            {
                _reporter.Note($"could not analyse {table} within the lock timeout; autovacuum will: {exception.MessageText}");
            }
        }
    }
}
