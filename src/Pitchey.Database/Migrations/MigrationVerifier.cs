using System.Text.Json;
using Npgsql;

namespace Pitchey.Database.Migrations;

/// <summary>A sequential scan of a table at or above <see cref="MigrationOptions.LargeTableRows"/>.</summary>
internal sealed record LargeScan(string Query, string Table, long EstimatedRows);

/// <summary>How one representative query is planned.</summary>
internal sealed record QueryPlan(string Name, int Line, IReadOnlyList<string> IndexesUsed, IReadOnlyList<string> SeqScans, string? Error);

/// <summary>The result of <c>migrate verify</c>.</summary>
internal sealed record VerifyReport(IReadOnlyList<QueryPlan> Queries, IReadOnlyList<string> UnusedIndexes, IReadOnlyList<LargeScan> LargeScans)
{
    /// <summary>0 every index used and no large scan; 1 findings; 2 a query could not be planned.</summary>
    public int ExitCode => Queries.Any(q => q.Error is not null) ? 2 : UnusedIndexes.Count > 0 || LargeScans.Count > 0 ? 1 : 0;
}

/// <summary>
/// Plans each representative query with EXPLAIN (never ANALYZE: nothing runs) and reports the
/// file's indexes that no query uses and the queries that still scan a large table.
/// </summary>
internal static class MigrationVerifier
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
