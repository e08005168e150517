using System.ComponentModel.DataAnnotations;

namespace Pitchey.Database.Migrations;

/// <summary>How <c>migrate apply</c> and <c>migrate rollback</c> wait for locks. Bound from the <c>Migrations</c> section.</summary>
internal sealed class MigrationOptions
{
    public const string SectionName = "Migrations";

    /// <summary>
    /// <c>lock_timeout</c> for each build and drop attempt: the longest a migration may make
    /// application writes queue behind it. Default 2 s; range 50 ms to 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Migrations:LockTimeout must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Total time one step may spend retrying after lock timeouts before it fails. Default 5 min; range 0 to 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Migrations:LockRetryBudget must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan LockRetryBudget { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First backoff after a lock timeout; doubles each attempt, with jitter. Default 500 ms; range 10 ms to 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Migrations:RetryBaseDelay must be between 00:00:00.010 and 00:01:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff. Default 30 s; range 10 ms to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Migrations:RetryMaxDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often build progress is read from pg_stat_progress_create_index. Default 1 s; range 50 ms to 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Migrations:ProgressInterval must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Estimated rows from which verify reports a sequential scan. Default 10000; range 0 to 10^12.</summary>
    [Range(0L, 1_000_000_000_000L, ErrorMessage = "Migrations:LargeTableRows must be between 0 and 1000000000000.")]
    public long LargeTableRows { get; set; } = 10_000;
}
