using Pitchey.LoadTests.Harness.Thresholds;

namespace Pitchey.LoadTests.Tests.Harness.Thresholds;

/// <summary>Threshold expressions: what they mean, and the message for each one that means nothing.</summary>
public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p99<5ms", null, "P99", "<", 5_000, false)]
    [InlineData("p50<=2ms", null, "P50", "<=", 2_000, false)]
    [InlineData("p99.9 < 1.5s", null, "P999", "<", 1_500_000, false)]
    [InlineData("p999<800us", null, "P999", "<", 800, false)]
    [InlineData("max<=1s", null, "Max", "<=", 1_000_000, false)]
    [InlineData("errors<0.1%", null, "Errors", "<", 0.1, true)]
    [InlineData("errors<=3", null, "Errors", "<=", 3, false)]
    [InlineData("rps>20000", null, "Rps", ">", 20_000, false)]
    [InlineData("search.p99<50ms", "search", "P99", "<", 50_000, false)]
    [InlineData("api-health.p99.9<10ms", "api-health", "P999", "<", 10_000, false)]
    [InlineData("dropped>=0", null, "Dropped", ">=", 0, false)]
    [InlineData("late<1%", null, "Late", "<", 1, true)]
    public void Parse_Valid_MetricOperatorAndLimitInItsUnit(string text, string? label, string metric, string op, double limit, bool share)
    {
        var threshold = ThresholdParser.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new Threshold(text, label, Enum.Parse<ThresholdMetric>(metric), op, limit, share), threshold);
    }

    [Theory]
    [InlineData("p99<5", "threshold 'p99<5': a latency needs a unit (us, ms or s), e.g. p99<5ms")]
    [InlineData("rps>20k", "threshold 'rps>20k' is not [label.]metric op value (metrics p50 p90 p99 p99.9 max mean errors rps late dropped; ops < <= > >=; e.g. p99<5ms, errors<0.1%, rps>20000)")]
    [InlineData("rps>20%", "threshold 'rps>20%': rps is a bare number of requests per second, e.g. rps>20000")]
    [InlineData("errors<5ms", "threshold 'errors<5ms': errors is a count, or a share of sent requests with %, e.g. errors<0.1%")]
    [InlineData("p98<5ms", "threshold 'p98<5ms' is not [label.]metric op value (metrics p50 p90 p99 p99.9 max mean errors rps late dropped; ops < <= > >=; e.g. p99<5ms, errors<0.1%, rps>20000)")]
    [InlineData("p99=5ms", "threshold 'p99=5ms' is not [label.]metric op value (metrics p50 p90 p99 p99.9 max mean errors rps late dropped; ops < <= > >=; e.g. p99<5ms, errors<0.1%, rps>20000)")]
    public void Parse_Invalid_MessageNamesTheExpression(string text, string message)
    {
        Assert.Null(ThresholdParser.Parse(text, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("<", 4, true)]
    [InlineData("<", 5, false)]
    [InlineData("<=", 5, true)]
    [InlineData(">", 5, false)]
    [InlineData(">=", 5, true)]
    public void Holds_ComparesWithTheLimit(string op, double actual, bool holds) =>
        Assert.Equal(holds, new Threshold("x", null, ThresholdMetric.Rps, op, 5, false).Holds(actual));
}
