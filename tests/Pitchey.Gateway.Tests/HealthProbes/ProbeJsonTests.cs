using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pitchey.Gateway.HealthProbes;

namespace Pitchey.Gateway.Tests.HealthProbes;

public sealed class ProbeJsonTests
{
    private static readonly ProbeReport Report = new(
        Sequence: 7,
        Status: HealthStatus.Degraded,
        CompletedAt: new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
        Duration: TimeSpan.FromMilliseconds(12.5),
        Entries:
        [
            new("connectivity", HealthStatus.Healthy, "Database connection successful in 2 ms", TimeSpan.FromMilliseconds(2), false, ["database"], new Dictionary<string, object> { ["latencyMs"] = 2.0 }),
            new("performance", HealthStatus.Degraded, "Basic query executed in 300 ms", TimeSpan.FromMilliseconds(300), false, ["database"], new Dictionary<string, object> { ["queryMs"] = 300.0, ["connectionCount"] = 4L }),
            new("custom", HealthStatus.Unhealthy, "timed out after 2000 ms", TimeSpan.FromSeconds(2), true, [], new Dictionary<string, object>()),
        ],
        Metrics: new ProbeMetrics(12.5, 4, 300, 0.25));

    [Fact]
    public void ApiHealthPrefix_WithSuffix_IsTheOldApiShape()
    {
        var body = ProbeJson.ApiHealthPrefix(Report).Concat(""","stale":false,"age":3}"""u8.ToArray()).ToArray();

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("degraded", root.GetProperty("status").GetString());
        Assert.Equal(Report.CompletedAt, root.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("pass", root.GetProperty("checks").GetProperty("connectivity").GetProperty("status").GetString());
        Assert.Equal("warn", root.GetProperty("checks").GetProperty("performance").GetProperty("status").GetString());
        Assert.Equal("fail", root.GetProperty("checks").GetProperty("custom").GetProperty("status").GetString());
        Assert.Equal("Basic query executed in 300 ms", root.GetProperty("checks").GetProperty("performance").GetProperty("message").GetString());
        var metrics = root.GetProperty("metrics");
        Assert.Equal(12.5, metrics.GetProperty("responseTime").GetDouble());
        Assert.Equal(4, metrics.GetProperty("connectionCount").GetInt64());
        Assert.Equal(300, metrics.GetProperty("avgQueryTime").GetDouble());
        Assert.Equal(0.25, metrics.GetProperty("errorRate").GetDouble());
        Assert.Equal(3, root.GetProperty("age").GetInt32());
    }

    [Fact]
    public void Summary_ListsEveryCheckStatus()
    {
        using var json = JsonDocument.Parse(ProbeJson.Summary(Report));

        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("connectivity").GetString());
        Assert.Equal("degraded", checks.GetProperty("performance").GetString());
        Assert.Equal("unhealthy", checks.GetProperty("custom").GetString());
    }

    [Fact]
    public void Detailed_CarriesDurationsTimeoutsAndData()
    {
        using var json = JsonDocument.Parse(ProbeJson.Detailed(Report, stale: true, ageSeconds: 15));

        var root = json.RootElement;
        Assert.True(root.GetProperty("stale").GetBoolean());
        Assert.Equal(7, root.GetProperty("sequence").GetInt64());
        var custom = root.GetProperty("checks").GetProperty("custom");
        Assert.True(custom.GetProperty("timedOut").GetBoolean());
        Assert.Equal(2000, custom.GetProperty("durationMs").GetDouble());
        Assert.Equal(4, root.GetProperty("checks").GetProperty("performance").GetProperty("data").GetProperty("connectionCount").GetInt64());
    }
}
