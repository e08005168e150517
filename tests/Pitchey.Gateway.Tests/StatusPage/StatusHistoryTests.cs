using System.Text.Json;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Tests.StatusPage;

public sealed class StatusHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Capacity_IsWindowOverInterval()
    {
        var history = History(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(5));

        Assert.Equal(360, history.Capacity);
    }

    [Fact]
    public void Add_PastCapacity_KeepsTheNewest_OldestFirst()
    {
        var history = History(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));
        for (var i = 0; i < 20; i++)
        {
            history.Add(Point(i, ("requests", "all", i)));
        }

        var points = history.Points();

        Assert.Equal(6, points.Count);
        Assert.Equal(Enumerable.Range(14, 6).Select(i => Start.AddSeconds(10 * i)), points.Select(p => p.At));
    }

    [Fact]
    public void WriteJson_GroupsValuesByChartAndLine_InChartOrder_WithUnixSeconds()
    {
        var history = History(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));
        history.Add(Point(0, ("lag", "replica1", 0.5), ("requests", "all", 12)));
        history.Add(Point(1, ("lag", "replica1", 1.25), ("lag", "replica2", 3)));

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            history.WriteJson(writer, [new Chart("requests"), new Chart("lag"), new Chart("empty")]);
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("intervalSeconds").GetDouble());
        Assert.Equal(60, root.GetProperty("windowSeconds").GetDouble());
        var charts = root.GetProperty("charts").EnumerateArray().ToArray();
        Assert.Equal(["requests", "lag", "empty"], charts.Select(c => c.GetProperty("id").GetString()));
        var lag = charts[1].GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal(["replica1", "replica2"], lag.Select(l => l.GetProperty("name").GetString()));
        var replica1 = lag[0].GetProperty("points").EnumerateArray().Select(p => (p[0].GetInt64(), p[1].GetDouble())).ToArray();
        Assert.Equal([(Start.ToUnixTimeSeconds(), 0.5), (Start.AddSeconds(10).ToUnixTimeSeconds(), 1.25)], replica1);
        Assert.Equal(0, charts[2].GetProperty("lines").GetArrayLength());
    }

    private static StatusHistory History(TimeSpan window, TimeSpan interval) =>
        new(Options.Create(new ManagementOptions { HistoryWindow = window, HistoryInterval = interval }));

    private static HistoryPoint Point(int index, params (string Chart, string Line, double Value)[] values) =>
        new(Start.AddSeconds(10 * index), values
            .GroupBy(v => v.Chart)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<KeyValuePair<string, double>>)g.Select(v => new KeyValuePair<string, double>(v.Line, v.Value)).ToList()));

    private sealed class Chart(string id) : IStatusChart
    {
        public string Id => id;

        public string Title => id;

        public string Unit => "";

        public void Sample(ChartSample sample)
        {
        }
    }
}
