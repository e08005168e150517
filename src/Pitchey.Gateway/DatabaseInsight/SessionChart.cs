using Pitchey.Database.Insight;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>Client sessions per host from the insight's last round: active ones, and those idle inside a transaction.</summary>
internal sealed class SessionChart(InsightMonitor monitor) : IStatusChart
{
    public string Id => "db-sessions";

    public string Title => "Database sessions";

    public string Unit => "";

    public void Sample(ChartSample sample)
    {
        foreach (var host in monitor.Current?.Snapshot.Hosts.Where(h => h.Reachable) ?? [])
        {
            sample.Add($"{host.Host} active", host.Sessions.Count(s => s.IsActive));
            sample.Add($"{host.Host} idle in transaction", host.Sessions.Count(s => s.IsIdleInTransaction));
        }
    }
}
