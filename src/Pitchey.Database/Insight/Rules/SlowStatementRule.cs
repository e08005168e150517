using System.Globalization;

namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>slow-statement</c>: a <c>pg_stat_statements</c> statement of at least
/// <see cref="InsightOptions.SlowStatementMinCalls"/> calls averaging
/// <see cref="InsightOptions.SlowStatementMeanMs"/> or more (PgHero's slow queries), per host,
/// the <see cref="InsightOptions.TopStatements"/> with the most total time. The gateway's own
/// statements carry their route (<c>/* pitchey:route=browse */</c>).
/// </summary>
internal sealed class SlowStatementRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        var options = context.Options;
        foreach (var host in context.Snapshot.Hosts.Where(h => h.Statements.Available))
        {
            var total = host.TopByTotal.Sum(s => s.TotalMs);
            var slow = host.TopByMean.Concat(host.TopByTotal)
                .DistinctBy(s => s.QueryId)
                .Where(s => s.Calls >= options.SlowStatementMinCalls && s.MeanMs >= options.SlowStatementMeanMs)
                .OrderByDescending(s => s.TotalMs)
                .Take(options.TopStatements);
            foreach (var statement in slow)
            {
                var explain = host.ServerVersion >= 160000
                    ? $"EXPLAIN (GENERIC_PLAN) {statement.Query};"
                    : $"-- EXPLAIN (ANALYZE, BUFFERS) with representative values for the $n: {statement.Query}";
                context.Add(new Recommendation(
                    RecommendationKinds.SlowStatement,
                    RecommendationSeverity.Info,
                    statement.QueryId.ToString(CultureInfo.InvariantCulture),
                    $"Slow statement{(statement.Route is null ? "" : $" of route {statement.Route}")}: {statement.MeanMs:F1} ms on average over {statement.Calls:N0} calls",
                    AdviceContext.Evidence(
                        ("queryId", statement.QueryId),
                        ("route", statement.Route),
                        ("query", statement.Query),
                        ("calls", statement.Calls),
                        ("meanMs", Math.Round(statement.MeanMs, 3)),
                        ("totalMs", Math.Round(statement.TotalMs, 1)),
                        ("shareOfTopTotal", total > 0 ? Math.Round(statement.TotalMs / total, 4) : 0),
                        ("rowsPerCall", statement.Calls > 0 ? Math.Round((double)statement.Rows / statement.Calls, 1) : 0)),
                    [explain],
                    host.Host == context.Snapshot.Primary.Host ? null : host.Host));
            }
        }
    }
}
