using HdrHistogram;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// A soak's drift: the corrected latency of the requests due in the first and in the last
/// <see cref="Share"/> of the planned window, each in a histogram of its own (percentiles of
/// seconds cannot be merged), and how p50 and p99 moved from one to the other. A slow leak, a
/// growing table or a filling cache shows as a last part slower than the first.
/// </summary>
internal sealed class DriftWatch(RunEvents events, TimeSpan window) : IScenarioFigures, IRequestObserver
{
    /// <summary>Each part is this share of the window: a tenth.</summary>
    public const double Share = 0.1;

    private readonly LongHistogram _first = LatencyHistograms.Total();
    private readonly LongHistogram _last = LatencyHistograms.Total();
    private readonly Lock _lock = new();
    private readonly long _part = EngineTime.Ticks(window * Share);
    private readonly long _window = EngineTime.Ticks(window);

    public void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
    {
        if (!inWindow)
        {
            return;
        }

        var at = due - events.WindowStart;
        var histogram = at < _part ? _first : at >= _window - _part ? _last : null;
        if (histogram is null)
        {
            return;
        }

        lock (_lock)
        {
            LatencyHistograms.Record(histogram, EngineTime.Microseconds(done - due));
        }
    }

    public void Finished(IReadOnlyList<ConnectionCensus> targets)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FigureSetReport Report(RunResults results)
    {
        LatencyReport first, last;
        lock (_lock)
        {
            (first, last) = (ReportBuilder.Latency(_first), ReportBuilder.Latency(_last));
        }

        var note = last.Count == 0 ? "nothing was due in the last tenth: the window ended early" : first.Count == 0 ? "nothing was due in the first tenth" : null;
        return new FigureSetReport(
            "soak",
            $"drift between the first and the last tenth of the window ({window.TotalSeconds * Share:0.#} s each)",
            note,
            [
                new("first tenth p50", Math.Round(first.P50Us / 1000.0, 3), "ms"),
                new("last tenth p50", Math.Round(last.P50Us / 1000.0, 3), "ms"),
                new("p50 drift", Ratio(last.P50Us, first.P50Us), "ratio", "last / first"),
                new("first tenth p99", Math.Round(first.P99Us / 1000.0, 3), "ms"),
                new("last tenth p99", Math.Round(last.P99Us / 1000.0, 3), "ms"),
                new("p99 drift", Ratio(last.P99Us, first.P99Us), "ratio", "last / first"),
            ],
            [new FigureLatency("first tenth", first), new FigureLatency("last tenth", last)],
            []);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static double? Ratio(long last, long first) => first > 0 && last > 0 ? Math.Round((double)last / first, 3) : null;
}
