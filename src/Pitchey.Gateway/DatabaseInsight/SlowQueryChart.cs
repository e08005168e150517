using Microsoft.Extensions.Options;
using Pitchey.Database.SlowQueries;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>Slow tuned queries per minute, one line per query, over each history interval.</summary>
internal sealed class SlowQueryChart(SlowQueryLog log, IOptions<ManagementOptions> options) : IStatusChart
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    public string Id => "slow-queries";

    public string Title => "Slow queries";

    public string Unit => "/min";

    public void Sample(ChartSample sample)
    {
        var minutes = options.Value.HistoryInterval.TotalMinutes;
        foreach (var (query, count) in log.CountsByQuery)
        {
            sample.Add(query, (count - _last.GetValueOrDefault(query)) / minutes);
            _last[query] = count;
        }
    }
}
