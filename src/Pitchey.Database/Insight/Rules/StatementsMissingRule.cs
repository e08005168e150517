namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>pg-stat-statements-missing</c>: a host without a readable <c>pg_stat_statements</c>, with what
/// is missing there (the library in <c>shared_preload_libraries</c>, a restart, the extension) and
/// the SQL that adds it. Each server needs the library in its own settings (ALTER SYSTEM is not
/// replicated); the extension, made on the primary, reaches the replicas.
/// </summary>
internal sealed class StatementsMissingRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        foreach (var host in context.Snapshot.Hosts.Where(h => h.Reachable && !h.Statements.Available))
        {
            var status = host.Statements;
            var sql = new List<string>();
            if (!status.Loaded)
            {
                var libraries = string.IsNullOrWhiteSpace(status.PreloadLibraries) ? "pg_stat_statements" : status.PreloadLibraries + ",pg_stat_statements";
                sql.Add($"ALTER SYSTEM SET shared_preload_libraries = '{libraries.Replace("'", "''", StringComparison.Ordinal)}';  -- then restart PostgreSQL on {host.Host}");
            }

            if (!status.Created)
            {
                sql.Add(host.InRecovery
                    ? "-- CREATE EXTENSION pg_stat_statements on the primary: it reaches this replica by replication"
                    : "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;");
            }

            context.Add(new Recommendation(
                RecommendationKinds.StatementsMissing,
                RecommendationSeverity.Info,
                host.Host,
                $"{status.Problem} on {host.Host}: the workload advice (slow statements by mean and total time) is missing there",
                AdviceContext.Evidence(
                    ("host", host.Host),
                    ("inSharedPreloadLibraries", status.Loaded),
                    ("extensionCreated", status.Created),
                    ("sharedPreloadLibraries", status.PreloadLibraries),
                    ("problem", status.Problem)),
                sql.Count > 0 ? sql : ["-- check the role's privileges: GRANT pg_read_all_stats TO the gateway's role"],
                host.Host == context.Snapshot.Primary.Host ? null : host.Host,
                "PostgreSQL 13+ names the columns total_exec_time and mean_exec_time (the gateway reads those)."));
        }
    }
}
