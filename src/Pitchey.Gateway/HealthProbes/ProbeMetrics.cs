namespace Pitchey.Gateway.HealthProbes;

/// <summary>The <c>metrics</c> block of <c>/api/health</c>.</summary>
/// <param name="ResponseTimeMs">Duration of the run that made the report.</param>
/// <param name="ConnectionCount">Server connections to the database, as the performance check saw them.</param>
/// <param name="AvgQueryTimeMs">Mean of the database checks' query times over the window.</param>
/// <param name="ErrorRate">Share of runs in the window that came out unhealthy, 0..1.</param>
internal sealed record ProbeMetrics(double ResponseTimeMs, long ConnectionCount, double AvgQueryTimeMs, double ErrorRate);
