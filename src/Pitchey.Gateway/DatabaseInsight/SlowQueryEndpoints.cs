using Pitchey.Database.SlowQueries;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>
/// <c>GET /admin/db/slow-queries</c>: the kept slow queries, newest first, and a summary per query,
/// route and host; <c>POST /admin/db/slow-queries/reset</c> forgets them. SQL is normalised and
/// parameters are shapes (position, type, length), never values.
/// </summary>
internal static class SlowQueryEndpoints
{
    public static IResult List(SlowQueryLog log)
    {
        var recent = log.Recent();
        var options = log.Options;
        return Results.Ok(new
        {
            thresholdMs = options.ThresholdMs,
            thresholds = options.Queries.Where(q => q.Value.ThresholdMs is not null).ToDictionary(q => q.Key, q => q.Value.ThresholdMs, StringComparer.Ordinal),
            capacity = options.Capacity,
            recorded = log.Recorded,
            items = recent.Select(q => new
            {
                sequence = q.Sequence,
                at = q.At,
                query = q.Query,
                route = q.Origin ?? "background",
                host = q.Host,
                durationMs = Math.Round(q.DurationMs, 2),
                thresholdMs = q.ThresholdMs,
                sql = q.Statements.Count > 0 ? q.Statements[^1].Sql : null,
                statements = q.Statements.Select(s => new
                {
                    sql = s.Sql,
                    parameters = s.Parameters.Select(p => new { position = p.Position, type = p.Type, length = p.Length, isNull = p.IsNull }),
                }),
            }),
            byQuery = recent
                .GroupBy(q => (q.Query, Route: q.Origin ?? "background", q.Host))
                .Select(g => new
                {
                    query = g.Key.Query,
                    route = g.Key.Route,
                    host = g.Key.Host,
                    count = g.Count(),
                    meanMs = Math.Round(g.Average(q => q.DurationMs), 2),
                    maxMs = Math.Round(g.Max(q => q.DurationMs), 2),
                    lastAt = g.Max(q => q.At),
                })
                .OrderByDescending(s => s.count),
        });
    }

    public static IResult Reset(SlowQueryLog log)
    {
        return Results.Ok(new { cleared = log.Clear() });
    }
}
