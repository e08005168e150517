using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Thresholds;

/// <summary>
/// Judges thresholds on the first target's figures over the measured window: latencies are the
/// corrected ones (from the due time; the same as uncorrected in the closed model). A threshold on a
/// series that sent nothing fails: there is nothing to show it held.
/// </summary>
internal static class ThresholdJudge
{
    public static IReadOnlyList<ThresholdReport> Judge(IEnumerable<Threshold> thresholds, TargetReport target) =>
        [.. thresholds.Select(threshold => Judge(threshold, target))];

    public static ThresholdReport Judge(Threshold threshold, TargetReport target)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(target);
        var series = threshold.Label is null ? target.Total : target.Labels.FirstOrDefault(labelled => labelled.Label == threshold.Label);
        var actual = series is null || series.Sent == 0 ? (double?)null : Actual(threshold, series);
        return new ThresholdReport(
            threshold.Expression,
            threshold.Label,
            threshold.MetricName,
            threshold.Operator,
            threshold.Limit,
            threshold.Unit,
            actual is { } value ? Math.Round(value, 4) : null,
            actual is { } judged && threshold.Holds(judged));
    }

    /// <summary>Before the run: a label the scenario does not have, or dropped on a label, is a usage error; null when all is well.</summary>
    public static string? Check(IEnumerable<Threshold> thresholds, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var threshold in thresholds)
        {
            if (threshold.Label is { } label && !labels.Contains(label))
            {
                return $"threshold '{threshold.Expression}': the scenario has no label '{label}' (labels: {string.Join(", ", labels)})";
            }

            if (threshold.Label is not null && threshold.Metric == ThresholdMetric.Dropped)
            {
                return $"threshold '{threshold.Expression}': dropped requests have no label (they were never drawn); judge dropped on the total";
            }
        }

        return null;
    }

    private static double Actual(Threshold threshold, SeriesReport series) => threshold.Metric switch
    {
        ThresholdMetric.P50 => series.Corrected.P50Us,
        ThresholdMetric.P90 => series.Corrected.P90Us,
        ThresholdMetric.P99 => series.Corrected.P99Us,
        ThresholdMetric.P999 => series.Corrected.P999Us,
        ThresholdMetric.Max => series.Corrected.MaxUs,
        ThresholdMetric.Mean => series.Corrected.MeanUs,
        ThresholdMetric.Errors => threshold.Share ? series.ErrorPercent : series.Errors.Total,
        ThresholdMetric.Rps => series.AchievedRate,
        ThresholdMetric.Late => threshold.Share ? series.Late * 100.0 / series.Sent : series.Late,
        _ => threshold.Share ? (series.Dropped ?? 0) * 100.0 / (series.Sent + (series.Dropped ?? 0)) : series.Dropped ?? 0,
    };
}
