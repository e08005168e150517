namespace Pitchey.Gateway.StatusPage;

/// <summary>Request latency on the public listener over each interval: 50th, 95th and 99th percentile.</summary>
internal sealed class RequestLatencyChart(MetricsTap tap) : IStatusChart
{
    private readonly long[] _cursor = LatencyHistogram.NewCursor();

    public string Id => "request-latency";

    public string Title => "Request latency";

    public string Unit => "ms";

    public void Sample(ChartSample sample)
    {
        var interval = tap.Requests.TakeInterval(_cursor);
        sample.Add("p50", interval.P50Ms ?? double.NaN);
        sample.Add("p95", interval.P95Ms ?? double.NaN);
        sample.Add("p99", interval.P99Ms ?? double.NaN);
    }
}
