using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations;

/// <summary>
/// How <c>migrate apply</c> and <c>migrate rollback</c> wait for locks, how apply throttles on its
/// impact (<see cref="Throttle"/>), what verify calls a large table and apply's validation a worse plan. Bound from the <c>Migrations</c> section; bounds in <see cref="MigrationConstants"/>, checked
/// by <see cref="MigrationOptionsValidator"/>.
/// </summary>
public sealed class MigrationOptions
{
    public const string SectionName = "Migrations";

    /// <summary>
    /// <c>lock_timeout</c> for each build and drop attempt: the longest a migration may make
    /// application writes queue behind it. Default 2 s; range 50 ms to 1 min.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = MigrationConstants.DefaultLockTimeout;

    /// <summary>Total time one step may spend retrying after lock timeouts before it fails. Default 5 min; range 0 to 24 h.</summary>
    public TimeSpan LockRetryBudget { get; set; } = MigrationConstants.DefaultLockRetryBudget;

    /// <summary>First backoff after a lock timeout; doubles each attempt, with jitter. Default 500 ms; range 10 ms to 1 min.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = MigrationConstants.DefaultRetryBaseDelay;

    /// <summary>Longest single backoff. Default 30 s; range 10 ms to 10 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = MigrationConstants.DefaultRetryMaxDelay;

    /// <summary>How often build progress is read from pg_stat_progress_create_index. Default 1 s; range 50 ms to 1 min.</summary>
    public TimeSpan ProgressInterval { get; set; } = MigrationConstants.DefaultProgressInterval;

    /// <summary>Estimated rows from which verify reports a sequential scan. Default 10000; range 0 to 10^12.</summary>
    public long LargeTableRows { get; set; } = MigrationConstants.DefaultLargeTableRows;

    /// <summary>
    /// Share by which a representative query's estimated plan cost may grow between before and after
    /// apply before the validation reports it (0.2 = 20 %). Default 0.2; range 0 to 100.
    /// </summary>
    public double PlanCostGrowth { get; set; } = MigrationConstants.DefaultPlanCostGrowth;

    /// <summary>Throttling on replica lag and load while apply runs (<c>Migrations:Throttle:*</c>).</summary>
    public ThrottleOptions Throttle { get; set; } = new();
}
