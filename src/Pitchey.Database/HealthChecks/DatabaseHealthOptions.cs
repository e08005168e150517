namespace Pitchey.Database.HealthChecks;

/// <summary>
/// Thresholds for the database health checks. Bound from <c>Database:HealthChecks</c>; checked by
/// <see cref="DatabaseHealthOptionsValidator"/>.
/// </summary>
public sealed class DatabaseHealthOptions
{
    public const string SectionName = "Database:HealthChecks";

    /// <summary>
    /// Latency above which a check reports degraded (warn), in milliseconds.
    /// Default 250, range 1..60000.
    /// </summary>
    public int DegradedLatencyMs { get; set; } = DatabaseHealthConstants.DefaultDegradedLatencyMs;
}
