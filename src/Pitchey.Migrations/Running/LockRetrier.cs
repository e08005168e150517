using Npgsql;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Running;

/// <summary>
/// Runs a step and retries lock timeouts with exponential backoff and jitter (<see cref="LockBackoff"/>)
/// until <see cref="MigrationOptions.LockRetryBudget"/> is spent; then fails with <see cref="LockBudgetExhaustedException"/>.
/// </summary>
internal sealed class LockRetrier(MigrationOptions options, TimeProvider timeProvider, IMigrationReporter reporter)
{
    public Task RunAsync(NpgsqlConnection connection, MigrationStatement step, string sql, CancellationToken cancellationToken) =>
        RunAsync(step, token => Sql.ExecuteAsync(connection, sql, 0, token), cancellationToken);

    public async Task RunAsync(MigrationStatement step, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        for (var number = 1; ; number++)
        {
            try
            {
                await attempt(cancellationToken);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == Sql.LockNotAvailable)
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
}
