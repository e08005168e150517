using System.Globalization;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// How every verb reads a duration on its command line: <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>
/// or a TimeSpan such as <c>00:00:02</c>. Public: the load-test tool's <c>run</c> takes durations the
/// same way as <c>migrate</c>.
/// </summary>
public static class CliDuration
{
    /// <summary>The duration <paramref name="value"/> names; null when it names none (or a negative one).</summary>
    public static TimeSpan? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 1.0),
            _ when value.EndsWith('s') => (value[..^1], 1000.0),
            _ when value.EndsWith('m') => (value[..^1], 60_000.0),
            _ when value.EndsWith('h') => (value[..^1], 3_600_000.0),
            _ => ("", 0),
        };
        if (scale > 0 && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return TimeSpan.FromMilliseconds(amount * scale);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span : null;
    }
}
