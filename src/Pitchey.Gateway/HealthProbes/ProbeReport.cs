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
