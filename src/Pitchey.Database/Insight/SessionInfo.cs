namespace Pitchey.Database.Insight;

/// <summary>
/// A client session of <c>pg_stat_activity</c> in this database. <paramref name="Query"/> is
/// normalised (<see cref="SlowQueries.SqlNormalizer"/>): another application's text may carry values.
/// </summary>
public sealed record SessionInfo(
    int Pid,
    string? User,
    string? Application,
    string? State,
    string? WaitEvent,
    DateTimeOffset? TransactionStart,
    DateTimeOffset? QueryStart,
    DateTimeOffset? StateChange,
    string Query)
{
    public bool IsActive => State == "active";

    public bool IsIdleInTransaction => State is "idle in transaction" or "idle in transaction (aborted)";
}
