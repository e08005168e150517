using Npgsql;
using Pitchey.Database.Indexes;
using Pitchey.Database.Insight;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.History;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Running;

/// <summary>
/// One index step of apply: leaves an index of another definition alone, skips a valid one, waits
/// while the throttle says so, drops an INVALID leftover, builds CONCURRENTLY (lock retries,
/// progress, cancelled at a critical limit), checks validity, records it all.
/// </summary>
internal sealed class IndexBuilder(HistoryWriter history, LockRetrier retrier, ProgressPoller poller, IMigrationReporter reporter)
{
    /// <summary>Builds one index; true means stop (a failure).</summary>
    public async Task<bool> BuildAsync(
        NpgsqlConnection connection, string fileName, MigrationStatement step, HashSet<string> completed,
        RunState run, SortedSet<string> analyse, ImpactGuard impact, CancellationToken cancellationToken)
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

        if (state is { IsUsable: true })
        {
            run.Skipped++;
            reporter.StepSkipped(step, completed.Contains(step.Checksum) ? "already built (history)" : "already exists and is valid");
            return false;
        }

        // Before the step is recorded: a run stopped here by its wait budget has nothing to clean up.
        await impact.WaitAsync(step, index.Table, cancellationToken);
        var id = await history.StartAsync(connection, run.RunId, fileName, step, cancellationToken);
        reporter.StepStarting(step, state is null
            ? $"building {name} on {index.Table}"
            : $"{name} exists but is INVALID (an earlier build failed): dropping it concurrently and rebuilding");
        try
        {
            await impact.RunWatchedAsync(index.Table, watchedToken => retrier.RunAsync(step, async attemptToken =>
            {
                // A lock timeout mid-build leaves an INVALID index: clear it before every attempt.
                if (await IndexState.ReadAsync(connection, name, attemptToken) is { IsUsable: false })
                {
                    await Sql.ExecuteAsync(connection, DropSql(name), 0, attemptToken);
                }

                await history.MarkCreatingAsync(connection, id, attemptToken);
                await BuildWithProgressAsync(connection, step, attemptToken);
            }, watchedToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var left = await ReportLeftoverAsync(connection, name, run);
            await history.TryFinishAsync(connection, id, StepStatus.Cancelled, true, left, reporter.Note);
            throw;
        }
        catch (NpgsqlException exception)
        {
            var error = MigrationRunner.Describe(exception);
            var left = await ReportLeftoverAsync(connection, name, run);
            await history.TryFinishAsync(connection, id, StepStatus.Failed, true, error + (left is null ? "" : "; " + left), reporter.Note);
            run.Failure = new MigrationFailure(step.Line, step.Summary, error, exception is CriticalLimitException ? MigrationFailure.Throttle : MigrationFailure.PostgreSql);
            return true;
        }

        var built = await IndexState.ReadAsync(connection, name, cancellationToken);
        if (built is not { IsUsable: true })
        {
            var error = $"{name} was built but is not valid (indisvalid={built?.Valid}, indisready={built?.Ready})";
            await history.TryFinishAsync(connection, id, StepStatus.Failed, true, error, reporter.Note);
            run.InvalidLeft.Add(name);
            run.Failure = new MigrationFailure(step.Line, step.Summary, error);
            return true;
        }

        await history.FinishAsync(connection, id, StepStatus.Done, true, null, cancellationToken);
        run.Built++;
        analyse.Add(index.Table);
        reporter.StepFinished(step, $"{name} built and valid");
        return false;
    }

    public static string DropSql(string name) => $"DROP INDEX CONCURRENTLY IF EXISTS {SqlText.Identifier(name)}";

    private async Task BuildWithProgressAsync(NpgsqlConnection connection, MigrationStatement step, CancellationToken cancellationToken)
    {
        using var pollStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = poller.PollAsync(connection.ProcessID, step, pollStop.Token);
        try
        {
            // statement_timeout is off for the build itself: a large build legitimately takes hours.
            await Sql.ExecuteAsync(connection, step.ConcurrentSql, commandTimeout: 0, cancellationToken);
        }
        finally
        {
            await pollStop.CancelAsync();
            await polling;
        }
    }

    private async Task<string?> ReportLeftoverAsync(NpgsqlConnection connection, string name, RunState run)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            if (await IndexState.ReadAsync(connection, name, timeout.Token) is { IsUsable: false })
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
}
