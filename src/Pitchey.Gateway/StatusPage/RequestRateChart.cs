using Microsoft.Extensions.Options;
using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.StatusPage;

/// <summary>Requests per second on the public listener, and how many of them were answered 5xx.</summary>
internal sealed class RequestRateChart(MetricsTap tap, IOptions<ManagementOptions> options) : IStatusChart
{
    private readonly long[] _cursor = LatencyHistogram.NewCursor();
    private long _errors;

    public string Id => "requests";

    public string Title => "Requests";

    public string Unit => "req/s";

    public void Sample(ChartSample sample)
    {
        var seconds = options.Value.HistoryInterval.TotalSeconds;
        var interval = tap.Requests.TakeInterval(_cursor);
        var errors = tap.ServerErrors;
        sample.Add("all", interval.Count / seconds);
        sample.Add("5xx", (errors - _errors) / seconds);
        _errors = errors;
    }
}
