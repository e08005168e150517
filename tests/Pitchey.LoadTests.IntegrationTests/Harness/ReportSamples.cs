using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// Hand-made reports for the page, with parts no short real run fills: two targets, several labels,
/// errors by kind, events before, in and after the window, server side with statements, a baseline
/// with a regression, and report strings that look like markup; and a report where nothing was sent.
/// </summary>
internal static class ReportSamples
{
    public const string Hostile = "</script><img src=x onerror=alert(1)>";

    /// <summary>Events at -1 s (warm-up), 3 s and 6 s (in the 10 s window) and 12 s (after it).</summary>
    public static readonly IReadOnlyList<RunEventReport> Events =
    [
        new(-1, "warm-up " + Hostile, null),
        new(3, "faults on", "<b>every answer 503</b> " + Hostile),
        new(6, "faults off", null),
        new(12, "recovered", "after the window"),
    ];

    public static RunReport Full()
    {
        var gateway = new TargetReport(
            "http://127.0.0.1:8080/", "target", Series(null, 2_000, 40), [Series(Hostile, 1_200, 40), Series("search", 800, 0)], null, 32);
        var upstream = new TargetReport(
            "http://127.0.0.1:5080/", "compare", Series(null, 1_900, 0), [Series("forwarded", 1_900, 0)], new RatioReport(0.95, 0.8, 0.7), 32);
        var thresholds = new ThresholdReport[]
        {
            new("p99<5ms", null, "p99", "<", 5_000, "us", 2_000, true),
            new(Hostile + ".errors<0.1%", Hostile, "errors", "<", 0.1, "%", 3.33, false),
        };
        return new RunReport(
            RunReport.CurrentSchemaVersion, "pass-through", "two targets " + Hostile, DateTimeOffset.UnixEpoch,
            new RunSettingsReport("open", gateway.Url, [upstream.Url], 400, 8, 10, 2, 1_000_000, 5_000, 1, 250, "/api/pitches/1", [.. thresholds.Select(t => t.Expression)], "old.json"),
            new MachineReport(2, "Linux", ".NET", true, 0.5),
            new ClientReport(9.5, 0, 1, "inline completions 1"),
            10,
            "duration",
            [gateway, upstream],
            [
                new ServerSideReport("postgres", "PostgreSQL database pitchey", true, null,
                    [new ServerCounter("transactions", 500, true, 7.8)], [new StatementReport("SELECT 1 /* " + Hostile + " */", 500, 12.5, 0.025)]),
                ServerSideReport.Unavailable("health-checks", "health-check runs", "note " + Hostile),
            ],
            Events,
            thresholds,
            new BaselineReport("old.json", 20, false,
                [new BaselineDelta(null, "p99", 1_500, 2_000, 33.3, true), new BaselineDelta(Hostile, "errors", 0, 3.33, 3.33, true)],
                [thresholds[0]], ["another rate " + Hostile]),
            false,
            3);
    }

    public static RunReport NothingSent()
    {
        var none = new LatencyReport(0, 0, 0, 0, 0, 0, 0, 0, []);
        var errors = new ErrorsReport(0, new Dictionary<string, long>(), 0, 0, 0, 0);
        var series = new SeriesReport(null, 0, 0, errors, 0, new Dictionary<string, long>(), 0, null, null, 0, 0, none, none, null, []);
        var target = new TargetReport("http://127.0.0.1:9/", "target", series, [series with { Label = "get" }], null, 0);
        return new RunReport(
            RunReport.CurrentSchemaVersion, "pass-through", "nothing answered", DateTimeOffset.UnixEpoch,
            new RunSettingsReport("closed", target.Url, [], null, 1, 1, 0, 10, 5_000, 1, null, null, [], null),
            new MachineReport(2, "Linux", ".NET", false, null),
            new ClientReport(0, 0, 0, "none"),
            0.2,
            "cancelled",
            [target],
            [],
            [],
            [],
            null,
            true,
            130);
    }

    /// <summary>A series over 10 s: <paramref name="sent"/> requests, <paramref name="errors"/> of them 503s in seconds 3 to 5.</summary>
    private static SeriesReport Series(string? label, long sent, long errors)
    {
        var perSecond = sent / 10;
        var timeline = Enumerable.Range(0, 10).Select(second =>
        {
            var failed = second is >= 3 and < 6 ? errors / 3 + (second == 3 ? errors % 3 : 0) : 0;
            return new TimelinePoint(second, perSecond, perSecond - failed, failed, 400 + second * 10, 900, 2_000 + second * 100, 3_000, 1_500);
        }).ToList();
        var corrected = Latency(sent, 400, 2_000);
        var uncorrected = Latency(sent, 300, 1_500);
        var failing = errors > 0 ? new Dictionary<string, long> { ["503"] = errors } : new Dictionary<string, long>();
        var statuses = new Dictionary<string, long> { ["200"] = sent - errors };
        foreach (var (code, count) in failing)
        {
            statuses[code] = count;
        }

        return new SeriesReport(
            label, sent, sent - errors, new ErrorsReport(errors, failing, 0, 0, 0, 0), Math.Round(errors * 100.0 / sent, 4), statuses, 3,
            label is null ? 5 : null, 400, sent / 10.0, 10, corrected, uncorrected, Latency(sent, 20, 200), timeline);
    }

    private static LatencyReport Latency(long count, long p50Us, long p99Us) => new(
        count, p50Us / 4, p50Us * 1.2, p50Us, p50Us * 2, p99Us, p99Us * 2, p99Us * 3,
        [
            new PercentilePoint(0, p50Us / 4, 1),
            new PercentilePoint(50, p50Us, count / 2),
            new PercentilePoint(90, p50Us * 2, count * 9 / 10),
            new PercentilePoint(99, p99Us, count * 99 / 100),
            new PercentilePoint(99.9, p99Us * 2, count * 999 / 1000),
            new PercentilePoint(100, p99Us * 3, count),
        ]);
}
