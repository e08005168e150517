using System.Globalization;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>How figures read on the console: latencies in milliseconds with the digits that matter, rates and counts grouped.</summary>
internal static class Figures
{
    /// <summary>412 µs → "0.41", 12,345 µs → "12.3", 345,678 µs → "346".</summary>
    public static string Ms(double microseconds)
    {
        var ms = microseconds / 1000;
        return ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);
    }

    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString(value < 100 ? "#,0.0" : "#,0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " %";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>A threshold's figure in its own unit.</summary>
    public static string Threshold(double value, string unit) => unit switch
    {
        "us" => Ms(value) + " ms",
        "%" => Percent(value),
        "rps" => Rate(value) + "/s",
        _ => Count(value),
    };

    /// <summary>A scenario's own figure in its unit (<see cref="FigureValue.Unit"/>); "n/a" when it was not measured.</summary>
    public static string Value(double? value, string unit) => value is not { } v ? "n/a" : unit switch
    {
        "count" => Count(v),
        "s" => v.ToString("0.000", CultureInfo.InvariantCulture) + " s",
        "ms" => v.ToString(v < 10 ? "0.00" : "#,0.0", CultureInfo.InvariantCulture) + " ms",
        "MB" => v.ToString("#,0.0", CultureInfo.InvariantCulture) + " MB",
        "ratio" => Ratio(v),
        "%" => Percent(v),
        _ => v.ToString("#,0.###", CultureInfo.InvariantCulture) + " " + unit,
    };

    /// <summary>A target's short name: its host and port.</summary>
    public static string Target(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority + uri.AbsolutePath.TrimEnd('/') : url;
}
