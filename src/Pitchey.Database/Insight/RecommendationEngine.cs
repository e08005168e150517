using Pitchey.Database.Insight.Rules;

namespace Pitchey.Database.Insight;

/// <summary>Every rule over one snapshot: pure (no I/O, no clock but the snapshot's), so each rule is tested on made-up figures.</summary>
public static class RecommendationEngine
{
    private static readonly IRecommendationRule[] Rules =
    [
        new InvalidIndexRule(),
        new UnusedIndexRule(),
        new RedundantIndexRule(),
        new SequentialScanRule(),
        new StaleStatisticsRule(),
        new SequenceRule(),
        new TransactionIdRule(),
        new SlowStatementRule(),
        new SessionRule(),
        new StatementsMissingRule(),
    ];

    private static readonly string[] SeverityOrder = [RecommendationSeverity.Critical, RecommendationSeverity.Warning, RecommendationSeverity.Info];

    /// <summary>The recommendations, most severe first, and the notes on advice withheld.</summary>
    public static (IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<string> Notes) Evaluate(WorkloadSnapshot snapshot, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var context = new AdviceContext(snapshot, options);
        foreach (var rule in Rules)
        {
            rule.Evaluate(context);
        }

        foreach (var host in snapshot.Hosts.Where(h => !h.Reachable))
        {
            context.Note($"{host.Host} could not be read ({host.Error})");
        }

        if (snapshot.CatalogError is { } error)
        {
            context.Note($"the primary's catalog could not be read ({error}): index, sequence and transaction-id advice is missing");
        }

        return ([.. context.Found.OrderBy(r => Array.IndexOf(SeverityOrder, r.Severity))], context.Notes);
    }
}
