using System.Globalization;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The gateway's own account of its memory from the management listener's Prometheus <c>/metrics</c>:
/// the runtime's working set (<see cref="Names"/>, the first one exported). For another process
/// than the one <c>--target-pid</c> names, or a gateway in a container.
/// </summary>
internal sealed class MetricsMemory(HttpClient management, Uri metrics) : IMemorySource
{
    /// <summary>Working-set gauges in bytes, as the .NET runtime's meter and OpenTelemetry's process instrumentation export them.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["dotnet_process_memory_working_set_bytes", "process_memory_usage_bytes", "process_working_set_bytes", "process_resident_memory_bytes"];

    public string Title => $"memory of the gateway (working set from {metrics})";

    public string SeriesName => "working set";

    public async Task<(double? Megabytes, string? Failure)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await management.GetAsync(metrics, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{metrics} answered {(int)response.StatusCode}");
            }

            var bytes = Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return bytes is null ? (null, $"{metrics} exports none of {string.Join(", ", Names)}") : (bytes / (1024.0 * 1024.0), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (null, $"{metrics} could not be read ({exception.GetType().Name})");
        }
    }

    public double? Peak() => null;

    /// <summary>The first of <see cref="Names"/> in a Prometheus text exposition, its samples summed (bytes); null when none is there.</summary>
    internal static double? Parse(string exposition)
    {
        var lines = exposition.Split('\n');
        foreach (var name in Names)
        {
            double? sum = null;
            foreach (var line in lines)
            {
                if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
                {
                    var value = line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0];
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        sum = (sum ?? 0) + number;
                    }
                }
            }

            if (sum is not null)
            {
                return sum;
            }
        }

        return null;
    }
}
