using System.Text.Json;
using Npgsql;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Verification;

/// <summary>Plans a representative query with <c>EXPLAIN (FORMAT JSON)</c>, never ANALYZE: nothing runs.</summary>
public static class QueryExplainer
{
    /// <summary>The query's name: its marker's, else its line.</summary>
    public static string NameOf(ScriptStatement query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.QueryName ?? $"line {query.Line}";
    }

    /// <summary>The plan, or a plan carrying PostgreSQL's error when the query cannot be planned.</summary>
    public static async Task<QueryPlan> ExplainAsync(NpgsqlConnection connection, ScriptStatement query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var name = NameOf(query);
        try
        {
            await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Text, connection);
            var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            var indexes = new List<string>();
            var seqScans = new List<string>();
            using var document = JsonDocument.Parse(json);
            var plan = document.RootElement[0].GetProperty("Plan");
            Walk(plan, indexes, seqScans);
            return new QueryPlan(name, query.Line, indexes.Distinct().ToList(), seqScans.Distinct().ToList(), null, plan.GetProperty("Total Cost").GetDouble());
        }
        catch (PostgresException exception)
        {
            return new QueryPlan(name, query.Line, [], [], MigrationRunner.Describe(exception));
        }
    }

    /// <summary>Every query's plan, in order.</summary>
    public static async Task<IReadOnlyList<QueryPlan>> ExplainAllAsync(NpgsqlConnection connection, IEnumerable<ScriptStatement> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var plans = new List<QueryPlan>();
        foreach (var query in queries)
        {
            plans.Add(await ExplainAsync(connection, query, cancellationToken));
        }

        return plans;
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
