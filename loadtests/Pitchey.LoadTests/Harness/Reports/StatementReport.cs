namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One statement from pg_stat_statements, its calls and time during the window.</summary>
/// <param name="Query">The normalised text as PostgreSQL keeps it (constants as $1, $2, ...), cut to 200 characters.</param>
/// <param name="Calls">Calls during the window.</param>
/// <param name="TotalMs">Execution time during the window, in milliseconds.</param>
/// <param name="MeanMs">TotalMs / Calls.</param>
internal sealed record StatementReport(string Query, long Calls, double TotalMs, double MeanMs);
