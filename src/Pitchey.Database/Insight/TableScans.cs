namespace Pitchey.Database.Insight;

/// <summary>
/// A table's reads on one host (<c>pg_stat_user_tables</c>) and its size (<c>pg_class</c>). A
/// standby counts its own scans but no row changes: <paramref name="LiveRows"/>,
/// <paramref name="ModifiedSinceAnalyze"/> and the analyse times mean something on the primary only.
/// </summary>
public sealed record TableScans(
    long TableOid,
    string Schema,
    string Table,
    long SequentialScans,
    long SequentialRowsRead,
    long IndexScans,
    long LiveRows,
    long EstimatedRows,
    long ModifiedSinceAnalyze,
    DateTimeOffset? LastAnalyzed,
    long TotalBytes)
{
    /// <summary>The planner's estimate, else the live-row count (a table never analysed has no estimate).</summary>
    public long Rows => Math.Max(EstimatedRows, LiveRows);
}
