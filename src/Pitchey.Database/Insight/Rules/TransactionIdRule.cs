namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>transaction-id-age</c>: fewer than <see cref="InsightOptions.TransactionIdsLeft"/> transaction
/// ids left before PostgreSQL refuses writes to protect itself from wraparound (PgHero's check):
/// the oldest tables must be frozen.
/// </summary>
internal sealed class TransactionIdRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        if (context.Snapshot.Catalog is not { } catalog)
        {
            return;
        }

        var facts = catalog.TransactionIds;
        var left = InsightConstants.TransactionIdLimit - facts.DatabaseAge;
        if (left >= context.Options.TransactionIdsLeft)
        {
            return;
        }

        context.Add(new Recommendation(
            RecommendationKinds.TransactionIdAge,
            RecommendationSeverity.Critical,
            "database",
            $"Only {left:N0} transaction ids are left before PostgreSQL stops accepting writes (wraparound protection)",
            AdviceContext.Evidence(
                ("databaseAge", facts.DatabaseAge),
                ("transactionIdsLeft", left),
                ("autovacuumFreezeMaxAge", facts.FreezeMaxAge),
                ("oldestTables", facts.OldestTables.ToDictionary(t => SqlText.Qualified(t.Schema, t.Table), t => t.Age, StringComparer.Ordinal))),
            [.. facts.OldestTables.Select(t => $"VACUUM (FREEZE, VERBOSE) {SqlText.Qualified(t.Schema, t.Table)};")],
            Note: "Look for what holds vacuum back first: long transactions, idle-in-transaction sessions, stale replication slots, prepared transactions."));
    }
}
