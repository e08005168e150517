namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>invalid-index</c>: an index PostgreSQL does not use for reads (a failed or cancelled
/// CREATE INDEX CONCURRENTLY) but may still maintain on every write, unless a build is working on
/// it right now (<c>pg_stat_progress_create_index</c>): that one is simply not finished.
/// </summary>
internal sealed class InvalidIndexRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        if (context.Snapshot.Catalog is not { } catalog)
        {
            return;
        }

        foreach (var index in catalog.Indexes.Where(i => !i.Valid && !i.Building))
        {
            context.Add(new Recommendation(
                RecommendationKinds.InvalidIndex,
                RecommendationSeverity.Warning,
                index.QualifiedName,
                $"Invalid index {index.Name} on {index.Describe()}: a build failed or was cancelled; reads never use it"
                    + (index.Ready ? ", writes still maintain it" : ""),
                AdviceContext.IndexEvidence(index, ("valid", false), ("ready", index.Ready), ("beingBuilt", false)),
                [$"DROP INDEX CONCURRENTLY {index.QualifiedName};", SqlText.Concurrently(index.Definition)],
                Note: index.Unique
                    ? "A UNIQUE build fails again while duplicate values remain: find them first (GROUP BY the key columns HAVING count(*) > 1)."
                    : "Or rebuild in place: REINDEX INDEX CONCURRENTLY " + index.QualifiedName + ";"));
        }
    }
}
