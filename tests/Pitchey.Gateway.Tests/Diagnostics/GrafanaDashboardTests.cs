using System.Text.Json;
using System.Text.RegularExpressions;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Tests.Diagnostics;

/// <summary>config/grafana/pitchey-gateway.json queries only what the gateway exports (<see cref="MetricCatalog"/>).</summary>
public sealed partial class GrafanaDashboardTests
{
    private static readonly string DashboardPath = Path.Combine(AppContext.BaseDirectory, "config", "grafana", "pitchey-gateway.json");

    [Fact]
    public void EveryMetricTheDashboardQueries_IsOneTheGatewayExports()
    {
        var exported = MetricCatalog.All.SelectMany(m => m.SeriesNames).ToHashSet(StringComparer.Ordinal);
        var queried = Queries().SelectMany(MetricNames).ToArray();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.Contains(name, exported));
    }

    [Fact]
    public void TheDashboard_UsesAPrometheusDatasourceVariable_AndCoversTheFiguresOperatorsAskFor()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var variables = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToArray();
        Assert.Contains(variables, v => v.GetProperty("type").GetString() == "datasource" && v.GetProperty("query").GetString() == "prometheus");

        var queried = Queries().SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);
        foreach (var needed in new[]
                 {
                     "http_server_request_duration_seconds_bucket", "pitchey_probe_report_age_seconds", "pitchey_breaker_state",
                     "pitchey_db_replica_lag_seconds", "pitchey_db_query_duration_seconds_bucket", "db_client_connection_count",
                     "pitchey_db_slow_queries_total", "pitchey_db_recommendations", "pitchey_alerts_active", "pitchey_alerts_notifications_total",
                 })
        {
            Assert.Contains(needed, queried);
        }
    }

    [Fact]
    public void EveryPanel_HasItsOwnId_AndItsOwnPlaceOnTheGrid()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetInt32(), Grid: p.GetProperty("gridPos")))
            .Select(p => (p.Id, X: p.Grid.GetProperty("x").GetInt32(), Y: p.Grid.GetProperty("y").GetInt32(), W: p.Grid.GetProperty("w").GetInt32(), H: p.Grid.GetProperty("h").GetInt32()))
            .ToArray();

        Assert.Equal(panels.Length, panels.Select(p => p.Id).Distinct().Count());
        Assert.All(panels, p => Assert.InRange(p.X + p.W, 1, 24));
        foreach (var a in panels)
        {
            Assert.DoesNotContain(panels, b => b.Id != a.Id && a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H);
        }
    }

    [Fact]
    public void EveryCatalogEntry_IsAPrometheusName_WithTheSuffixItsTypeGets()
    {
        Assert.All(MetricCatalog.All, metric =>
        {
            Assert.Matches("^[a-z_][a-z0-9_]*$", metric.Name);
            Assert.Equal(metric.Type == MetricCatalog.Counter, metric.Name.EndsWith("_total", StringComparison.Ordinal));
        });
        Assert.Equal(MetricCatalog.All.Count, MetricCatalog.All.Select(m => m.Name).Distinct().Count());
    }

    /// <summary>Every PromQL expression of every panel, and the variables' queries.</summary>
    private static IEnumerable<string> Queries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var root = dashboard.RootElement;
        var expressions = new List<string>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            expressions.AddRange(panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
        }

        expressions.AddRange(root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(v => v.GetProperty("type").GetString() == "query")
            .Select(v => v.GetProperty("query").GetString()!));
        return expressions;
    }

    /// <summary>The metric names in an expression: identifiers before a selector, and label_values' first argument.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var names = Selector().Matches(expression).Select(m => m.Groups[1].Value)
            .Concat(LabelValues().Matches(expression).Select(m => m.Groups[1].Value))
            .ToArray();
        Assert.True(names.Length > 0, $"no metric found in '{expression}'");
        return names;
    }

    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();

    [GeneratedRegex(@"label_values\(([a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex LabelValues();
}
