namespace Pitchey.Database.Insight;

/// <summary>Defaults (PgHero's where it has one) and bounds of <see cref="InsightOptions"/>.</summary>
internal static class InsightConstants
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinQueryTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxQueryTimeout = TimeSpan.FromMinutes(1);

    public const long DefaultUnusedIndexMinBytes = 10L * 1024 * 1024;
    public const long MaxBytes = 1L << 50;

    public const long DefaultUnusedIndexMaxScans = 0;
    public const long MaxScans = 1_000_000_000;

    public static readonly TimeSpan DefaultMinimumStatisticsAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxMinimumStatisticsAge = TimeSpan.FromDays(365);

    public const double DefaultSequentialScanMaxIndexShare = 0.95;
    public const long DefaultSequentialScanMinRows = 10_000;
    public const long MaxRows = 1_000_000_000_000;

    public const long DefaultStaleStatisticsMinRows = 10_000;
    public const double DefaultStaleStatisticsModifiedShare = 0.2;
    public const double MaxModifiedShare = 100;

    public const double DefaultSequenceMaxShare = 0.9;

    public const long DefaultTransactionIdsLeft = 10_000_000;
    public const long MaxTransactionIdsLeft = 2_000_000_000;

    public const double DefaultSlowStatementMeanMs = 20;
    public const double MaxSlowStatementMeanMs = 3_600_000;
    public const long DefaultSlowStatementMinCalls = 100;

    public const int DefaultTopStatements = 10;
    public const int MinTopStatements = 1;
    public const int MaxTopStatements = 100;

    public static readonly TimeSpan DefaultLongRunningQuery = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultIdleInTransaction = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinSessionAge = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxSessionAge = TimeSpan.FromDays(1);

    /// <summary>How many transaction ids PostgreSQL hands out before it stops to prevent wraparound (PgHero's figure).</summary>
    public const long TransactionIdLimit = 2_146_483_648;
}
