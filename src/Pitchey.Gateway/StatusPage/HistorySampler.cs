namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// Samples every <see cref="IStatusChart"/> once per <c>Management:HistoryInterval</c> into
/// <see cref="StatusHistory"/>, in the background: requests never wait on it, and a chart that
/// throws loses its point for that interval, nothing more.
/// </summary>
internal sealed partial class HistorySampler(
    MetricsTap tap, StatusHistory history, IEnumerable<IStatusChart> charts, TimeProvider time, ILogger<HistorySampler> logger) : BackgroundService
{
    private readonly IStatusChart[] _charts = [.. charts];

    /// <summary>Takes one sample now (the loop calls it; tests call it to skip the wait).</summary>
    public void SampleNow()
    {
        tap.Poll();
        var values = new Dictionary<string, IReadOnlyList<KeyValuePair<string, double>>>(StringComparer.Ordinal);
        foreach (var chart in _charts)
        {
            var sample = new ChartSample();
            try
            {
                chart.Sample(sample);
                values[chart.Id] = sample.Values;
            }
#pragma warning disable CA1031 // one faulty chart must not stop the others, nor the loop
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogChartFailed(logger, chart.Id, exception.GetType().Name);
            }
        }

        history.Add(new HistoryPoint(time.GetUtcNow(), values));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(history.Interval, time);
        SampleNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            SampleNow();
        }
    }
}
