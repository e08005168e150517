using System.Globalization;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Thresholds;

/// <summary>
/// Compares this run's first target with a baseline report's, for the total and every label both
/// have: p50 and p99 (corrected) regress when higher by more than the tolerance and by at least
/// <see cref="LatencySlackUs"/>; the achieved rate when lower by more than the tolerance; errors when
/// their share rose by more than <see cref="ErrorSlackPoints"/> percentage points. Every threshold
/// that held in the baseline is judged again on this run; failing now is a regression too.
/// </summary>
internal static class BaselineComparison
{
    /// <summary>Latency differences smaller than this are timer and scheduler noise, whatever the ratio.</summary>
    public const double LatencySlackUs = 50;

    /// <summary>Error share may rise by this many percentage points before it counts as a regression.</summary>
    public const double ErrorSlackPoints = 0.1;

    public static BaselineReport Compare(RunReport current, RunReport baseline, string file, double tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var deltas = new List<BaselineDelta>();
        var now = current.Main;
        var then = baseline.Main;
        Add(deltas, null, now.Total, then.Total, tolerancePercent);
        foreach (var label in now.Labels)
        {
            if (label.Label is not null && then.Labels.FirstOrDefault(old => old.Label == label.Label) is { } old)
            {
                Add(deltas, label.Label, label, old, tolerancePercent);
            }
        }

        var rejudged = new List<ThresholdReport>();
        foreach (var held in baseline.Thresholds.Where(threshold => threshold.Passed))
        {
            if (ThresholdParser.Parse(held.Expression, out _) is { } threshold)
            {
                rejudged.Add(ThresholdJudge.Judge(threshold, now));
            }
        }

        return new BaselineReport(
            file,
            tolerancePercent,
            deltas.All(delta => !delta.Regressed) && rejudged.All(threshold => threshold.Passed),
            deltas,
            rejudged,
            Notes(current, baseline));
    }

    private static void Add(List<BaselineDelta> deltas, string? label, SeriesReport now, SeriesReport then, double tolerance)
    {
        var factor = tolerance / 100;
        deltas.Add(Latency(label, "p50", then.Corrected.P50Us, now.Corrected.P50Us, factor));
        deltas.Add(Latency(label, "p99", then.Corrected.P99Us, now.Corrected.P99Us, factor));
        deltas.Add(new BaselineDelta(
            label, "rps", then.AchievedRate, now.AchievedRate, Change(then.AchievedRate, now.AchievedRate), now.AchievedRate < then.AchievedRate * (1 - factor)));
        deltas.Add(new BaselineDelta(
            label, "errors", then.ErrorPercent, now.ErrorPercent, Math.Round(now.ErrorPercent - then.ErrorPercent, 4), now.ErrorPercent - then.ErrorPercent > ErrorSlackPoints));
    }

    private static BaselineDelta Latency(string? label, string figure, double then, double now, double factor) =>
        new(label, figure, then, now, Change(then, now), now > then * (1 + factor) && now - then >= LatencySlackUs);

    private static double Change(double then, double now) => then == 0 ? 0 : Math.Round((now - then) * 100 / then, 2);

    private static List<string> Notes(RunReport current, RunReport baseline)
    {
        var notes = new List<string>();
        void Differs(string what, object? then, object? now)
        {
            if (!Equals(then, now))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{what} differs: baseline {then ?? "none"}, now {now ?? "none"}"));
            }
        }

        Differs("scenario", baseline.Scenario, current.Scenario);
        Differs("model", baseline.Settings.Model, current.Settings.Model);
        Differs("rate", baseline.Settings.Rate, current.Settings.Rate);
        Differs("connections", baseline.Settings.Connections, current.Settings.Connections);
        Differs("processors", baseline.Machine.ProcessorCount, current.Machine.ProcessorCount);
        return notes;
    }
}
