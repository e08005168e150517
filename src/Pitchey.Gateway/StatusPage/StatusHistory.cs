using System.Text.Json;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// The bounded in-memory history behind the status page's charts: a ring of the last
/// <c>HistoryWindow / HistoryInterval</c> samples (at most <see cref="ManagementConstants.MaxHistorySamples"/>).
/// Nothing is written anywhere: a restart starts the charts afresh, by design (no tables, no cron).
/// </summary>
internal sealed class StatusHistory
{
    private readonly Lock _gate = new();
    private readonly HistoryPoint?[] _ring;
    private int _next;
    private int _count;

    public StatusHistory(IOptions<ManagementOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Interval = settings.HistoryInterval;
        var capacity = (int)Math.Clamp(settings.HistoryWindow / settings.HistoryInterval, 1, ManagementConstants.MaxHistorySamples);
        _ring = new HistoryPoint?[capacity];
    }

    public TimeSpan Interval { get; }

    public int Capacity => _ring.Length;

    public void Add(HistoryPoint point)
    {
        lock (_gate)
        {
            _ring[_next] = point;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The kept samples, oldest first.</summary>
    public IReadOnlyList<HistoryPoint> Points()
    {
        lock (_gate)
        {
            var points = new HistoryPoint[_count];
            var start = (_next - _count + _ring.Length) % _ring.Length;
            for (var i = 0; i < _count; i++)
            {
                points[i] = _ring[(start + i) % _ring.Length]!;
            }

            return points;
        }
    }

    /// <summary>
    /// <c>{"intervalSeconds","windowSeconds","charts":[{"id","title","unit","lines":[{"name","points":[[unixSeconds,value],...]}]}]}</c>,
    /// charts in <paramref name="charts"/> order, lines in the order they first appeared.
    /// </summary>
    public void WriteJson(Utf8JsonWriter writer, IEnumerable<IStatusChart> charts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(charts);
        var points = Points();
        writer.WriteStartObject();
        writer.WriteNumber("intervalSeconds", Interval.TotalSeconds);
        writer.WriteNumber("windowSeconds", Interval.TotalSeconds * Capacity);
        writer.WriteStartArray("charts");
        foreach (var chart in charts)
        {
            var lines = new Dictionary<string, List<(long At, double Value)>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var point in points)
            {
                if (!point.Charts.TryGetValue(chart.Id, out var values))
                {
                    continue;
                }

                foreach (var (line, value) in values)
                {
                    if (!lines.TryGetValue(line, out var series))
                    {
                        lines[line] = series = [];
                        order.Add(line);
                    }

                    series.Add((point.At.ToUnixTimeSeconds(), value));
                }
            }

            writer.WriteStartObject();
            writer.WriteString("id", chart.Id);
            writer.WriteString("title", chart.Title);
            writer.WriteString("unit", chart.Unit);
            writer.WriteStartArray("lines");
            foreach (var name in order)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteStartArray("points");
                foreach (var (at, value) in lines[name])
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(at);
                    writer.WriteNumberValue(Math.Round(value, 3));
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
