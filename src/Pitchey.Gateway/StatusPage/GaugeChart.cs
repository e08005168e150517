namespace Pitchey.Gateway.StatusPage;

/// <summary>A gauge the gateway exports, drawn as it was at each sample (one line per host, pool, ...).</summary>
internal sealed class GaugeChart(MetricsTap tap, string id, string title, string unit, string instrument) : IStatusChart
{
    public string Id => id;

    public string Title => title;

    public string Unit => unit;

    public void Sample(ChartSample sample)
    {
        foreach (var (line, value) in tap.Latest(instrument))
        {
            sample.Add(line, value);
        }
    }
}
