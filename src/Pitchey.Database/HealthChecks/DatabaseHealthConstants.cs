namespace Pitchey.Database.HealthChecks;

/// <summary>Defaults and bounds of <see cref="DatabaseHealthOptions"/>.</summary>
internal static class DatabaseHealthConstants
{
    public const int DefaultDegradedLatencyMs = 250;
    public const int MinDegradedLatencyMs = 1;
    public const int MaxDegradedLatencyMs = 60_000;
}
