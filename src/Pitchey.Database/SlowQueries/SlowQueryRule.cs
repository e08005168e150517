namespace Pitchey.Database.SlowQueries;

/// <summary>One query's own threshold (<c>Database:SlowQueries:Queries:&lt;query&gt;</c>).</summary>
public sealed class SlowQueryRule
{
    /// <summary>This query is slow from this many milliseconds on. Default: <c>Database:SlowQueries:ThresholdMs</c>; range 0..600000.</summary>
    public int? ThresholdMs { get; set; }
}
