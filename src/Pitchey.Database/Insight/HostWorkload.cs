namespace Pitchey.Database.Insight;

/// <summary>What one host (the primary or a replica) said in one round; <paramref name="Error"/> when it could not be read.</summary>
/// <param name="Host">The gateway's name for it (<c>primary</c>, <c>replica1</c>).</param>
/// <param name="Endpoint">host:port, safe to show.</param>
/// <param name="ServerNow">The host's clock when read: session ages are measured against it.</param>
public sealed record HostWorkload(
    string Host,
    string Endpoint,
    string? Error,
    bool InRecovery,
    int ServerVersion,
    DateTimeOffset ServerNow,
    StatisticsWindow? Statistics,
    StatementsStatus Statements,
    IReadOnlyList<StatementStat> TopByTotal,
    IReadOnlyList<StatementStat> TopByMean,
    IReadOnlyList<IndexScans> Indexes,
    IReadOnlyList<TableScans> Tables,
    IReadOnlyList<SessionInfo> Sessions)
{
    public bool Reachable => Error is null;

    /// <summary>A host that could not be read.</summary>
    public static HostWorkload Failed(string host, string endpoint, string error, DateTimeOffset now) =>
        new(host, endpoint, error, false, 0, now, null, new StatementsStatus(false, false, "", error), [], [], [], [], []);
}
