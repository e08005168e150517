using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Tests.Harness.Reports;

/// <summary>Hand-made reports with chosen figures, for judging and comparing without a run.</summary>
internal static class SampleReports
{
    public static SeriesReport Series(
        string? label = null, long sent = 10_000, long errors = 0, long p50Us = 400, long p99Us = 2_000, double rate = 1_000, long late = 0, long? dropped = 0)
    {
        var latency = new LatencyReport(sent, 100, p50Us, p50Us, p99Us / 2, p99Us, p99Us * 2, p99Us * 3, [new PercentilePoint(100, p99Us * 3, sent)]);
        return new SeriesReport(
            label, sent, sent - errors, new ErrorsReport(errors, errors > 0 ? new Dictionary<string, long> { ["503"] = errors } : [], 0, 0, 0, 0),
            sent == 0 ? 0 : errors * 100.0 / sent, new Dictionary<string, long> { ["200"] = sent - errors }, late, dropped, 1_000, rate, 10,
            latency, latency, latency, []);
    }

    public static TargetReport Target(SeriesReport total, params SeriesReport[] labels) =>
        new("http://127.0.0.1:8080/", "target", total, labels.Length == 0 ? [total with { Label = "only" }] : labels, null, 32);

    public static RunReport Run(TargetReport target, params ThresholdReport[] thresholds) => new(
        RunReport.CurrentSchemaVersion,
        "probe-storm",
        "test",
        DateTimeOffset.UnixEpoch,
        new RunSettingsReport("open", target.Url, [], 1_000, 32, 10, 0, 1_000_000, 5_000, 1, null, null, [.. thresholds.Select(t => t.Expression)], null),
        new MachineReport(2, "Linux", ".NET", true, 0.5),
        new ClientReport(10, 0, 0, "test"),
        10,
        "duration",
        [target],
        [],
        [],
        thresholds,
        null,
        thresholds.All(t => t.Passed),
        0);
}
