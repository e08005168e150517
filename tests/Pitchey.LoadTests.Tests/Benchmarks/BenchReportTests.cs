using Pitchey.LoadTests.Benchmarks;

namespace Pitchey.LoadTests.Tests.Benchmarks;

public sealed class BenchReportTests
{
    [Fact]
    public void Render_WithAndWithout_TableWithSpeedUp()
    {
        var report = BenchReport.Render(
            "3 pitches, 10 users, 8 sessions, 0 pitch views",
            [new QueryTiming("browse: first page", 100, 150, 20)],
            [new QueryTiming("browse: first page", 2, 3.5, 200)]);

        Assert.Equal(
            """
            Data: 3 pitches, 10 users, 8 sessions, 0 pitch views. Runs per query: 200 with indexes, 20 without.

            | query | without indexes: median / p99 (ms) | with indexes: median / p99 (ms) | speed-up (median) |
            |---|---:|---:|---:|
            | browse: first page | 100.000 / 150.000 | 2.000 / 3.500 | 50x |

            """.ReplaceLineEndings(Environment.NewLine),
            report);
    }

    [Fact]
    public void Render_IndexedOnly_SaysNotMeasured()
    {
        var report = BenchReport.Render("scale", null, [new QueryTiming("session: lookup", 0.5, 0.75, 300)]);

        Assert.Contains("Runs per query: 300 with indexes, 0 without.", report, StringComparison.Ordinal);
        Assert.Contains("| session: lookup | not measured | 0.500 / 0.750 | |", report, StringComparison.Ordinal);
    }
}
