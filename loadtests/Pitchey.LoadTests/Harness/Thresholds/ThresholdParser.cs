using System.Globalization;
using System.Text.RegularExpressions;

namespace Pitchey.LoadTests.Harness.Thresholds;

/// <summary>
/// Reads <c>--threshold</c> expressions. Latencies need a unit (us, ms or s); errors, late and
/// dropped take <c>%</c> for a share of sent requests or nothing for a count; rps takes a bare
/// number. A label prefix (<c>search.</c>) judges one request label of the first target.
/// </summary>
internal static partial class ThresholdParser
{
    /// <summary>The expression, or why it is not one (the message names the expression).</summary>
    public static Threshold? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Expression().Match(text.Trim());
        if (!match.Success)
        {
            error = $"threshold '{text}' is not [label.]metric op value (metrics p50 p90 p99 p99.9 max mean errors rps late dropped; ops < <= > >=; e.g. p99<5ms, errors<0.1%, rps>20000)";
            return null;
        }

        var metric = match.Groups["metric"].Value.ToLowerInvariant() switch
        {
            "p50" => ThresholdMetric.P50,
            "p90" => ThresholdMetric.P90,
            "p99" => ThresholdMetric.P99,
            "p99.9" or "p999" => ThresholdMetric.P999,
            "max" => ThresholdMetric.Max,
            "mean" => ThresholdMetric.Mean,
            "errors" => ThresholdMetric.Errors,
            "rps" => ThresholdMetric.Rps,
            "late" => ThresholdMetric.Late,
            _ => ThresholdMetric.Dropped,
        };
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var label = match.Groups["label"].Success ? match.Groups["label"].Value : null;
        var op = match.Groups["op"].Value;
        var threshold = new Threshold(text, label, metric, op, value, unit == "%");
        if (threshold.IsLatency)
        {
            double? scale = unit switch { "us" or "µs" => 1, "ms" => 1_000, "s" => 1_000_000, _ => null };
            if (scale is null)
            {
                error = $"threshold '{text}': a latency needs a unit (us, ms or s), e.g. p99<5ms";
                return null;
            }

            error = null;
            return threshold with { Limit = value * scale.Value };
        }

        if (metric == ThresholdMetric.Rps ? unit.Length > 0 : unit is not ("" or "%"))
        {
            error = metric == ThresholdMetric.Rps
                ? $"threshold '{text}': rps is a bare number of requests per second, e.g. rps>20000"
                : $"threshold '{text}': {threshold.MetricName} is a count, or a share of sent requests with %, e.g. errors<0.1%";
            return null;
        }

        error = null;
        return threshold;
    }

    [GeneratedRegex(@"^(?:(?<label>[A-Za-z0-9_\-/]+)\.)?(?<metric>p50|p90|p99\.9|p999|p99|max|mean|errors|rps|late|dropped)\s*(?<op><=|>=|<|>)\s*(?<value>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>us|µs|ms|s|%)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
