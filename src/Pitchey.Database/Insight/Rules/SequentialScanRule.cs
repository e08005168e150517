namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>sequential-scans</c>: a table of at least <see cref="InsightOptions.SequentialScanMinRows"/>
/// rows whose scans, summed over every host that could be read, use an index less often than
/// <see cref="InsightOptions.SequentialScanMaxIndexShare"/> (PgHero's "missing indexes").
/// </summary>
internal sealed class SequentialScanRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        var options = context.Options;
        var hosts = context.Snapshot.Hosts.Where(h => h.Reachable).ToArray();
        foreach (var table in context.Snapshot.Primary.Tables.Where(t => t.Rows >= options.SequentialScanMinRows))
        {
            var usage = hosts.Select(h => (h.Host, Scans: h.Tables.FirstOrDefault(t => t.TableOid == table.TableOid))).ToArray();
            var sequential = usage.Sum(u => u.Scans?.SequentialScans ?? 0);
            var indexed = usage.Sum(u => u.Scans?.IndexScans ?? 0);
            if (sequential + indexed == 0)
            {
                continue;
            }

            var share = (double)indexed / (sequential + indexed);
            if (share >= options.SequentialScanMaxIndexShare)
            {
                continue;
            }

            var name = SqlText.Qualified(table.Schema, table.Table);
            context.Add(new Recommendation(
                RecommendationKinds.SequentialScans,
                RecommendationSeverity.Warning,
                name,
                $"Table {table.Table} ({table.Rows:N0} rows) is read mostly by sequential scans: an index serves {share:P0} of its scans",
                AdviceContext.Evidence(
                    ("table", name),
                    ("estimatedRows", table.Rows),
                    ("sequentialScans", usage.ToDictionary(u => u.Host, u => u.Scans?.SequentialScans ?? 0, StringComparer.Ordinal)),
                    ("indexScans", usage.ToDictionary(u => u.Host, u => u.Scans?.IndexScans ?? 0, StringComparer.Ordinal)),
                    ("rowsReadSequentially", usage.Sum(u => u.Scans?.SequentialRowsRead ?? 0)),
                    ("indexShare", Math.Round(share, 4)),
                    ("maxIndexShare", options.SequentialScanMaxIndexShare)),
                [
                    $"SELECT queryid, calls, mean_exec_time, query FROM pg_stat_statements WHERE query ILIKE '%{table.Table.Replace("'", "''", StringComparison.Ordinal)}%' ORDER BY total_exec_time DESC LIMIT 10;",
                    $"-- then EXPLAIN (ANALYZE, BUFFERS) the statements that scan {table.Table} and CREATE INDEX CONCURRENTLY on the columns they filter by",
                ],
                Note: "Run the lookup on each host with sequential scans: reads that go to a replica are counted there."));
        }
    }
}
