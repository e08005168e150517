namespace Pitchey.Gateway.StatusPage;

/// <summary>The 95th percentile of each tuned query over each interval (<c>pitchey.db.query.duration</c>).</summary>
internal sealed class QueryLatencyChart(MetricsTap tap) : IStatusChart
{
    private readonly Dictionary<string, long[]> _cursors = new(StringComparer.Ordinal);

    public string Id => "query-latency";

    public string Title => "Tuned query latency (p95)";

    public string Unit => "ms";

    public void Sample(ChartSample sample)
    {
        foreach (var (query, histogram) in tap.Queries)
        {
            if (!_cursors.TryGetValue(query, out var cursor))
            {
                _cursors[query] = cursor = LatencyHistogram.NewCursor();
            }

            sample.Add(query, histogram.TakeInterval(cursor).P95Ms ?? double.NaN);
        }
    }
}
