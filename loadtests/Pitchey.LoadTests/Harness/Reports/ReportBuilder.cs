using HdrHistogram;
using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>Turns the engine's cells into the report's figures: percentiles, distributions, per-label and per-target totals, ratios.</summary>
internal static class ReportBuilder
{
    /// <summary>HdrHistogram's distribution steps: five per halving of the distance to 100 % (about 100 points).</summary>
    private const int PercentileTicksPerHalfDistance = 5;

    private static readonly LatencyReport NoLatency = new(0, 0, 0, 0, 0, 0, 0, 0, []);

    /// <summary>Every target of <paramref name="result"/>: its total, its labels, and (after the first) its ratios to the first.</summary>
    public static IReadOnlyList<TargetReport> Targets(EngineResult result, IReadOnlyList<Uri> urls)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(urls);
        var plan = result.Plan;
        var targets = new List<TargetReport>(plan.Targets.Count);
        for (var target = 0; target < plan.Targets.Count; target++)
        {
            var total = new SeriesCells();
            var labels = new List<SeriesReport>(plan.Labels.Count);
            for (var label = 0; label < plan.Labels.Count; label++)
            {
                var series = plan.Series(target, label);
                total.Add(result.Series[series]);
                labels.Add(Series(result, target, plan.Labels[label], result.Series[series], result.SeriesTimeline[series], dropped: null));
            }

            var report = Series(result, target, null, total, result.TargetTimeline[target], plan.Model == LoadModel.Open ? result.Dropped[target] : null);
            targets.Add(new TargetReport(
                urls[target].ToString(), target == 0 ? "target" : "compare", report, labels, target == 0 ? null : Ratio(report, targets[0].Total), result.Connects[target]));
        }

        return targets;
    }

    public static LatencyReport Latency(LongHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return NoLatency;
        }

        var distribution = histogram.Percentiles(PercentileTicksPerHalfDistance)
            .Select(step => new PercentilePoint(Math.Round(step.PercentileLevelIteratedTo, 6), step.ValueIteratedTo, step.TotalCountToThisValue))
            .ToList();
        return new LatencyReport(
            histogram.TotalCount,
            histogram.GetValueAtPercentile(0),
            Math.Round(histogram.GetMean(), 1),
            histogram.GetValueAtPercentile(50),
            histogram.GetValueAtPercentile(90),
            histogram.GetValueAtPercentile(99),
            histogram.GetValueAtPercentile(99.9),
            histogram.GetMaxValue(),
            distribution);
    }

    /// <summary>Fills in client requests per server-side count where the sampler asked for it.</summary>
    public static IReadOnlyList<ServerSideReport> WithRequestsPer(IReadOnlyList<ServerSideReport> serverSide, long clientRequests)
    {
        ArgumentNullException.ThrowIfNull(serverSide);
        return [.. serverSide.Select(report => report with
        {
            Counters = [.. report.Counters.Select(counter => counter.PerRequest && counter.Value > 0
                ? counter with { RequestsPer = Math.Round(clientRequests / counter.Value, 2) }
                : counter)],
        })];
    }

    private static SeriesReport Series(
        EngineResult result, int target, string? label, SeriesCells cells, IReadOnlyList<TimelinePoint> timeline, long? dropped)
    {
        var open = result.Plan.Model == LoadModel.Open;
        var errors = cells.Errors.Sum();
        var failingStatuses = new Dictionary<string, long>();
        var statuses = new Dictionary<string, long>();
        for (var code = 0; code < cells.Statuses.Length; code++)
        {
            if (cells.Statuses[code] == 0)
            {
                continue;
            }

            var key = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            statuses[key] = cells.Statuses[code];
            if (!new RequestOutcome(code, ErrorKind.None).Succeeded)
            {
                failingStatuses[key] = cells.Statuses[code];
            }
        }

        var active = result.ActiveSeconds[target];
        return new SeriesReport(
            label,
            cells.Sent,
            cells.Ok,
            new ErrorsReport(
                errors,
                failingStatuses,
                cells.Errors[(int)ErrorKind.Timeout],
                cells.Errors[(int)ErrorKind.Refused],
                cells.Errors[(int)ErrorKind.Reset],
                cells.Errors[(int)ErrorKind.Other]),
            cells.Sent == 0 ? 0 : Math.Round(errors * 100.0 / cells.Sent, 4),
            statuses,
            cells.Late,
            dropped,
            open ? result.Plan.Rate : null,
            active > 0 ? Math.Round(cells.Sent / active, 2) : 0,
            Math.Round(active, 3),
            Latency(cells.Corrected),
            Latency(cells.Uncorrected),
            open ? Latency(cells.SendLag) : null,
            timeline);
    }

    private static RatioReport Ratio(SeriesReport target, SeriesReport first) => new(
        Divide(target.AchievedRate, first.AchievedRate),
        Divide(target.Corrected.P50Us, first.Corrected.P50Us),
        Divide(target.Corrected.P99Us, first.Corrected.P99Us));

    private static double Divide(double value, double by) => by > 0 ? Math.Round(value / by, 3) : 0;
}
