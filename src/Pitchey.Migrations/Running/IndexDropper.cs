using Npgsql;
using Pitchey.Migrations.History;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Running;

/// <summary>
/// Rollback's work: <c>DROP INDEX CONCURRENTLY</c>, newest first, of the indexes the history marks as
/// built by this tool (all, one phase, or those after a step), each under the lock retries.
/// </summary>
internal sealed class IndexDropper(HistoryWriter history, LockRetrier retrier, IMigrationReporter reporter)
{
    public async Task<MigrationResult> DropAsync(NpgsqlConnection connection, int? phase, long? toStep, CancellationToken cancellationToken)
    {
        var run = new RunState();
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
            var sql = IndexBuilder.DropSql(entry.IndexName!);
            var statement = MigrationStatement.Parse(new ScriptStatement(0, sql, entry.Phase, "", null));
            reporter.StepStarting(statement, $"step {entry.Step}: {sql}");
            try
            {
                await retrier.RunAsync(connection, statement, sql, cancellationToken);
                await history.MarkRolledBackAsync(connection, entry.IndexName!, CancellationToken.None);
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
                run.Failure = new MigrationFailure(0, sql, MigrationRunner.Describe(exception));
                return run.Result();
            }
        }

        return run.Result();
    }
}
