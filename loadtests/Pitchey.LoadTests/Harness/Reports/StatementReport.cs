namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One statement from pg_stat_statements, its calls and time during the window.</summary>
/// <param name="Query">The normalised text as PostgreSQL keeps it (constants as $1, $2, ...), cut to <see cref="QueryLength"/> characters.</param>
/// <param name="Calls">Calls during the window.</param>
/// <param name="TotalMs">Execution time during the window, in milliseconds.</param>
/// <param name="MeanMs">TotalMs / Calls.</param>
internal sealed record StatementReport(string Query, long Calls, double TotalMs, double MeanMs)
{
    /// <summary>Characters of a statement's text kept: enough to tell a substring search's page from browse's, which share their first 200.</summary>
    public const int QueryLength = 400;
}
