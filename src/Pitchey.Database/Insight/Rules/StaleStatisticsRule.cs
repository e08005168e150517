namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>stale-statistics</c>: a table of at least <see cref="InsightOptions.StaleStatisticsMinRows"/>
/// rows never analysed, or changed since its last ANALYZE by <see cref="InsightOptions.StaleStatisticsModifiedShare"/>
/// of its rows: the planner estimates from figures that are no longer true (autovacuum falling behind).
/// </summary>
internal sealed class StaleStatisticsRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        var options = context.Options;
        foreach (var table in context.Snapshot.Primary.Tables.Where(t => t.Rows >= options.StaleStatisticsMinRows))
        {
            var share = (double)table.ModifiedSinceAnalyze / Math.Max(1, table.Rows);
            if (table.LastAnalyzed is not null && share < options.StaleStatisticsModifiedShare)
            {
                continue;
            }

            var name = SqlText.Qualified(table.Schema, table.Table);
            context.Add(new Recommendation(
                RecommendationKinds.StaleStatistics,
                RecommendationSeverity.Info,
                name,
                table.LastAnalyzed is null
                    ? $"Table {table.Table} ({table.Rows:N0} rows) has never been analysed: the planner guesses its sizes"
                    : $"Statistics of {table.Table} are stale: {share:P0} of its rows changed since the last ANALYZE",
                AdviceContext.Evidence(
                    ("table", name),
                    ("rows", table.Rows),
                    ("modifiedSinceAnalyze", table.ModifiedSinceAnalyze),
                    ("modifiedShare", Math.Round(share, 4)),
                    ("lastAnalyzed", table.LastAnalyzed),
                    ("maxModifiedShare", options.StaleStatisticsModifiedShare)),
                [$"ANALYZE {name};"],
                Note: "If it keeps happening, lower autovacuum_analyze_scale_factor for the table: ALTER TABLE " + name + " SET (autovacuum_analyze_scale_factor = 0.02);"));
        }
    }
}
