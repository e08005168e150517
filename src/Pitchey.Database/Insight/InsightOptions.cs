namespace Pitchey.Database.Insight;

/// <summary>
/// The database insight: what it reads from PostgreSQL (in the background, on the primary and every
/// replica) and the thresholds of its recommendations, PgHero's defaults where it has them. Bound
/// from <c>Database:Insight</c> at start-up; bounds in <see cref="InsightConstants"/>.
/// </summary>
public sealed class InsightOptions
{
    public const string SectionName = "Database:Insight";

    /// <summary>Read the workload and give recommendations. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the statistics are read, never on a request. Default 00:01:00, range 1 s..1 h.</summary>
    public TimeSpan Interval { get; set; } = InsightConstants.DefaultInterval;

    /// <summary>Longest one statistics query may run (it is cancelled after). Default 00:00:05, range 1 s..1 min.</summary>
    public TimeSpan QueryTimeout { get; set; } = InsightConstants.DefaultQueryTimeout;

    /// <summary>Unused indexes smaller than this are not worth a recommendation. Default 10485760 (10 MB), range 0..2^50.</summary>
    public long UnusedIndexMinBytes { get; set; } = InsightConstants.DefaultUnusedIndexMinBytes;

    /// <summary>An index with at most this many scans, summed over the primary and every replica, is unused. Default 0.</summary>
    public long UnusedIndexMaxScans { get; set; } = InsightConstants.DefaultUnusedIndexMaxScans;

    /// <summary>
    /// How long every host's statistics must have been counting before "no scans" is evidence: a
    /// database just restored, a server just started (the gateway cannot tell a clean restart, which
    /// keeps them, from a crash, which clears them) or a reset is not. Default 7.00:00:00, range 0..365 days.
    /// </summary>
    public TimeSpan MinimumStatisticsAge { get; set; } = InsightConstants.DefaultMinimumStatisticsAge;

    /// <summary>A table whose reads use an index less often than this share (all hosts) is read mostly by sequential scans. Default 0.95 (PgHero), range 0..1.</summary>
    public double SequentialScanMaxIndexShare { get; set; } = InsightConstants.DefaultSequentialScanMaxIndexShare;

    /// <summary>Tables with fewer (estimated) rows are left out of the sequential-scan advice. Default 10000 (PgHero).</summary>
    public long SequentialScanMinRows { get; set; } = InsightConstants.DefaultSequentialScanMinRows;

    /// <summary>Tables with fewer rows are left out of the stale-statistics advice. Default 10000.</summary>
    public long StaleStatisticsMinRows { get; set; } = InsightConstants.DefaultStaleStatisticsMinRows;

    /// <summary>Statistics are stale once the rows changed since the last ANALYZE reach this share of the table (never analysed: stale). Default 0.2 (twice autovacuum's default), range 0..100.</summary>
    public double StaleStatisticsModifiedShare { get; set; } = InsightConstants.DefaultStaleStatisticsModifiedShare;

    /// <summary>A sequence (or its column's type, when smaller) used up to this share of its maximum is near it. Default 0.9 (PgHero), range 0..1.</summary>
    public double SequenceMaxShare { get; set; } = InsightConstants.DefaultSequenceMaxShare;

    /// <summary>Warn when fewer transaction ids than this are left before wraparound protection stops writes. Default 10000000 (PgHero).</summary>
    public long TransactionIdsLeft { get; set; } = InsightConstants.DefaultTransactionIdsLeft;

    /// <summary>A pg_stat_statements statement is slow from this mean execution time on. Default 20 ms (PgHero).</summary>
    public double SlowStatementMeanMs { get; set; } = InsightConstants.DefaultSlowStatementMeanMs;

    /// <summary>... and with at least this many calls. Default 100 (PgHero).</summary>
    public long SlowStatementMinCalls { get; set; } = InsightConstants.DefaultSlowStatementMinCalls;

    /// <summary>Statements listed by mean and by total time, per host, and slow ones recommended at most. Default 10, range 1..100.</summary>
    public int TopStatements { get; set; } = InsightConstants.DefaultTopStatements;

    /// <summary>An active query running this long is long-running. Default 00:01:00 (PgHero), range 1 s..1 day.</summary>
    public TimeSpan LongRunningQuery { get; set; } = InsightConstants.DefaultLongRunningQuery;

    /// <summary>A session idle inside a transaction this long holds locks and blocks vacuum. Default 00:01:00, range 1 s..1 day.</summary>
    public TimeSpan IdleInTransaction { get; set; } = InsightConstants.DefaultIdleInTransaction;
}
