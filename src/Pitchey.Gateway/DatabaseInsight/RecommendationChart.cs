using Pitchey.Database.Insight;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>Open recommendations by severity: a trend that falls as advice is acted on.</summary>
internal sealed class RecommendationChart(InsightMonitor monitor) : IStatusChart
{
    private static readonly string[] Severities = [RecommendationSeverity.Critical, RecommendationSeverity.Warning, RecommendationSeverity.Info];

    public string Id => "recommendations";

    public string Title => "Open recommendations";

    public string Unit => "";

    public void Sample(ChartSample sample)
    {
        if (monitor.Current is not { } report)
        {
            return;
        }

        foreach (var severity in Severities)
        {
            sample.Add(severity, report.Recommendations.Count(r => r.Severity == severity));
        }
    }
}
