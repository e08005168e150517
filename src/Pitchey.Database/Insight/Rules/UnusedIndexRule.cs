using System.Globalization;

namespace Pitchey.Database.Insight.Rules;

/// <summary>
/// <c>unused-index</c>: an index no host has scanned (at most <see cref="InsightOptions.UnusedIndexMaxScans"/>
/// scans over the primary and every replica: reads go to replicas, so the primary alone proves
/// nothing), at least <see cref="InsightOptions.UnusedIndexMinBytes"/> large, backing no constraint,
/// key or replica identity, and only once every host's statistics have counted for
/// <see cref="InsightOptions.MinimumStatisticsAge"/>. Any host unreadable or too young: withheld, with a note.
/// </summary>
internal sealed class UnusedIndexRule : IRecommendationRule
{
    public void Evaluate(AdviceContext context)
    {
        var snapshot = context.Snapshot;
        var options = context.Options;
        if (snapshot.Catalog is not { } catalog)
        {
            return;
        }

        var candidates = catalog.Indexes.Where(i => i.Valid && i.Droppable && i.SizeBytes >= options.UnusedIndexMinBytes).ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        foreach (var host in snapshot.Hosts)
        {
            if (!host.Reachable)
            {
                context.Note($"unused-index advice withheld: {host.Host} could not be read, and an index may be used there");
                return;
            }

            var age = host.Statistics!.AgeAt(host.ServerNow);
            if (age < options.MinimumStatisticsAge)
            {
                context.Note(string.Create(CultureInfo.InvariantCulture,
                    $"unused-index advice withheld: the statistics of {host.Host} count only since {host.Statistics.Source} {(long)age.TotalSeconds} s ago (Database:Insight:MinimumStatisticsAge is {(long)options.MinimumStatisticsAge.TotalSeconds} s)"));
                return;
            }
        }

        foreach (var index in candidates)
        {
            var scans = context.PerHost(h => h.Indexes.FirstOrDefault(s => s.IndexOid == index.Oid)?.Scans);
            if (scans.Values.Any(s => s is null) || scans.Values.Sum(s => s!.Value) > options.UnusedIndexMaxScans)
            {
                continue;
            }

            context.Add(new Recommendation(
                RecommendationKinds.UnusedIndex,
                RecommendationSeverity.Warning,
                index.QualifiedName,
                $"Unused index {index.Name} on {index.Describe()}: no host has used it; it costs every write on {index.Table}",
                AdviceContext.IndexEvidence(
                    index,
                    ("scans", scans),
                    ("statisticsSince", context.PerHost(h => h.Statistics!.Since)),
                    ("minimumStatisticsAgeSeconds", (long)options.MinimumStatisticsAge.TotalSeconds)),
                AdviceContext.DropSql(index),
                Note: "DROP INDEX CONCURRENTLY cannot run inside a transaction block; it waits for queries using the index, never blocks writes."));
        }
    }
}
