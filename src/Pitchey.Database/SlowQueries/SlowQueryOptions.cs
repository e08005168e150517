namespace Pitchey.Database.SlowQueries;

/// <summary>
/// Which tuned queries count as slow and how many are kept. Bound from <c>Database:SlowQueries</c>
/// at start-up; bounds in <see cref="SlowQueryConstants"/>.
/// </summary>
public sealed class SlowQueryOptions
{
    public const string SectionName = "Database:SlowQueries";

    /// <summary>
    /// A routed query that took this many milliseconds or more (retries included) is slow: counted
    /// (<c>pitchey.db.slow_queries</c>) and kept. Default 100, range 0..600000 (0: every query).
    /// </summary>
    public int ThresholdMs { get; set; } = SlowQueryConstants.DefaultThresholdMs;

    /// <summary>Per-query thresholds, keyed by query name (<c>browse</c>, <c>search</c>, ...). Default: none.</summary>
    public IDictionary<string, SlowQueryRule> Queries { get; } = new Dictionary<string, SlowQueryRule>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Slow queries kept, newest first; the oldest goes when it is full. Default 200, range 1..10000.</summary>
    public int Capacity { get; set; } = SlowQueryConstants.DefaultCapacity;

    /// <summary>The threshold of <paramref name="queryName"/> in milliseconds.</summary>
    public int ThresholdFor(string queryName) =>
        Queries.TryGetValue(queryName, out var rule) && rule.ThresholdMs is { } own ? own : ThresholdMs;
}
