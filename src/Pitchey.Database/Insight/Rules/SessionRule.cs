namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>long-running-query</c> and <c>idle-in-transaction</c>: a query active for
/// <see cref="InsightOptions.LongRunningQuery"/> or more, a session idle inside a transaction for
/// <see cref="InsightOptions.IdleInTransaction"/> or more (it holds locks and keeps vacuum from
/// cleaning up), on any host, measured by that host's clock. Maintenance commands (CREATE INDEX,
/// REINDEX, VACUUM, ANALYZE, CLUSTER) are long by nature and left out: cancelling one is no advice.
/// </summary>
internal sealed class SessionRule : IRecommendationRule
{
    private static readonly string[] Maintenance = ["create index", "create unique index", "reindex", "vacuum", "analyze", "cluster"];

    public void Evaluate(AdviceContext context)
    {
        var options = context.Options;
        foreach (var host in context.Snapshot.Hosts.Where(h => h.Reachable))
        {
            var onHost = host.Host == context.Snapshot.Primary.Host ? null : host.Host;
            foreach (var session in host.Sessions)
            {
                if (session.IsActive && session.QueryStart is { } started && host.ServerNow - started >= options.LongRunningQuery && !IsMaintenance(session.Query))
                {
                    context.Add(Advice(RecommendationKinds.LongRunningQuery, host, onHost, session, host.ServerNow - started,
                        $"Query running for {(host.ServerNow - started).TotalSeconds:F0} s on {host.Host} (pid {session.Pid})",
                        [$"SELECT pg_cancel_backend({session.Pid});", $"-- if it does not stop: SELECT pg_terminate_backend({session.Pid});"],
                        "A statement_timeout for the role stops such queries by itself."));
                }
                else if (session.IsIdleInTransaction && session.StateChange is { } idleSince && host.ServerNow - idleSince >= options.IdleInTransaction)
                {
                    context.Add(Advice(RecommendationKinds.IdleInTransaction, host, onHost, session, host.ServerNow - idleSince,
                        $"Session idle in a transaction for {(host.ServerNow - idleSince).TotalSeconds:F0} s on {host.Host} (pid {session.Pid}): it holds its locks",
                        [$"SELECT pg_terminate_backend({session.Pid});"],
                        "idle_in_transaction_session_timeout (per role or database) ends such sessions by itself."));
                }
            }
        }
    }

    private static Recommendation Advice(
        string kind, HostWorkload host, string? onHost, SessionInfo session, TimeSpan age, string title, string[] sql, string note) =>
        new(kind, RecommendationSeverity.Warning, $"pid {session.Pid}", title,
            AdviceContext.Evidence(
                ("host", host.Host),
                ("pid", session.Pid),
                ("user", session.User),
                ("application", session.Application),
                ("state", session.State),
                ("seconds", Math.Round(age.TotalSeconds)),
                ("waitEvent", session.WaitEvent),
                ("transactionStart", session.TransactionStart),
                ("query", session.Query)),
            sql, onHost, note);

    private static bool IsMaintenance(string query)
    {
        var text = query.TrimStart();
        if (text.StartsWith("/*", StringComparison.Ordinal) && text.IndexOf("*/", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 2)..].TrimStart();
        }

        return Maintenance.Any(m => text.StartsWith(m, StringComparison.OrdinalIgnoreCase));
    }
}
