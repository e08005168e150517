using Pitchey.Database.Indexes;

namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>duplicate-index</c> and <c>prefix-index</c>: a droppable index another valid one on the same
/// table already covers (<see cref="IndexCoverage"/>: same method, key expressions with operator
/// class, collation and order, INCLUDE columns and predicate). Of two identical droppable indexes
/// only one is named (the later name), so following the advice never drops both.
/// </summary>
internal sealed class RedundantIndexRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        if (context.Snapshot.Catalog is not { } catalog)
        {
            return;
        }

        var valid = catalog.Indexes.Where(i => i.Valid).ToArray();
        foreach (var index in valid.Where(i => i.Droppable))
        {
            foreach (var other in valid.Where(o => o.Oid != index.Oid && o.QualifiedTable == index.QualifiedTable))
            {
                var verdict = IndexCoverage.Compare(index.Key, other.Key);
                if (verdict == IndexRedundancy.None
                    || (verdict == IndexRedundancy.Duplicate && other.Droppable && string.CompareOrdinal(index.Name, other.Name) < 0))
                {
                    continue;
                }

                Add(context, index, other, verdict);
                break;
            }
        }
    }

    private static void Add(AdviceContext context, IndexFacts index, IndexFacts other, IndexRedundancy verdict)
    {
        var duplicate = verdict == IndexRedundancy.Duplicate;
        context.Add(new Recommendation(
            duplicate ? RecommendationKinds.DuplicateIndex : RecommendationKinds.PrefixIndex,
            RecommendationSeverity.Warning,
            index.QualifiedName,
            duplicate
                ? $"Duplicate index {index.Name} on {index.Describe()}: {other.Name} is the same index"
                : $"Index {index.Name} on {index.Describe()} is a prefix of {other.Name} on {other.Describe()}, which serves the same lookups",
            AdviceContext.IndexEvidence(
                index,
                ("coveredBy", other.QualifiedName),
                ("coveredByDefinition", other.Definition),
                ("relation", duplicate ? "same keys, method and predicate" : "its keys lead the other's; same method and predicate")),
            AdviceContext.DropSql(index),
            Note: $"{other.Name} keeps serving these lookups; every write to {index.Table} stops paying for {index.Name}."));
    }
}
