using Npgsql;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
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
        var plans = await QueryExplainer.ExplainAllAsync(connection, queries, cancellationToken);
        var scans = new List<LargeScan>();
        foreach (var plan in plans)
        {
            foreach (var table in plan.SeqScans)
            {
                if (catalog.Tables.TryGetValue(table, out var info) && info.EstimatedRows >= largeTableRows)
                {
                    scans.Add(new LargeScan(plan.Name, table, info.EstimatedRows));
                }
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
}
