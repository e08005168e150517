namespace Pitchey.Database.Insight;

/// <summary>The kinds of advice, one rule each (<c>Rules/</c>).</summary>
public static class RecommendationKinds
{
    public const string UnusedIndex = "unused-index";
    public const string DuplicateIndex = "duplicate-index";
    public const string PrefixIndex = "prefix-index";
    public const string InvalidIndex = "invalid-index";
    public const string SequentialScans = "sequential-scans";
    public const string StaleStatistics = "stale-statistics";
    public const string SequenceNearMax = "sequence-near-max";
    public const string TransactionIdAge = "transaction-id-age";
    public const string SlowStatement = "slow-statement";
    public const string LongRunningQuery = "long-running-query";
    public const string IdleInTransaction = "idle-in-transaction";
    public const string StatementsMissing = "pg-stat-statements-missing";
}
