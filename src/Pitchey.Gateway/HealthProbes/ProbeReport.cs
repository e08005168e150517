using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>The result of one run of every registered health check. Immutable.</summary>
/// <param name="Sequence">1 for the first run, then +1 per run.</param>
/// <param name="Status">The worst status of all entries.</param>
/// <param name="CompletedAt">When the run ended; a report's age counts from here.</param>
/// <param name="Duration">How long the run took.</param>
/// <param name="Entries">One entry per check, in registration order.</param>
/// <param name="Metrics">Figures for <c>/api/health</c>, over the last few runs.</param>
internal sealed record ProbeReport(
    long Sequence,
    HealthStatus Status,
    DateTimeOffset CompletedAt,
    TimeSpan Duration,
    IReadOnlyList<ProbeEntry> Entries,
    ProbeMetrics Metrics);

/// <summary>One check's outcome. <see cref="Description"/> is the check's own short message.</summary>
internal sealed record ProbeEntry(
    string Name,
    HealthStatus Status,
    string? Description,
    TimeSpan Duration,
    bool TimedOut,
    IReadOnlyCollection<string> Tags,
    IReadOnlyDictionary<string, object> Data);

/// <summary>The <c>metrics</c> block of <c>/api/health</c>.</summary>
/// <param name="ResponseTimeMs">Duration of the run that made the report.</param>
/// <param name="ConnectionCount">Server connections to the database, as the performance check saw them.</param>
/// <param name="AvgQueryTimeMs">Mean of the database checks' query times over the window.</param>
/// <param name="ErrorRate">Share of runs in the window that came out unhealthy, 0..1.</param>
internal sealed record ProbeMetrics(double ResponseTimeMs, long ConnectionCount, double AvgQueryTimeMs, double ErrorRate);
