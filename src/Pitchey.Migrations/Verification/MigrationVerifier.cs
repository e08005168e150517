using System.Text.Json;
using Npgsql;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Verification;

/// <summary>
/// Plans each representative query with EXPLAIN (never ANALYZE: nothing runs) and reports the
/// file's indexes that no query uses and the queries that still scan a large table.
/// </summary>
public static class MigrationVerifier
{
    public static async Task<VerifyReport> VerifyAsync(
        NpgsqlConnection connection, LintReport lint, IReadOnlyList<ScriptStatement> queries, long largeTableRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(lint);
        ArgumentNullException.ThrowIfNull(queries);
        var catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
        var plans = new List<QueryPlan>();
        var scans = new List<LargeScan>();
        foreach (var query in queries)
        {
            var name = query.QueryName ?? $"line {query.Line}";
            try
            {
                await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Text, connection);
                var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
                var indexes = new List<string>();
                var seqScans = new List<string>();
                using (var document = JsonDocument.Parse(json))
                {
                    Walk(document.RootElement[0].GetProperty("Plan"), indexes, seqScans);
                }

                plans.Add(new QueryPlan(name, query.Line, indexes.Distinct().ToList(), seqScans.Distinct().ToList(), null));
                foreach (var table in seqScans.Distinct())
                {
                    if (catalog.Tables.TryGetValue(table, out var info) && info.EstimatedRows >= largeTableRows)
                    {
                        scans.Add(new LargeScan(name, table, info.EstimatedRows));
                    }
                }
            }
            catch (PostgresException exception)
            {
                plans.Add(new QueryPlan(name, query.Line, [], [], MigrationRunner.Describe(exception)));
            }
        }

        var used = plans.SelectMany(p => p.IndexesUsed).ToHashSet(StringComparer.Ordinal);
        var unused = lint.Statements
            .Where(s => s.Kind == StatementKind.CreateIndex && s.Index!.Name is not null && !used.Contains(s.Index.Name))
            .Select(s => s.Index!.Name!)
            .Distinct()
            .ToList();
        return new VerifyReport(plans, unused, scans);
    }

    private static void Walk(JsonElement node, List<string> indexes, List<string> seqScans)
    {
        if (node.TryGetProperty("Index Name", out var index))
        {
            indexes.Add(index.GetString()!);
        }

        if (node.GetProperty("Node Type").GetString() == "Seq Scan" && node.TryGetProperty("Relation Name", out var relation))
        {
            seqScans.Add(relation.GetString()!);
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, indexes, seqScans);
            }
        }
    }
}
