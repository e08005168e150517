namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>sequence-near-max</c>: a sequence used up to <see cref="InsightOptions.SequenceMaxShare"/> of
/// where it really stops: its own maximum, or its column's type when that is smaller (an integer
/// column fed by a bigint sequence fails at 2,147,483,647). Inserts fail once it is reached.
/// </summary>
internal sealed class SequenceRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        if (context.Snapshot.Catalog is not { } catalog)
        {
            return;
        }

        foreach (var sequence in catalog.Sequences.Where(s => s.Increment > 0 && s.LastValue is not null))
        {
            var share = (double)sequence.LastValue!.Value / sequence.EffectiveMax;
            if (share < context.Options.SequenceMaxShare)
            {
                continue;
            }

            var name = SqlText.Qualified(sequence.Schema, sequence.Name);
            var limitedByColumn = sequence.EffectiveMax < sequence.MaxValue;
            var sql = new List<string>();
            if (limitedByColumn && sequence.Table is not null && sequence.Column is not null)
            {
                sql.Add($"ALTER TABLE {SqlText.Qualified(sequence.Schema, sequence.Table)} ALTER COLUMN {SqlText.Identifier(sequence.Column)} TYPE bigint;  -- rewrites the table under an exclusive lock: plan a window");
            }

            if (sequence.DataType != "bigint")
            {
                sql.Add($"ALTER SEQUENCE {name} AS bigint;");
            }

            if (sql.Count == 0)
            {
                sql.Add($"-- {name} is a bigint sequence near its own MAXVALUE: ALTER SEQUENCE {name} MAXVALUE ... or CYCLE, if the values may repeat");
            }

            context.Add(new Recommendation(
                RecommendationKinds.SequenceNearMax,
                share >= 0.99 ? RecommendationSeverity.Critical : RecommendationSeverity.Warning,
                name,
                $"Sequence {sequence.Name}{(sequence.Table is null ? "" : $" ({sequence.Table}.{sequence.Column})")} has used {share:P1} of its values",
                AdviceContext.Evidence(
                    ("sequence", name),
                    ("lastValue", sequence.LastValue),
                    ("maxValue", sequence.EffectiveMax),
                    ("limitedBy", limitedByColumn ? $"column type {sequence.ColumnType}" : $"sequence type {sequence.DataType}"),
                    ("column", sequence.Table is null ? null : $"{sequence.Table}.{sequence.Column}"),
                    ("share", Math.Round(share, 4))),
                sql));
        }
    }
}
