using System.Globalization;

namespace Pitchey.Migrations.Verification;

/// <summary>
/// The validation after apply: each representative query's plan after against its plan before.
/// A query regressed when its estimated total cost grew by more than the allowed share, when it no
/// longer uses an index it used before (the index it was meant to use: dropped meanwhile, or
/// displaced by a new index the planner now prefers), or when it can no longer be planned. Queries
/// that could not be planned before are not compared.
/// </summary>
public static class PlanComparer
{
    /// <param name="allowedGrowth">Share by which the cost may grow unreported (<see cref="MigrationOptions.PlanCostGrowth"/>).</param>
    public static IReadOnlyList<PlanRegression> Compare(IReadOnlyList<QueryPlan> before, IReadOnlyList<QueryPlan> after, double allowedGrowth)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var regressions = new List<PlanRegression>();
        foreach (var old in before.Where(p => p.Error is null))
        {
            if (after.FirstOrDefault(p => p.Line == old.Line && p.Name == old.Name) is not { } now)
            {
                continue;
            }

            var problems = Problems(old, now, allowedGrowth);
            if (problems.Count > 0)
            {
                regressions.Add(new PlanRegression(old.Name, old.Line, string.Join("; ", problems), old, now));
            }
        }

        return regressions;
    }

    private static List<string> Problems(QueryPlan before, QueryPlan after, double allowedGrowth)
    {
        if (after.Error is not null)
        {
            return [$"can no longer be planned: {after.Error}"];
        }

        var problems = new List<string>();
        if (before.TotalCost is { } was && after.TotalCost is { } cost && cost > was * (1 + allowedGrowth) && cost > was)
        {
            var growth = was > 0 ? string.Create(CultureInfo.InvariantCulture, $" (+{(cost / was - 1) * 100:0} %)") : "";
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"estimated cost grew from {was:0.##} to {cost:0.##}{growth}"));
        }

        var lost = before.IndexesUsed.Except(after.IndexesUsed, StringComparer.Ordinal).ToList();
        if (lost.Count > 0)
        {
            var instead = after.IndexesUsed.Count > 0 ? $"uses {string.Join(", ", after.IndexesUsed)}"
                : after.SeqScans.Count > 0 ? $"scans {string.Join(", ", after.SeqScans)} sequentially"
                : "uses no index";
            problems.Add($"no longer uses {string.Join(", ", lost)} (now {instead})");
        }

        return problems;
    }
}
