namespace Pitchey.Database.Insight;

/// <summary>
/// One row of <c>pg_stat_statements</c> (PostgreSQL 13+ names). <paramref name="Query"/> is
/// normalised again (<see cref="SlowQueries.SqlNormalizer"/>): utility statements keep their
/// literals there. <paramref name="Route"/> is the gateway's tag when the statement is its own.
/// </summary>
public sealed record StatementStat(long QueryId, string Query, string? Route, long Calls, double TotalMs, double MeanMs, long Rows);
