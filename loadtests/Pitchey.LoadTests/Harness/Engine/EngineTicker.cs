using HdrHistogram;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Once a second, on seconds counted from the start of the measured window, takes the second's
/// figures from the recorder: the live sample for the display (all phases) and one timeline point
/// per series and per target (measured window only). After the last request it takes the rest, so
/// the timeline adds up to the totals.
/// </summary>
internal sealed class EngineTicker
{
    private readonly EngineRun _run;
    private readonly Action<ProgressSample>? _progress;
    private readonly List<TimelinePoint>[] _series;
    private readonly List<TimelinePoint>[] _targets;
    private readonly SecondCells _merged = new();

    /// <summary>Measured-window requests cut with a warm-up second (done before the ticker's boundary at the window's start): they belong to second 0.</summary>
    private readonly SecondCells[] _early;
    private long _totalSent;
    private long _totalErrors;

    public EngineTicker(EngineRun run, Action<ProgressSample>? progress)
    {
        _run = run;
        _progress = progress;
        _series = [.. Enumerable.Range(0, run.Plan.SeriesCount).Select(_ => new List<TimelinePoint>())];
        _targets = [.. Enumerable.Range(0, run.Plan.Targets.Count).Select(_ => new List<TimelinePoint>())];
        _early = [.. Enumerable.Range(0, run.Plan.SeriesCount).Select(_ => new SecondCells())];
    }

    public IReadOnlyList<IReadOnlyList<TimelinePoint>> SeriesTimeline => _series;

    public IReadOnlyList<IReadOnlyList<TimelinePoint>> TargetTimeline => _targets;

    /// <summary>Ticks until <paramref name="working"/> ends, then takes the last partial second.</summary>
    public async Task RunAsync(Task working)
    {
        var second = EngineTime.TicksPerSecond;
        var control = _run.Control;
        // The first boundary after load begins, on the window's grid (warm-up seconds are negative).
        var index = (long)Math.Floor((double)(control.Start - control.WindowStart) / second);
        while (true)
        {
            var boundary = control.WindowStart + ((index + 1) * second);
            var wait = TimeSpan.FromSeconds(EngineTime.Seconds(boundary - EngineTime.Now));
            // Yielding: the last worker may end on the pacer's thread, which must not run the ticker.
            if (wait > TimeSpan.Zero && await Task.WhenAny(working, Task.Delay(wait)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding) == working)
            {
                break;
            }

            if (working.IsCompleted)
            {
                break;
            }

            Take(index, partial: false);
            index++;
        }

        Take(index, partial: true);
    }

    private void Take(long index, bool partial)
    {
        var (window, live) = _run.Recorder.CutSecond();
        var control = _run.Control;
        var plan = _run.Plan;
        for (var series = 0; series < window.Count; series++)
        {
            if (index < 0)
            {
                _early[series].Add(window[series]);
            }
            else if (_early[series].Completed > 0)
            {
                window[series].Add(_early[series]);
                _early[series].Clear();
            }
        }

        // Every list gets a point for every whole second from the window's start on (drain seconds
        // included); the last, partial one only when it holds something.
        if (index >= 0 && (!partial || window.Any(cells => cells.Completed > 0)))
        {
            for (var target = 0; target < plan.Targets.Count; target++)
            {
                _merged.Clear();
                for (var label = 0; label < plan.Labels.Count; label++)
                {
                    var series = plan.Series(target, label);
                    _series[series].Add(Point((int)index, window[series]));
                    _merged.Add(window[series]);
                }

                _targets[target].Add(Point((int)index, _merged));
            }
        }

        foreach (var cells in window)
        {
            _totalSent += cells.Completed;
            _totalErrors += cells.Errors;
        }

        if (_progress is null || partial)
        {
            return;
        }

        _merged.Clear();
        foreach (var cells in live)
        {
            _merged.Add(cells);
        }

        var end = control.WindowStart + ((index + 1) * EngineTime.TicksPerSecond);
        var phase = index < 0 ? "warm-up" : end <= control.WindowEnd + (EngineTime.TicksPerSecond / 2) ? "measuring" : "draining";
        _progress(new ProgressSample(
            EngineTime.Seconds(EngineTime.Now - control.Start),
            phase,
            plan.Model == LoadModel.Open ? plan.Rate : null,
            _merged.Completed,
            Percentile(_merged.Corrected, 50),
            Percentile(_merged.Corrected, 99),
            _merged.Errors,
            _totalErrors,
            _totalSent));
    }

    private static TimelinePoint Point(int second, SecondCells cells) => new(
        second,
        cells.Completed,
        cells.Ok,
        cells.Errors,
        Percentile(cells.Corrected, 50),
        Percentile(cells.Corrected, 90),
        Percentile(cells.Corrected, 99),
        cells.Completed == 0 ? 0 : cells.Corrected.GetMaxValue(),
        Percentile(cells.Uncorrected, 99));

    private static long Percentile(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);
}
